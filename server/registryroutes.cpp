#include "registryroutes.h"

#include "apirouter.h"
#include "auth.h"
#include "protocolbackend.h"
#include "registry.h"

#include "domain/registryjson.h"

#include <QJsonArray>

namespace cpn::server {
namespace {

const QString kNoRegistry = QStringLiteral("This node keeps no identifier registry");

ApiResponse answer(const ProtocolBackend::Result<Registration> &result, const QString &instance)
{
    if (result.status / 100 != 2)
        return ApiRouter::problem(result.status, result.detail, instance);
    return ApiRouter::json(protocol::toJson(result.value), result.status);
}

} // namespace

bool RegistryRoutes::isDecision(const QString &name)
{
    static const QStringList decisions{QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("suspend"),
                                       QStringLiteral("reinstate"), QStringLiteral("revoke")};
    return decisions.contains(name);
}

bool RegistryRoutes::oversees(const Node &scope, const Registration &g) const
{
    return m_backend.inDirectory(scope.id, g.parentId);
}

ApiResponse RegistryRoutes::list(const ApiRequest &request, const Node &scope, const QString &instance)
{
    const Registry *registry = m_backend.registry();
    if (!registry)
        return ApiRouter::problem(404, kNoRegistry, instance);
    const QString wanted = request.query.queryItemValue(QStringLiteral("state"));
    const auto state = registrationStateFromWire(wanted);
    if (request.query.hasQueryItem(QStringLiteral("state")) && !state)
        return ApiRouter::problem(400, QStringLiteral("state must be pending, rejected, active, suspended or revoked"),
                                  instance);
    QJsonArray list;
    for (const Registration &g : registry->all()) {
        if ((!state || g.state == *state) && oversees(scope, g))
            list.append(protocol::toJson(g));
    }
    return ApiRouter::json({{QStringLiteral("registrations"), list}});
}

ApiResponse RegistryRoutes::apply(const ApiRequest &request, const Node &scope, const QString &instance)
{
    Registry *registry = m_backend.registry();
    if (!registry)
        return ApiRouter::problem(404, kNoRegistry, instance);
    if (auto bad = ApiRouter::checkJsonBody(request, instance))
        return *bad;
    const auto parsed = protocol::parseRegistrationRequest(request.body);
    if (!parsed.ok())
        return ApiRouter::problem(400, parsed.error(), instance);
    const RegistrationRequest &q = parsed.value();
    if (!mayJoinUnder(q.role, scope.role))
        return ApiRouter::problem(422,
                                  QStringLiteral("A node of role %1 cannot join under '%2', a %3 node: hubs join under the "
                                                 "national node, clusters and industry nodes under a hub")
                                      .arg(toWire(q.role), scope.id, toWire(scope.role)),
                                  instance);
    if (m_backend.node(q.nodeId))
        return ApiRouter::problem(409, QStringLiteral("The node id '%1' is in use").arg(q.nodeId), instance);
    ApiResponse r = answer(registry->apply(scope.id, q, m_auth.username(request.authorization)), instance);
    if (r.status == 201) {
        const QString id = protocol::parseRegistration(r.body).value().id;
        r.addHeader("Location", (scope.baseUrl.toString() + QStringLiteral("/api/v1/registry/") + id).toUtf8());
    }
    return r;
}

ApiResponse RegistryRoutes::get(const ApiRequest &request, const Node &scope, const QString &id,
                                const QString &instance)
{
    const Registry *registry = m_backend.registry();
    if (!registry)
        return ApiRouter::problem(404, kNoRegistry, instance);
    const auto readAll = ApiRouter::checkScope(m_auth, request, Auth::kRegistryRead, instance);
    const Registration *g = registry->find(id);
    // An applicant follows its own application; whether another one exists is not its business.
    const bool ownApplication = g && !g->history.isEmpty() &&
                                m_auth.check(request.authorization, Auth::kRegistryApply) == Auth::Outcome::Allowed &&
                                g->history.constFirst().by == m_auth.username(request.authorization);
    if (readAll && !ownApplication)
        return *readAll;
    if (!g || !oversees(scope, *g))
        return ApiRouter::problem(404, QStringLiteral("No registration '%1' at this node").arg(id.left(64)), instance);
    return ApiRouter::json(protocol::toJson(*g));
}

ApiResponse RegistryRoutes::decide(const ApiRequest &request, const Node &scope, const QString &id,
                                   const QString &decision, const QString &instance)
{
    Registry *registry = m_backend.registry();
    if (!registry)
        return ApiRouter::problem(404, kNoRegistry, instance);
    const Registration *g = registry->find(id);
    if (!g || !oversees(scope, *g))
        return ApiRouter::problem(404, QStringLiteral("No registration '%1' at this node").arg(id.left(64)), instance);
    if (auto bad = ApiRouter::checkJsonBody(request, instance))
        return *bad;
    const bool approve = decision == u"approve";
    const auto parsed = protocol::parseRegistryDecision(request.body, !approve);
    if (!parsed.ok())
        return ApiRouter::problem(400, parsed.error(), instance);
    const QString reason = parsed.value().reason;
    const QString by = m_auth.username(request.authorization);
    if (approve)
        return answer(registry->approve(id, by, reason), instance);
    if (decision == u"reject")
        return answer(registry->reject(id, by, reason), instance);
    if (decision == u"suspend")
        return answer(registry->suspend(id, by, reason), instance);
    if (decision == u"reinstate")
        return answer(registry->reinstate(id, by, reason), instance);
    // A node this server serves itself stays in its directory; it can only be suspended.
    if (m_backend.node(g->applicant.nodeId) && g->state != RegistrationState::Revoked)
        return ApiRouter::problem(409,
                                  QStringLiteral("'%1' is served by this server, which cannot take it out of its "
                                                 "directory; suspend it instead")
                                      .arg(g->applicant.nodeId),
                                  instance);
    return answer(registry->revoke(id, by, reason), instance);
}

QList<Node> RegistryRoutes::members(const QString &scope) const
{
    const Registry *registry = m_backend.registry();
    const Node *scopeNode = m_backend.node(scope);
    QList<Node> nodes;
    if (!registry || !scopeNode)
        return nodes;
    for (const QString &id : registry->membersInOrder()) {
        const Registration &g = *registry->find(id);
        if (m_backend.node(g.applicant.nodeId) || !oversees(*scopeNode, g))
            continue;
        const RegistrationRequest &a = g.applicant;
        Node n;
        n.id = a.nodeId;
        n.computeId = g.computeId;
        n.name = a.name;
        n.nameZh = a.nameZh;
        n.tier = a.tier;
        n.role = a.role;
        n.parentId = g.parentId;
        n.province = a.province;
        n.city = a.city;
        n.sector = a.sector;
        n.lat = a.lat;
        n.lon = a.lon;
        n.baseUrl = a.baseUrl;
        n.status = registry->reportedStatus(n.id);
        n.suspended = g.state == RegistrationState::Suspended;
        nodes.append(n);
    }
    return nodes;
}

bool RegistryRoutes::isSuspended(const QString &nodeId) const
{
    const Registry *registry = m_backend.registry();
    return registry && registry->isSuspended(nodeId);
}

qint64 RegistryRoutes::revision() const
{
    const Registry *registry = m_backend.registry();
    return registry ? registry->revision() : 0;
}

} // namespace cpn::server
