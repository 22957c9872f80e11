#include "api/federationclient.h"

#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "domain/logging.h"

#include <QCoreApplication>
#include <QMetaType>

#include <algorithm>

namespace cpn::api {
namespace {

QString defaultLabel(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo).toDisplayString();
}

bool sameEndpoint(const QUrl &a, const QUrl &b)
{
    const auto normalized = [](const QUrl &u) {
        return u.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    };
    return normalized(a) == normalized(b);
}

// Timestamp of the newest sample in the batch, 0 when it holds none.
qint64 newestSampleMs(const MetricsBatch &batch)
{
    qint64 newest = 0;
    for (const NodeSample &s : batch.nodes)
        newest = std::max(newest, s.tsMs);
    for (const LinkSample &s : batch.links)
        newest = std::max(newest, s.tsMs);
    return newest;
}

} // namespace

void registerMetaTypes()
{
    qRegisterMetaType<cpn::MetricsBatch>();
    qRegisterMetaType<QList<cpn::Node>>();
    qRegisterMetaType<QList<cpn::Link>>();
    qRegisterMetaType<cpn::api::EndpointStatus>();
    qRegisterMetaType<cpn::api::ApiError>();
}

FederationClient::FederationClient(QNetworkAccessManager *nam, const QUrl &rootUrl,
                                   const ClientOptions &options, const Clock &clock, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(options), m_clock(clock),
      m_root(new NodeApiClient(nam, rootUrl, options, this)),
      m_health(clock, options.refreshIntervalMs, options.offlineAfterFailures), m_random(systemRandom())
{
    registerMetaTypes();
    connect(m_root, &NodeApiClient::answersDropped, this, &FederationClient::answersDropped);
    m_health.setEndpoint(rootUrl, defaultLabel(rootUrl));
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (m_nextAction)
            (this->*m_nextAction)();
    });
    m_healthTimer.setSingleShot(true);
    connect(&m_healthTimer, &QTimer::timeout, this, &FederationClient::checkHealth);
}

FederationClient::~FederationClient() = default;

bool FederationClient::answerWasCut(const MetricsBatch &batch)
{
    const qint64 newest = newestSampleMs(batch);
    return newest > 0 && newest < batch.serverTimeMs - batch.intervalMs;
}

QUrl FederationClient::rootUrl() const
{
    return m_root->baseUrl();
}

void FederationClient::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_generation;
    m_directoryInFlight = false;
    m_pollInFlight = false;
    m_haveDirectory = false;
    if (m_health.reset())
        Q_EMIT statusChanged(m_health.status());
    qCInfo(lcApi).noquote() << "watching federation at" << defaultLabel(rootUrl());
    armHealthCheck();
    fetchDirectory();
}

void FederationClient::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // answers still on their way are dropped
    m_pollTimer.stop();
    m_healthTimer.stop();
    qCInfo(lcApi).noquote() << "stopped watching" << defaultLabel(rootUrl());
}

void FederationClient::setToken(const QString &token)
{
    const bool changed = token != m_options.token;
    m_options.token = token;
    m_root->setToken(token);
    for (NodeApiClient *client : std::as_const(m_nodeClients))
        client->setToken(token);
    // A new token (someone just signed in) is tried at once, not after a backoff its predecessor earned.
    if (changed && m_running && m_pollTimer.isActive() && m_health.consecutiveFailures() > 0)
        m_pollTimer.start(0);
}

void FederationClient::setUnauthorizedHandler(const NodeApiClient::UnauthorizedHandler &handler)
{
    m_unauthorized = handler;
    m_root->setUnauthorizedHandler(handler);
    for (NodeApiClient *client : std::as_const(m_nodeClients))
        client->setUnauthorizedHandler(handler);
}

NodeApiClient *FederationClient::clientFor(const QString &nodeId)
{
    if (NodeApiClient *existing = m_nodeClients.value(nodeId))
        return existing;
    const auto node =
        std::find_if(m_nodes.cbegin(), m_nodes.cend(), [&](const Node &n) { return n.id == nodeId; });
    if (node == m_nodes.cend())
        return nullptr;
    NodeApiClient *client = sameEndpoint(node->baseUrl, rootUrl())
                                ? m_root
                                : new NodeApiClient(m_nam, node->baseUrl, m_options, this);
    client->setUnauthorizedHandler(m_unauthorized);
    if (client != m_root)
        connect(client, &NodeApiClient::answersDropped, this, &FederationClient::answersDropped);
    m_nodeClients.insert(nodeId, client);
    return client;
}

qint64 FederationClient::droppedAnswers() const
{
    qint64 total = m_root->droppedAnswers();
    for (const NodeApiClient *client : m_nodeClients) {
        if (client != m_root)
            total += client->droppedAnswers();
    }
    return total;
}

// Identity, directory and links are fetched together and applied together, so the views never see
// links that point at nodes they have not been told about.
void FederationClient::fetchDirectory()
{
    if (m_directoryInFlight)
        return;
    m_directoryInFlight = true;
    m_directoryFetch = {};
    m_directoryFetch.pending = 3;
    const quint64 generation = m_generation;
    auto keep = [this, generation](const auto &result, auto apply) {
        if (generation != m_generation)
            return;
        if (result.ok())
            apply(result.value());
        else if (!m_directoryFetch.error)
            m_directoryFetch.error = result.error();
        directoryPartArrived();
    };
    m_root->fetchIdentity([this, keep](const ApiResult<Node> &r) {
        keep(r, [this](const Node &n) { m_directoryFetch.identity = n; });
    });
    m_root->fetchDirectory([this, keep](const ApiResult<protocol::NodeDirectory> &r) {
        keep(r, [this](const protocol::NodeDirectory &d) { m_directoryFetch.nodes = d.nodes; });
    });
    m_root->fetchLinks([this, keep](const ApiResult<QList<Link>> &r) {
        keep(r, [this](const QList<Link> &l) { m_directoryFetch.links = l; });
    });
}

