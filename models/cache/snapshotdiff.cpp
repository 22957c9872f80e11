#include "cache/snapshotdiff.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace cpn::cache {

namespace {

NodeStatus statusIn(const ReplayState &state, const Node &node)
{
    const auto it = state.nodeSamples.constFind(node.id);
    return it != state.nodeSamples.cend() ? it->status : node.status;
}

QMap<QString, double> regionUtilization(const ReplayState &state)
{
    QMap<QString, double> sum;
    QMap<QString, int> count;
    for (const Node &node : state.nodes) {
        const auto it = state.nodeSamples.constFind(node.id);
        if (it == state.nodeSamples.cend() || node.province.isEmpty())
            continue;
        sum[node.province] += it->cpuUtil;
        ++count[node.province];
    }
    for (auto it = sum.begin(); it != sum.end(); ++it)
        *it /= count.value(it.key());
    return sum;
}

void keepLargest(QList<DiffResult::UtilizationChange> &changes, int top)
{
    std::stable_sort(changes.begin(), changes.end(), [](const auto &x, const auto &y) {
        return std::abs(x.delta()) > std::abs(y.delta());
    });
    if (changes.size() > top)
        changes.resize(top);
}

QString alarmKey(const RecordedAlarm &r)
{
    return r.origin + QLatin1Char('\n') + r.alarm.id;
}

QString sourceName(const Alarm &alarm, const ReplayState &state)
{
    if (alarm.source.kind == AlarmSource::Kind::Link) {
        for (const Link &link : state.links) {
            if (link.id == alarm.source.id)
                return link.a + QStringLiteral(" - ") + link.b;
        }
        return {};
    }
    for (const Node &node : state.nodes) {
        if (node.id == alarm.source.id)
            return node.name;
    }
    return {};
}

QList<DiffResult::AlarmChange> alarmChanges(const ReplayState &before, const ReplayState &after)
{
    using Change = DiffResult::AlarmChange;
    QList<Change> changes;
    QHash<QString, const RecordedAlarm *> earlier;
    for (const RecordedAlarm &r : before.alarms)
        earlier.insert(alarmKey(r), &r);
    QSet<QString> later;
    for (const RecordedAlarm &r : after.alarms) {
        later.insert(alarmKey(r));
        const Alarm &a = r.alarm;
        const RecordedAlarm *old = earlier.value(alarmKey(r));
        QString name = sourceName(a, after);
        if (name.isEmpty())
            name = sourceName(a, before);
        auto add = [&](Change::What what, qint64 atMs) { changes.append({what, r.origin, a, name, atMs}); };
        if (a.raisedAtMs > before.atMs)
            add(Change::What::Raised, a.raisedAtMs);
        const bool wasCleared = old && old->alarm.state == Alarm::State::Cleared;
        if (a.state == Alarm::State::Cleared && !wasCleared && a.clearedAtMs > before.atMs)
            add(Change::What::Cleared, a.clearedAtMs);
        const std::optional<AlarmAck> &ackBefore = old ? old->alarm.ack : std::nullopt;
        if (a.ack && (!ackBefore || ackBefore->atMs != a.ack->atMs || ackBefore->by != a.ack->by))
            add(Change::What::Acknowledged, a.ack->atMs);
        else if (!a.ack && ackBefore)
            add(Change::What::Unacknowledged, 0);
    }
    for (const RecordedAlarm &r : before.alarms) {
        if (!later.contains(alarmKey(r)) && r.alarm.state == Alarm::State::Active)
            changes.append({Change::What::Cleared, r.origin, r.alarm, sourceName(r.alarm, before), 0});
    }
    std::stable_sort(changes.begin(), changes.end(), [](const Change &x, const Change &y) {
        if (x.alarm.severity != y.alarm.severity)
            return x.alarm.severity < y.alarm.severity; // Critical is the first value
        return x.atMs < y.atMs;
    });
    return changes;
}

} // namespace

double SnapshotDiff::linkUtilization(const Link &link, const LinkSample &sample)
{
    if (link.capacityGbps <= 0)
        return -1;
    return std::max(sample.abGbps, sample.baGbps) / link.capacityGbps;
}

DiffResult SnapshotDiff::compare(const ReplayState &before, const ReplayState &after, int top, double minDelta)
{
    DiffResult result;
    result.fromMs = before.atMs;
    result.toMs = after.atMs;

    QHash<QString, const Node *> beforeNodes;
    for (const Node &node : before.nodes)
        beforeNodes.insert(node.id, &node);
    QSet<QString> afterIds;
    for (const Node &node : after.nodes) {
        afterIds.insert(node.id);
        const Node *old = beforeNodes.value(node.id);
        if (!old) {
            result.nodesAdded.append(node.id);
            continue;
        }
        const bool reportedBefore = before.nodeSamples.contains(node.id);
        const bool reportedAfter = after.nodeSamples.contains(node.id);
        const NodeStatus was = statusIn(before, *old);
        const NodeStatus is = statusIn(after, node);
        if (was != is || reportedBefore != reportedAfter)
            result.statusChanges.append({node.id, node.name, was, is, reportedBefore, reportedAfter});
    }
    QList<Node> directory = after.nodes;
    for (const Node &node : before.nodes) {
        if (!afterIds.contains(node.id)) {
            result.nodesRemoved.append(node.id);
            directory.append(node);
        }
    }
    result.names = NodeNames(directory);

    QHash<QString, double> beforeLinks;
    for (const Link &link : before.links) {
        const auto sample = before.linkSamples.constFind(link.id);
        if (sample != before.linkSamples.cend())
            beforeLinks.insert(link.id, linkUtilization(link, *sample));
    }
    for (const Link &link : after.links) {
        const auto sample = after.linkSamples.constFind(link.id);
        const auto old = beforeLinks.constFind(link.id);
        if (sample == after.linkSamples.cend() || old == beforeLinks.cend() || *old < 0)
            continue;
        const QString label = link.a + QStringLiteral(" - ") + link.b;
        const LinkStatus was = before.linkSamples.value(link.id).status;
        if (was != sample->status) {
            result.linkStatusChanges.append({link.id, label, was, sample->status});
            continue;
        }
        const double now = linkUtilization(link, *sample);
        if (now >= 0 && std::abs(now - *old) >= minDelta)
            result.linkChanges.append({link.id, label, *old, now});
    }
    keepLargest(result.linkChanges, top);

    const QMap<QString, double> regionsBefore = regionUtilization(before);
    const QMap<QString, double> regionsAfter = regionUtilization(after);
    for (auto it = regionsAfter.cbegin(); it != regionsAfter.cend(); ++it) {
        const auto old = regionsBefore.constFind(it.key());
        if (old != regionsBefore.cend() && std::abs(it.value() - *old) >= minDelta)
            result.regionChanges.append({it.key(), {}, *old, it.value()});
    }
    keepLargest(result.regionChanges, top);

    for (const Job &job : after.jobs) {
        if (job.startedAtMs > before.atMs && job.startedAtMs <= after.atMs)
            result.jobsStarted.append(job);
        if (job.finishedAtMs > before.atMs && job.finishedAtMs <= after.atMs)
            result.jobsFinished.append(job);
    }
    result.alarmChanges = alarmChanges(before, after);
    return result;
}

} // namespace cpn::cache
