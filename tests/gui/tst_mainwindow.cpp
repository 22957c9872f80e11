#include "domain/clock.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"
#include "ui/eventspanel.h"
#include "ui/hierarchypanel.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/nodespanel.h"
#include "ui/overviewpanel.h"
#include "ui/theme.h"
#include "widgets/keyfiguretile.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void buildsWithDocks();
    void directoryFillsTable();
    void searchFiltersRows();
    void filterCombos();
    void aSubtreeNarrowsTheTableAndTheMap();
    void ctrlFFocusesSearch();
    void overviewMatchesData();
    void staleNodeNeedsAttention();
    void endpointsInStatusBar();
    void eventsClearButton();
    void menuExtensionPoints();
    void identifierManagementInToolsMenu();
    void settingsRoundTrip();
    void rendersNonEmpty();

private:
    void feed(int ticks);

    static constexpr qint64 kT0 = 1764064800000;
    QTemporaryDir m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FederationState> m_state;
    std::unique_ptr<NodeTableModel> m_nodes;
    std::unique_ptr<EventLogModel> m_events;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QList<Node> m_directory;
    QList<Link> m_links;
};

void tst_MainWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    theme::applyDark(*qApp);
    QVERIFY(!qApp->styleSheet().isEmpty());
}

void tst_MainWindow::init()
{
    m_clock = std::make_unique<ManualClock>(kT0);
    m_state = std::make_unique<FederationState>(*m_clock);
    m_nodes = std::make_unique<NodeTableModel>(m_state.get());
    m_events = std::make_unique<EventLogModel>();
    m_eventLog = std::make_unique<EventLog>(m_events.get(), *m_clock);
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings->clear(); // each test starts from the default layout
    m_window = std::make_unique<MainWindow>(MainWindow::Dependencies{
        m_state.get(), m_nodes.get(), m_eventLog.get(), m_clock.get(), m_settings.get()});
    m_directory = testing::sampleNodes();
    m_links = testing::sampleLinks(m_directory);
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_eventLog.reset();
    m_events.reset();
    m_nodes.reset();
    m_state.reset();
    m_clock.reset();
}

void tst_MainWindow::feed(int ticks)
{
    for (int t = 0; t < ticks; ++t) {
        MetricsBatch batch;
        batch.intervalMs = 1000;
        batch.serverTimeMs = m_clock->nowMs();
        batch.nodes = testing::sampleTick(m_directory, m_clock->nowMs(), t);
        batch.links = testing::sampleLinkTick(m_links, m_clock->nowMs(), t);
        m_state->ingest(batch);
        m_clock->advance(1000);
    }
    m_clock->advance(-1000 + 300); // just after the newest tick
}

void tst_MainWindow::buildsWithDocks()
{
    const auto docks = m_window->findChildren<QDockWidget *>();
    QCOMPARE(docks.size(), 6); // Nodes, Hierarchy, Latency Targets, Events, Overview (the map took the centre), Node details
    QVERIFY(m_window->nodesDock());
    QVERIFY(m_window->hierarchyDock());
    QVERIFY(m_window->eventsDock());
    QVERIFY(m_window->overviewDock());
    QVERIFY(m_window->detailsDock());
    QCOMPARE(m_window->nodesDock()->widget(), m_window->nodesPanel());
    QCOMPARE(m_window->eventsDock()->widget(), m_window->eventsPanel());
    QVERIFY(m_window->overviewPanel());
    QVERIFY(!m_window->windowTitle().isEmpty());
}

void tst_MainWindow::directoryFillsTable()
{
    m_state->setDirectory(m_directory, m_links);
    QTableView *view = m_window->nodesPanel()->view();
    QCOMPARE(view->model()->rowCount(), 35);
    feed(3);
    const QModelIndex guian = m_nodes->nodeIndex(u"guian"_s, NodeTableModel::CpuColumn);
    QVERIFY(guian.data(NodeTableModel::UtilizationRole).isValid());
}

void tst_MainWindow::searchFiltersRows()
{
    m_state->setDirectory(m_directory, m_links);
    NodesPanel *panel = m_window->nodesPanel();
    QTest::keyClicks(panel->searchField(), u"hub"_s);
    QCOMPARE(panel->view()->model()->rowCount(), 9); // the eight hubs, and Wuhan in Hubei
    panel->searchField()->setText(u"枢纽"_s);
    QCOMPARE(panel->view()->model()->rowCount(), 8);
    panel->searchField()->setText(u"贵州"_s);
    QCOMPARE(panel->view()->model()->rowCount(), 3);
    panel->searchField()->clear();
    QCOMPARE(panel->view()->model()->rowCount(), 35);
}

