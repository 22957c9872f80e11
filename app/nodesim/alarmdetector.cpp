#include "alarmdetector.h"

#include <cmath>
#include <limits>

#include <algorithm>

namespace cpn::sim {
namespace {

QStringList idsOf(const Scenario &scenario, const QList<int> &indices)
{
    QStringList ids;
    ids.reserve(indices.size());
    for (int i : indices)
        ids.append(scenario.nodes()[i].id);
    return ids;
}

} // namespace

double AlarmDetector::latencyTargetMs(const Link &link)
{
    return std::max(2 * link.baseLatencyMs, link.baseLatencyMs + 5);
}

QList<AlarmCondition> AlarmDetector::evaluate(const AlarmInputs &inputs)
{
    QList<AlarmCondition> out;
    nodeDown(inputs, out);
    linkDown(inputs, out);
    linkThresholds(inputs, out);
    nodeThresholds(inputs, out);
    slowEndpoints(inputs, out);
    pathTargets(inputs, out);
    return out;
}

void AlarmDetector::pathTargets(const AlarmInputs &in, QList<AlarmCondition> &out)
{
    if (!m_watched && !takeWatchedPairs())
        return;
    std::vector<double> latency(size_t(m_scenario.links().size()), std::numeric_limits<double>::quiet_NaN());
    for (const AlarmInputs::LinkLoad &s : in.links) {
        const int i = m_scenario.linkIndex(s.id);
        if (i >= 0 && !s.down)
            latency[size_t(i)] = s.latencyMs;
    }
    for (const WatchedPair &w : std::as_const(*m_watched)) {
        double ms = 0;
        for (int link : w.links)
            ms += latency[size_t(link)];
        // A path that is cut (NaN) has the alarm of the link or node that cuts it.
        const bool above = ms > w.targetMs;
        if (!above && !m_pathSince.contains(w.key) && !m_path.contains(w.key))
            continue; // nothing held for it: the common case, kept cheap for many pairs
        if (held(m_pathSince, m_path, w.key, above, !above, in.tsMs))
            out.append({Alarm::Kind::LatencyAboveTarget, {AlarmSource::Kind::Node, w.a}, w.severity, w.summary, {w.a, w.b},
                        w.key});
    }
}

bool AlarmDetector::takeWatchedPairs()
{
    // Small federations get their pairs at once (tests see the same alarms at every run); large ones
    // on a worker, so a 25,000-node simulator is not held seconds before it listens.
    if (!m_watchedLater.valid()) {
        const QList<Node> nodes = m_scenario.nodes(); // copies: the worker never reads shared state
        const QList<Link> links = m_scenario.links();
        if (nodes.size() <= kPairsInlineUpToNodes) {
            m_watched = watchedPairs(nodes, links);
            return true;
        }
        m_watchedLater = std::async(std::launch::async, [nodes, links] { return watchedPairs(nodes, links); });
    }
    if (m_watchedLater.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    m_watched = m_watchedLater.get();
    return true;
}

QList<AlarmDetector::WatchedPair> AlarmDetector::watchedPairs(const QList<Node> &nodes, const QList<Link> &links)
{
    QList<WatchedPair> watched;
    for (const latency::TargetPair &pair : latency::targetPairs(nodes, links)) {
        if (pair.links.isEmpty())
            continue;
        // A pair whose idle path already takes most of its target misses it by design, not by a fault:
        // the latency matrix shows it, an alarm would never clear.
        double baseMs = 0;
        for (int link : pair.links)
            baseMs += links[link].baseLatencyMs;
        if (baseMs > latency::kHeadroom * pair.targetMs())
            continue;
        const char *scope = pair.scope == latency::Scope::BetweenHubs ? "between hubs"
                            : pair.scope == latency::Scope::Region     ? "within a region"
                                                                       : "within a city";
        WatchedPair w;
        w.a = pair.a;
        w.b = pair.b;
        w.links = pair.links;
        w.targetMs = pair.targetMs();
        w.key = QStringLiteral("path:%1:%2").arg(pair.a, pair.b);
        w.severity = pair.scope == latency::Scope::BetweenHubs ? Alarm::Severity::Major : Alarm::Severity::Minor;
        // The figure itself is on the charts: a summary that moved every tick would change the alarm each time.
        w.summary = QStringLiteral("Latency from %1 to %2 is above the %3 ms target %4")
                        .arg(pair.a, pair.b)
                        .arg(pair.targetMs(), 0, 'f', 0)
                        .arg(QLatin1String(scope));
        watched.append(std::move(w));
    }
    return watched;
}

bool AlarmDetector::held(QHash<QString, qint64> &since, QSet<QString> &raised, const QString &key, bool above,
                         bool below, qint64 tsMs)
{
    if (below) {
        since.remove(key);
        raised.remove(key);
        return false;
    }
    if (raised.contains(key))
        return true;
    if (!above) {
        since.remove(key); // the run above the line is broken
        return false;
    }
    const qint64 start = since.contains(key) ? since.value(key) : *since.insert(key, tsMs);
    if (tsMs - start < m_holdMs)
        return false;
    since.remove(key);
    raised.insert(key);
    return true;
}

void AlarmDetector::nodeDown(const AlarmInputs &in, QList<AlarmCondition> &out) const
{
    for (const QString &id : in.downNodes) {
        const Node *node = m_scenario.node(id);
        if (!node)
            continue;
        // A node under another node that is down is part of that alarm, not one of its own.
        bool underDown = false;
        for (const Node *up = m_scenario.node(node->parentId); up && !underDown;
             up = m_scenario.node(up->parentId))
            underDown = in.downNodes.contains(up->id);
        if (underDown)
            continue;
        AlarmCondition c;
        c.kind = Alarm::Kind::NodeDown;
        c.affected = idsOf(m_scenario, m_scenario.directory(id));
        const bool hasNodesUnder = c.affected.size() > 1;
        c.source = {hasNodesUnder ? AlarmSource::Kind::Subtree : AlarmSource::Kind::Node, id};
        c.severity = hasNodesUnder || node->role == NodeRole::National || node->role == NodeRole::Hub
                         ? Alarm::Severity::Critical
                         : Alarm::Severity::Major;
        c.summary = hasNodesUnder ? QStringLiteral("Node %1 is down; %2 nodes under it are unreachable")
                                        .arg(id)
                                        .arg(c.affected.size() - 1)
                                  : QStringLiteral("Node %1 is down").arg(id);
        out.append(c);
    }
}

QStringList AlarmDetector::cutOffBy(const Link &link) const
{
    const Node *a = m_scenario.node(link.a);
    const Node *b = m_scenario.node(link.b);
    if (b && b->parentId == link.a)
        return idsOf(m_scenario, m_scenario.directory(link.b));
    if (a && a->parentId == link.b)
        return idsOf(m_scenario, m_scenario.directory(link.a));
    return {link.a, link.b};
}

void AlarmDetector::linkDown(const AlarmInputs &in, QList<AlarmCondition> &out) const
{
    for (const QString &id : in.downLinks) {
        const Link *link = m_scenario.link(id);
        // A link to a node that is down is part of that node's alarm.
        if (!link || in.downNodes.contains(link->a) || in.downNodes.contains(link->b))
            continue;
        AlarmCondition c;
        c.kind = Alarm::Kind::LinkDown;
        c.source = {AlarmSource::Kind::Link, id};
        c.severity = link->kind == LinkKind::Backbone ? Alarm::Severity::Critical : Alarm::Severity::Major;
        c.affected = cutOffBy(*link);
        c.summary = QStringLiteral("Link %1 between %2 and %3 is down").arg(id, link->a, link->b);
        out.append(c);
    }
}

void AlarmDetector::linkThresholds(const AlarmInputs &in, QList<AlarmCondition> &out)
{
    for (const AlarmInputs::LinkLoad &s : in.links) {
        const Link *link = m_scenario.link(s.id);
        if (!link)
            continue;
        const bool backbone = link->kind == LinkKind::Backbone;
        if (held(m_congestedSince, m_congested, s.id, !s.down && s.utilization > kCongestedAbove,
                 s.down || s.utilization < kCongestedClearsBelow, in.tsMs)) {
            out.append({Alarm::Kind::LinkCongested,
                        {AlarmSource::Kind::Link, s.id},
                        backbone ? Alarm::Severity::Major : Alarm::Severity::Minor,
                        QStringLiteral("Link %1 runs above 90 %").arg(s.id),
                        {link->a, link->b}});
        }
        const double target = latencyTargetMs(*link);
        if (held(m_latencySince, m_latency, s.id, !s.down && s.latencyMs > target,
                 s.down || s.latencyMs <= target, in.tsMs)) {
            out.append({Alarm::Kind::LatencyAboveTarget,
                        {AlarmSource::Kind::Link, s.id},
                        Alarm::Severity::Warning,
                        QStringLiteral("Latency of link %1 is above its target of %2 ms")
                            .arg(s.id)
                            .arg(target, 0, 'f', 1),
                        {link->a, link->b}});
        }
    }
}

void AlarmDetector::nodeThresholds(const AlarmInputs &in, QList<AlarmCondition> &out)
{
    QSet<QString> reporting;
    for (const AlarmInputs::NodeLoad &s : in.nodes) {
        reporting.insert(s.id);
        if (held(m_utilizationSince, m_utilization, s.id, s.utilization >= kUtilizationAbove,
                 s.utilization < kUtilizationClearsBelow, in.tsMs)) {
            out.append({Alarm::Kind::UtilizationHigh,
                        {AlarmSource::Kind::Node, s.id},
                        Alarm::Severity::Warning,
                        QStringLiteral("Node %1 is above 95 % utilization").arg(s.id),
                        {s.id}});
        }
    }
    // A node without a sample (down) has no utilization: its run ends.
    for (auto it = m_utilization.begin(); it != m_utilization.end();)
        it = reporting.contains(*it) ? std::next(it) : m_utilization.erase(it);
    m_utilizationSince.removeIf([&](const auto &it) { return !reporting.contains(it.key()); });
}

void AlarmDetector::slowEndpoints(const AlarmInputs &in, QList<AlarmCondition> &out) const
{
    for (auto it = in.slowEndpoints.begin(); it != in.slowEndpoints.end(); ++it) {
        if (it.value() < kSlowAboveMs || in.downNodes.contains(it.key()))
            continue;
        const bool everyNode = it.key() == u"*";
        const QString id = everyNode ? m_scenario.national().id : it.key();
        if (!m_scenario.node(id))
            continue;
        const QStringList affected =
            everyNode ? idsOf(m_scenario, m_scenario.directory(id)) : QStringList{id};
        out.append({Alarm::Kind::EndpointSlow,
                    {AlarmSource::Kind::Endpoint, id},
                    Alarm::Severity::Minor,
                    everyNode ? QStringLiteral("Every node answers after %1 ms").arg(it.value())
                              : QStringLiteral("Node %1 answers after %2 ms").arg(id).arg(it.value()),
                    affected});
    }
}

} // namespace cpn::sim
