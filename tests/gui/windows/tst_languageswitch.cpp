// View > Language at run time: the real main window, with a dock in front, the job wizard and the
// Connect dialog open, switches to Simplified Chinese and back; every one of them follows at once,
// the choice is saved, and the next console starts in it.
#include "consoleapp.h"
#include "translations.h"
#include "ui/mainwindow.h"
#include "itemmodels/nodetablemodel.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/latencypanel.h"
#include "ui/nodespanel.h"
#include "ui/overviewpanel.h"
#include "ui/planning/jobwizard.h"
#include "ui/registry/identifiermanagementwindow.h"
#include "widgets/keyfiguretile.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QTableView>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

#include <memory>

using namespace cpn;
using namespace cpn::console;

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchesEveryOpenWindow();
};

namespace {

// Not tr(): inside the test class that would be QObject::tr (source, disambiguation).
QString translated(const char *context, const char *source)
{
    return QCoreApplication::translate(context, source);
}

QAction *languageAction(MainWindow *window, const QString &objectName)
{
    return window->languageMenu() ? window->languageMenu()->findChild<QAction *>(objectName) : nullptr;
}

QStringList menuTitles(MainWindow *window)
{
    QStringList titles;
    for (const QAction *menu : window->menuBar()->actions())
        titles << menu->text();
    return titles;
}

QDialog *openDialogNamed(const QString &objectName)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == objectName && w->isVisible())
            return qobject_cast<QDialog *>(w);
    }
    return nullptr;
}

// What the open window, dock, wizard and dialog show, against what the language of the moment says
// they should. Every text is looked up again here, so a widget that kept its first language fails.
void checkTexts(MainWindow *window, QWizard *wizard, QDialog *dialog, QDialog *identifiers)
{
    const QStringList titles = menuTitles(window);
    QVERIFY2(titles.contains(translated("cpn::MainWindow", "&File")), qPrintable(titles.join(u' ')));
    QVERIFY2(titles.contains(translated("cpn::MainWindow", "&View")), qPrintable(titles.join(u' ')));
    QVERIFY2(titles.contains(translated("cpn::MainWindow", "&Help")), qPrintable(titles.join(u' ')));
    QVERIFY2(titles.contains(translated("cpn::PlanningUi", "&Planning")), qPrintable(titles.join(u' ')));
    QCOMPARE(window->languageMenu()->title(), translated("cpn::MainWindow", "Lan&guage"));
    QCOMPARE(window->nodesDock()->windowTitle(), translated("cpn::MainWindow", "Nodes"));
    QCOMPARE(window->nodesDock()->toggleViewAction()->text(), translated("cpn::MainWindow", "Nodes"));
    QCOMPARE(window->jobsDock()->windowTitle(), translated("cpn::PlanningUi", "Jobs"));
    QCOMPARE(window->selectResourcesAction()->text(), translated("cpn::PlanningUi", "&Select Resources…"));

    QCOMPARE(wizard->windowTitle(), translated("cpn::JobWizard", "Place a Job"));
    QCOMPARE(wizard->currentPage()->title(), translated("cpn::RequirementsPage", "Requirements"));
    QStringList labels;
    for (const QLabel *label : wizard->currentPage()->findChildren<QLabel *>())
        labels << label->text();
    QVERIFY2(labels.contains(translated("cpn::RequirementsPage", "&CPU:")), qPrintable(labels.join(u'|')));
    // Qt's own buttons, from Qt's translation.
    const QString next = wizard->button(QWizard::NextButton)->text();
    QVERIFY2(next == translated("QWizard", "&Next >") || next == translated("QWizard", "&Next") + QStringLiteral(" >")
                 || next == translated("QWizard", "&Next"),
             qPrintable(next));
    QCOMPARE(wizard->button(QWizard::CancelButton)->text(), translated("QWizard", "Cancel"));

    QCOMPARE(dialog->windowTitle(), translated("cpn::ConnectDialog", "Connect to Federation"));
    auto *connectButton = dialog->findChild<QAbstractButton *>(QStringLiteral("connectButton"));
    QVERIFY(connectButton);
    QCOMPARE(connectButton->text(), translated("cpn::ConnectDialog", "Connect"));

    auto *status = window->findChild<QLabel *>(QStringLiteral("accountStatus"));
    QVERIFY(status);
    QCOMPARE(status->text(), translated("cpn::AccountsUi", "Not signed in"));

    // The docks converted after the first: their controls, and a model's header through the view.
    AlarmsPanel *alarms = window->alarmsPanel();
    QVERIFY(alarms);
    QCOMPARE(alarms->severityCombo()->itemText(0), translated("cpn::AlarmsPanel", "All severities"));
    QCOMPARE(alarms->acknowledgedCombo()->itemText(1), translated("cpn::AlarmsPanel", "Unacknowledged"));
    QCOMPARE(alarms->activeOnlyCheck()->text(), translated("cpn::AlarmsPanel", "Active only"));
    QCOMPARE(alarms->acknowledgeButton()->text(), translated("cpn::AlarmsPanel", "Acknowledge…"));
    QTableView *nodes = window->nodesPanel()->view();
    QCOMPARE(nodes->model()->headerData(NodeTableModel::StatusColumn, Qt::Horizontal).toString(),
             translated("cpn::NodeTableModel", "Status"));
    QCOMPARE(window->overviewPanel()->tile(OverviewPanel::NodesTile)->caption(),
             translated("cpn::OverviewPanel", "Nodes online").toUpper()); // shown in capitals
    QCOMPARE(window->latencyPanel()->ringsBox()->text(),
             translated("cpn::LatencyPanel", "&Rings on the map from the selected node"));
    QVERIFY2(identifiers->windowTitle().startsWith(translated("cpn::IdentifierManagementWindow", "Identifier Management")),
             qPrintable(identifiers->windowTitle()));
}

} // namespace