void tst_MainWindow::aSubtreeNarrowsTheTableAndTheMap()
{
    m_state->setDirectory(m_directory, m_links);
    HierarchyPanel *hierarchy = m_window->hierarchyPanel();
    QVERIFY(hierarchy);
    map::NodeMapWidget *map = m_window->mapPanel()->mapWidget();
    m_window->resize(1600, 1000);
    map->fitCountry();
    QTest::qWait(100); // the map takes the directory on its next turn of the event loop
    const double nationalScale = map->viewport().scale();
    QVERIFY(hierarchy->choose(u"guizhou-hub"_s));
    QCOMPARE(hierarchy->chosen(), u"guizhou-hub"_s);
    // The Nodes table (and with it the map) shows the hub's subtree only; the map zooms to it.
    const int rows = m_window->nodesPanel()->view()->model()->rowCount();
    QVERIFY(rows > 1 && rows < 35);
    QVERIFY(map->viewport().scale() > nationalScale);
    hierarchy->wholeButton()->click();
    QCOMPARE(m_window->nodesPanel()->view()->model()->rowCount(), 35);
}

void tst_MainWindow::filterCombos()
{
    m_state->setDirectory(m_directory, m_links);
    NodesPanel *panel = m_window->nodesPanel();
    panel->tierCombo()->setCurrentIndex(panel->tierCombo()->findText(u"Industry"_s));
    QCOMPARE(panel->view()->model()->rowCount(), 16);
    panel->tierCombo()->setCurrentIndex(0);
    const int gd = panel->provinceCombo()->findData(u"CN-GD"_s);
    QVERIFY(gd > 0);
    panel->provinceCombo()->setCurrentIndex(gd);
    QCOMPARE(panel->view()->model()->rowCount(), 4);
    panel->provinceCombo()->setCurrentIndex(0);
    // Nothing has reported yet: after 2 intervals every node is stale and needs attention.
    m_clock->advance(2500);
    m_window->tick();
    panel->statusCombo()->setCurrentIndex(panel->statusCombo()->findText(u"Needs attention"_s));
    QCOMPARE(panel->view()->model()->rowCount(), 35);
    panel->statusCombo()->setCurrentIndex(panel->statusCombo()->findText(u"Online"_s));
    QCOMPARE(panel->view()->model()->rowCount(), 0);
}

void tst_MainWindow::ctrlFFocusesSearch()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->nodesPanel()->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->nodesPanel()->searchField()->hasFocus());
}

void tst_MainWindow::overviewMatchesData()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    OverviewPanel *overview = m_window->overviewPanel();
    m_window->eventsDock()->raise(); // the overview is a tab behind the events
    m_state->setDirectory(m_directory, m_links);
    feed(1);
    m_window->refreshOverview();
    // Hidden, it waits; shown, it has the newest figures at once.
    QCOMPARE(overview->tile(OverviewPanel::NodesTile)->value(), u"0 / 0"_s);
    m_window->overviewDock()->raise();

    const QList<NodeSample> samples = testing::sampleTick(m_directory, kT0, 0);
    const QList<LinkSample> linkSamples = testing::sampleLinkTick(m_links, kT0, 0);
    double power = 0;
    int cards = 0;
    double busyCores = 0, cores = 0;
    for (int i = 0; i < m_directory.size(); ++i) {
        power += samples.at(i).powerKw;
        cards += m_directory.at(i).capacity.acceleratorCount();
        busyCores += samples.at(i).cpuUtil * m_directory.at(i).capacity.cpuCores;
        cores += m_directory.at(i).capacity.cpuCores;
    }
    int congested = 0;
    for (const LinkSample &s : linkSamples)
        congested += s.status == LinkStatus::Congested;
    const QLocale locale;

    QCOMPARE(overview->tile(OverviewPanel::NodesTile)->value(), u"35 / 35"_s);
    QVERIFY(overview->tile(OverviewPanel::AcceleratorsTile)->value().endsWith(u" / "_s + locale.toString(cards)));
    QCOMPARE(overview->tile(OverviewPanel::CpuTile)->value(),
             u"%1 %"_s.arg(std::lround(busyCores / cores * 100)));
    QCOMPARE(overview->tile(OverviewPanel::LinksTile)->value(), u"%1 / 34"_s.arg(congested));
    QCOMPARE(overview->tile(OverviewPanel::PowerTile)->value(),
             u"%1 MW"_s.arg(locale.toString(power / 1000, 'f', 1)));
    QCOMPARE(overview->tile(OverviewPanel::NewestDataTile)->value(),
             QDateTime::fromMSecsSinceEpoch(kT0).toString(u"HH:mm:ss"_s));
    QCOMPARE(overview->tierCellText(NodeTier::Industry, 0), u"16 / 16"_s);
    QCOMPARE(overview->tierCellText(NodeTier::National, 0), u"1 / 1"_s);
}

