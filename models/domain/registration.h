#pragma once

#include "domain/enums.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace cpn {

// Identifier registration (docs/node-api.md, "Identifier registration"): a node applies to join under a
// parent; the parent's registry operators approve it, which assigns its compute identifier, or reject it;
// an identifier can later be suspended, reinstated and revoked. Each step is kept with who and when.
enum class RegistrationState { Pending, Rejected, Active, Suspended, Revoked };

QString toWire(RegistrationState state);
std::optional<RegistrationState> registrationStateFromWire(const QString &name);

// What a node applies with.
struct RegistrationRequest
{
    QString nodeId; // the id it asks for, [a-z0-9][a-z0-9._-]{0,63}
    QString name;
    QString nameZh;
    NodeTier tier = NodeTier::Industry;
    NodeRole role = NodeRole::Industry;
    QString sector;   // a compute identifier sector code, "FIN"
    QString province; // ISO 3166-2:CN, "CN-SD"
    QString city;
    double lat = 0;
    double lon = 0;
    QUrl baseUrl; // where the node serves the protocol
    QString contact;
    friend bool operator==(const RegistrationRequest &, const RegistrationRequest &) = default;
};

// One step in a registration's life, as the audit trail keeps it.
struct RegistryEvent
{
    enum class Action { Applied, Approved, Rejected, Suspended, Reinstated, Revoked };
    Action action = Action::Applied;
    qint64 atMs = 0;
    QString by;
    QString reason;
    friend bool operator==(const RegistryEvent &, const RegistryEvent &) = default;
};

QString toWire(RegistryEvent::Action action);

// docs/node-api.md, "The 1+M+N hierarchy": hubs join under the national node, clusters and industry
// nodes under a hub.
bool mayJoinUnder(NodeRole applicant, NodeRole parent);

struct Registration
{
    QString id;       // "reg-00001"
    QString parentId; // the node applied under
    RegistrationRequest applicant;
    RegistrationState state = RegistrationState::Pending;
    QString computeId;       // once approved
    QList<RegistryEvent> history; // oldest first
    friend bool operator==(const Registration &, const Registration &) = default;
};

// The body of approve, reject, suspend, reinstate and revoke: why (required but for approve).
struct RegistryDecision
{
    QString reason;
};

} // namespace cpn
