#include "faultinjector.h"

#include "domain/jsonreader.h"

#include <QRegularExpression>

namespace cpn::sim {

QString Fault::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NodeDown:
        return QStringLiteral("node-down");
    case Kind::LinkDown:
        return QStringLiteral("link-down");
    case Kind::LinkCongested:
        return QStringLiteral("link-congested");
    case Kind::Slow:
        return QStringLiteral("slow");
    case Kind::Malformed:
        return QStringLiteral("malformed");
    case Kind::LinkLatency:
        return QStringLiteral("link-latency");
    }
    return {};
}

std::optional<Fault::Kind> Fault::kindFromName(const QString &name)
{
    for (Kind k : {Kind::NodeDown, Kind::LinkDown, Kind::LinkCongested, Kind::Slow, Kind::Malformed, Kind::LinkLatency}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QJsonObject Fault::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)}, {QStringLiteral("target"), target}};
    if (kind == Kind::Slow)
        o.insert(QStringLiteral("delayMs"), delayMs);
    if (kind == Kind::Malformed)
        o.insert(QStringLiteral("mode"), mode);
    if (kind == Kind::LinkLatency)
        o.insert(QStringLiteral("addedMs"), addedMs);
    return o;
}

const QStringList &FaultInjector::malformedModes()
{
    static const QStringList modes{QStringLiteral("truncated"), QStringLiteral("nan"), QStringLiteral("wrong-type"),
                                   QStringLiteral("huge")};
    return modes;
}

std::optional<Fault> FaultInjector::parseJson(const QByteArray &body, QString *error)
{
    const auto object = parseObject(body, 64 * 1024, error);
    if (!object)
        return std::nullopt;
    static const QStringList kinds{QStringLiteral("node-down"), QStringLiteral("link-down"),
                                   QStringLiteral("link-congested"), QStringLiteral("slow"),
                                   QStringLiteral("malformed"), QStringLiteral("link-latency")};
    JsonReader r;
    Fault f;
    f.kind = Fault::kindFromName(r.oneOf(*object, QStringLiteral("kind"), kinds)).value_or(Fault::Kind::NodeDown);
    f.target = r.string(*object, QStringLiteral("target"), 64);
    if (r.ok() && f.kind == Fault::Kind::Slow)
        f.delayMs = int(r.optionalInteger(*object, QStringLiteral("delayMs"), 0, kMaxDelayMs, kDefaultDelayMs));
    if (r.ok() && f.kind == Fault::Kind::Malformed)
        f.mode = r.oneOf(*object, QStringLiteral("mode"), malformedModes());
    if (r.ok() && f.kind == Fault::Kind::LinkLatency)
        f.addedMs = int(r.optionalInteger(*object, QStringLiteral("addedMs"), 1, kMaxAddedMs, kDefaultAddedMs));
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    return f;
}

std::optional<Fault> FaultInjector::parseSpec(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(u':');
    const auto kind = Fault::kindFromName(parts.value(0));
    if (!kind || parts.size() < 2 || parts.size() > 3 || parts[1].isEmpty()) {
        *error = QStringLiteral("bad fault '%1': expected kind:target[:param] with kind one of "
                                "node-down, link-down, link-congested, link-latency, slow, malformed")
                     .arg(spec);
        return std::nullopt;
    }
    Fault f{*kind, parts[1], 0, {}};
    const QString param = parts.value(2);
    if (f.kind == Fault::Kind::Slow) {
        bool ok = true;
        f.delayMs = param.isEmpty() ? kDefaultDelayMs : param.toInt(&ok);
        if (!ok || f.delayMs < 0 || f.delayMs > kMaxDelayMs) {
            *error = QStringLiteral("bad fault '%1': delay must be 0..%2 ms").arg(spec).arg(kMaxDelayMs);
            return std::nullopt;
        }
    } else if (f.kind == Fault::Kind::Malformed) {
        f.mode = param.isEmpty() ? QStringLiteral("truncated") : param;
        if (!malformedModes().contains(f.mode)) {
            *error = QStringLiteral("bad fault '%1': mode must be one of %2").arg(spec, malformedModes().join(u", "));
            return std::nullopt;
        }
    } else if (f.kind == Fault::Kind::LinkLatency) {
        bool ok = true;
        f.addedMs = param.isEmpty() ? kDefaultAddedMs : param.toInt(&ok);
        if (!ok || f.addedMs < 1 || f.addedMs > kMaxAddedMs) {
            *error = QStringLiteral("bad fault '%1': added latency must be 1..%2 ms").arg(spec).arg(kMaxAddedMs);
            return std::nullopt;
        }
    } else if (!param.isEmpty()) {
        *error = QStringLiteral("bad fault '%1': %2 takes no parameter").arg(spec, parts[0]);
        return std::nullopt;
    }
    return f;
}