void tst_MainWindow::staleNodeNeedsAttention()
{
    m_window->show();
    m_window->overviewDock()->raise();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_state->setDirectory(m_directory, m_links);
    feed(1);
    const int before = m_events->rowCount();
    // Everyone reports again except guian.
    m_clock->advance(700);
    MetricsBatch batch;
    batch.nodes = testing::sampleTick(m_directory, m_clock->nowMs(), 1);
    batch.nodes.removeIf([](const NodeSample &s) { return s.nodeId == u"guian"_s; });
    m_state->ingest(batch);
    m_clock->advance(1500);
    m_window->tick();
    // Events are StatusEvents' (tst_liveevents): the window itself logs none.
    QCOMPARE(m_events->rowCount(), before);
    QCOMPARE(m_window->overviewPanel()->tile(OverviewPanel::NodesTile)->value(), u"34 / 35"_s);
    QVERIFY(m_window->overviewPanel()->attentionView()->model()->rowCount() == 1);
}

void tst_MainWindow::endpointsInStatusBar()
{
    m_window->addEndpoint(u"national"_s, u"National node"_s, QUrl(u"http://127.0.0.1:8080"_s));
    ConnectionIndicator *indicator = m_window->endpointIndicator(u"national"_s);
    QVERIFY(indicator);
    QCOMPARE(indicator->parentWidget(), m_window->statusBar());
    m_window->setEndpointStatus(u"national"_s, ConnectionIndicator::State::Online, kT0 - 3000);
    QVERIFY2(indicator->text().contains(u"data 3 s old"_s), qPrintable(indicator->text()));
    QVERIFY(indicator->details().contains(u"http://127.0.0.1:8080"_s));
    m_window->setEndpointStatus(u"national"_s, ConnectionIndicator::State::Offline, kT0 - 3000,
                                u"Connection refused"_s, 4);
    QVERIFY(indicator->details().contains(u"Connection refused"_s));
    // An unknown id is added on first use.
    m_window->setEndpointStatus(u"guian"_s, ConnectionIndicator::State::Connecting, 0);
    QVERIFY(m_window->endpointIndicator(u"guian"_s));
}

void tst_MainWindow::eventsClearButton()
{
    m_window->logEvent(EventLogModel::Severity::Info, u"console"_s, u"started"_s);
    QCOMPARE(m_events->rowCount(), 1);
    QCOMPARE(m_events->eventAt(0).timeMs, kT0);
    QTest::mouseClick(m_window->eventsPanel()->clearButton(), Qt::LeftButton);
    QCOMPARE(m_events->rowCount(), 0);
}

// The parts the composition root adds find their place by name, whatever order they are added in:
// connections first in File, then the recording's entries, then Quit; view groups at the end of View.
void tst_MainWindow::menuExtensionPoints()
{
    auto action = [this](const QString &text) { return new QAction(text, m_window.get()); };
    QAction *open = action(u"Open"_s);
    QAction *clear = action(u"Clear"_s);
    auto *separator = action(QString());
    separator->setSeparator(true);
    m_window->addFileActions(MainWindow::FileSection::Recording, {open, separator, clear});
    QAction *connect = action(u"Connect"_s);
    m_window->addFileActions(MainWindow::FileSection::Connections, {connect});
    QAction *review = action(u"Review"_s);
    m_window->addViewActions({review});

    QStringList file;
    for (const QAction *entry : m_window->fileMenu()->actions())
        file.append(entry->isSeparator() ? u"--"_s : entry->text());
    QCOMPARE(file, (QStringList{u"Connect"_s, u"--"_s, u"Open"_s, u"--"_s, u"Clear"_s, u"--"_s, u"&Quit"_s}));
    const QList<QAction *> view = m_window->viewMenu()->actions();
    QCOMPARE(view.constLast(), review);
    QVERIFY(view.at(view.size() - 2)->isSeparator());
    QCOMPARE(m_window->menuBar()->actions().value(0), m_window->fileMenu()->menuAction());
}

