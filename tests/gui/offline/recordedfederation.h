#pragma once

// A short recording with values known by heart, written through CacheWriter as the console does:
// the sample federation's first nodes, twenty one-second ticks from kT0; node 0's CPU is
// 0.10 + i/100 at tick i; node 1 goes offline from tick 10; each link's a->b flow rises by
// 10 Gbps a tick. Then exported as a snapshot.

#include "cache/cachewriter.h"
#include "cache/snapshotexporter.h"
#include "support/samplefederation.h"

#include <QTest>

namespace cpn::testing {

inline constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
inline constexpr int kTicks = 20;

inline QList<Node> recordedNodes()
{
    return sampleNodes().mid(0, 6);
}

inline double recordedCpu(int tick)
{
    return 0.10 + tick / 100.0;
}

inline MetricsBatch recordedTick(int i)
{
    const qint64 ts = kT0 + i * 1000;
    MetricsBatch batch;
    batch.serverTimeMs = ts;
    const QList<Node> nodes = recordedNodes();
    for (int n = 0; n < nodes.size(); ++n) {
        NodeSample s = sampleFor(nodes.at(n), ts, i);
        s.status = NodeStatus::Online;
        if (n == 0)
            s.cpuUtil = recordedCpu(i);
        if (n == 1 && i >= 10)
            s.status = NodeStatus::Offline;
        batch.nodes.append(s);
    }
    for (const Link &link : sampleLinks(nodes)) {
        LinkSample s;
        s.linkId = link.id;
        s.tsMs = ts;
        s.abGbps = qMin(link.capacityGbps, 10.0 * i);
        s.baGbps = 1;
        s.latencyMs = link.baseLatencyMs;
        batch.links.append(s);
    }
    return batch;
}

// Records into <dir>/cache.sqlite through the writer thread; true when all of it is committed.
inline bool recordFederation(const QString &dir)
{
    cache::CacheWriter::Options options;
    options.path = dir + QStringLiteral("/cache.sqlite");
    options.retentionIntervalMs = 0;
    cache::CacheWriter writer(options);
    if (!writer.waitUntilOpen())
        return false;
    const QList<Node> nodes = recordedNodes();
    writer.ingestDirectory(nodes, sampleLinks(nodes), kT0);
    for (int i = 0; i < kTicks; ++i)
        writer.ingestMetrics(recordedTick(i));
    return writer.flushAndWait();
}

// The whole recording as <dir>/<name>; empty on failure.
inline QString recordSnapshot(const QString &dir, const QString &name = QStringLiteral("recording.cpnsnap"))
{
    if (!recordFederation(dir))
        return {};
    cache::SnapshotRequest request;
    request.name = QStringLiteral("drill");
    request.note = QStringLiteral("node 1 goes offline");
    request.fromMs = kT0;
    request.toMs = kT0 + (kTicks - 1) * 1000;
    request.createdBy = QStringLiteral("tst");
    const QString file = dir + QLatin1Char('/') + name;
    QString error;
    if (!cache::SnapshotExporter::exportRange(dir + QStringLiteral("/cache.sqlite"), file, request, &error)) {
        qWarning("export failed: %s", qPrintable(error));
        return {};
    }
    return file;
}

} // namespace cpn::testing
