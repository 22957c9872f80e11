#include "ui/helpdialogs.h"

#include "domain/provinces.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cpn {

namespace {

QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    // A Chinese mnemonic reads "节点(&N)": drop the "(N)" left behind.
    static const QRegularExpression trailingKey(QStringLiteral("\\([A-Za-z0-9]\\)"));
    text.remove(trailingKey);
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

void collect(const QMenu *menu, const QString &path, QList<ShortcutsDialog::Entry> &entries)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString where = path + QStringLiteral(" › ") + withoutMnemonic(action->text());
        if (action->menu())
            collect(action->menu(), where, entries);
        else if (!action->shortcut().isEmpty())
            entries.append({where, action->shortcut()});
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::menuShortcuts(const QMenuBar *menus)
{
    QList<Entry> entries;
    for (const QAction *top : menus->actions()) {
        if (top->menu())
            collect(top->menu(), withoutMnemonic(top->text()), entries);
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<Entry> entries = menuShortcuts(menus);
    // The map's keys work while the map has the focus (click it, or Tab to it).
    const QString map = tr("Map");
    entries.append({map + QStringLiteral(" › ") + tr("Pan"),
                    QKeySequence(Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down)});
    entries.append({map + QStringLiteral(" › ") + tr("Zoom in"), QKeySequence(Qt::Key_Plus)});
    entries.append({map + QStringLiteral(" › ") + tr("Zoom out"), QKeySequence(Qt::Key_Minus)});
    entries.append({map + QStringLiteral(" › ") + tr("Fit the country"), QKeySequence(Qt::Key_0)});

    auto *table = new QTableWidget(int(entries.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int row = 0; row < entries.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(entries.at(row).where));
        table->setItem(row, 1, new QTableWidgetItem(entries.at(row).keys.toString(QKeySequence::NativeText)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(560, 520);
}

QString UserGuideDialog::guideMarkdown()
{
    QFile file(chineseNamesFirst() ? QStringLiteral(":/docs/user-guide.zh_CN.md")
                                   : QStringLiteral(":/docs/user-guide.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("User Guide"));
    auto *browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(guideMarkdown());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(760, 640);
}

} // namespace cpn
