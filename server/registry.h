#pragma once

#include "protocolbackend.h"

#include "domain/registration.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace cpn::server {

class Clock;

// The identifier registry a parent node keeps (docs/node-api.md, "Identifier registration"): the
// applications filed with it, the identifiers it assigned and what became of them, each step with who,
// when and why. It assigns compute identifiers (the next serial for tier, province and sector; a serial
// once used is never given again) and enforces the life of a registration:
//   pending -> active (approve) | rejected (reject)
//   active <-> suspended (suspend, reinstate); active | suspended -> revoked (revoke)
// Who may ask, and whether a parent or node id exists, is the caller's check (ApiRouter).
class Registry
{
public:
    template <typename T> using Result = ProtocolBackend::Result<T>;
    static constexpr int kMaxPending = 1000; // per registry: a flood of applications stops here
    static constexpr int kMaxRegistrations = 100000;

    explicit Registry(const Clock &clock);

    // An identifier already in the network when the registry starts (a scenario's node): active,
    // approved by `by` at the start.
    void addExisting(const Node &node, const QString &by);

    // A node served elsewhere that joins without applying (cpn-nodesim --member): active at once, keeping
    // its compute identifier when that is valid and unused here, else given the next one.
    Result<Registration> admit(const QString &parentId, const Node &node, const QString &by);

    Result<Registration> apply(const QString &parentId, const RegistrationRequest &request, const QString &by);
    // 404 for an unknown id, 409 for a step its state does not allow.
    Result<Registration> approve(const QString &id, const QString &by, const QString &reason);
    Result<Registration> reject(const QString &id, const QString &by, const QString &reason);
    Result<Registration> suspend(const QString &id, const QString &by, const QString &reason);
    Result<Registration> reinstate(const QString &id, const QString &by, const QString &reason);
    Result<Registration> revoke(const QString &id, const QString &by, const QString &reason);

    const Registration *find(const QString &id) const;
    // The registration that holds a node id now (pending, active or suspended), if any.
    const Registration *holderOf(const QString &nodeId) const;
    const QList<Registration> &all() const { return m_registrations; }
    // The ids of the registrations that are members (active or suspended), in the order they joined: a
    // directory lists members in this order, so that one approved later never moves those before it (the
    // compact metrics address nodes by position).
    const QList<QString> &membersInOrder() const { return m_members; }
    bool isSuspended(const QString &nodeId) const;
    // What a member served elsewhere last said of itself (Online until it is asked).
    void setReportedStatus(const QString &nodeId, NodeStatus status);
    NodeStatus reportedStatus(const QString &nodeId) const { return m_reportedStatus.value(nodeId, NodeStatus::Online); }
    // Changes with every step.
    qint64 revision() const { return m_revision; }

private:
    Registration *findMutable(const QString &id);
    Result<Registration> step(const QString &id, QList<RegistrationState> from, RegistrationState to,
                              RegistryEvent::Action action, const QString &by, const QString &reason);
    // The identifier approving the request would assign; empty when its serials are used up.
    QString nextIdentifier(const RegistrationRequest &request) const;
    void noteSerial(const QString &computeId);
    QString newId() { return QStringLiteral("reg-%1").arg(m_nextNumber++, 5, 10, QChar(u'0')); }
    static RegistrationRequest requestOf(const Node &node, const QString &contact);

    const Clock &m_clock;
    QList<Registration> m_registrations; // in the order filed
    QHash<QString, qsizetype> m_byId;
    QList<QString> m_members; // registration ids, in the order they joined; a revoked one leaves
    QHash<QString, NodeStatus> m_reportedStatus;
    // Node ids whose registration is suspended: asked for every node of a directory and every offer.
    QSet<QString> m_suspended;
    QHash<QString, int> m_lastSerial; // "<T><PP><SSS>" -> the highest serial used
    int m_nextNumber = 1;
    qint64 m_revision = 0;
};

} // namespace cpn::server
