#pragma once

#include "domain/protocoljson.h"
#include "domain/registration.h"

#include <QJsonObject>

// The JSON of the registry endpoints (docs/node-api.md, "Identifier registration"), both ways, as strict as
// the rest of protocoljson.h.
namespace cpn::protocol {

inline constexpr int kMaxRegistrations = 100000;
inline constexpr int kMaxRegistryEvents = 1000;
inline constexpr int kMaxContactLength = 256;
inline constexpr int kMaxDecisionReasonLength = 500;

Parsed<RegistrationRequest> parseRegistrationRequest(const QByteArray &body);
Parsed<Registration> parseRegistration(const QByteArray &body);
Parsed<QList<Registration>> parseRegistrations(const QByteArray &body);
// reasonRequired: every decision but approve must say why.
Parsed<RegistryDecision> parseRegistryDecision(const QByteArray &body, bool reasonRequired);

QJsonObject toJson(const RegistrationRequest &request);
QJsonObject toJson(const Registration &registration);
QJsonObject toJson(const RegistryDecision &decision);

} // namespace cpn::protocol
