// Every top-level window and dialog of the console, in English and in Simplified Chinese at 1366x768:
// no label or button whose text does not fit, no literal '&' where a mnemonic was meant, and no two
// controls of one window on the same Alt key.
#include "consoleapp.h"
#include "ui/helpdialogs.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTranslator>
#include <QWizard>

using namespace cpn;
using namespace cpn::console;

class TestWindowTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textsFit_data();
    void textsFit();
};

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower-cased; null when none.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

QString describe(const QWidget *w, const QString &text)
{
    return QStringLiteral("%1 \"%2\" in %3")
        .arg(QString::fromLatin1(w->metaObject()->className()), text, w->window()->objectName());
}

// What is wrong with the texts of one window, one line each.
QStringList problemsIn(QWidget *window)
{
    QStringList problems;
    QHash<QChar, QString> mnemonics;
    const auto claim = [&](const QWidget *w, const QString &text) {
        const QChar key = mnemonicOf(text);
        if (key.isNull())
            return;
        if (mnemonics.contains(key))
            problems << QStringLiteral("Alt+%1 twice: %2 and %3")
                            .arg(key, mnemonics.value(key), describe(w, text));
        else
            mnemonics.insert(key, describe(w, text));
    };
    for (QLabel *label : window->findChildren<QLabel *>()) {
        const QString text = label->text();
        if (!label->isVisibleTo(window) || text.isEmpty() || Qt::mightBeRichText(text))
            continue;
        if (!label->buddy() && !mnemonicOf(text).isNull())
            problems << QStringLiteral("literal '&': %1").arg(describe(label, text));
        if (label->buddy())
            claim(label, text);
        if (!label->wordWrap() && label->width() + 1 < label->minimumSizeHint().width())
            problems << QStringLiteral("cut (%1 of %2 px): %3")
                            .arg(label->width())
                            .arg(label->minimumSizeHint().width())
                            .arg(describe(label, text));
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        const QString text = button->text();
        if (!button->isVisibleTo(window) || text.isEmpty() || button->inherits("QToolButton"))
            continue;
        claim(button, text);
        if (button->width() + 1 < button->sizeHint().width())
            problems << QStringLiteral("cut (%1 of %2 px): %3")
                            .arg(button->width())
                            .arg(button->sizeHint().width())
                            .arg(describe(button, text));
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (box->isVisibleTo(window))
            claim(box, box->title());
    }
    // The menu titles take their Alt keys in the whole window, docks included.
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (const QAction *menu : main->menuBar()->actions())
            claim(main->menuBar(), menu->text());
    }
    return problems;
}

} // namespace

void TestWindowTexts::textsFit_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestWindowTexts::textsFit()
{
    QFETCH(QString, language);
    const QLocale locale(language);
    QLocale::setDefault(locale);
    QTranslator ours, qt;
    if (language != u"en") {
        QVERIFY(ours.load(locale, QStringLiteral("cpn"), QStringLiteral("_"), QStringLiteral(CPN_QM_DIR)));
        QCoreApplication::installTranslator(&ours);
        if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
    }

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions options;
    options.cacheDirectory = dir.path();
    options.connectUrls = {QUrl(QStringLiteral("http://127.0.0.1:9"))}; // a root that never answers
    ConsoleApp console(options, &settings);
    console.start();
    MainWindow *window = console.window();
    window->setGeometry(0, 0, 1366, 768);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTest::qWait(200);

    QVERIFY2(window->screen()->geometry().size() == QSize(1366, 768),
             "run through ctest, which gives the test a 1366x768 screen (tests/gui/windows/CMakeLists.txt)");
    // The window fits the screen: nothing it holds asks for more than 1366 pixels.
    QVERIFY2(window->width() <= 1366 && window->height() <= 768,
             qPrintable(QStringLiteral("%1x%2, at least %3x%4")
                            .arg(window->width())
                            .arg(window->height())
                            .arg(window->minimumSizeHint().width())
                            .arg(window->minimumSizeHint().height())));
    QStringList problems = problemsIn(window);
    // Each dock in front in turn: a dock behind a tab shows nothing to clash with until it is raised.
    for (QDockWidget *dock : window->findChildren<QDockWidget *>()) {
        dock->show();
        dock->raise();
        QTest::qWait(20);
        problems << problemsIn(window);
    }
    int dialogsSeen = 0;
    // The windows the menus open, each over the main window at its own size.
    for (const char *name :
         {"connectFederationAction", "manageAccountsAction", "selectResourcesAction", "placeJobAction",
          "saveSnapshotAction", "compareSnapshotsAction", "reviewLastHourAction", "handoverReportAction",
          "userGuideAction", "shortcutsAction", "newWorkload"}) {
        // In a menu, or a dock's own (the workload queue's New…).
        QAction *action = window->findChild<QAction *>(QLatin1String(name));
        for (QMenu *menu : window->findChildren<QMenu *>()) {
            for (QAction *a : menu->actions()) {
                if (a->objectName() == QLatin1String(name))
                    action = a;
            }
        }
        QVERIFY2(action, name);
        // The dialog is looked at from the event loop: one opened with exec() returns only once closed.
        bool seen = false;
        QTimer look;
        look.setInterval(50);
        connect(&look, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<QDialog *>(w);
                if (!dialog || !dialog->isVisible())
                    continue;
                if (!qobject_cast<QFileDialog *>(dialog)) { // a file chooser is the platform's
                    if (dialog->objectName().isEmpty())
                        dialog->setObjectName(QString::fromLatin1(name));
                    problems << problemsIn(dialog);
                }
                seen = true;
                look.stop();
                dialog->reject();
                return;
            }
        });
        look.start();
        action->setEnabled(true);
        action->trigger();
        seen = QTest::qWaitFor([&] { return seen; }, 3000); // some actions open no dialog here
        look.stop();
        dialogsSeen += seen;
        QTest::qWait(50);
    }
    QVERIFY2(dialogsSeen >= 9, qPrintable(QString::number(dialogsSeen)));

    // One key, one command: the shortcut sheet is read from the menus, so it shows every clash.
    QHash<QKeySequence, QString> owners;
    for (const ShortcutsDialog::Entry &entry : ShortcutsDialog::menuShortcuts(window->menuBar())) {
        if (owners.contains(entry.keys))
            problems << QStringLiteral("%1 twice: %2 and %3")
                            .arg(entry.keys.toString(), owners.value(entry.keys), entry.where);
        owners.insert(entry.keys, entry.where);
    }
    QVERIFY(owners.contains(QKeySequence(Qt::CTRL | Qt::Key_1)));
    // The guide ships in the language shown.
    const QString guide = UserGuideDialog::guideMarkdown();
    QVERIFY(guide.contains(language == u"en" ? QStringLiteral("user guide") : QStringLiteral("用户指南")));
    problems.removeDuplicates();
    QCoreApplication::removeTranslator(&ours);
    QCoreApplication::removeTranslator(&qt);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestWindowTexts)
#include "tst_windowtexts.moc"
