// bench_report: the shift handover report over 8 hours of a 2,000-node, 10,000-link cache.
//   report.build_ms.2000       HandoverBuilder::build (the timeline's 121 replay states, the outages,
//                              the nation's series), beside report.state_at_ms.2000: one replay
//                              state, the unit the build is made of
//   report.write_ms.2000       HandoverReportWriter::write with 200 alarms (each with a comment) and
//                              the outages of 40 nodes, beside report.write_ms.empty: a report of a
//                              period without anything recorded
// The cache holds a full tick at each moment the timeline reads (every 4 min over 8 h): the read
// costs of a cache with every tick, a fraction of the disk space. Medians of three runs.
#include "cache/cachedatabase.h"
#include "cache/cachewriter.h"
#include "cache/seriesreader.h"
#include "common/median.h"
#include "domain/clock.h"
#include "domain/computeid.h"
#include "report/handoverbuilder.h"
#include "state/federationtotals.h"
#include "ui/report/handoverreportwriter.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

using namespace cpn;

namespace {

constexpr int kNodes = 2000;
constexpr int kLinks = 10000;
constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01
constexpr qint64 kSpanMs = 8LL * 3600 * 1000;

QList<Node> makeNodes()
{
    QList<Node> nodes;
    for (int i = 0; i < kNodes; ++i) {
        Node n;
        n.id = QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
        n.name = QStringLiteral("Node %1").arg(i);
        n.nameZh = QStringLiteral("节点 %1").arg(i);
        n.tier = i == 0 ? NodeTier::National : NodeTier::Industry;
        n.role = i == 0 ? NodeRole::National : NodeRole::Industry;
        n.parentId = i == 0 ? QString() : QStringLiteral("node-0000");
        n.province = QStringLiteral("CN-GZ");
        n.city = QStringLiteral("Guiyang");
        n.sector = QStringLiteral("GEN");
        n.computeId = computeid::make({n.tier, 52, n.sector, i + 1});
        n.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/n/%1").arg(n.id));
        n.capacity.cpuCores = 2048;
        n.capacity.memoryTiB = 16;
        n.capacity.storagePB = 2;
        n.capacity.accelerators.append({QStringLiteral("ascend-910b"), 64});
        nodes.append(n);
    }
    return nodes;
}

QList<Link> makeLinks(const QList<Node> &nodes)
{
    QList<Link> links;
    for (int l = 0; l < kLinks; ++l) {
        Link link;
        link.id = QStringLiteral("link-%1").arg(l, 5, 10, QLatin1Char('0'));
        link.a = nodes.at(l % kNodes).id;
        link.b = nodes.at((l * 7 + 1) % kNodes).id;
        link.capacityGbps = 400;
        link.distanceKm = 500;
        link.baseLatencyMs = 5;
        links.append(link);
    }
    return links;
}

MetricsBatch makeTick(const QList<Node> &nodes, const QList<Link> &links, qint64 ts, int tick)
{
    MetricsBatch b;
    b.serverTimeMs = ts;
    for (int i = 0; i < nodes.size(); ++i) {
        NodeSample s;
        s.nodeId = nodes.at(i).id;
        s.tsMs = ts;
        s.cpuUtil = 0.3 + 0.4 * ((i * 31 + tick * 7) % 100) / 100.0;
        s.memoryUtil = 0.5;
        s.storageUtil = 0.5;
        s.powerKw = 200 + 800 * s.cpuUtil;
        s.acceleratorUtil.insert(QStringLiteral("ascend-910b"),
                                 0.2 + 0.6 * ((i * 17 + tick * 3) % 100) / 100.0);
        // 40 nodes go down for a while, one after the other.
        if (i < 40 && tick >= 2 * i && tick < 2 * i + 5)
            s.status = NodeStatus::Offline;
        b.nodes.append(s);
    }
    for (int l = 0; l < links.size(); ++l) {
        LinkSample s;
        s.linkId = links.at(l).id;
        s.tsMs = ts;
        s.abGbps = 100 + (l * 13 + tick) % 300;
        s.baGbps = 100;
        s.latencyMs = 6;
        b.links.append(s);
    }
    return b;
}

FederationTotals totalsOf(const MetricsBatch &batch)
{
    FederationTotals t;
    t.tsMs = batch.serverTimeMs;
    RegionTotals &r = t.national;
    r.nodes = r.reporting = kNodes;
    r.acceleratorsTotal = r.acceleratorsReporting = kNodes * 64;
    for (const NodeSample &s : batch.nodes) {
        r.cpuUtil += s.cpuUtil / kNodes;
        r.powerKw += s.powerKw;
        r.acceleratorsBusy += 64 * s.acceleratorUtil.value(QStringLiteral("ascend-910b"));
    }
    return t;
}

template <typename F> double medianMs(F run)
{
    std::vector<double> ms;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        run();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return benchstats::median(ms);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench_report-XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const qint64 step = report::HandoverBuilder::stepFor(kStartMs, kStartMs + kSpanMs);
    {
        ManualClock clock(kStartMs);
        cache::CacheWriter::Options options;
        options.path = path;
        options.retentionIntervalMs = 0;
        options.clock = &clock;
        cache::CacheWriter writer(options);
        const QList<Node> nodes = makeNodes();
        const QList<Link> links = makeLinks(nodes);
        writer.ingestDirectory(nodes, links, kStartMs);
        int tick = 0;
        for (qint64 ts = kStartMs; ts <= kStartMs + kSpanMs; ts += step, ++tick) {
            const MetricsBatch batch = makeTick(nodes, links, ts, tick);
            writer.ingestMetrics(batch);
            writer.ingestTotals(totalsOf(batch));
            if (tick % 10 == 0)
                writer.flushAndWait();
        }
        if (!writer.flushAndWait() || writer.droppedBatches() > 0) {
            std::fprintf(stderr, "bench_report: recording failed\n");
            return 1;
        }
    }

    cache::CacheDatabase db;
    if (!db.open(path, QStringLiteral("bench.report"), cache::CacheDatabase::Role::Reader)) {
        std::fprintf(stderr, "bench_report: %s\n", qPrintable(db.errorString()));
        return 1;
    }
    const cache::SeriesReader reader(db.handle());
    const double stateAtMs = medianMs([&] { reader.stateAt(kStartMs + kSpanMs / 2); });
    report::HandoverData data;
    const double buildMs =
        medianMs([&] { data = report::HandoverBuilder(db.handle()).build(kStartMs, kStartMs + kSpanMs); });
    std::printf("report.state_at_ms.2000: %.0f ms (baseline: one replay state)\n", stateAtMs);
    std::printf("report.build_ms.2000: %.0f ms (8 h: %lld moments, %lld outages)\n", buildMs,
                qint64(data.timeline.size()), qint64(data.outages.size()));

    data.alarmsAvailable = true;
    for (int i = 0; i < 200; ++i) {
        Alarm a;
        a.id = QString::number(i);
        a.source = {AlarmSource::Kind::Node, QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'))};
        a.raisedAtMs = kStartMs + i * 60'000;
        a.ack = AlarmAck{QStringLiteral("operator"), a.raisedAtMs + 30'000, QStringLiteral("on it"), 0};
        a.comments = {{QStringLiteral("operator"), a.raisedAtMs + 60'000, QStringLiteral("vendor called")}};
        data.alarms.append(a);
    }
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    int pages = 0;
    const double writeMs = medianMs([&] {
        report::HandoverData copy = data;
        HandoverReportWriter::write(copy, pdf, nullptr, &pages);
    });
    report::HandoverData empty;
    empty.fromMs = kStartMs - 2 * kSpanMs;
    empty.toMs = kStartMs - kSpanMs;
    const double emptyMs = medianMs([&] { HandoverReportWriter::write(empty, pdf); });
    std::printf("report.write_ms.empty: %.0f ms (baseline: nothing recorded)\n", emptyMs);
    std::printf("report.write_ms.2000: %.0f ms (%d pages: 200 alarms, %lld outages)\n", writeMs, pages,
                qint64(data.outages.size()));
    return 0;
}