void FederationClient::directoryPartArrived()
{
    if (--m_directoryFetch.pending > 0)
        return;
    m_directoryInFlight = false;
    DirectoryFetch fetch = std::exchange(m_directoryFetch, {});
    if (fetch.error) {
        recordFailure(*fetch.error);
        if (!m_haveDirectory)
            scheduleRetry(*fetch.error, &FederationClient::fetchDirectory);
        return; // while polling, the old directory stays and the next reset asks again
    }
    m_health.setEndpoint(rootUrl(),
                         fetch.identity->name.isEmpty() ? fetch.identity->id : fetch.identity->name);
    const bool changed = !m_haveDirectory || *fetch.nodes != m_nodes || *fetch.links != m_links;
    m_nodes = std::move(*fetch.nodes);
    m_links = std::move(*fetch.links);
    const quint64 generation = m_generation;
    recordSuccess();
    if (changed) {
        qCInfo(lcApi).noquote() << status().label << "directory:" << m_nodes.size() << "nodes,"
                                << m_links.size() << "links";
        Q_EMIT directoryChanged(m_nodes, m_links);
    }
    if (generation != m_generation || m_haveDirectory)
        return; // stopped by a slot, or this was a refresh while polling
    m_haveDirectory = true;
    poll();
}

void FederationClient::poll()
{
    if (!m_running || m_pollInFlight)
        return;
    m_pollInFlight = true;
    m_pollStartedMs = m_clock.monotonicMs();
    const quint64 generation = m_generation;
    m_root->fetchMetrics(m_cursor, [this, generation](const ApiResult<MetricsBatch> &result) {
        if (generation != m_generation)
            return;
        m_pollInFlight = false;
        onMetrics(result);
    });
}

void FederationClient::onMetrics(const ApiResult<MetricsBatch> &result)
{
    if (!result.ok()) {
        recordFailure(result.error());
        scheduleRetry(result.error(), &FederationClient::poll);
        return;
    }
    const MetricsBatch &batch = result.value();
    const QString previousCursor = std::exchange(m_cursor, batch.cursor);
    const bool restarted = batch.reset && !previousCursor.isEmpty();
    if (restarted)
        qCInfo(lcApi).noquote() << status().label << "restarted the metrics view (cursor no longer known)";

    const quint64 generation = m_generation;
    recordSuccess();
    Q_EMIT metricsReceived(batch);
    if (generation != m_generation)
        return; // a slot stopped or restarted us

    // The node may have restarted with a different federation: look at the directory again.
    if (restarted)
        fetchDirectory();

    // An answer cut by the tick limit: catch up at once (unless the cursor is stuck).
    const bool cut = answerWasCut(batch) && batch.cursor != previousCursor;
    const qint64 elapsed = m_clock.monotonicMs() - m_pollStartedMs;
    schedule(cut ? 0 : std::max<qint64>(0, m_options.refreshIntervalMs - elapsed), &FederationClient::poll);
}

void FederationClient::recordSuccess()
{
    const ConnectionState before = m_health.state();
    const bool changed = m_health.recordSuccess();
    armHealthCheck();
    if (!changed)
        return;
    if (before == ConnectionState::Offline || before == ConnectionState::Stale)
        qCInfo(lcApi).noquote() << status().label << "is back online";
    Q_EMIT statusChanged(m_health.status());
}

void FederationClient::recordFailure(const ApiError &error)
{
    const QString message = error.message();
    if (!m_health.recordFailure(message))
        return;
    const EndpointStatus now = m_health.status();
    const QString sentence =
        now.state == ConnectionState::Offline
            ? QCoreApplication::translate("cpn::api", "%1 is offline after %2 failed requests: %3")
                  .arg(now.label)
                  .arg(now.consecutiveFailures)
                  .arg(message)
            : QCoreApplication::translate("cpn::api", "%1: %2").arg(now.label, message);
    qCWarning(lcApi).noquote() << sentence;
    const quint64 generation = m_generation;
    Q_EMIT statusChanged(now);
    if (generation == m_generation)
        Q_EMIT problem(sentence);
}

void FederationClient::schedule(qint64 delayMs, Action action)
{
    if (!m_running)
        return;
    m_nextAction = action;
    m_pollTimer.start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void FederationClient::scheduleRetry(const ApiError &error, Action retry)
{
    const BackoffPolicy policy{m_options.backoffBaseMs, m_options.backoffCapMs,
                               m_options.maxRetryAfterSeconds};
    const int attempt = std::max(0, m_health.consecutiveFailures() - 1);
    const qint64 delay = backoffDelayMs(attempt, error.retryAfterSeconds, policy, m_random);
    qCDebug(lcApi).noquote() << status().label << "retrying in" << delay << "ms";
    schedule(delay, retry);
}

void FederationClient::checkHealth()
{
    if (m_health.refresh())
        Q_EMIT statusChanged(m_health.status());
    armHealthCheck();
}

void FederationClient::armHealthCheck()
{
    // Woken only when the data would turn stale, not every quarter second: at 1 Hz an answer
    // re-arms it long before it fires.
    const qint64 delayMs = m_health.msUntilStale();
    if (!m_running || delayMs < 0)
        m_healthTimer.stop();
    else
        m_healthTimer.start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

} // namespace cpn::api
