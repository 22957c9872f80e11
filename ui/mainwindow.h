#pragma once

#include "charts/chartspec.h"
#include "domain/alarm.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"
#include "itemmodels/eventlogmodel.h"
#include "state/displaystatus.h"
#include "ui/planning/planningui.h"
#include "ui/registry/identifiermanagementwindow.h"
#include "widgets/connectionindicator.h"
#include "widgets/loadindicator.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;
class QToolButton;
class QSettings;
class QSystemTrayIcon;
class QTimer;

namespace cpn {

class Clock;
class FederationState;
class EventsPanel;
class MapPanel;
class NodeDetailsPanel;
class NodeTableModel;
class HierarchyModel;
class HierarchyPanel;
class LatencyPanel;
class NodesPanel;
class DashboardPanel;
namespace charts {
class ChartDataHub;
class HistorySource;
}
class EventLog;
class OverviewPanel;
class AlarmsPanel;
class AlarmDirectory;
class ProblemsBand;
class SoundEffectPlayer;
namespace alarms {
class AlarmAnnouncer;
class AlarmFeed;
class AlarmSoundPlayer;
class AlarmStore;
struct AlarmKey;
} // namespace alarms
struct PlanningServices;

// The console's main window: the national map in the centre; Nodes, Node details, Events and Overview
// docks; one connection indicator per endpoint in the status bar; a wall mode (F11) that leaves only the
// map, full screen, with type a room can read. Everything it needs comes through the
// constructor; the composition root (app/console) connects the protocol client to its slots.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Dependencies
    {
        FederationState *state = nullptr; // required: what the window shows first; owned by the caller
        NodeTableModel *nodes = nullptr;  // required; owned by the caller
        EventLog *events = nullptr;       // required: the Events dock shows its model; owned by the caller
        const Clock *clock = nullptr;    // required
        QSettings *settings = nullptr;   // optional: window state is not kept without it
        charts::ChartDataHub *charts = nullptr;   // optional: no Dashboard dock or sparklines without it
        charts::HistorySource *history = nullptr; // optional: charts then show live data only
        PlanningServices *planning = nullptr;      // optional: no Planning menu or Jobs dock without it
        // Optional: no Alarms dock without them. The feed of an origin runs the actions on its alarms.
        alarms::AlarmStore *alarms = nullptr;
        std::function<alarms::AlarmFeed *(const QString &origin)> alarmFeeds = {};
        // Optional: plays the alarm sounds; without it the window plays its own (QSoundEffect).
        alarms::AlarmSoundPlayer *alarmSounds = nullptr;
        // Optional: no Identifier Management without it. The roots whose registries it manages.
        std::function<QList<IdentifierManagementWindow::Root>()> registryRoots = {};
        // An offline review: its window layout is kept under settings keys of its own, so the live
        // console's saved docks and tool bars never shape the review (nor the reverse).
        bool review = false;
    };

    explicit MainWindow(const Dependencies &dependencies, QWidget *parent = nullptr);
    ~MainWindow() override;

