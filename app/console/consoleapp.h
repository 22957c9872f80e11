#pragma once

#include "alarms/alarmstore.h"
#include "api/endpointsetting.h"
#include "api/localsimulator.h"
#include "cache/cachereader.h"
#include "charts/chartdatahub.h"
#include "commandline.h"
#include "domain/clock.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"
#include "itemmodels/statusevents.h"
#include "reviewclock.h"
#include "state/federationstate.h"
#include "ui/planning/planningservices.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <memory>

class QSettings;

namespace cpn {
class MainWindow;
namespace charts {
class HistorySource;
}
namespace cache {
class CacheWriter;
}
namespace auth {
class AccountSession;
class TokenVault;
} // namespace auth
class AccountsUi;
class HandoverReportCommand;
class ConnectDialog;
namespace jobs {
class JobTracker;
class OfferBook;
} // namespace jobs
namespace api {
struct EndpointStatus;
} // namespace api
} // namespace cpn

namespace cpn::console {

class CacheHistorySource;
class RootHistorySource;
class DemoScript;
class OfflineSession;
class RootRegistry;
class SnapshotCommands;
class UiLanguage;

// The composition root: builds the clock, network manager, models, window and the parts with one job
// each (the registry of federation roots, the cache, offline review, snapshots, accounts, planning,
// the demo's scripting) once, and wires them together. Nothing below it reaches for globals.
class ConsoleApp : public QObject
{
    Q_OBJECT

public:
    // language: switched by View > Language and saved in the settings; without it the menu has no
    // Language entries (tests that install their own translators).
    ConsoleApp(const ConsoleOptions &options, QSettings *settings, UiLanguage *language = nullptr,
               QObject *parent = nullptr);
    ~ConsoleApp() override;

    // Shows the window and starts connecting; the window stays responsive while the simulator starts.
    void start();
    MainWindow *window() const { return m_window.get(); }
    const NodeTableModel &nodeModel() const { return m_nodes; }
    // What the charts read before their live samples (live consoles only; nullptr offline).
    charts::HistorySource *history() const;
    const EventLogModel &eventModel() const { return m_events; }
    // Offline review and the live cache rewound; the File menu's snapshot entries.
    OfflineSession *offlineSession() const { return m_offline.get(); }
    SnapshotCommands *snapshotCommands() const { return m_snapshots.get(); }
    HandoverReportCommand *handoverReport() const { return m_handoverReport.get(); }
    QString cachePath() const { return m_cachePath; }
    // Sign-in: one account per federation root (none offline) and the window's Accounts menu.
    QList<auth::AccountSession *> accounts() const;
    AccountsUi *accountsUi() const { return m_accountsUi.get(); }
    alarms::AlarmStore *alarmStore() { return &m_alarmStore; }
    // The planning UI's services; null offline (nothing is planned on a recording).
    PlanningServices *planning() { return m_jobTracker ? &m_planning : nullptr; }
    // File > Connect to Federation…: connects to another root with its own transport rules,
    // remembers it for the next start, and signs in there when asked. False, with the reason in
    // the Events log, when the endpoint is refused as set or already connected.
    // The same URL with other rules connects again with them.
    bool connectEndpoint(api::EndpointSetting endpoint, bool signIn);
    // File > Disconnect: stops polling the root, takes its nodes off the window and forgets it for
    // the next start. Its keychain entry stays, so connecting again signs in without the browser.
    bool disconnectEndpoint(const QUrl &rootUrl);

private:
    void loadBasemap();
    void startDemo();
    static QList<std::pair<QString, QByteArray>> exampleApplications();
    void createPlanning();
    void createRoots();       // the registry of federation roots, and the window following it
    void addConnectActions(); // File > Connect to Federation…, Disconnect
    ConnectDialog *openConnectDialog();
    void showEndpointStatus(const api::EndpointStatus &status);
    void backToLive();
    // A job refused for lack of rights goes to the Events log too, saying who is signed in.
    void explainRefusedJobs();
    placement::FederationSnapshot planningSnapshot() const;

    ConsoleOptions m_options;
    QSettings *m_settings;
    UiLanguage *m_language;
    SystemClock m_clock;
    ReviewClock m_viewClock{m_clock}; // what the window shows: pinned to the replayed moment in a review
    QNetworkAccessManager m_network;
    FederationState m_liveState; // what every root reports now; the window shows it unless reviewing
    NodeTableModel m_nodes;
    EventLogModel m_events;
    EventLog m_eventLog{&m_events, m_viewClock}; // the logger of record, stamped as the window shows time
    StatusEvents m_statusEvents; // the live federation's changes, told once per problem
    QTimer m_liveTicker;
    // The charts' live samples and their history reads; both outlive the window that shows them.
    charts::ChartDataHub m_chartHub;
    std::unique_ptr<cache::CacheReader> m_cacheReader;
    std::unique_ptr<CacheHistorySource> m_cacheHistory;
    std::unique_ptr<RootHistorySource> m_history; // the cache's, and the roots' before it
    // The live alarms of every root (each root's AlarmFeed in the registry fills it); the window's
    // Alarms dock shows it. Declared before the window, which reads it until it goes.
    alarms::AlarmStore m_alarmStore;
    std::unique_ptr<MainWindow> m_window;
    api::LocalSimulator m_simulator;
    QString m_cachePath;
    std::unique_ptr<cache::CacheWriter> m_cache; // everything the federations report, on its own thread; none offline
    std::unique_ptr<OfflineSession> m_offline;
    std::unique_ptr<SnapshotCommands> m_snapshots;
    std::unique_ptr<HandoverReportCommand> m_handoverReport; // File > Handover Report…, over the live cache
    std::unique_ptr<auth::TokenVault> m_vault; // refresh tokens: the OS keychain, else memory only
    std::unique_ptr<AccountsUi> m_accountsUi;
    // Planning: jobs submitted from this console and the offers of the first federation root.
    std::unique_ptr<jobs::JobTracker> m_jobTracker;
    std::unique_ptr<jobs::OfferBook> m_offerBook;
    PlanningServices m_planning;
    std::unique_ptr<RootRegistry> m_roots; // none offline
    std::unique_ptr<DemoScript> m_demo;
};

} // namespace cpn::console
