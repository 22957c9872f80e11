#include "protocolserver.h"

#include "oauthusers.h"

#include "domain/logging.h"

#include <sys/resource.h>

namespace cpn::server {
namespace {

// Every connection costs a descriptor: the soft limit (often 1,024) is raised to the hard one so
// that maxConnections are refused by the server's own rule before descriptors run out.
void raiseDescriptorLimit(int maxConnections)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
        return;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur < rlim_t(maxConnections) + 64)
        qCWarning(lcServer) << "at most" << limit.rlim_cur << "open files: fewer than --max-connections"
                         << maxConnections << "plus the server's own";
}

} // namespace

ProtocolServer::ProtocolServer(const ServerOptions &options, const Clock &clock)
    : m_options(options), m_clock(clock), m_auth(clock)
{
}

ProtocolServer::~ProtocolServer() = default;

bool ProtocolServer::setUpAccounts(QString *error)
{
    if (!m_options.devToken.isEmpty())
        m_auth.addToken(m_options.devToken, Auth::allScopes());
    if (!m_options.readToken.isEmpty())
        m_auth.addToken(m_options.readToken, Auth::readScopes(), Auth::kReadUser);
    if (!m_options.applyToken.isEmpty())
        m_auth.addToken(m_options.applyToken, {QStringLiteral("node:read"), Auth::kRegistryApply}, Auth::kApplicantUser);
    std::optional<OAuthUsers> users;
    if (!m_options.usersFile.isEmpty())
        users = OAuthUsers::fromFile(m_options.usersFile, error);
    else if (m_options.demoUsers)
        users = OAuthUsers::demo();
    else
        users = OAuthUsers(); // nobody signs in: only the static tokens
    if (!users)
        return false;
    if (m_options.usersFile.isEmpty() && m_options.demoUsers)
        qCInfo(lcServer) << "sign-in users: the demo accounts operator/operator, planner/planner and registrar/registrar";
    OAuthServer::Config oauthConfig;
    oauthConfig.accessTokenTtlSeconds = m_options.tokenTtlSeconds;
    oauthConfig.tokenPrefix = m_options.tokenPrefix;
    oauthConfig.serviceName = m_options.serviceName;
    m_oauth.emplace(m_auth, std::move(*users), m_clock, oauthConfig);
    return true;
}

ProtocolServer::Failure ProtocolServer::listen(ProtocolBackend &backend, ServerExtension *extension,
                                               QString *error)
{
    Q_ASSERT(m_oauth);
    m_router = std::make_unique<ApiRouter>(backend, m_auth, m_options.responseCache, extension);
    raiseDescriptorLimit(m_options.limits.maxConnections);
    m_server = std::make_unique<NodeServer>(*m_router, &*m_oauth, extension, m_options.limits);
    if (!m_options.tlsCertificateFile.isEmpty() &&
        !m_server->setupTls(m_options.tlsCertificateFile, m_options.tlsKeyFile, error))
        return Failure::Tls;
    const quint16 port = m_server->listenLocal(m_options.port);
    if (port == 0)
        return Failure::Listen;
    m_rootUrl =
        QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_server->isTls() ? u"https" : u"http").arg(port));
    m_oauth->setIssuer(m_rootUrl);
    return Failure::None;
}

} // namespace cpn::server
