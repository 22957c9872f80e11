#include "rootregistry.h"

#include "alarms/alarmfeed.h"
#include "alarms/alarmstore.h"
#include "api/endpointstatus.h"
#include "api/federationclient.h"
#include "auth/accountsession.h"
#include "cache/cachewriter.h"
#include "itemmodels/eventlog.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "state/federationstate.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>

namespace cpn::console {
namespace {

// One root whether or not its URL was written with a trailing slash.
bool sameRoot(const QUrl &a, const QUrl &b)
{
    return a.adjusted(QUrl::StripTrailingSlash) == b.adjusted(QUrl::StripTrailingSlash);
}

} // namespace

void configureNetwork(QNetworkAccessManager &network)
{
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    network.setAutoDeleteReplies(true);
}

RootRegistry::RootRegistry(const Services &services, QObject *parent) : QObject(parent), m_services(services)
{
    Q_ASSERT(services.clock && services.network && services.state && services.cache && services.events);
}

RootRegistry::~RootRegistry()
{
    for (auto *federation : std::as_const(m_federations)) {
        federation->stop();
        const Root root = m_roots.value(federation);
        delete root.account; // before the network manager its requests use
        delete federation;
        delete root.network;
    }
}

void RootRegistry::connectRemembered(const QList<api::EndpointSetting> &endpoints,
                                     const QString &commandLineToken)
{
    for (const api::EndpointSetting &endpoint : endpoints) {
        connectFederation(endpoint, endpoint.commandLineToken ? commandLineToken : QString(),
                          endpoint.url.host());
        m_rememberedEndpoints.append(endpoint);
    }
    rememberRoots();
}

void RootRegistry::connectTransient(const api::EndpointSetting &endpoint, const QString &token,
                                    const QString &label)
{
    connectFederation(endpoint, token, label);
}

bool RootRegistry::connectEndpoint(api::EndpointSetting endpoint, bool signIn)
{
    const QString source = tr("Connect");
    EventLog &events = *m_services.events;
    if (const QString problem = endpoint.problem(); !problem.isEmpty()) {
        events.log(EventLogModel::Severity::Error, source,
                   tr("%1 cannot be connected: %2").arg(endpoint.url.toDisplayString(), problem));
        return false;
    }
    // No token of another endpoint goes to it: it is read with the account signed in there, or
    // with its own token from before when it is connected again with other rules.
    QString token;
    qsizetype position = -1;
    qsizetype rememberedAt = -1;
    if (const api::FederationClient *connected = federationAt(endpoint.url)) {
        if (connected->options().allowPlainHttp == endpoint.allowPlainHttp &&
            connected->options().caFile == endpoint.caFile) {
            events.log(EventLogModel::Severity::Warning, source,
                       tr("%1 is already connected.").arg(endpoint.url.toDisplayString()));
            return false;
        }
        // Connected again in its place: the same order of roots, the same first root for planning.
        token = m_roots.value(connected).fallbackToken;
        position = m_federations.indexOf(connected);
        for (qsizetype i = 0; i < m_rememberedEndpoints.size(); ++i) {
            if (sameRoot(m_rememberedEndpoints.at(i).url, endpoint.url)) {
                endpoint.commandLineToken = m_rememberedEndpoints.at(i).commandLineToken;
                rememberedAt = i;
            }
        }
        disconnectEndpoint(endpoint.url);
    }
    connectFederation(endpoint, token, endpoint.url.host(), position);
    m_rememberedEndpoints.insert(rememberedAt < 0 ? m_rememberedEndpoints.size() : rememberedAt, endpoint);
    rememberRoots();
    events.log(EventLogModel::Severity::Info, source,
               tr("Connecting to %1.").arg(endpoint.url.toDisplayString()));
    if (auth::AccountSession *session = m_roots.value(federationAt(endpoint.url)).account; signIn && session)
        session->signIn();
    return true;
}

bool RootRegistry::disconnectEndpoint(const QUrl &rootUrl)
{
    api::FederationClient *federation = federationAt(rootUrl);
    if (!federation)
        return false;
    federation->disconnect(); // nothing it still says reaches the window, cache or charts
    federation->stop();
    m_federations.removeOne(federation);
    const Root root = m_roots.take(federation);
    if (root.alarms) {
        root.alarms->stop();
        root.alarms->removeFromStore();
    }
    if (root.account) {
        Q_EMIT accountRemoved(root.account);
        root.account->deleteLater();
    }
    const QString endpointId = federation->rootUrl().toString();
    federation->deleteLater();
    root.network->deleteLater(); // last: its connections, and the trust they were opened with, go
    m_rememberedEndpoints.removeIf([&](const api::EndpointSetting &e) { return sameRoot(e.url, rootUrl); });
    rememberRoots();
    Q_EMIT rootRemoved(endpointId);
    m_services.state->removeRoot(endpointId);
    // Its offers go, and the jobs at its nodes lose its token.
    followRootsForPlanning();
    m_services.events->log(EventLogModel::Severity::Info, tr("Connect"),
                           tr("Disconnected from %1.").arg(rootUrl.toDisplayString()));
    return true;
}

QList<QUrl> RootRegistry::rootUrls() const
{
    QList<QUrl> urls;
    for (const api::FederationClient *federation : m_federations)
        urls.append(federation->rootUrl());
    return urls;
}

api::NodeApiClient *RootRegistry::rootClient(const QString &rootId) const
{
    const api::FederationClient *federation = federationAt(QUrl(rootId));
    return federation ? federation->rootClient() : nullptr;
}

alarms::AlarmFeed *RootRegistry::alarmFeed(const QString &origin) const
{
    for (const Root &root : m_roots) {
        if (root.alarms && root.alarms->origin() == origin)
            return root.alarms;
    }
    return nullptr;
}

QList<auth::AccountSession *> RootRegistry::accounts() const
{
    QList<auth::AccountSession *> sessions;
    for (const api::FederationClient *federation : m_federations) {
        if (auth::AccountSession *session = m_roots.value(federation).account)
            sessions.append(session);
    }
    return sessions;
}

void RootRegistry::connectFederation(const api::EndpointSetting &endpoint, const QString &token,
                                     const QString &label, qsizetype position)
{
    if (position < 0 || position > m_federations.size())
        position = m_federations.size();
    const QUrl &rootUrl = endpoint.url;
    const api::ClientOptions transport = endpoint.applyTo({});
    api::ClientOptions options = transport;
    options.token = token;
    // Each root has its own network manager: Qt keeps https connections per host and port whatever
    // the TLS settings they were opened with, so a shared one would let one root's CA (or an
    // earlier connection's) decide another's trust.
    auto *network = new QNetworkAccessManager(this);
    configureNetwork(*network);
    auto *federation = new api::FederationClient(network, rootUrl, options, *m_services.clock, this);
    m_federations.insert(position, federation);
    m_roots[federation].fallbackToken = token;
    m_roots[federation].network = network;

    const QString endpointId = rootUrl.toString();
    Q_EMIT rootAdded(endpointId, label, rootUrl);
    // While a recording is reviewed the window shows it alone; the live state and the cache go on.
    FederationState *state = m_services.state;
    connect(federation, &api::FederationClient::directoryChanged, this,
            [this, state, federation, endpointId](const QList<Node> &nodes, const QList<Link> &links) {
                state->setRootDirectory(endpointId, nodes, links, m_federations.indexOf(federation));
            });
    connect(federation, &api::FederationClient::metricsReceived, m_services.cache,
            &cache::CacheWriter::ingestMetrics);
    connect(federation, &api::FederationClient::metricsReceived, state, &FederationState::ingest);
    // statusChanged fires on changes of state only; the age of the data shown moves with every answer.
    connect(federation, &api::FederationClient::metricsReceived, this,
            [this, federation] { Q_EMIT endpointStatusChanged(federation->status()); });
    connect(federation, &api::FederationClient::statusChanged, this, &RootRegistry::endpointStatusChanged);
    connect(federation, &api::FederationClient::answersDropped, this, [this, federation] {
        qint64 &counted = m_roots[federation].droppedAnswers;
        m_droppedAnswers += federation->droppedAnswers() - counted;
        counted = federation->droppedAnswers();
        Q_EMIT droppedAnswersChanged(m_droppedAnswers);
    });
    connect(federation, &api::FederationClient::problem, this,
            [this, endpointId](const QString &message) { Q_EMIT rootProblem(endpointId, message); });
    attachAccount(federation, position, transport, token);
    followRootsForPlanning();
    federation->start();
    if (m_services.alarms) {
        // Through the root's own client: its token, its refresh on a 401 and its transport rules.
        auto *feed =
            new alarms::AlarmFeed(federation->rootClient(), m_services.alarms, *m_services.clock, federation);
        m_roots[federation].alarms = feed;
        connect(feed, &alarms::AlarmFeed::pollFailed, this,
                [this, endpointId](const QString &message) { Q_EMIT rootProblem(endpointId, message); });
        connect(feed, &alarms::AlarmFeed::revisionsReceived, m_services.cache, &cache::CacheWriter::ingestAlarms);
        feed->start();
    }
}

void RootRegistry::attachAccount(api::FederationClient *federation, qsizetype position,
                                 const api::ClientOptions &transport, const QString &fallbackToken)
{
    if (!m_services.vault)
        return;
    auto *session = new auth::AccountSession(m_roots.value(federation).network, federation->rootUrl(),
                                             transport, m_services.vault, this);
    m_roots[federation].account = session;
    Q_EMIT accountAdded(session, position);
    connect(session, &auth::AccountSession::accessTokenChanged, this,
            [this, session, federation, fallbackToken] {
                const QString token = session->isSignedIn() ? session->accessToken() : fallbackToken;
                federation->setToken(token);
                // The root's offers, and jobs at its nodes, follow its account too.
                if (m_services.jobs) {
                    m_services.jobs->setToken(federation->rootUrl(), token);
                    m_services.offers->setToken(federation->rootUrl(), token);
                }
            });
    // A 401 refreshes the account's token once and the request is sent again with it.
    QPointer<auth::AccountSession> guarded(session);
    federation->setUnauthorizedHandler([guarded](const QString &rejected, std::function<void(bool)> retry) {
        if (guarded)
            guarded->handleUnauthorized(rejected, std::move(retry));
        else
            retry(false);
    });
    session->restore(); // a refresh token in the keychain signs in again without the browser
    if (m_services.signInFirstRoot && m_roots.size() == 1)
        session->signIn();
}

void RootRegistry::followRootsForPlanning()
{
    if (!m_services.offers)
        return;
    // Offers through each root's own network manager, so they are trusted as the root is. Jobs keep
    // the console's: their node clients outlive a change of roots.
    QList<jobs::OfferBook::Root> offerRoots;
    QHash<QUrl, api::ClientOptions> jobRoots;
    for (const api::FederationClient *federation : std::as_const(m_federations)) {
        offerRoots.append({federation->rootUrl(), m_roots.value(federation).network, federation->options()});
        jobRoots.insert(federation->rootUrl(), federation->options());
    }
    m_services.jobs->setRoots(jobRoots);
    m_services.offers->setRoots(offerRoots);
}

api::FederationClient *RootRegistry::federationAt(const QUrl &rootUrl) const
{
    for (api::FederationClient *federation : m_federations) {
        if (sameRoot(federation->rootUrl(), rootUrl))
            return federation;
    }
    return nullptr;
}

void RootRegistry::rememberRoots() const
{
    if (!m_services.settings)
        return;
    api::saveEndpoints(*m_services.settings, m_rememberedEndpoints); // never a token
}

} // namespace cpn::console