    NodesPanel *nodesPanel() const { return m_nodesPanel; }
    EventsPanel *eventsPanel() const { return m_eventsPanel; }
    OverviewPanel *overviewPanel() const { return m_overview; }
    MapPanel *mapPanel() const { return m_mapPanel; }
    NodeDetailsPanel *detailsPanel() const { return m_details; }
    QDockWidget *nodesDock() const { return m_nodesDock; }
    QDockWidget *hierarchyDock() const { return m_hierarchyDock; }
    HierarchyPanel *hierarchyPanel() const { return m_hierarchyPanel; }
    QDockWidget *latencyDock() const { return m_latencyDock; }
    LatencyPanel *latencyPanel() const { return m_latencyPanel; }
    QDockWidget *eventsDock() const { return m_eventsDock; }
    QDockWidget *overviewDock() const { return m_overviewDock; }
    QDockWidget *detailsDock() const { return m_detailsDock; }
    DashboardPanel *dashboard() const { return m_dashboard; }
    // The Alarms dock (null without an alarm store).
    AlarmsPanel *alarmsPanel() const { return m_alarmsPanel; }
    QDockWidget *alarmsDock() const { return m_alarmsDock; }
    // Shows this store in the Alarms dock: the live one, or an offline review's, read-only.
    void showAlarms(cpn::alarms::AlarmStore *store, bool readOnly);
    // Wall mode's band of open problems, the sound's decisions and its controls (null without alarms).
    ProblemsBand *problemsBand() const { return m_problemsBand; }
    alarms::AlarmAnnouncer *alarmAnnouncer() const { return m_announcer; }
    QToolButton *muteButton() const { return m_muteButton; }
    QToolButton *snoozeButton() const { return m_snoozeButton; }
    QMenu *alarmSoundsMenu() const { return m_alarmSoundsMenu; }
    static constexpr qint64 kSnoozeMs = 15 * 60 * 1000;
    // Centres the map on an alarm's source and selects it (a link: its first end).
    void showAlarmSource(const cpn::AlarmSource &source);
    QDockWidget *dashboardDock() const { return m_dashboardDock; }
    // Pins a chart on the Dashboard dock and shows the dock; false without a chart hub.
    bool pinChart(const cpn::charts::ChartSpec &spec);
    // Planning (null without PlanningServices): the Jobs dock, the Planning menu and its actions.
    PlanningUi *planningUi() const { return m_planningUi; }
    // Tools > Identifier Management… (null without registry roots); opens or raises the window.
    QAction *identifierManagementAction() const { return m_identifierAction; }
    IdentifierManagementWindow *openIdentifierManagement();
    JobsPanel *jobsPanel() const { return m_planningUi ? m_planningUi->jobsPanel() : nullptr; }
    QDockWidget *jobsDock() const { return m_planningUi ? m_planningUi->jobsDock() : nullptr; }
    QMenu *planningMenu() const { return m_planningUi ? m_planningUi->menu() : nullptr; }
    QToolBar *planningToolBar() const { return m_planningUi ? m_planningUi->toolBar() : nullptr; }
    QAction *selectResourcesAction() const
    {
        return m_planningUi ? m_planningUi->selectResourcesAction() : nullptr;
    }
    QAction *placeJobAction() const { return m_planningUi ? m_planningUi->placeJobAction() : nullptr; }
    // The Workload Queue dock (null without planning): workloads dragged from it onto the map.
    WorkloadQueuePanel *workloadQueuePanel() const
    {
        return m_planningUi ? m_planningUi->workloadQueuePanel() : nullptr;
    }
    QDockWidget *workloadQueueDock() const
    {
        return m_planningUi ? m_planningUi->workloadQueueDock() : nullptr;
    }
    PlanningServices *planning() const { return m_planning; }
    FederationState *shownState() const { return m_state; }
    bool isWallMode() const { return m_wallMode; }
    QAction *wallModeAction() const { return m_wallAction; }
    // A GeoJSON basemap for the map (a file or a ":/" resource); false with the reason on failure.
    bool loadBasemap(const QString &path, QString *error);
    ConnectionIndicator *endpointIndicator(const QString &endpointId) const;
    // Skipped ticks and dropped answers or cache batches; hidden while all are zero.
    LoadIndicator *loadIndicator() const { return m_loadIndicator; }
    // False on a first start: the window has no size of the user's to come back to.
    bool hasSavedGeometry() const { return m_hasSavedGeometry; }

    // Extension points of the menus for the parts the composition root adds (connections,
    // snapshots). The File menu has two sections above Quit: connections first, then the recording.
    enum class FileSection { Connections, Recording };
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }
    // Appends to the section, in order; a separator follows each section that has entries.
    void addFileActions(FileSection section, const QList<QAction *> &actions);
    // Appends a group of actions at the end of the View menu, after a separator.
    void addViewActions(const QList<QAction *> &actions);
    EventLog *eventLog() const { return m_events; }

public Q_SLOTS:
    // Shows this state (the live federation, or a recording's) in the table, the map and the overview.
    void showState(cpn::FederationState *state);
    // Declares an endpoint for the status bar; setEndpointStatus() also adds unknown ids on first use.
    void addEndpoint(const QString &endpointId, const QString &label, const QUrl &baseUrl = {});
    void removeEndpoint(const QString &endpointId);
    void setEndpointStatus(const QString &endpointId, cpn::ConnectionIndicator::State state, qint64 lastDataMs,
                           const QString &lastError = {}, int consecutiveFailures = 0);
    // Appends to the Events dock through the injected EventLog (a shorthand for eventLog()->log()).
    void logEvent(cpn::EventLogModel::Severity severity, const QString &source, const QString &message);

    // Once a second (from an internal timer; public so tests can step it with a ManualClock).
    void tick();
    // Recomputes the overview figures now instead of on the next coalesced update.
    void refreshOverview();
    void resetLayout();
    void saveSettings();
    // Wall mode: menus, docks, tool bar and status bar hidden, full screen, bigger type on the map.
    void setWallMode(bool on);
    void setShowFps(bool on);
    // Opens the planning wizards (non-modal; the map shows their candidates). Null without planning.
    SelectionWizard *openSelectionWizard();
    JobWizard *openJobWizard();
    // Checks View > Language's entry of a choice ("en", "zh_CN"; empty: the system's language).
    void setLanguageChoice(const QString &choice);
    QMenu *languageMenu() const { return m_languageMenu; }

