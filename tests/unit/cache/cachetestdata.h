#pragma once

// A small recorded federation for the cache tests: the sample federation's directory at kT0, a
// changed directory at kT0 + 5 s (guian in maintenance, wuhu gone), ten ticks of samples, three
// jobs and three alarms (sampleAlarmRevisions). Written synchronously through CacheStore.

#include "cache/cachedatabase.h"
#include "cache/cachestore.h"
#include "support/samplefederation.h"

#include <QTest>

namespace cpn::cache::testing {

inline constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

inline QList<Node> directoryAt(qint64 ts)
{
    QList<Node> nodes = cpn::testing::sampleNodes();
    if (ts >= kT0 + 5000) {
        nodes.removeIf([](const Node &n) { return n.id == QLatin1String("wuhu"); });
        for (Node &n : nodes) {
            if (n.id == QLatin1String("guian"))
                n.status = NodeStatus::Maintenance;
        }
    }
    return nodes;
}

inline MetricsBatch tick(int i)
{
    const qint64 ts = kT0 + i * 1000;
    const QList<Node> nodes = directoryAt(ts);
    MetricsBatch batch;
    batch.serverTimeMs = ts;
    batch.nodes = cpn::testing::sampleTick(nodes, ts, i);
    for (NodeSample &s : batch.nodes) {
        if (s.nodeId == QLatin1String("guian") && i >= 5)
            s.status = NodeStatus::Maintenance;
    }
    batch.links = cpn::testing::sampleLinkTick(cpn::testing::sampleLinks(nodes), ts, i);
    return batch;
}

inline QList<Job> sampleJobs()
{
    Job a;
    a.id = QStringLiteral("job-a");
    a.name = QStringLiteral("training");
    a.kind = JobKind::Training;
    a.nodeId = QStringLiteral("guian");
    a.state = JobState::Completed;
    a.progress = 1;
    a.requirements.cpuCores = 64;
    a.requirements.durationHours = 2;
    a.submittedAtMs = kT0 - 10000;
    a.startedAtMs = kT0 + 2000;
    a.finishedAtMs = kT0 + 8000;
    Job b = a;
    b.id = QStringLiteral("job-b");
    b.state = JobState::Running;
    b.progress = 0.5;
    b.startedAtMs = kT0 - 5000;
    b.finishedAtMs = 0;
    Job c = a;
    c.id = QStringLiteral("job-c");
    c.state = JobState::Queued;
    c.progress = 0;
    c.submittedAtMs = kT0 + 20000; // after the recording
    c.startedAtMs = 0;
    c.finishedAtMs = 0;
    return {a, b, c};
}

inline const QString kAlarmOrigin = QStringLiteral("http://127.0.0.1:8080");

inline Alarm makeAlarm(const QString &id, Alarm::Kind kind, const QString &nodeId, qint64 raisedAtMs)
{
    Alarm a;
    a.id = id;
    a.kind = kind;
    a.source = {AlarmSource::Kind::Node, nodeId};
    a.severity = Alarm::Severity::Critical;
    a.summary = QStringLiteral("node %1 is down").arg(nodeId);
    a.affected = {nodeId};
    a.raisedAtMs = raisedAtMs;
    a.revision = 1;
    return a;
}

// The alarm revisions of the recording, each with when the console observed it: "old" raised and
// cleared three hours before it, "slow" raised a minute before it and still active, and "down" on
// guian raised at kT0 + 5 s and acknowledged with a comment at kT0 + 7 s.
inline QList<std::pair<qint64, Alarm>> sampleAlarmRevisions()
{
    Alarm old =
        makeAlarm(QStringLiteral("old"), Alarm::Kind::NodeDown, QStringLiteral("wuhu"), kT0 - 3 * 3600000);
    Alarm oldCleared = old;
    oldCleared.revision = 2;
    oldCleared.state = Alarm::State::Cleared;
    oldCleared.clearedAtMs = kT0 - 3 * 3600000 + 60000;
    Alarm slow =
        makeAlarm(QStringLiteral("slow"), Alarm::Kind::EndpointSlow, QStringLiteral("guian"), kT0 - 60000);
    slow.severity = Alarm::Severity::Warning;
    slow.source.kind = AlarmSource::Kind::Endpoint;
    Alarm down =
        makeAlarm(QStringLiteral("down"), Alarm::Kind::NodeDown, QStringLiteral("guian"), kT0 + 5000);
    Alarm downAcked = down;
    downAcked.revision = 2;
    downAcked.ack = AlarmAck{QStringLiteral("operator"), kT0 + 7000, QStringLiteral("on it"), 0};
    return {{old.raisedAtMs, old},
            {oldCleared.clearedAtMs + 500, oldCleared},
            {slow.raisedAtMs + 500, slow},
            {kT0 + 5000, down},
            {kT0 + 7000, downAcked}};
}

// Fills the cache at `path` and returns false on any error.
inline bool recordSampleFederation(const QString &path)
{
    CacheDatabase db;
    if (!db.open(path, CacheDatabase::uniqueConnectionName(QStringLiteral("t.fill")), CacheDatabase::Role::Writer))
        return false;
    CacheStore store(db.handle());
    if (!store.load())
        return false;
    for (int i = 0; i < 10; ++i) {
        const qint64 ts = kT0 + i * 1000;
        if (i == 0 || i == 5) {
            const QList<Node> nodes = directoryAt(ts);
            if (!store.addDirectory(nodes, cpn::testing::sampleLinks(nodes), ts))
                return false;
        }
        if (!store.addMetrics(tick(i)))
            return false;
        if (i == 9 && !store.addJobs(sampleJobs(), ts))
            return false;
        if (!store.commit())
            return false;
    }
    for (const auto &[observedAtMs, alarm] : sampleAlarmRevisions()) {
        if (!store.addAlarms(kAlarmOrigin, {alarm}, observedAtMs))
            return false;
    }
    return store.addEvent({kT0 + 5000, 2, QStringLiteral("guian"), QStringLiteral("maintenance")}) && store.commit();
}

} // namespace cpn::cache::testing
