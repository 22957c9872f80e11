#pragma once

#include "api/apierror.h"
#include "api/backoff.h"
#include "api/clientoptions.h"
#include "api/endpointhealth.h"
#include "api/endpointstatus.h"
#include "api/nodeapiclient.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace cpn {
class Clock;
}

namespace cpn::api {

class NodeApiClient;

// The console's live view of one federation root (e.g. the national node): it fetches identity,
// directory and links, then polls /metrics every refreshIntervalMs with the cursor. Failed requests
// are retried with full-jitter backoff honouring Retry-After; the endpoint's state (Connecting,
// Online, Stale, Offline) follows EndpointHealth. Only one request per kind is ever in flight.
class FederationClient : public QObject
{
    Q_OBJECT

public:
    FederationClient(QNetworkAccessManager *nam, const QUrl &rootUrl, const ClientOptions &options,
                     const Clock &clock, QObject *parent = nullptr);
    ~FederationClient() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    QUrl rootUrl() const;
    const ClientOptions &options() const { return m_options; }
    const QList<Node> &nodes() const { return m_nodes; }
    const QList<Link> &links() const { return m_links; }
    // Evaluated now against the clock, so a reader always sees current staleness.
    EndpointStatus status() const { return m_health.status(); }
    // The cursor of the last good metrics answer (empty before the first).
    QString cursor() const { return m_cursor; }

    // A lazily created client for that node's own base URL (jobs go to the node itself);
    // the root client for the root node; nullptr for an unknown node id.
    NodeApiClient *clientFor(const QString &nodeId);
    NodeApiClient *rootClient() const { return m_root; }
    void setToken(const QString &token);
    // Given to the root client and every node client (NodeApiClient::setUnauthorizedHandler).
    void setUnauthorizedHandler(const NodeApiClient::UnauthorizedHandler &handler);
    // True when the node cut the answer at its tick limit: the newest sample is older than
    // serverTime - intervalMs, so the client asks again at once (docs/node-api.md, /metrics).
    static bool answerWasCut(const MetricsBatch &batch);

    // Answers its clients' parse queues refused (ParseQueue), the root's and every node client's.
    qint64 droppedAnswers() const;

    // Tests pin the jitter; the default is QRandomGenerator::global().
    void setRandomSource(RandomBelow random) { m_random = std::move(random); }

Q_SIGNALS:
    void directoryChanged(const QList<cpn::Node> &nodes, const QList<cpn::Link> &links);
    void metricsReceived(const cpn::MetricsBatch &batch); // validated; batch.reset: the view restarted
    void statusChanged(const cpn::api::EndpointStatus &status);
    void problem(const QString &message); // a human sentence for the events log
    void answersDropped(); // droppedAnswers() grew

private:
    struct DirectoryFetch
    {
        int pending = 0;
        std::optional<Node> identity;
        std::optional<QList<Node>> nodes;
        std::optional<QList<Link>> links;
        std::optional<ApiError> error;
    };

    void fetchDirectory();
    void directoryPartArrived();
    void poll();
    void onMetrics(const ApiResult<MetricsBatch> &result);
    void recordSuccess();
    void recordFailure(const ApiError &error);
    using Action = void (FederationClient::*)();
    void schedule(qint64 delayMs, Action action);
    void scheduleRetry(const ApiError &error, Action retry);
    void checkHealth();
    void armHealthCheck();

    QNetworkAccessManager *m_nam;
    ClientOptions m_options;
    const Clock &m_clock;
    NodeApiClient *m_root;
    EndpointHealth m_health;
    RandomBelow m_random;

    bool m_running = false;
    quint64 m_generation = 0; // answers to requests of an earlier start() are ignored
    bool m_haveDirectory = false;
    DirectoryFetch m_directoryFetch;
    bool m_directoryInFlight = false;
    bool m_pollInFlight = false;
    qint64 m_pollStartedMs = 0; // monotonic
    QString m_cursor;

    QList<Node> m_nodes;
    QList<Link> m_links;
    QHash<QString, NodeApiClient *> m_nodeClients;
    NodeApiClient::UnauthorizedHandler m_unauthorized;

    QTimer m_pollTimer; // the next metrics poll, or the next directory attempt while that fails
    Action m_nextAction = nullptr;
    QTimer m_healthTimer; // staleness is a matter of time passing, not of answers arriving
};

// Registers the types of FederationClient's signals for queued connections (idempotent).
void registerMetaTypes();

} // namespace cpn::api
