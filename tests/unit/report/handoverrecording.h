#pragma once

// A recorded half hour of the sample federation for the handover report's tests, written through
// the console's CacheWriter (its totals computed by FederationState, as the console records them):
// a tick every 2 s from kFrom - 1 min to kTo, with these troubles in it:
//   wuhu      offline from before the period until kFrom + 2 min
//   tianfu    offline from kFrom + 5 min to kFrom + 10 min
//   shaoguan  silent (no samples) from kFrom + 12 min to kFrom + 14 min
//   l-national-gba-hub  down from kFrom + 20 min to kFrom + 25 min, both ends reporting
//   horinger  offline from kFrom + 25 min to the end
//   l-yrd-hub-hz-gov    above 90 % of its capacity from kFrom + 28 min
// and three jobs: one failed within the period, one failed before it, one completed.

#include "cache/cachewriter.h"
#include "domain/clock.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"

namespace cpn::report::testing {

inline constexpr qint64 kMinute = 60'000;
inline constexpr qint64 kFrom = 1'767'225'600'000; // 2026-01-01T00:00:00Z
inline constexpr qint64 kTo = kFrom + 30 * kMinute;
inline constexpr qint64 kTickMs = 2000;

inline bool within(qint64 ts, qint64 fromMinute, qint64 toMinute)
{
    return ts >= kFrom + fromMinute * kMinute && ts < kFrom + toMinute * kMinute;
}

inline QList<Job> recordedJobs()
{
    Job failed;
    failed.id = QStringLiteral("job-7f3a");
    failed.name = QStringLiteral("llm-finetune-batch");
    failed.kind = JobKind::FineTuning;
    failed.nodeId = QStringLiteral("tianfu");
    failed.state = JobState::Failed;
    failed.requirements.acceleratorModel = QStringLiteral("ascend-910b");
    failed.requirements.accelerators = 16;
    failed.requirements.cpuCores = 64;
    failed.requirements.durationHours = 2;
    failed.submittedAtMs = kFrom - 20 * kMinute;
    failed.startedAtMs = kFrom - 10 * kMinute;
    failed.finishedAtMs = kFrom + 15 * kMinute;
    failed.message = QStringLiteral("node lost during checkpoint");
    Job earlier = failed;
    earlier.id = QStringLiteral("job-0001");
    earlier.name = QStringLiteral("nightly-etl");
    earlier.finishedAtMs = kFrom - 5 * kMinute;
    earlier.message = QStringLiteral("out of memory");
    Job done = failed;
    done.id = QStringLiteral("job-0002");
    done.name = QStringLiteral("render");
    done.state = JobState::Completed;
    done.message.clear();
    return {failed, earlier, done};
}

inline MetricsBatch recordedTick(const QList<Node> &nodes, const QList<Link> &links, qint64 ts)
{
    MetricsBatch batch;
    batch.serverTimeMs = ts;
    const qint64 tick = (ts - kFrom) / kTickMs;
    for (NodeSample s : cpn::testing::sampleTick(nodes, ts, tick)) {
        if (s.nodeId == QLatin1String("shaoguan") && within(ts, 12, 14))
            continue;
        if ((s.nodeId == QLatin1String("wuhu") && ts < kFrom + 2 * kMinute) ||
            (s.nodeId == QLatin1String("tianfu") && within(ts, 5, 10)) ||
            (s.nodeId == QLatin1String("horinger") && ts >= kFrom + 25 * kMinute))
            s.status = NodeStatus::Offline;
        batch.nodes.append(s);
    }
    for (const Link &l : links) {
        LinkSample s;
        s.linkId = l.id;
        s.tsMs = ts;
        s.abGbps = l.capacityGbps * 0.5;
        s.baGbps = l.capacityGbps * 0.25;
        s.latencyMs = l.baseLatencyMs + 0.2;
        if (l.id == QLatin1String("l-national-gba-hub") && within(ts, 20, 25)) {
            s.status = LinkStatus::Down;
            s.abGbps = s.baGbps = 0;
        }
        if (l.id == QLatin1String("l-yrd-hub-hz-gov") && ts >= kFrom + 28 * kMinute)
            s.abGbps = l.capacityGbps * 0.95;
        batch.links.append(s);
    }
    return batch;
}

// Records the half hour into the cache at `path`; false on any error.
inline bool recordHandoverPeriod(const QString &path)
{
    ManualClock clock(kFrom - kMinute);
    FederationState state(clock);
    cache::CacheWriter::Options options;
    options.path = path;
    options.retentionIntervalMs = 0;
    options.clock = &clock;
    cache::CacheWriter writer(options);
    QObject::connect(&state, &FederationState::tickComputed, &writer, &cache::CacheWriter::ingestTotals);
    const QList<Node> nodes = cpn::testing::sampleNodes();
    const QList<Link> links = cpn::testing::sampleLinks(nodes);
    state.setDirectory(nodes, links);
    writer.ingestDirectory(nodes, links, kFrom - kMinute);
    for (qint64 ts = kFrom - kMinute; ts <= kTo; ts += kTickMs) {
        clock.setNowMs(ts);
        const MetricsBatch batch = recordedTick(nodes, links, ts);
        writer.ingestMetrics(batch);
        state.ingest(batch);
        // The writer's queue is bounded: let it catch up now and then, so no batch is dropped.
        if ((ts - kFrom) % (100 * kTickMs) == 0 && !writer.flushAndWait())
            return false;
    }
    writer.ingestJobs(recordedJobs(), kTo);
    return writer.flushAndWait() && writer.droppedBatches() == 0;
}

} // namespace cpn::report::testing
