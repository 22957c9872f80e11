#include "ui/helpdialogs.h"

#include "widgets/accessibletext.h"

#include "domain/provinces.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QEvent>
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

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent), m_menus(menus), m_table(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
    retranslate();
}

void ShortcutsDialog::changeEvent(QEvent *event)
{
    // Once the menus have their new texts too: every window gets its LanguageChange in turn.
    if (event->type() == QEvent::LanguageChange)
        QMetaObject::invokeMethod(this, &ShortcutsDialog::retranslate, Qt::QueuedConnection);
    QDialog::changeEvent(event);
}

void ShortcutsDialog::retranslate()
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<Entry> entries = m_menus ? menuShortcuts(m_menus) : QList<Entry>();
    // The map's keys work while the map has the focus (click it, or Tab to it).
    const QString map = tr("Map");
    entries.append({map + QStringLiteral(" › ") + tr("Pan"),
                    QKeySequence(Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down)});
    entries.append({map + QStringLiteral(" › ") + tr("Zoom in"), QKeySequence(Qt::Key_Plus)});
    entries.append({map + QStringLiteral(" › ") + tr("Zoom out"), QKeySequence(Qt::Key_Minus)});
    entries.append({map + QStringLiteral(" › ") + tr("Fit the country"), QKeySequence(Qt::Key_0)});
    entries.append({map + QStringLiteral(" › ") + tr("Select the next / previous node"),
                    QKeySequence(Qt::Key_N, Qt::SHIFT | Qt::Key_N)});
    entries.append({map + QStringLiteral(" › ") + tr("Say the selected node's status (hover card, status bar, "
                                                    "screen reader)"),
                    QKeySequence(Qt::Key_S, Qt::Key_Space)});
    entries.append({map + QStringLiteral(" › ") + tr("Say how the selected node's next / previous link is"),
                    QKeySequence(Qt::Key_L, Qt::SHIFT | Qt::Key_L)});
    entries.append({map + QStringLiteral(" › ") + tr("Say how the selected node's province is"), QKeySequence(Qt::Key_R)});
    entries.append({map + QStringLiteral(" › ") + tr("Show the selected node's province in the Nodes table"),
                    QKeySequence(Qt::Key_F)});
    entries.append({map + QStringLiteral(" › ") + tr("Open the selected node's details"), QKeySequence(Qt::Key_Return)});
    entries.append({map + QStringLiteral(" › ") + tr("The selected node's menu (pin charts)"),
                    QKeySequence(Qt::Key_Menu, Qt::SHIFT | Qt::Key_F10)});
    entries.append({map + QStringLiteral(" › ") + tr("Place the workload selected in the queue on the selected node"),
                    QKeySequence(Qt::Key_P)});

    QTableWidget *table = m_table;
    table->setRowCount(int(entries.size()));
    setAccessibleText(table, tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Command"), tr("Keys")});
    for (int row = 0; row < entries.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(entries.at(row).where));
        table->setItem(row, 1, new QTableWidgetItem(entries.at(row).keys.toString(QKeySequence::NativeText)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

QString UserGuideDialog::guideMarkdown()
{
    QFile file(chineseNamesFirst() ? QStringLiteral(":/docs/user-guide.zh_CN.md")
                                   : QStringLiteral(":/docs/user-guide.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

UserGuideDialog::UserGuideDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuideDialog"));
    QTextBrowser *browser = m_browser;
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(760, 640);
    retranslate();
}

void UserGuideDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

// The title, and the guide of the new language.
void UserGuideDialog::retranslate()
{
    setWindowTitle(tr("User Guide"));
    setAccessibleText(m_browser, tr("User guide"));
    m_browser->setMarkdown(guideMarkdown());
}

} // namespace cpn
