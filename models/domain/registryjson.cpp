#include "domain/registryjson.h"

#include "domain/computeid.h"
#include "domain/jsonreader.h"
#include "domain/provinces.h"

#include <QJsonArray>

namespace cpn {
namespace {

// In the order of the enums in registration.h.
const char *const kRegistrationStates[] = {"pending", "rejected", "active", "suspended", "revoked"};
const char *const kActions[] = {"applied", "approved", "rejected", "suspended", "reinstated", "revoked"};

} // namespace

QString toWire(RegistrationState state)
{
    return QLatin1String(kRegistrationStates[int(state)]);
}

std::optional<RegistrationState> registrationStateFromWire(const QString &name)
{
    const qsizetype i = wireNamesOf(kRegistrationStates).indexOf(name);
    return i < 0 ? std::nullopt : std::optional(RegistrationState(i));
}

QString toWire(RegistryEvent::Action action)
{
    return QLatin1String(kActions[int(action)]);
}

bool mayJoinUnder(NodeRole applicant, NodeRole parent)
{
    switch (applicant) {
    case NodeRole::Hub:
        return parent == NodeRole::National;
    case NodeRole::Cluster:
    case NodeRole::Industry:
        return parent == NodeRole::Hub;
    case NodeRole::National:
        break;
    }
    return false;
}

} // namespace cpn

