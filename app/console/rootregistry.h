#pragma once

#include "api/endpointsetting.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QSettings;

namespace cpn {
class Clock;
class EventLog;
class FederationState;
namespace api {
class FederationClient;
class NodeApiClient;
struct EndpointStatus;
} // namespace api
namespace auth {
class AccountSession;
class TokenVault;
} // namespace auth
namespace cache {
class CacheWriter;
}
namespace alarms {
class AlarmFeed;
class AlarmStore;
} // namespace alarms
namespace jobs {
class JobTracker;
class OfferBook;
} // namespace jobs
} // namespace cpn

namespace cpn::console {

// Tokens must never follow a redirect to another host, and Debian's Qt 6.4 lacks HTTP/2 fixes: the
// protocol client sets both per request; this is the belt to those braces, for every manager.
void configureNetwork(QNetworkAccessManager &network);

// The federation roots the live console is connected to, in order: each root's protocol client and
// network manager, its account and the token its requests carry, and the endpoints remembered for
// the next start. What a root reports goes to the live state and the cache, and planning reads every
// root's offers and sends jobs to its nodes with its transport rules and token (the first root's
// offers first).
// Knows no widget: the window and the Accounts menu follow its signals.
class RootRegistry : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        const Clock *clock = nullptr;             // required
        QNetworkAccessManager *network = nullptr; // required: the console's, for offers without a root
        FederationState *state = nullptr;         // required: what the roots report goes there
        cache::CacheWriter *cache = nullptr;      // required: and is recorded there
        EventLog *events = nullptr;               // required
        QSettings *settings = nullptr;            // optional: the roots are then not remembered
        auth::TokenVault *vault = nullptr;        // optional: no accounts without it
        jobs::JobTracker *jobs = nullptr;         // optional: planning follows the roots
        jobs::OfferBook *offers = nullptr;        // with jobs
        alarms::AlarmStore *alarms = nullptr;     // optional: each root's alarms are polled into it
        bool signInFirstRoot = false;             // --sign-in: the first root's account signs in
    };

    explicit RootRegistry(const Services &services, QObject *parent = nullptr);
    ~RootRegistry() override;

    // The roots of the start (command line or remembered): connected in order and remembered;
    // `commandLineToken` goes to those connected from the command line.
    void connectRemembered(const QList<api::EndpointSetting> &endpoints, const QString &commandLineToken);
    // A root that is not remembered (the demo's simulator), with its own token.
    void connectTransient(const api::EndpointSetting &endpoint, const QString &token, const QString &label);
    // File > Connect to Federation…: see ConsoleApp::connectEndpoint.
    bool connectEndpoint(api::EndpointSetting endpoint, bool signIn);
    bool disconnectEndpoint(const QUrl &rootUrl);

    QList<QUrl> rootUrls() const;
    // One account per root, in the roots' order.
    QList<auth::AccountSession *> accounts() const;
    // The client of the root whose base URL (QUrl::toString(), a node's rootId) is `rootId`; nullptr if gone.
    api::NodeApiClient *rootClient(const QString &rootId) const;
    // The alarm poller of the root whose base URL is `origin` (an alarm's origin); nullptr if gone.
    alarms::AlarmFeed *alarmFeed(const QString &origin) const;
    // Answers the roots' parse queues refused since the console started (roots gone included).
    qint64 droppedAnswers() const { return m_droppedAnswers; }

Q_SIGNALS:
    void rootAdded(const QString &endpointId, const QString &label, const QUrl &rootUrl);
    void rootRemoved(const QString &endpointId);
    // On every change of a root's connection state and every answer (the age of its data moves).
    void endpointStatusChanged(const cpn::api::EndpointStatus &status);
    // A failed or malformed answer of a root (StatusEvents decides whether it is an event of its own).
    void rootProblem(const QString &endpointId, const QString &message);
    void accountAdded(cpn::auth::AccountSession *session, qsizetype position);
    void accountRemoved(cpn::auth::AccountSession *session);
    void droppedAnswersChanged(qint64 total);

private:
    // At `position` among the roots (the order their nodes and offers come in); -1: last.
    void connectFederation(const api::EndpointSetting &endpoint, const QString &token, const QString &label,
                           qsizetype position = -1);
    // The root's account: its token replaces `fallbackToken` (dev or CPN_TOKEN) while signed in.
    void attachAccount(api::FederationClient *federation, qsizetype position,
                       const api::ClientOptions &transport, const QString &fallbackToken);
    // Offers from every root, and each root's transport rules and token for the jobs at its nodes.
    void followRootsForPlanning();
    api::FederationClient *federationAt(const QUrl &rootUrl) const;
    void rememberRoots() const;

    Services m_services;
    QList<api::FederationClient *> m_federations;
    // What the console keeps of each root beside its client.
    struct Root
    {
        QString fallbackToken; // dev token or CPN_TOKEN: used while nobody is signed in there
        auth::AccountSession *account = nullptr;
        QNetworkAccessManager *network = nullptr; // its own: see connectFederation
        alarms::AlarmFeed *alarms = nullptr;      // a child of the root's client, whose token it uses
        qint64 droppedAnswers = 0;                // counted into m_droppedAnswers so far
    };
    QHash<const api::FederationClient *, Root> m_roots;
    QList<api::EndpointSetting> m_rememberedEndpoints; // the roots for the next start (never the demo's)
    qint64 m_droppedAnswers = 0;
};

} // namespace cpn::console