void TestLanguageSwitch::switchesEveryOpenWindow()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions options;
    options.cacheDirectory = dir.path();
    options.connectUrls = {QUrl(QStringLiteral("http://127.0.0.1:9"))}; // a root that never answers

    auto language = std::make_unique<UiLanguage>(QStringLiteral(CPN_QM_DIR));
    language->applyChoice(QStringLiteral("en"));
    auto console = std::make_unique<ConsoleApp>(options, &settings, language.get());
    console->start();
    MainWindow *window = console->window();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    // A dock in front, the job wizard on its requirements, the Connect dialog open.
    window->jobsDock()->show();
    window->jobsDock()->raise();
    QWizard *wizard = window->openJobWizard();
    QVERIFY(wizard);
    wizard->next();
    QCOMPARE(wizard->currentId(), 1);
    window->findChild<QAction *>(QStringLiteral("connectFederationAction"))->trigger();
    QDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (dialog = openDialogNamed(QStringLiteral("connectDialog"))) != nullptr; }));
    QDialog *identifiers = window->openIdentifierManagement();
    QVERIFY(identifiers);

    QAction *english = languageAction(window, QStringLiteral("language_en"));
    QAction *chinese = languageAction(window, QStringLiteral("language_zh_CN"));
    QAction *system = languageAction(window, QStringLiteral("languageSystem"));
    QVERIFY(english && chinese && system);
    QVERIFY(english->isChecked());
    // Each language's own name, whatever the interface's.
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    QCOMPARE(english->text(), QStringLiteral("English"));
    QCOMPARE(menuTitles(window).value(1), QStringLiteral("&View"));
    checkTexts(window, wizard, dialog, identifiers);
    if (QTest::currentTestFailed())
        return;

    chinese->trigger();
    QTest::qWait(100); // the LanguageChange events are posted
    QVERIFY(chinese->isChecked() && !english->isChecked());
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    // The translations of cpn_zh_CN.ts, not the English source, are what the window now shows.
    QCOMPARE(menuTitles(window).value(1), QStringLiteral("视图(&V)"));
    QCOMPARE(translated("QWizard", "Cancel"), QStringLiteral("取消"));
    checkTexts(window, wizard, dialog, identifiers);
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    QCOMPARE(english->text(), QStringLiteral("English"));
    QVERIFY(system->text() != QStringLiteral("&System Language"));
    QVERIFY(window->windowTitle().contains(translated("cpn::MainWindow", "CPN Control Center")));
    QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));

    english->trigger();
    QTest::qWait(100);
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
    QCOMPARE(menuTitles(window).value(1), QStringLiteral("&View"));
    QCOMPARE(wizard->currentPage()->title(), QStringLiteral("Requirements"));
    checkTexts(window, wizard, dialog, identifiers);

    // Chosen once more, then a console started anew (the same settings) is in Chinese from the start,
    // unless --lang says otherwise for that run.
    chinese->trigger();
    QTest::qWait(50);
    dialog->reject();
    wizard->reject();
    console.reset();
    language.reset();
    QCOMPARE(translated("cpn::MainWindow", "&View"), QStringLiteral("&View")); // no translator left behind
    QCOMPARE(UiLanguage::startupChoice(QString(), &settings), QStringLiteral("zh_CN"));
    QCOMPARE(UiLanguage::startupChoice(QStringLiteral("en"), &settings), QStringLiteral("en"));
    language = std::make_unique<UiLanguage>(QStringLiteral(CPN_QM_DIR));
    language->applyChoice(UiLanguage::startupChoice(QString(), &settings));
    console = std::make_unique<ConsoleApp>(options, &settings, language.get());
    console->start();
    window = console->window();
    QCOMPARE(menuTitles(window).value(1), QStringLiteral("视图(&V)"));
    QVERIFY(languageAction(window, QStringLiteral("language_zh_CN"))->isChecked());
    QCOMPARE(window->nodesDock()->windowTitle(), translated("cpn::MainWindow", "Nodes"));
    QVERIFY(window->nodesDock()->windowTitle() != QStringLiteral("Nodes"));
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
