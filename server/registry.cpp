#include "registry.h"

#include "clock.h"

#include "domain/computeid.h"
#include "domain/logging.h"
#include "domain/provinces.h"
#include "domain/registryjson.h"

namespace cpn::server {
namespace {

QString serialKey(const computeid::Parts &p)
{
    return QStringLiteral("%1%2%3").arg(int(p.tier)).arg(p.provinceCode).arg(p.sector);
}

bool holdsNodeId(RegistrationState s)
{
    return s == RegistrationState::Pending || s == RegistrationState::Active || s == RegistrationState::Suspended;
}

} // namespace

Registry::Registry(const Clock &clock) : m_clock(clock) {}

RegistrationRequest Registry::requestOf(const Node &node, const QString &contact)
{
    return {node.id,   node.name, node.nameZh, node.tier,    node.role, node.sector, node.province,
            node.city, node.lat,  node.lon,    node.baseUrl, contact};
}

void Registry::addExisting(const Node &node, const QString &by)
{
    Registration g;
    g.id = newId();
    g.parentId = node.parentId.isEmpty() ? node.id : node.parentId;
    g.applicant = requestOf(node, by);
    g.state = RegistrationState::Active;
    g.computeId = node.computeId;
    g.history.append({RegistryEvent::Action::Approved, m_clock.nowMs(), by, {}});
    noteSerial(g.computeId);
    m_byId.insert(g.id, m_registrations.size());
    m_members.append(g.id);
    m_registrations.append(std::move(g));
    ++m_revision;
}

Registry::Result<Registration> Registry::admit(const QString &parentId, const Node &node, const QString &by)
{
    if (const Registration *holder = holderOf(node.id))
        return {409, QStringLiteral("The node id '%1' is taken by %2").arg(node.id, holder->id), {}};
    Registration g;
    g.id = newId();
    g.parentId = parentId;
    g.applicant = requestOf(node, by);
    g.state = RegistrationState::Active;
    const bool identifierFree = std::none_of(m_registrations.cbegin(), m_registrations.cend(),
                                             [&](const Registration &r) { return r.computeId == node.computeId; });
    const auto parts = computeid::parse(node.computeId);
    const bool keeps = identifierFree && parts && parts->tier == node.tier;
    g.computeId = keeps ? node.computeId : nextIdentifier(g.applicant);
    if (g.computeId.isEmpty())
        return {409, QStringLiteral("No serial is left for the tier, province and sector of '%1'").arg(node.id), {}};
    noteSerial(g.computeId);
    g.history.append({RegistryEvent::Action::Approved, m_clock.nowMs(), by,
                      keeps ? QString() : QStringLiteral("its identifier %1 is in use here").arg(node.computeId)});
    m_byId.insert(g.id, m_registrations.size());
    m_members.append(g.id);
    m_registrations.append(g);
    ++m_revision;
    qCInfo(lcServer).noquote() << "registry:" << g.id << "admitted" << node.id << "as" << g.computeId << "under"
                               << parentId << "by" << by;
    return {201, {}, g};
}

void Registry::setReportedStatus(const QString &nodeId, NodeStatus status)
{
    if (reportedStatus(nodeId) == status)
        return;
    m_reportedStatus.insert(nodeId, status);
    ++m_revision;
}

Registry::Result<Registration> Registry::apply(const QString &parentId, const RegistrationRequest &request,
                                                const QString &by)
{
    if (m_registrations.size() >= kMaxRegistrations)
        return {409, QStringLiteral("The registry holds %1 registrations, its limit").arg(kMaxRegistrations), {}};
    const auto pending = std::count_if(m_registrations.cbegin(), m_registrations.cend(), [](const Registration &g) {
        return g.state == RegistrationState::Pending;
    });
    if (pending >= kMaxPending)
        return {409, QStringLiteral("%1 applications are waiting; try again when they are decided").arg(pending), {}};
    if (const Registration *holder = holderOf(request.nodeId))
        return {409, QStringLiteral("The node id '%1' is taken by %2").arg(request.nodeId, holder->id), {}};
    Registration g;
    g.id = newId();
    g.parentId = parentId;
    g.applicant = request;
    g.history.append({RegistryEvent::Action::Applied, m_clock.nowMs(), by, {}});
    m_byId.insert(g.id, m_registrations.size());
    m_registrations.append(g);
    ++m_revision;
    qCInfo(lcServer).noquote() << "registry:" << g.id << "applied for" << request.nodeId << "under" << parentId
                               << "by" << by;
    return {201, {}, g};
}

Registry::Result<Registration> Registry::approve(const QString &id, const QString &by, const QString &reason)
{
    if (const Registration *g = find(id); g && g->state == RegistrationState::Pending && nextIdentifier(g->applicant).isEmpty())
        return {409, QStringLiteral("No serial is left for tier, province and sector of %1").arg(id), {}};
    auto result = step(id, {RegistrationState::Pending}, RegistrationState::Active, RegistryEvent::Action::Approved,
                       by, reason);
    if (result.status == 200) {
        Registration *g = findMutable(id);
        g->computeId = nextIdentifier(g->applicant);
        noteSerial(g->computeId);
        m_members.append(id);
        result.value = *g;
        qCInfo(lcServer).noquote() << "registry:" << id << "assigned" << g->computeId;
    }
    return result;
}

Registry::Result<Registration> Registry::reject(const QString &id, const QString &by, const QString &reason)
{
    return step(id, {RegistrationState::Pending}, RegistrationState::Rejected, RegistryEvent::Action::Rejected, by,
                reason);
}

Registry::Result<Registration> Registry::suspend(const QString &id, const QString &by, const QString &reason)
{
    return step(id, {RegistrationState::Active}, RegistrationState::Suspended, RegistryEvent::Action::Suspended, by,
                reason);
}

Registry::Result<Registration> Registry::reinstate(const QString &id, const QString &by, const QString &reason)
{
    return step(id, {RegistrationState::Suspended}, RegistrationState::Active, RegistryEvent::Action::Reinstated,
                by, reason);
}

Registry::Result<Registration> Registry::revoke(const QString &id, const QString &by, const QString &reason)
{
    auto result = step(id, {RegistrationState::Active, RegistrationState::Suspended}, RegistrationState::Revoked,
                       RegistryEvent::Action::Revoked, by, reason);
    if (result.status == 200)
        m_members.removeOne(id);
    return result;
}

const Registration *Registry::find(const QString &id) const
{
    const qsizetype i = m_byId.value(id, -1);
    return i < 0 ? nullptr : &m_registrations[i];
}

Registration *Registry::findMutable(const QString &id)
{
    const qsizetype i = m_byId.value(id, -1);
    return i < 0 ? nullptr : &m_registrations[i];
}

const Registration *Registry::holderOf(const QString &nodeId) const
{
    for (const Registration &g : m_registrations) {
        if (g.applicant.nodeId == nodeId && holdsNodeId(g.state))
            return &g;
    }
    return nullptr;
}

bool Registry::isSuspended(const QString &nodeId) const
{
    return m_suspended.contains(nodeId);
}

Registry::Result<Registration> Registry::step(const QString &id, QList<RegistrationState> from,
                                              RegistrationState to, RegistryEvent::Action action, const QString &by,
                                              const QString &reason)
{
    Registration *g = findMutable(id);
    if (!g)
        return {404, QStringLiteral("No registration '%1' here").arg(id.left(64)), {}};
    if (!from.contains(g->state))
        return {409,
                QStringLiteral("%1 is %2; it cannot be %3").arg(g->id, toWire(g->state), toWire(action)),
                {}};
    if (g->history.size() >= protocol::kMaxRegistryEvents)
        return {409, QStringLiteral("%1 has %2 recorded steps, the limit").arg(g->id).arg(g->history.size()), {}};
    g->state = to;
    if (to == RegistrationState::Suspended)
        m_suspended.insert(g->applicant.nodeId);
    else
        m_suspended.remove(g->applicant.nodeId);
    g->history.append({action, m_clock.nowMs(), by, reason});
    ++m_revision;
    if (reason.isEmpty())
        qCInfo(lcServer).noquote() << "registry:" << id << toWire(action) << "by" << by;
    else
        qCInfo(lcServer).noquote() << "registry:" << id << toWire(action) << "by" << by
                                   << QStringLiteral("(%1)").arg(reason.left(200));
    return {200, {}, *g};
}

QString Registry::nextIdentifier(const RegistrationRequest &request) const
{
    computeid::Parts parts;
    parts.tier = request.tier;
    parts.provinceCode = provinceByIso(request.province)->gbCode; // the parser checked the province
    parts.sector = request.sector;
    parts.serial = m_lastSerial.value(serialKey(parts)) + 1;
    return parts.serial > computeid::kMaxSerial ? QString() : computeid::make(parts);
}

void Registry::noteSerial(const QString &computeId)
{
    const auto parts = computeid::parse(computeId);
    if (!parts)
        return;
    int &last = m_lastSerial[serialKey(*parts)];
    last = std::max(last, parts->serial);
}

} // namespace cpn::server
