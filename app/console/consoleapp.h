#pragma once

#include "api/clientoptions.h"
#include "api/endpointsetting.h"
#include "api/localsimulator.h"
#include "cache/cachereader.h"
#include "charts/chartdatahub.h"
#include "commandline.h"
#include "domain/clock.h"
#include "domain/link.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"
#include "itemmodels/statusevents.h"
#include "state/federationstate.h"
#include "reviewclock.h"
#include "ui/planning/planningservices.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <memory>

class QSettings;

namespace cpn {
class MainWindow;
namespace cache {
class CacheWriter;
}
namespace auth {
class AccountSession;
class TokenVault;
} // namespace auth
class AccountsUi;
class ConnectDialog;
namespace jobs {
class JobTracker;
class OfferBook;
} // namespace jobs
namespace api {
class FederationClient;
struct EndpointStatus;
} // namespace api
} // namespace cpn

namespace cpn::console {

class OfflineSession;
class SnapshotCommands;

// The composition root: builds the clock, network manager, models and window once, and wires the
// protocol clients of every federation root to the window. Nothing below it reaches for globals.
class ConsoleApp : public QObject
{
    Q_OBJECT

public:
    ConsoleApp(const ConsoleOptions &options, QSettings *settings, QObject *parent = nullptr);
    ~ConsoleApp() override;

    // Shows the window and starts connecting; the window stays responsive while the simulator starts.
    void start();
    MainWindow *window() const { return m_window.get(); }
    const NodeTableModel &nodeModel() const { return m_nodes; }
    const EventLogModel &eventModel() const { return m_events; }
    // Offline review and the live cache rewound; the File menu's snapshot entries.
    OfflineSession *offlineSession() const { return m_offline.get(); }
    SnapshotCommands *snapshotCommands() const { return m_snapshots.get(); }
    QString cachePath() const { return m_cachePath; }
    // Sign-in: one account per federation root (none offline) and the window's Accounts menu.
    QList<auth::AccountSession *> accounts() const;
    AccountsUi *accountsUi() const { return m_accountsUi.get(); }
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
    // At `position` among the roots (the order their nodes win and planning's first root); -1: last.
    void connectFederation(const api::EndpointSetting &endpoint, const QString &token, const QString &label,
                           qsizetype position = -1);
    // Offers and new jobs go through the first root, with its transport rules and token.
    void followFirstRootForPlanning();
    void addConnectActions(); // File > Connect to Federation…, Disconnect
    api::FederationClient *federationAt(const QUrl &rootUrl) const;
    ConnectDialog *openConnectDialog();
    void showEndpointStatus(const api::EndpointStatus &status);
    void rememberRoots() const;
    void scheduleScreenshot();
    void backToLive();
    void pinDemoCharts(); // diagnostic --pin-demo-charts: a few node, link and national charts
    // The root's account: its token replaces `fallbackToken` (dev or CPN_TOKEN) while signed in.
    void attachAccount(api::FederationClient *federation, qsizetype position, const api::ClientOptions &transport,
                       const QString &fallbackToken);
    // A job refused for lack of rights goes to the Events log too, saying who is signed in.
    void explainRefusedJobs();
    void createPlanning();
    void openPlanningForScreenshot(); // diagnostic --open-planning
    placement::FederationSnapshot planningSnapshot() const;

    ConsoleOptions m_options;
    QSettings *m_settings;
    SystemClock m_clock;
    ReviewClock m_viewClock{m_clock}; // what the window shows: pinned to the replayed moment in a review
    QNetworkAccessManager m_network;
    FederationState m_liveState; // what every root reports now; the window shows it unless reviewing
    NodeTableModel m_nodes;
    EventLogModel m_events;
    StatusEvents m_statusEvents; // the live federation's changes, told once per problem
    QTimer m_liveTicker;
    // The charts' live samples and their history reads; both outlive the window that shows them.
    charts::ChartDataHub m_chartHub;
    std::unique_ptr<cache::CacheReader> m_cacheReader;
    bool m_demoChartsPinned = false;
    std::unique_ptr<MainWindow> m_window;
    api::LocalSimulator m_simulator;
    QString m_cachePath;
    std::unique_ptr<cache::CacheWriter> m_cache; // everything the federations report, on its own thread; none offline
    std::unique_ptr<OfflineSession> m_offline;
    std::unique_ptr<SnapshotCommands> m_snapshots;
    QList<api::FederationClient *> m_federations;
    const api::FederationClient *m_planningRoot = nullptr;
    // What the console keeps of each root beside its client.
    struct Root
    {
        QString fallbackToken; // dev token or CPN_TOKEN: used while nobody is signed in there
        auth::AccountSession *account = nullptr;
        QNetworkAccessManager *network = nullptr; // its own: see connectFederation
    };
    QHash<const api::FederationClient *, Root> m_roots;
    QList<api::EndpointSetting> m_rememberedEndpoints; // the roots for the next start (never the demo's)
    std::unique_ptr<auth::TokenVault> m_vault; // refresh tokens: the OS keychain, else memory only
    std::unique_ptr<AccountsUi> m_accountsUi;
    // Planning: jobs submitted from this console and the offers of the first federation root.
    std::unique_ptr<jobs::JobTracker> m_jobTracker;
    std::unique_ptr<jobs::OfferBook> m_offerBook;
    PlanningServices m_planning;
};

} // namespace cpn::console