namespace cpn::protocol {
namespace {

constexpr int kMaxNameLength = 128;

QString readRequired(JsonReader &r, const QJsonObject &o, const QString &key, int maxLength)
{
    const QString text = r.string(o, key, maxLength);
    if (r.ok() && text.trimmed().isEmpty())
        r.failAt(key, QStringLiteral("must not be empty"));
    return text;
}

RegistrationRequest readRequest(JsonReader &r, const QJsonObject &o)
{
    RegistrationRequest q;
    q.nodeId = r.identifier(o, QStringLiteral("nodeId"));
    q.name = readRequired(r, o, QStringLiteral("name"), kMaxNameLength);
    q.nameZh = r.optionalString(o, QStringLiteral("nameZh"), kMaxNameLength);
    q.tier = fromWire<NodeTier>(r.oneOf(o, QStringLiteral("tier"), wireNames<NodeTier>())).value_or(NodeTier{});
    q.role = fromWire<NodeRole>(r.oneOf(o, QStringLiteral("role"), wireNames<NodeRole>())).value_or(NodeRole{});
    const NodeTier tierOfRole = q.role == NodeRole::Industry   ? NodeTier::Industry
                                : q.role == NodeRole::National ? NodeTier::National
                                                               : NodeTier::Regional;
    if (r.ok() && q.tier != tierOfRole)
        r.failAt(QStringLiteral("tier"),
                 QStringLiteral("a node of role %1 is of tier %2").arg(toWire(q.role), toWire(tierOfRole)));
    q.sector = r.string(o, QStringLiteral("sector"), 3);
    const bool knownSector = std::any_of(computeid::sectors().cbegin(), computeid::sectors().cend(),
                                         [&](const auto &s) { return s.first == q.sector; });
    if (r.ok() && !knownSector)
        r.failAt(QStringLiteral("sector"), QStringLiteral("unknown sector code '%1'").arg(q.sector));
    q.province = r.string(o, QStringLiteral("province"), 8);
    if (r.ok() && !provinceByIso(q.province))
        r.failAt(QStringLiteral("province"), QStringLiteral("expected an ISO 3166-2:CN code such as CN-SD"));
    q.city = r.optionalString(o, QStringLiteral("city"), kMaxNameLength);
    q.lat = r.number(o, QStringLiteral("lat"), -90, 90);
    q.lon = r.number(o, QStringLiteral("lon"), -180, 180);
    const QString url = r.string(o, QStringLiteral("baseUrl"), 2048);
    if (r.ok()) {
        q.baseUrl = QUrl(url, QUrl::StrictMode);
        const QString scheme = q.baseUrl.scheme();
        if (!q.baseUrl.isValid() || (scheme != u"http" && scheme != u"https") || q.baseUrl.host().isEmpty())
            r.failAt(QStringLiteral("baseUrl"), QStringLiteral("expected an absolute http(s) URL"));
    }
    q.contact = readRequired(r, o, QStringLiteral("contact"), kMaxContactLength);
    return q;
}

RegistryEvent readEvent(JsonReader &r, const QJsonObject &o)
{
    RegistryEvent e;
    const QStringList actions = wireNamesOf(kActions);
    e.action = RegistryEvent::Action(std::max(qsizetype(0), actions.indexOf(r.oneOf(o, QStringLiteral("action"), actions))));
    e.atMs = r.integer(o, QStringLiteral("at"), 0, kMaxEpochMs);
    e.by = r.string(o, QStringLiteral("by"), 128);
    e.reason = r.optionalString(o, QStringLiteral("reason"), kMaxDecisionReasonLength);
    return e;
}

Registration readRegistration(JsonReader &r, const QJsonObject &o)
{
    Registration g;
    g.id = r.identifier(o, QStringLiteral("id"));
    g.parentId = r.identifier(o, QStringLiteral("parentId"));
    g.state = registrationStateFromWire(r.oneOf(o, QStringLiteral("state"), wireNamesOf(kRegistrationStates))).value_or(RegistrationState{});
    g.computeId = r.optionalString(o, QStringLiteral("computeId"), 32);
    QString error;
    if (r.ok() && !g.computeId.isEmpty() && !computeid::isValid(g.computeId, &error))
        r.failAt(QStringLiteral("computeId"), error);
    const bool assigned = g.state != RegistrationState::Pending && g.state != RegistrationState::Rejected;
    if (r.ok() && assigned == g.computeId.isEmpty())
        r.failAt(QStringLiteral("computeId"), QStringLiteral("must be set exactly when the identifier was assigned"));
    {
        const QJsonObject applicant = r.object(o, QStringLiteral("applicant"));
        JsonReader::Scope scope(r, QStringLiteral("applicant"));
        g.applicant = readRequest(r, applicant);
    }
    const QJsonArray history = r.array(o, QStringLiteral("history"), kMaxRegistryEvents);
    JsonReader::Scope scope(r, QStringLiteral("history"));
    for (int i = 0; i < history.size() && r.ok(); ++i) {
        const QJsonObject e = r.element(history, i);
        JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
        g.history.append(readEvent(r, e));
    }
    return g;
}

} // namespace

Parsed<RegistrationRequest> parseRegistrationRequest(const QByteArray &body)
{
    return parseBody<RegistrationRequest>(body, kMaxBodyBytes, readRequest);
}

Parsed<Registration> parseRegistration(const QByteArray &body)
{
    return parseBody<Registration>(body, kMaxBodyBytes, readRegistration);
}

Parsed<QList<Registration>> parseRegistrations(const QByteArray &body)
{
    return parseBody<QList<Registration>>(body, kMaxBodyBytesCeiling, [](JsonReader &r, const QJsonObject &o) {
        QList<Registration> list;
        const QJsonArray items = r.array(o, QStringLiteral("registrations"), kMaxRegistrations);
        JsonReader::Scope scope(r, QStringLiteral("registrations"));
        for (int i = 0; i < items.size() && r.ok(); ++i) {
            const QJsonObject g = r.element(items, i);
            JsonReader::Scope item(r, QStringLiteral("[%1]").arg(i));
            list.append(readRegistration(r, g));
        }
        return list;
    });
}

Parsed<RegistryDecision> parseRegistryDecision(const QByteArray &body, bool reasonRequired)
{
    return parseBody<RegistryDecision>(body, kMaxBodyBytes, [reasonRequired](JsonReader &r, const QJsonObject &o) {
        RegistryDecision d;
        d.reason = reasonRequired ? readRequired(r, o, QStringLiteral("reason"), kMaxDecisionReasonLength)
                                  : r.optionalString(o, QStringLiteral("reason"), kMaxDecisionReasonLength);
        return d;
    });
}

QJsonObject toJson(const RegistrationRequest &q)
{
    return {{QStringLiteral("nodeId"), q.nodeId},       {QStringLiteral("name"), q.name},
            {QStringLiteral("nameZh"), q.nameZh},       {QStringLiteral("tier"), toWire(q.tier)},
            {QStringLiteral("role"), toWire(q.role)},   {QStringLiteral("sector"), q.sector},
            {QStringLiteral("province"), q.province},   {QStringLiteral("city"), q.city},
            {QStringLiteral("lat"), q.lat},             {QStringLiteral("lon"), q.lon},
            {QStringLiteral("baseUrl"), q.baseUrl.toString()}, {QStringLiteral("contact"), q.contact}};
}

QJsonObject toJson(const Registration &g)
{
    QJsonArray history;
    for (const RegistryEvent &e : g.history)
        history.append(QJsonObject{{QStringLiteral("action"), toWire(e.action)},
                                   {QStringLiteral("at"), e.atMs},
                                   {QStringLiteral("by"), e.by},
                                   {QStringLiteral("reason"), e.reason}});
    return {{QStringLiteral("id"), g.id},
            {QStringLiteral("parentId"), g.parentId},
            {QStringLiteral("state"), toWire(g.state)},
            {QStringLiteral("computeId"), g.computeId.isEmpty() ? QJsonValue() : QJsonValue(g.computeId)},
            {QStringLiteral("applicant"), toJson(g.applicant)},
            {QStringLiteral("history"), history}};
}

QJsonObject toJson(const RegistryDecision &d)
{
    return {{QStringLiteral("reason"), d.reason}};
}

} // namespace cpn::protocol