Q_SIGNALS:
    // View > Language: the user chose a language (as in setLanguageChoice). The composition root
    // switches the translators and saves the choice; the window only checks the entry once told.
    void languageRequested(const QString &choice);
    // After the window retranslated itself on a LanguageChange: the parts that are not widgets but own
    // actions in its menus (planning, accounts, snapshots, connections) set their texts again.
    void languageChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createHierarchy(FederationState *state);
    void createLatency();
    void createMenus();
    void addLanguageMenu(QMenu *view);
    void retranslate();
    void restoreSettings();
    void scheduleOverview();
    void showLinks();
    void showLinkSamples();
    void showAbout();
    void createMap();
    void onSelectionChanged();
    void showDetailsOf(const QString &nodeId);
    void createDashboard();
    void createAlarms(const Dependencies &dependencies);
    void createAlarmSounds(const Dependencies &dependencies);
    void addAlarmSoundsMenu(QMenu *view);
    void updateSoundControls();
    // The store's worst severities and blinking sources onto the map.
    void showAlarmsOnMap();
    // A desktop notification when the window is not in front (and a tray exists).
    void notifyAlarms(const QList<cpn::alarms::AlarmKey> &keys, cpn::Alarm::Severity worst);
    // The "Pin chart" context menu of the map and the node table.
    void showPinMenu(const QString &nodeId, const QPoint &globalPos);

    NodeTableModel *m_nodes;
    EventLog *m_events;
    const Clock &m_clock;
    QSettings *m_settings;
    QString m_settingsPrefix; // "ui/" live, "ui/review/" in an offline review

    OverviewPanel *m_overview = nullptr;
    NodesPanel *m_nodesPanel = nullptr;
    EventsPanel *m_eventsPanel = nullptr;
    MapPanel *m_mapPanel = nullptr;
    NodeDetailsPanel *m_details = nullptr;
    QDockWidget *m_nodesDock = nullptr;
    HierarchyModel *m_hierarchyModel = nullptr;
    HierarchyPanel *m_hierarchyPanel = nullptr;
    LatencyPanel *m_latencyPanel = nullptr;
    QDockWidget *m_latencyDock = nullptr;
    QDockWidget *m_hierarchyDock = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    QDockWidget *m_overviewDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    charts::ChartDataHub *m_chartHub = nullptr;
    charts::HistorySource *m_history = nullptr;
    DashboardPanel *m_dashboard = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    std::unique_ptr<AlarmDirectory> m_alarmDirectory; // over the live state
    AlarmsPanel *m_alarmsPanel = nullptr;
    QDockWidget *m_alarmsDock = nullptr;
    alarms::AlarmStore *m_alarmStore = nullptr;  // the live alarms: the wall band and the sound follow them
    alarms::AlarmStore *m_shownAlarms = nullptr; // what the map marks: the live store or a review's
    ProblemsBand *m_problemsBand = nullptr;
    std::unique_ptr<SoundEffectPlayer> m_soundPlayer; // when none was given
    alarms::AlarmAnnouncer *m_announcer = nullptr;
    QToolButton *m_muteButton = nullptr;
    QToolButton *m_snoozeButton = nullptr;
    QMenu *m_alarmSoundsMenu = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // made on the first notification
    PlanningServices *m_planning = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_guideAction = nullptr;
    QAction *m_keysAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_connectionsEnd = nullptr; // the separators closing the File menu's sections
    QAction *m_recordingEnd = nullptr;
    PlanningUi *m_planningUi = nullptr; // null without planning
    std::function<QList<IdentifierManagementWindow::Root>()> m_registryRoots;
    QAction *m_identifierAction = nullptr;
    QPointer<IdentifierManagementWindow> m_identifierWindow;
    QAction *m_wallAction = nullptr;
    QAction *m_leaveWallAction = nullptr;
    bool m_wallMode = false;
    QByteArray m_preWallState;
    Qt::WindowStates m_preWallWindowState;
    QLabel *m_clockLabel = nullptr;
    LoadIndicator *m_loadIndicator = nullptr;
    QHash<QString, ConnectionIndicator *> m_indicators;
    QTimer *m_ticker = nullptr;
    QTimer *m_overviewTimer = nullptr;
    bool m_overviewRefreshedSinceTick = false; // since the data last moved: tick() then need not refresh
    QByteArray m_defaultState;

    FederationState *m_state = nullptr; // the state shown
    bool m_hasSavedGeometry = false;
};

} // namespace cpn