bool FaultInjector::add(const Fault &fault, QString *error)
{
    const bool wildcard = fault.target == u"*";
    switch (fault.kind) {
    case Fault::Kind::NodeDown:
        if (!m_scenario.node(fault.target)) {
            *error = QStringLiteral("No node '%1' in this federation").arg(fault.target);
            return false;
        }
        break;
    case Fault::Kind::LinkDown:
    case Fault::Kind::LinkCongested:
    case Fault::Kind::LinkLatency:
        if (!m_scenario.link(fault.target)) {
            *error = QStringLiteral("No link '%1' in this federation").arg(fault.target);
            return false;
        }
        break;
    case Fault::Kind::Slow:
    case Fault::Kind::Malformed:
        if (!wildcard && !m_scenario.node(fault.target)) {
            *error = QStringLiteral("No node '%1' in this federation").arg(fault.target);
            return false;
        }
        break;
    }
    remove(fault.kind, fault.target);
    m_faults.append(fault);
    return true;
}

bool FaultInjector::remove(Fault::Kind kind, const QString &target)
{
    return m_faults.removeIf([&](const Fault &f) { return f.kind == kind && f.target == target; }) > 0;
}

const Fault *FaultInjector::find(Fault::Kind kind, const QString &nodeId) const
{
    const Fault *wildcard = nullptr;
    for (const auto &f : m_faults) {
        if (f.kind != kind)
            continue;
        if (f.target == nodeId)
            return &f;
        if (f.target == u"*")
            wildcard = &f;
    }
    return wildcard;
}

QByteArray FaultInjector::malform(const QByteArray &body, const QString &mode)
{
    if (mode == u"truncated")
        return body.left(body.size() / 2);
    if (mode == u"huge") {
        // Still valid JSON, so only a size cap protects the client.
        constexpr qsizetype kHugeBytes = 17 * 1024 * 1024;
        QByteArray padded = "{\"padding\":\"";
        padded.append(QByteArray(kHugeBytes, 'x'));
        padded.append("\",");
        padded.append(body.mid(1));
        return padded;
    }
    // The first number value becomes NaN (which JSON does not allow) or a string (a wrong type).
    static const QRegularExpression firstNumber(QStringLiteral("\":(-?[0-9][0-9.eE+-]*)[,}\\]]"));
    const QString text = QString::fromUtf8(body);
    const QRegularExpressionMatch m = firstNumber.match(text);
    if (!m.hasMatch())
        return mode == u"nan" ? QByteArray("{\"value\":NaN}") : QByteArray("[\"wrong-type\"]");
    const QString replacement = mode == u"nan" ? QStringLiteral("NaN") : u'"' + m.captured(1) + u'"';
    QString broken = text;
    broken.replace(m.capturedStart(1), m.capturedLength(1), replacement);
    return broken.toUtf8();
}

bool FaultInjector::isNodeDown(const QString &nodeId) const
{
    return std::any_of(m_faults.begin(), m_faults.end(),
                       [&](const Fault &f) { return f.kind == Fault::Kind::NodeDown && f.target == nodeId; });
}

bool FaultInjector::isLinkCongested(const QString &linkId) const
{
    return std::any_of(m_faults.begin(), m_faults.end(),
                       [&](const Fault &f) { return f.kind == Fault::Kind::LinkCongested && f.target == linkId; });
}

QSet<QString> FaultInjector::downNodes() const
{
    QSet<QString> ids;
    for (const auto &f : m_faults) {
        if (f.kind == Fault::Kind::NodeDown)
            ids.insert(f.target);
    }
    return ids;
}

QSet<QString> FaultInjector::congestedLinks() const
{
    QSet<QString> ids;
    for (const auto &f : m_faults) {
        if (f.kind == Fault::Kind::LinkCongested)
            ids.insert(f.target);
    }
    return ids;
}

QSet<QString> FaultInjector::downLinks() const
{
    QSet<QString> ids;
    for (const auto &f : m_faults) {
        if (f.kind == Fault::Kind::LinkDown)
            ids.insert(f.target);
    }
    return ids;
}

QHash<QString, int> FaultInjector::addedLatency() const
{
    QHash<QString, int> added;
    for (const Fault &f : m_faults) {
        if (f.kind == Fault::Kind::LinkLatency)
            added.insert(f.target, f.addedMs);
    }
    return added;
}

QHash<QString, int> FaultInjector::slowTargets() const
{
    QHash<QString, int> targets;
    for (const auto &f : m_faults) {
        if (f.kind == Fault::Kind::Slow)
            targets.insert(f.target, f.delayMs);
    }
    return targets;
}

int FaultInjector::delayMsFor(const QString &nodeId) const
{
    const Fault *f = find(Fault::Kind::Slow, nodeId);
    return f ? f->delayMs : 0;
}

QString FaultInjector::malformedModeFor(const QString &nodeId) const
{
    const Fault *f = find(Fault::Kind::Malformed, nodeId);
    return f ? f->mode : QString();
}

} // namespace cpn::sim