// Tools > Identifier Management… only with registry roots; it opens the window, and again the same one.
void tst_MainWindow::identifierManagementInToolsMenu()
{
    // Without registry roots: no action, no Tools menu.
    QVERIFY(!m_window->identifierManagementAction());
    QVERIFY(!m_window->openIdentifierManagement());
    for (const QAction *menu : m_window->menuBar()->actions())
        QVERIFY2(menu->text() != u"&Tools"_s, "a Tools menu without registry roots");

    int asked = 0;
    MainWindow::Dependencies dependencies{m_state.get(), m_nodes.get(), m_eventLog.get(), m_clock.get(),
                                          m_settings.get()};
    dependencies.registryRoots = [&asked] {
        ++asked;
        return QList<IdentifierManagementWindow::Root>{};
    };
    MainWindow window(dependencies);
    QAction *action = window.identifierManagementAction();
    QVERIFY(action);
    QCOMPARE(action->objectName(), u"identifierManagementAction"_s);
    QMenu *tools = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(action))
            tools = menu->menu();
    }
    QVERIFY(tools);
    QCOMPARE(tools->title(), u"&Tools"_s);
    // Before Help, the last menu.
    const QList<QAction *> menus = window.menuBar()->actions();
    QCOMPARE(menus.indexOf(tools->menuAction()), menus.size() - 2);
    QCOMPARE(asked, 0); // the roots are asked for when the window opens, not before

    QVERIFY(!window.findChild<IdentifierManagementWindow *>());
    action->trigger();
    auto *opened = window.findChild<IdentifierManagementWindow *>();
    QVERIFY(opened);
    QVERIFY(opened->isVisible());
    QVERIFY(asked >= 1);
    // No root to ask: it says so instead of waiting.
    QCOMPARE(opened->statusLabel()->text(), u"Not connected to a federation."_s);
    action->trigger();
    QCOMPARE(window.findChildren<IdentifierManagementWindow *>().size(), 1);
    QCOMPARE(window.openIdentifierManagement(), opened);
    // Closed, it is deleted; the action opens a new one.
    QPointer<IdentifierManagementWindow> closed = opened;
    opened->close();
    QTRY_VERIFY(!closed);
    action->trigger();
    QVERIFY(window.findChild<IdentifierManagementWindow *>());
}

void tst_MainWindow::settingsRoundTrip()
{
    m_window->eventsDock()->hide();
    m_window->saveSettings();
    m_settings->sync();
    QVERIFY(m_settings->contains(u"ui/mainWindow/state"_s));
    MainWindow second({m_state.get(), m_nodes.get(), m_eventLog.get(), m_clock.get(), m_settings.get()});
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QVERIFY(second.eventsDock()->isHidden());
    second.resetLayout();
    QVERIFY(!second.eventsDock()->isHidden());
}

void tst_MainWindow::rendersNonEmpty()
{
    m_window->addEndpoint(u"national"_s, u"National node"_s, QUrl(u"http://127.0.0.1:8080"_s));
    m_state->setDirectory(m_directory, m_links);
    m_window->logEvent(EventLogModel::Severity::Info, u"National node"_s, u"Connected to http://127.0.0.1:8080"_s);
    feed(5);
    // Some trouble so the screenshot shows every state.
    m_clock->advance(700);
    MetricsBatch batch;
    batch.intervalMs = 1000;
    batch.nodes = testing::sampleTick(m_directory, m_clock->nowMs(), 6);
    batch.links = testing::sampleLinkTick(m_links, m_clock->nowMs(), 6);
    batch.nodes.removeIf([](const NodeSample &s) { return s.nodeId == u"qingyang"_s; });
    for (NodeSample &s : batch.nodes) {
        if (s.nodeId == u"tj-port"_s)
            s.status = NodeStatus::Offline;
        if (s.nodeId == u"wuhu"_s)
            s.status = NodeStatus::Degraded;
        if (s.nodeId == u"hz-gov"_s)
            s.status = NodeStatus::Maintenance;
    }
    batch.links[3].status = LinkStatus::Congested;
    m_state->ingest(batch);
    m_clock->advance(1500);
    m_window->setEndpointStatus(u"national"_s, ConnectionIndicator::State::Online, m_clock->nowMs() - 1500);
    m_window->tick();
    m_window->nodesPanel()->view()->sortByColumn(NodeTableModel::AcceleratorsColumn, Qt::DescendingOrder);

    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::processEvents();
    const QImage image = m_window->grab().toImage();
    QCOMPARE(image.size(), QSize(1600, 1000) * image.devicePixelRatio());
    // Not a blank canvas: count distinct colours in a coarse grid.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    const QString path = qEnvironmentVariable("CPN_UI_CHECK");
    if (!path.isEmpty())
        QVERIFY(image.save(path));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
