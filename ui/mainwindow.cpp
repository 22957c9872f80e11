#include "ui/mainwindow.h"

#include "domain/metricnames.h"

#include "alarms/alarmannouncer.h"
#include "alarms/alarmtext.h"
#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/federationsummary.h"
#include "itemmodels/hierarchymodel.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "ui/alarms/alarmdirectory.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/alarms/problemsband.h"
#include "ui/alarms/soundeffectplayer.h"
#include "ui/dashboardpanel.h"
#include "ui/eventspanel.h"
#include "ui/helpdialogs.h"
#include "ui/hierarchypanel.h"
#include "ui/latencypanel.h"
#include "ui/mappanel.h"
#include "ui/nodedetailspanel.h"
#include "ui/nodedragsource.h"
#include "ui/nodespanel.h"
#include "widgets/frozencolumnview.h"
#include "ui/overviewpanel.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/selectionwizard.h"
#include "widgets/layoutfence.h"
#include "widgets/charts/sparklinedelegate.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

#include <utility>
#include <QToolBar>

#ifndef CPN_VERSION
#define CPN_VERSION "0.0.0"
#endif

namespace cpn {

namespace {
// Under "ui/" for the live console, "ui/review/" for an offline review (Dependencies::review).
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kNodesHeaderKey = QStringLiteral("nodes/header");
const QString kDashboardKey = QStringLiteral("dashboard/charts"); // pinned charts, in grid order
// Bump when docks change so an old saved layout is not applied to a different set of docks.
constexpr int kStateVersion =
    3; // 2: the map in the centre, Overview and Node details docks; 3: the queue a tab
// How late a batch may be before the once-a-second refresh stops waiting for it.
constexpr qint64 kBatchLatenessMs = 250;
} // namespace

MainWindow::MainWindow(const Dependencies &dependencies, QWidget *parent)
    : QMainWindow(parent), m_nodes(dependencies.nodes), m_events(dependencies.events),
      m_clock(*dependencies.clock), m_settings(dependencies.settings),
      m_settingsPrefix(dependencies.review ? QStringLiteral("ui/review/") : QStringLiteral("ui/"))
{
    Q_ASSERT(m_nodes && m_events && dependencies.clock && dependencies.state);
    m_chartHub = dependencies.charts;
    m_history = dependencies.history;
    m_planning = dependencies.planning;
    m_registryRoots = dependencies.registryRoots;
    setObjectName(QStringLiteral("mainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);

    createDocks();
    createMap();
    createHierarchy(dependencies.state);
    createLatency();
    createDashboard();
    createAlarms(dependencies);
    if (m_dashboard)
        m_dashboard->setAlarmStore(dependencies.alarms); // the charts mark the live alarms' periods
    if (m_planning)
        m_planningUi = new PlanningUi(m_planning, this, m_clock);
    createMenus();

    m_loadIndicator = new LoadIndicator(this);
    statusBar()->addPermanentWidget(m_loadIndicator);
    m_clockLabel = new QLabel(this);
    m_clockLabel->setObjectName(QStringLiteral("statusClock"));
    statusBar()->addPermanentWidget(new LayoutFence(m_clockLabel)); // a new time each second
    statusBar()->setSizeGripEnabled(false);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &MainWindow::tick);
    m_ticker->start();
    // Coalesces the ticks of one batch into one recomputation of the totals, shown in the same
    // repaint as the batch's nodes (the map holds them until its nodes are composed).
    m_overviewTimer = new QTimer(this);
    m_overviewTimer->setSingleShot(true);
    m_overviewTimer->setInterval(0);
    connect(m_overviewTimer, &QTimer::timeout, this, &MainWindow::refreshOverview);

    showState(dependencies.state);
    retranslate();

    resize(1600, 1000);
    m_defaultState = saveState(kStateVersion);
    restoreSettings();
    tick();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_nodesPanel = new NodesPanel(m_nodes, this);
    m_nodesDock = new QDockWidget(this);
    m_nodesDock->setObjectName(QStringLiteral("nodesDock"));
    m_nodesDock->setWidget(m_nodesPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_nodesDock);

    m_eventsPanel = new EventsPanel(m_events->model(), this);
    m_eventsDock = new QDockWidget(this);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(m_eventsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);

    m_details = new NodeDetailsPanel(m_nodes, this);
    m_detailsDock = new QDockWidget(this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    splitDockWidget(m_nodesDock, m_detailsDock, Qt::Vertical);

    // The overview's tiles and tables, a tab beside the events: the map's overlay carries the key
    // figures, this keeps the per-tier breakdown and the attention list a click away.
    m_overview = new OverviewPanel(m_nodes, this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("overviewScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(new LayoutFence(m_overview)); // its figures change every tick
    m_overviewDock = new QDockWidget(this);
    m_overviewDock->setObjectName(QStringLiteral("overviewDock"));
    m_overviewDock->setWidget(scroll);
    connect(m_overviewDock, &QDockWidget::visibilityChanged, m_overview, &OverviewPanel::setOnScreen);
    addDockWidget(Qt::BottomDockWidgetArea, m_overviewDock);
    tabifyDockWidget(m_eventsDock, m_overviewDock);
    m_eventsDock->raise();

    // The node table runs the full height on the right; events sit under the map, where the
    // operator's eye already is.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({m_nodesDock}, {620}, Qt::Horizontal);
    resizeDocks({m_nodesDock, m_detailsDock}, {560, 380}, Qt::Vertical);
    resizeDocks({m_eventsDock}, {220}, Qt::Vertical);
}

void MainWindow::createMap()
{
    QItemSelectionModel *selection = m_nodesPanel->view()->selectionModel();
    m_mapPanel = new MapPanel(m_nodes, m_nodesPanel->proxy(), selection, this);
    setCentralWidget(m_mapPanel);
    connect(selection, &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(selection, &QItemSelectionModel::currentChanged, this, &MainWindow::onSelectionChanged);
    // A click on the map also brings the details forward; a table click leaves the docks as they are.
    connect(m_mapPanel->mapWidget(), &map::NodeMapWidget::nodeClicked, this, &MainWindow::showDetailsOf);
    connect(m_mapPanel->mapWidget(), &map::NodeMapWidget::nodeActivated, this, &MainWindow::showDetailsOf);
    connect(m_mapPanel, &MapPanel::wallModeToggled, this, [this] { setWallMode(!m_wallMode); });
    // A double click on a province narrows the Nodes filter, and with it the map, to that region.
    connect(m_mapPanel->mapWidget(), &map::NodeMapWidget::provinceActivated, this, [this](const QString &iso) {
        QComboBox *provinces = m_nodesPanel->provinceCombo();
        const int index = provinces->findData(iso);
        provinces->setCurrentIndex(index >= 0 && index != provinces->currentIndex() ? index : 0);
    });
}

void MainWindow::createHierarchy(FederationState *state)
{
    m_hierarchyModel = new HierarchyModel(state, this);
    m_hierarchyModel->setAlarmCounts([this] {
        // Open alarms by the node they are about (a link's by neither end: the links have their own).
        QHash<QString, int> counts;
        if (m_shownAlarms) {
            for (const alarms::StoredAlarm &stored : m_shownAlarms->all()) {
                if (stored.isActive() && stored.alarm.source.kind != AlarmSource::Kind::Link)
                    ++counts[stored.alarm.source.id];
            }
        }
        return counts;
    });
    m_hierarchyPanel = new HierarchyPanel(m_hierarchyModel, this);
    m_hierarchyDock = new QDockWidget(this);
    m_hierarchyDock->setObjectName(QStringLiteral("hierarchyDock"));
    m_hierarchyDock->setWidget(m_hierarchyPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_hierarchyDock);
    tabifyDockWidget(m_nodesDock, m_hierarchyDock);
    m_nodesDock->raise();
    // A subtree narrows the tables and the map (which shows what the Nodes filter lets through) and fits it.
    connect(m_hierarchyPanel, &HierarchyPanel::subtreeChosen, this, [this](const QString &, const QSet<QString> &ids) {
        m_nodesPanel->proxy()->setSubtreeFilter(ids);
        m_mapPanel->mapWidget()->fitNodes(ids);
    });
    connect(m_hierarchyPanel, &HierarchyPanel::pinRequested, this, [this](const QString &nodeId) {
        pinChart(charts::ChartSpec{charts::ChartSpec::Kind::Region, metrics::subtreeRegion(nodeId)});
    });
    connect(m_hierarchyPanel, &HierarchyPanel::wholeFederationChosen, this, [this] {
        m_nodesPanel->proxy()->setSubtreeFilter({});
        m_mapPanel->mapWidget()->fitCountry();
    });
}

void MainWindow::createLatency()
{
    m_latencyPanel = new LatencyPanel(m_mapPanel->mapWidget(), m_history, m_clock, this);
    m_latencyDock = new QDockWidget(this);
    m_latencyDock->setObjectName(QStringLiteral("latencyDock"));
    m_latencyDock->setWidget(m_latencyPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_latencyDock);
    tabifyDockWidget(m_hierarchyDock, m_latencyDock);
    m_nodesDock->raise();
    connect(m_latencyPanel, &LatencyPanel::breachEvent, this,
            [this](EventLogModel::Severity severity, const QString &message) { logEvent(severity, tr("Latency"), message); });
    connect(m_latencyPanel, &LatencyPanel::pathRequested, m_mapPanel->mapWidget(), &map::NodeMapWidget::setHighlights);
}

void MainWindow::createAlarms(const Dependencies &dependencies)
{
    if (!dependencies.alarms)
        return;
    // Names and regions of the directory shown (showState): a review's alarms by its own names.
    m_alarmDirectory = std::make_unique<AlarmDirectory>(dependencies.state);
    m_alarmsPanel =
        new AlarmsPanel(dependencies.alarms, dependencies.alarmFeeds, m_alarmDirectory.get(), m_clock, this);
    m_alarmsDock = new QDockWidget(this);
    m_alarmsDock->setObjectName(QStringLiteral("alarmsDock"));
    m_alarmsDock->setWidget(m_alarmsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_alarmsDock);
    tabifyDockWidget(m_eventsDock, m_alarmsDock);
    connect(m_alarmsPanel, &AlarmsPanel::showSourceRequested, this, &MainWindow::showAlarmSource);
    connect(m_alarmsPanel, &AlarmsPanel::actionReported, this, [this](const QString &message, bool failed) {
        logEvent(failed ? EventLogModel::Severity::Warning : EventLogModel::Severity::Info, tr("Alarms"),
                 message);
    });

    m_alarmStore = dependencies.alarms;
    m_problemsBand = new ProblemsBand(m_alarmStore, m_alarmDirectory->namer(), m_clock, m_mapPanel);
    m_mapPanel->setProblemsBand(m_problemsBand);
    m_shownAlarms = m_alarmStore;
    connect(m_shownAlarms, &alarms::AlarmStore::changed, this, &MainWindow::showAlarmsOnMap);
    showAlarmsOnMap();
    connect(m_shownAlarms, &alarms::AlarmStore::changed, m_hierarchyModel, &HierarchyModel::refreshFigures);
    createAlarmSounds(dependencies);
}

void MainWindow::createAlarmSounds(const Dependencies &dependencies)
{
    alarms::AlarmSoundPlayer *player = dependencies.alarmSounds;
    if (!player) {
        m_soundPlayer = std::make_unique<SoundEffectPlayer>(this);
        player = m_soundPlayer.get();
    }
    m_announcer = new alarms::AlarmAnnouncer(m_alarmStore, player, m_clock, this);
    if (m_settings) {
        for (Alarm::Severity severity :
             {Alarm::Severity::Critical, Alarm::Severity::Major, Alarm::Severity::Minor,
              Alarm::Severity::Warning, Alarm::Severity::Info})
            m_announcer->setAnnounced(severity,
                                      m_settings
                                          ->value(QStringLiteral("alarms/sound/") + toWire(severity),
                                                  m_announcer->isAnnounced(severity))
                                          .toBool());
        m_announcer->setMuted(m_settings->value(QStringLiteral("alarms/muted"), false).toBool());
    }
    connect(m_announcer, &alarms::AlarmAnnouncer::announced, this, &MainWindow::notifyAlarms);

    m_muteButton = new QToolButton(this);
    m_muteButton->setObjectName(QStringLiteral("alarmMute"));
    m_muteButton->setCheckable(true);
    m_muteButton->setAutoRaise(true);
    connect(m_muteButton, &QToolButton::toggled, m_announcer, &alarms::AlarmAnnouncer::setMuted);
    m_snoozeButton = new QToolButton(this);
    m_snoozeButton->setObjectName(QStringLiteral("alarmSnooze"));
    m_snoozeButton->setAutoRaise(true);
    connect(m_snoozeButton, &QToolButton::clicked, this, [this] {
        if (m_announcer->isSnoozed())
            m_announcer->endSnooze();
        else
            m_announcer->snooze(kSnoozeMs);
    });
    statusBar()->addPermanentWidget(m_muteButton);
    statusBar()->addPermanentWidget(m_snoozeButton);
    connect(m_announcer, &alarms::AlarmAnnouncer::settingsChanged, this, [this] {
        updateSoundControls();
        if (!m_settings)
            return;
        for (Alarm::Severity severity :
             {Alarm::Severity::Critical, Alarm::Severity::Major, Alarm::Severity::Minor,
              Alarm::Severity::Warning, Alarm::Severity::Info})
            m_settings->setValue(QStringLiteral("alarms/sound/") + toWire(severity),
                                 m_announcer->isAnnounced(severity));
        m_settings->setValue(QStringLiteral("alarms/muted"), m_announcer->isMuted());
    });
    updateSoundControls();
}

void MainWindow::addAlarmSoundsMenu(QMenu *view)
{
    m_alarmSoundsMenu = view->addMenu(QString());
    m_alarmSoundsMenu->setObjectName(QStringLiteral("alarmSoundsMenu"));
    for (Alarm::Severity severity :
         {Alarm::Severity::Critical, Alarm::Severity::Major, Alarm::Severity::Minor, Alarm::Severity::Warning,
          Alarm::Severity::Info}) {
        QAction *action = m_alarmSoundsMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(int(severity));
        connect(action, &QAction::toggled, m_announcer,
                [this, severity](bool on) { m_announcer->setAnnounced(severity, on); });
    }
    m_alarmSoundsMenu->addSeparator();
    QAction *mute = m_alarmSoundsMenu->addAction(QString());
    mute->setCheckable(true);
    mute->setObjectName(QStringLiteral("alarmMuteAction"));
    connect(mute, &QAction::toggled, m_announcer, &alarms::AlarmAnnouncer::setMuted);
    updateSoundControls();
}

void MainWindow::updateSoundControls()
{
    if (!m_announcer)
        return;
    m_muteButton->setChecked(m_announcer->isMuted());
    m_snoozeButton->setText(m_announcer->isSnoozed()
                                ? tr("Snoozed until %1")
                                      .arg(QDateTime::fromMSecsSinceEpoch(m_announcer->snoozedUntilMs())
                                               .toString(QStringLiteral("HH:mm")))
                                : tr("Snooze 15 min"));
    if (!m_alarmSoundsMenu)
        return;
    for (QAction *action : m_alarmSoundsMenu->actions()) {
        if (action->objectName() == QLatin1String("alarmMuteAction"))
            action->setChecked(m_announcer->isMuted());
        else if (action->isCheckable())
            action->setChecked(m_announcer->isAnnounced(Alarm::Severity(action->data().toInt())));
    }
}

void MainWindow::showAlarmsOnMap()
{
    m_mapPanel->showAlarms(m_shownAlarms->worstUnacknowledgedByNode(),
                           m_shownAlarms->worstUnacknowledgedByLink());
    QStringList nodes, links;
    for (const alarms::AlarmKey &key : m_shownAlarms->unacknowledgedCriticals()) {
        const alarms::StoredAlarm *stored = m_shownAlarms->find(key);
        if (!stored)
            continue;
        QStringList &ids = stored->alarm.source.kind == AlarmSource::Kind::Link ? links : nodes;
        if (!ids.contains(stored->alarm.source.id))
            ids.append(stored->alarm.source.id);
    }
    m_mapPanel->setBlinking(nodes, links);
}

void MainWindow::notifyAlarms(const QList<alarms::AlarmKey> &keys, Alarm::Severity worst)
{
    if (isActiveWindow())
        return;
    // The task bar entry asks for attention on any desktop (the urgency hint); a tray, where the
    // desktop has one, also says what happened.
    QApplication::alert(this);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(windowTitle());
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
    }
    m_tray->show();
    QString text;
    for (const alarms::AlarmKey &key : keys) {
        const alarms::StoredAlarm *stored = m_alarmStore->find(key);
        if (stored && stored->alarm.severity == worst) {
            text = alarms::describeAlarm(stored->alarm, m_alarmDirectory->sourceName(stored->alarm.source));
            break;
        }
    }
    m_tray->showMessage(
        tr("%1: %n new alarm(s)", nullptr, int(keys.size())).arg(alarms::severityName(worst)), text,
        worst <= Alarm::Severity::Major ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
}

void MainWindow::showAlarms(alarms::AlarmStore *store, bool readOnly)
{
    if (m_alarmsPanel)
        m_alarmsPanel->setStore(store, readOnly);
    // The map marks the alarms of the moment it shows: a review's, not the live ones.
    if (!m_shownAlarms || !store)
        return;
    disconnect(m_shownAlarms, &alarms::AlarmStore::changed, this, &MainWindow::showAlarmsOnMap);
    m_shownAlarms = store;
    connect(m_shownAlarms, &alarms::AlarmStore::changed, this, &MainWindow::showAlarmsOnMap);
    showAlarmsOnMap();
}

void MainWindow::showAlarmSource(const AlarmSource &source)
{
    if (!m_alarmDirectory)
        return;
    const QString nodeId = m_alarmDirectory->nodeToShow(source);
    if (!nodeId.isEmpty() && m_mapPanel->mapWidget()->jumpToNode(nodeId))
        showDetailsOf(nodeId);
}

void MainWindow::onSelectionChanged()
{
    QItemSelectionModel *selection = m_nodesPanel->view()->selectionModel();
    const QModelIndexList rows = selection->selectedRows();
    const QModelIndex current = selection->currentIndex();
    QModelIndex shown;
    if (current.isValid() && selection->isRowSelected(current.row(), current.parent()))
        shown = current;
    else if (!rows.isEmpty())
        shown = rows.constFirst();
    if (shown.isValid())
        m_details->showNode(shown.data(NodeTableModel::NodeIdRole).toString());
    if (m_latencyPanel)
        m_latencyPanel->setSelectedNode(shown.isValid() ? shown.data(NodeTableModel::NodeIdRole).toString() : QString());
}

void MainWindow::showDetailsOf(const QString &nodeId)
{
    m_details->showNode(nodeId);
    if (m_wallMode)
        return; // the wall shows the map alone
    m_detailsDock->show();
    m_detailsDock->raise();
}

void MainWindow::createDashboard()
{
    if (!m_chartHub)
        return;
    m_dashboard = new DashboardPanel(m_chartHub, m_history, &m_clock, this);
    m_dashboardDock = new QDockWidget(this);
    m_dashboardDock->setObjectName(QStringLiteral("dashboardDock"));
    m_dashboardDock->setWidget(m_dashboard);
    addDockWidget(Qt::RightDockWidgetArea, m_dashboardDock);
    tabifyDockWidget(m_nodesDock, m_dashboardDock);
    m_nodesDock->raise();

    // "Pin chart" on the map and on the node table.
    map::NodeMapWidget *map = m_mapPanel->mapWidget();
    map->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(map, &QWidget::customContextMenuRequested, this,
            [this, map](const QPoint &pos) { showPinMenu(map->contextNodeId(pos), map->mapToGlobal(pos)); });
    QTableView *table = m_nodesPanel->view();
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &pos) {
        showPinMenu(table->indexAt(pos).data(NodeTableModel::NodeIdRole).toString(),
                    table->viewport()->mapToGlobal(pos));
    });
    new NodeDragSource(table, NodeTableModel::NodeIdRole, DashboardPanel::nodeIdsMimeType());
    new NodeDragSource(m_nodesPanel->view()->frozenView(), NodeTableModel::NodeIdRole,
                       DashboardPanel::nodeIdsMimeType());

    // Sparklines of the last five minutes over the CPU and accelerator bars.
    m_chartHub->setSparklinesEnabled(true);
    const QList<QPair<int, QString>> sparkColumns{{NodeTableModel::CpuColumn, QStringLiteral("cpu")},
                                                  {NodeTableModel::AcceleratorsColumn,
                                                   charts::ChartDataHub::sparklineAccelMetric()}};
    for (const auto &[column, metric] : sparkColumns) {
        auto *base = qobject_cast<QStyledItemDelegate *>(table->itemDelegateForColumn(column));
        table->setItemDelegateForColumn(
            column, new charts::SparklineDelegate(m_chartHub, metric, NodeTableModel::NodeIdRole, base, table));
    }
    connect(m_chartHub, &charts::ChartDataHub::updated, table->viewport(), qOverload<>(&QWidget::update));
}

bool MainWindow::pinChart(const charts::ChartSpec &spec)
{
    if (!m_dashboard)
        return false;
    m_dashboard->pin(spec);
    if (!m_wallMode) {
        m_dashboardDock->show();
        m_dashboardDock->raise();
    }
    return true;
}

void MainWindow::showPinMenu(const QString &nodeId, const QPoint &globalPos)
{
    using charts::ChartSpec;
    QMenu menu(this);
    const QModelIndex row = nodeId.isEmpty() ? QModelIndex() : m_nodes->nodeIndex(nodeId);
    QString province;
    if (!nodeId.isEmpty()) {
        const QString name = row.isValid() ? row.data().toString() : nodeId;
        province = row.isValid() ? row.data(NodeTableModel::ProvinceRole).toString() : QString();
        menu.addAction(tr("Pin chart of %1").arg(name), this,
                       [this, nodeId] { pinChart(ChartSpec{ChartSpec::Kind::NodeUtilization, nodeId}); });
        QMenu *links = menu.addMenu(tr("Pin link chart"));
        for (const Link &link : m_state->links()) {
            if (link.a != nodeId && link.b != nodeId)
                continue;
            links->addAction(tr("%1 → %2").arg(link.a, link.b), this, [this, id = link.id] {
                pinChart(ChartSpec{ChartSpec::Kind::LinkThroughput, id});
                pinChart(ChartSpec{ChartSpec::Kind::LinkQuality, id});
            });
        }
        links->setEnabled(!links->isEmpty());
        if (!province.isEmpty())
            menu.addAction(tr("Pin chart of %1 totals").arg(province), this,
                           [this, province] { pinChart(ChartSpec{ChartSpec::Kind::Region, province}); });
        const Node *node = m_state->node(nodeId);
        if (node && (node->role == NodeRole::Hub || node->role == NodeRole::National))
            menu.addAction(tr("Pin chart of %1 and the nodes below").arg(row.isValid() ? row.data().toString() : nodeId),
                           this, [this, nodeId] {
                               pinChart(ChartSpec{ChartSpec::Kind::Region, metrics::subtreeRegion(nodeId)});
                           });
    }
    menu.addAction(tr("Pin national chart"), this,
                   [this] { pinChart(ChartSpec{ChartSpec::Kind::Region, QString()}); });
    menu.exec(globalPos);
}

bool MainWindow::loadBasemap(const QString &path, QString *error)
{
    return m_mapPanel->loadBasemap(path, error);
}

void MainWindow::setShowFps(bool on)
{
    m_mapPanel->mapWidget()->setShowFps(on);
}

void MainWindow::setWallMode(bool on)
{
    if (on == m_wallMode)
        return;
    m_wallMode = on;
    if (on) {
        m_preWallState = saveState(kStateVersion);
        m_preWallWindowState = windowState();
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            dock->hide();
        for (QToolBar *bar : findChildren<QToolBar *>())
            bar->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_mapPanel->setToolBarVisible(false);
        m_mapPanel->mapWidget()->setWallMode(true);
        if (m_problemsBand)
            m_problemsBand->setActive(true);
        showFullScreen();
    } else {
        menuBar()->show();
        statusBar()->show();
        m_mapPanel->setToolBarVisible(true);
        m_mapPanel->mapWidget()->setWallMode(false);
        if (m_problemsBand)
            m_problemsBand->setActive(false);
        restoreState(m_preWallState, kStateVersion);
        setWindowState(m_preWallWindowState & ~Qt::WindowFullScreen);
        show();
    }
    m_wallAction->setChecked(on);
    m_leaveWallAction->setEnabled(on);
    m_mapPanel->mapWidget()->setFocus();
}

IdentifierManagementWindow *MainWindow::openIdentifierManagement()
{
    if (!m_registryRoots)
        return nullptr;
    if (!m_identifierWindow) {
        m_identifierWindow = new IdentifierManagementWindow(m_registryRoots, this);
        m_identifierWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_identifierWindow->show();
    m_identifierWindow->raise();
    m_identifierWindow->activateWindow();
    return m_identifierWindow;
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    // Empty sections' separators collapse (QMenu::separatorsCollapsible).
    m_connectionsEnd = m_fileMenu->addSeparator();
    m_recordingEnd = m_fileMenu->addSeparator();
    QAction *quit = m_quitAction = m_fileMenu->addAction(QString());
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    QMenu *view = m_viewMenu;
    QAction *find = m_findAction = view->addAction(QString());
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, m_nodesPanel, &NodesPanel::focusSearch);
    view->addSeparator();
    QAction *nodesToggle = m_nodesDock->toggleViewAction();
    nodesToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addAction(nodesToggle);
    QAction *eventsToggle = m_eventsDock->toggleViewAction();
    eventsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addAction(eventsToggle);
    QAction *overviewToggle = m_overviewDock->toggleViewAction();
    overviewToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    view->addAction(overviewToggle);
    QAction *detailsToggle = m_detailsDock->toggleViewAction();
    detailsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    view->addAction(detailsToggle);
    QAction *hierarchyToggle = m_hierarchyDock->toggleViewAction();
    hierarchyToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addAction(hierarchyToggle);
    QAction *latencyToggle = m_latencyDock->toggleViewAction();
    latencyToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    view->addAction(latencyToggle);
    if (m_alarmsDock) {
        QAction *alarmsToggle = m_alarmsDock->toggleViewAction();
        alarmsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
        view->addAction(alarmsToggle);
    }
    if (m_dashboardDock) {
        QAction *dashboardToggle = m_dashboardDock->toggleViewAction();
        dashboardToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
        view->addAction(dashboardToggle);
    }
    if (m_announcer)
        addAlarmSoundsMenu(view);
    view->addSeparator();
    QAction *fit = m_fitAction = view->addAction(QString());
    connect(fit, &QAction::triggered, m_mapPanel->mapWidget(), &map::NodeMapWidget::fitCountry);
    m_wallAction = view->addAction(QString());
    m_wallAction->setCheckable(true);
    m_wallAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_wallAction, &QAction::triggered, this, &MainWindow::setWallMode);
    // Also on the window itself: the menu bar, and with it its shortcuts, is hidden in wall mode.
    addAction(m_wallAction);
    m_leaveWallAction = new QAction(this);
    m_leaveWallAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leaveWallAction->setEnabled(false);
    connect(m_leaveWallAction, &QAction::triggered, this, [this] { setWallMode(false); });
    addAction(m_leaveWallAction);
    view->addSeparator();
    m_resetAction = view->addAction(QString());
    connect(m_resetAction, &QAction::triggered, this, &MainWindow::resetLayout);
    addLanguageMenu(view);

    if (m_planningUi)
        m_planningUi->addMenu(); // after View, before Help

    if (m_registryRoots) {
        m_toolsMenu = menuBar()->addMenu(QString());
        m_identifierAction = m_toolsMenu->addAction(QString());
        m_identifierAction->setObjectName(QStringLiteral("identifierManagementAction"));
        connect(m_identifierAction, &QAction::triggered, this, &MainWindow::openIdentifierManagement);
    }

    QMenu *help = m_helpMenu = menuBar()->addMenu(QString());
    QAction *guide = m_guideAction = help->addAction(QString());
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    connect(guide, &QAction::triggered, this, [this] {
        auto *dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    QAction *keys = m_keysAction = help->addAction(QString());
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    connect(keys, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addSeparator();
    QAction *about = m_aboutAction = help->addAction(QString());
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::addLanguageMenu(QMenu *view)
{
    view->addSeparator();
    m_languageMenu = view->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(m_languageMenu);
    group->setExclusive(true);
    // English and Chinese are written in their own language whatever the interface's, so that one
    // who cannot read the present one still finds theirs.
    for (const QString &choice : {QStringLiteral("en"), QStringLiteral("zh_CN"), QString()}) {
        QAction *action = m_languageMenu->addAction(QString());
        action->setObjectName(choice.isEmpty() ? QStringLiteral("languageSystem")
                                               : QStringLiteral("language_") + choice);
        action->setData(choice);
        action->setCheckable(true);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice] { Q_EMIT languageRequested(choice); });
    }
    m_languageMenu->actions().at(0)->setText(QStringLiteral("English"));
    m_languageMenu->actions().at(1)->setText(QStringLiteral("简体中文"));
}

void MainWindow::setLanguageChoice(const QString &choice)
{
    if (!m_languageMenu)
        return;
    // "en_US" is English's entry, "zh" Chinese's; a language without a translation checks none.
    const QLocale locale(choice);
    for (QAction *action : m_languageMenu->actions()) {
        const QString entry = action->data().toString();
        action->setChecked(choice.isEmpty() ? entry.isEmpty()
                                            : !entry.isEmpty() && QLocale(entry).language() == locale.language());
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        Q_EMIT languageChanged();
    }
    QMainWindow::changeEvent(event);
}

// Every text the window sets itself, in the language of the moment: from the constructor and on each
// QEvent::LanguageChange (View > Language). The panels and dialogs retranslate their own. The events
// already logged stay in the language they were written in.
void MainWindow::retranslate()
{
    setWindowTitle(tr("CPN Control Center"));
    m_clockLabel->setToolTip(tr("Local time of this console"));
    m_nodesDock->setWindowTitle(tr("Nodes"));
    m_eventsDock->setWindowTitle(tr("Events"));
    m_detailsDock->setWindowTitle(tr("Node details"));
    m_overviewDock->setWindowTitle(tr("Overview"));
    m_hierarchyDock->setWindowTitle(tr("Hierarchy"));
    m_latencyDock->setWindowTitle(tr("Latency Targets"));
    if (m_alarmsDock)
        m_alarmsDock->setWindowTitle(tr("Alarms"));
    if (m_dashboardDock)
        m_dashboardDock->setWindowTitle(tr("Dashboard"));
    if (m_muteButton) {
        m_muteButton->setText(tr("Mute"));
        m_muteButton->setToolTip(tr("No alarm sounds (the map still blinks)"));
        m_snoozeButton->setToolTip(tr("No alarm sounds or notifications for 15 minutes; click again to end"));
    }
    if (m_alarmSoundsMenu) {
        m_alarmSoundsMenu->setTitle(tr("Alarm &Sounds"));
        for (QAction *action : m_alarmSoundsMenu->actions()) {
            if (action->objectName() == QLatin1String("alarmMuteAction"))
                action->setText(tr("&Mute"));
            else if (action->isCheckable())
                action->setText(alarms::severityName(Alarm::Severity(action->data().toInt())));
        }
    }
    updateSoundControls();
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_findAction->setText(tr("&Find Node"));
    m_fitAction->setText(tr("Fit &Country"));
    m_wallAction->setText(tr("&Wall Mode"));
    m_leaveWallAction->setText(tr("Leave Wall Mode"));
    m_resetAction->setText(tr("&Reset Layout"));
    m_languageMenu->setTitle(tr("Lan&guage"));
    m_languageMenu->actions().at(2)->setText(tr("&System Language"));
    if (m_toolsMenu) {
        m_toolsMenu->setTitle(tr("&Tools"));
        m_identifierAction->setText(tr("&Identifier Management…"));
        m_identifierAction->setStatusTip(
            tr("Approve or reject applications to join, and suspend, reinstate or revoke compute identifiers"));
    }
    m_helpMenu->setTitle(tr("&Help"));
    m_guideAction->setText(tr("&User Guide"));
    m_keysAction->setText(tr("&Keyboard Shortcuts"));
    m_aboutAction->setText(tr("&About CPN Control Center"));
    if (m_tray)
        m_tray->setToolTip(windowTitle());
}

ConnectionIndicator *MainWindow::endpointIndicator(const QString &endpointId) const
{
    return m_indicators.value(endpointId, nullptr);
}

void MainWindow::showState(FederationState *state)
{
    Q_ASSERT(state);
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_nodes->setState(state);
    if (m_hierarchyModel) {
        m_nodesPanel->proxy()->setSubtreeFilter({}); // the narrowing was the other state's
        m_hierarchyModel->setState(state);
    }
    if (m_latencyPanel)
        m_latencyPanel->setState(state);
    connect(state, &FederationState::directoryChanged, this, &MainWindow::showLinks);
    connect(state, &FederationState::linkSamplesUpdated, this, &MainWindow::showLinkSamples);
    connect(state, &FederationState::refreshed, this, &MainWindow::showLinkSamples);
    connect(state, &FederationState::tickComputed, this, &MainWindow::scheduleOverview);
    if (m_alarmDirectory) {
        disconnect(m_alarmDirectory->state(), nullptr, m_alarmsPanel, nullptr);
        m_alarmDirectory->setState(state);
        connect(state, &FederationState::directoryChanged, m_alarmsPanel, &AlarmsPanel::refreshDirectory);
        m_alarmsPanel->refreshDirectory();
    }
    showLinks();
    refreshOverview();
}

void MainWindow::showLinks()
{
    m_mapPanel->setLinks(m_state->links());
    showLinkSamples();
    scheduleOverview();
}

void MainWindow::showLinkSamples()
{
    // Only loads that are current: a link whose sample is too old, or an end of which no longer
    // reports, is drawn as unknown rather than at its last load.
    m_mapPanel->setLinkSamples(m_state->currentLinkSamples());
}

void MainWindow::addEndpoint(const QString &endpointId, const QString &label, const QUrl &baseUrl)
{
    ConnectionIndicator *indicator = m_indicators.value(endpointId, nullptr);
    if (!indicator) {
        indicator = new ConnectionIndicator(m_clock, label, this);
        indicator->setObjectName(QStringLiteral("endpoint:%1").arg(endpointId));
        statusBar()->addWidget(indicator);
        m_indicators.insert(endpointId, indicator);
    }
    indicator->setLabel(label);
    indicator->setUrl(baseUrl);
}

void MainWindow::removeEndpoint(const QString &endpointId)
{
    if (ConnectionIndicator *indicator = m_indicators.take(endpointId)) {
        statusBar()->removeWidget(indicator);
        indicator->deleteLater();
    }
}

void MainWindow::setEndpointStatus(const QString &endpointId, ConnectionIndicator::State state, qint64 lastDataMs,
                                   const QString &lastError, int consecutiveFailures)
{
    if (!m_indicators.contains(endpointId))
        addEndpoint(endpointId, endpointId);
    ConnectionIndicator *indicator = m_indicators.value(endpointId);
    // Its changes become events in StatusEvents (one per problem, with hysteresis), not here.
    indicator->setStatus(state, lastDataMs, lastError, consecutiveFailures);
}

void MainWindow::logEvent(EventLogModel::Severity severity, const QString &source, const QString &message)
{
    m_events->log(severity, source, message);
}

void MainWindow::addFileActions(FileSection section, const QList<QAction *> &actions)
{
    m_fileMenu->insertActions(section == FileSection::Connections ? m_connectionsEnd : m_recordingEnd,
                              actions);
}

void MainWindow::addViewActions(const QList<QAction *> &actions)
{
    m_viewMenu->addSeparator();
    m_viewMenu->addActions(actions);
}

void MainWindow::tick()
{
    // While batches arrive, each refreshed the state as it was applied; the clock takes over when they
    // stop (a little later than a tick, so a batch a few milliseconds late does not cost a second repaint).
    const qint64 sinceBatchMs = m_state->clock().nowMs() - m_state->refreshedWithBatchAtMs();
    if (sinceBatchMs < 0 || sinceBatchMs > m_ticker->interval() + kBatchLatenessMs)
        m_state->refresh();
    for (ConnectionIndicator *indicator : std::as_const(m_indicators))
        indicator->refresh();
    if (m_announcer && m_announcer->snoozedUntilMs() > 0 && !m_announcer->isSnoozed())
        m_announcer->endSnooze(); // the snooze ran out: the button says so
    m_clockLabel->setText(QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).toString(QStringLiteral("yyyy-MM-dd  HH:mm:ss")));
    // The overview's ages move with the clock; a tick that came within the second refreshed it already.
    if (!std::exchange(m_overviewRefreshedSinceTick, false))
        refreshOverview();
    m_overviewRefreshedSinceTick = false;
}

void MainWindow::scheduleOverview()
{
    m_overviewRefreshedSinceTick = false; // the data moved: the next tick refreshes unless the timer did
    if (!m_overviewTimer->isActive())
        m_overviewTimer->start();
}

void MainWindow::refreshOverview()
{
    m_overviewTimer->stop();
    const FederationSummary summary = FederationSummary::compute(*m_state);
    m_overview->showSummary(summary, m_clock.nowMs(), m_state->intervalMs());
    m_mapPanel->setSummary(summary, m_clock.nowMs(), m_state->intervalMs());
    m_overviewRefreshedSinceTick = true;
}

void MainWindow::resetLayout()
{
    setWallMode(false);
    restoreState(m_defaultState, kStateVersion);
    m_nodesDock->show();
    m_eventsDock->show();
    m_nodesPanel->resetColumns();
}

void MainWindow::restoreSettings()
{
    if (!m_settings)
        return;
    const QByteArray geometry = m_settings->value(m_settingsPrefix + kGeometryKey).toByteArray();
    m_hasSavedGeometry = !geometry.isEmpty() && restoreGeometry(geometry);
    const QByteArray state = m_settings->value(m_settingsPrefix + kStateKey).toByteArray();
    if (!state.isEmpty())
        restoreState(state, kStateVersion);
    m_nodesPanel->restoreHeaderState(m_settings->value(m_settingsPrefix + kNodesHeaderKey).toByteArray());
    if (m_dashboard)
        m_dashboard->restorePinned(m_settings->value(m_settingsPrefix + kDashboardKey).toStringList());
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        return;
    if (!m_wallMode)
        m_settings->setValue(m_settingsPrefix + kGeometryKey, saveGeometry());
    // In wall mode, the layout to come back to is the one before it.
    m_settings->setValue(m_settingsPrefix + kStateKey,
                         m_wallMode ? m_preWallState : saveState(kStateVersion));
    m_settings->setValue(m_settingsPrefix + kNodesHeaderKey, m_nodesPanel->saveHeaderState());
    if (m_dashboard)
        m_settings->setValue(m_settingsPrefix + kDashboardKey, m_dashboard->pinnedSpecs());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? QStringLiteral(CPN_VERSION)
                                : QCoreApplication::applicationVersion();
    QMessageBox::about(
        this, tr("About CPN Control Center"),
        tr("<h3>CPN Control Center %1</h3>"
           "<p>Control center for China's national computing-power network: the national node, the regional "
           "hubs and clusters, and the industry nodes.</p>"
           "<p><b>Data and attributions</b><br>"
           "Administrative division codes: GB/T 2260 and ISO 3166-2:CN.<br>"
           "Node, link and metric data: served by each node through the CPN node protocol v1.<br>"
           "Chinese text: Noto Sans CJK, SIL Open Font License 1.1.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(version.toHtmlEscaped(), QString::fromLatin1(qVersion())));
}

SelectionWizard *MainWindow::openSelectionWizard()
{
    return m_planningUi ? m_planningUi->openSelectionWizard() : nullptr;
}

JobWizard *MainWindow::openJobWizard()
{
    return m_planningUi ? m_planningUi->openJobWizard() : nullptr;
}

} // namespace cpn
