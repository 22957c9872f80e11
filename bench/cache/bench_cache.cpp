// Ingestion and read rates of the cache, each beside its limit measured in the same run:
//   cache.ingest_per_s      samples/s through the console's own path: CacheWriter -> writer
//                           thread -> CacheStore -> SQLite, wall time from the first post until
//                           flushAndWait() returns
//   cache.raw_ingest_per_s  the same rows into the same schema with the bare block writer
//                           (sampleblock::Writer, all rows in one transaction, series ids known)
//   cache.read_24h_ms       SeriesReader::readNodeSeries over 24 h of 1 s samples of one series
//   cache.read_region_1h_ms.500
//                           SeriesReader::readRegionSeries: the national CPU over 1 h of 1 s samples
//                           of 500 nodes (a national chart's history), read from the region series
//                           recorded at ingest (CacheStore::addTotals), beside
//   cache.read_region_1h_ms.500_per_node
//                           the same from 500 readNodeSeries calls averaged here, and
//   cache.read_region_1h_ms.500_window_before_recording
//                           the stored read of a window that starts 10 min before the recording
//                           (a chart opened soon after the console started): the reader looks for
//                           node samples to compute that part from, and finds none
//   cache.read_region_1h_ms.500_computed
//                           SeriesReader::computeRegionSeries, what a cache recorded before region
//                           series falls back to
//   cache.read_region_speedup.500
//                           per node / stored
//   cache.sustained.*.2000  the 2,000-node federation's shape (66,776 series) through the
//                           console's own CacheWriter for 1,800 ticks (sustained.cpp), beside the
//                           schema-2 layout (_old_layout) for 240 ticks, as it soon falls far behind:
//     write_amplification   bytes written to disk (/proc/self/io write_bytes) per byte the cache
//                           grew on disk (target <= 3)
//     lag_ticks             the worst lag at one tick a second: ticks are fed one after another
//                           (faster than real time) and each tick's commit time measured; the lag
//                           replays those times against arrivals every 1,000 ms (target <= 2)
//     samples_per_s.2000_first_minute / _last_minute
//                           samples a second of writer time over the first and last 60 ticks
//                           (last >= 0.8x first)
//     snapshot_mb_per_hour  the run saved as a snapshot, scaled to an hour ("save the last
//                           hour"), beside the reader's 1 GiB limit; snapshot_open_ms: its open
//                           and verification by SnapshotReader; on it, state_at_ms (a replay's
//                           stateAt) and read_series_ms (one series over the run)
//                           CPN_BENCH_SHORT=1: 120 and 60 ticks, for development; CPN_BENCH_TICKS
//                           and CPN_BENCH_OLD_TICKS set them. In a directory beside the working
//                           directory (not /tmp, which may be in memory): CPN_BENCH_DIR.
// Medians of several runs, in a temporary directory.
#include "common/median.h"
#include "cache/cachedatabase.h"
#include "cache/cachestore.h"
#include "cache/cachewriter.h"
#include "cache/sampleblock.h"
#include "cache/schema.h"
#include "cache/seriesreader.h"
#include "cache/snapshotreader.h"
#include "cache/sqlite.h"
#include "domain/metricnames.h"
#include "sustained.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace cpn;
using namespace cpn::cache;

namespace {

constexpr int kNodes = 500;
constexpr int kLinks = 2000;
constexpr int kTicks = 70;
constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01
constexpr int kRuns = 3;

using benchstats::median;

QList<MetricsBatch> makeBatches()
{
    QList<MetricsBatch> batches;
    for (int t = 0; t < kTicks; ++t) {
        MetricsBatch b;
        b.serverTimeMs = kStartMs + t * 1000;
        for (int n = 0; n < kNodes; ++n) {
            NodeSample s;
            s.nodeId = QStringLiteral("node-%1").arg(n);
            s.tsMs = b.serverTimeMs;
            s.cpuUtil = (n * 7 + t) % 100 / 100.0;
            s.memoryUtil = (n * 3 + t) % 100 / 100.0;
            s.storageUtil = 0.5;
            s.powerKw = 100 + n;
            s.queuedJobs = t % 5;
            s.runningJobs = n % 9;
            s.acceleratorUtil.insert(QStringLiteral("ascend-910b"), (n + t) % 100 / 100.0);
            b.nodes.append(s);
        }
        for (int l = 0; l < kLinks; ++l) {
            LinkSample s;
            s.linkId = QStringLiteral("link-%1").arg(l);
            s.tsMs = b.serverTimeMs;
            s.abGbps = l % 400;
            s.baGbps = (l + t) % 400;
            s.latencyMs = 10 + l % 30;
            s.lossPct = 0.01;
            b.links.append(s);
        }
        batches.append(b);
    }
    return batches;
}

qint64 sampleCount(const QList<MetricsBatch> &batches)
{
    qint64 n = 0;
    for (const MetricsBatch &b : batches) {
        for (const NodeSample &s : b.nodes)
            n += metrics::NodeMetricCount + s.acceleratorUtil.size();
        n += qint64(b.links.size()) * metrics::LinkMetricCount;
    }
    return n;
}

double ingestThroughWriter(const QString &dir, const QList<MetricsBatch> &batches)
{
    CacheWriter::Options options;
    options.path = CacheDatabase::defaultPathIn(dir);
    options.retentionIntervalMs = 0;
    CacheWriter writer(options);
    if (!writer.waitUntilOpen())
        qFatal("the cache did not open");
    QElapsedTimer timer;
    timer.start();
    for (const MetricsBatch &b : batches)
        writer.ingestMetrics(b);
    if (!writer.flushAndWait())
        qFatal("flush failed");
    return double(sampleCount(batches)) / (double(timer.nsecsElapsed()) / 1e9);
}

struct Row
{
    qint64 series;
    qint64 ts;
    double value;
};

sqlite3 *openRaw(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    QString error;
    if (!sql::exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768", &error)
        || !CacheDatabase::migrate(db, schema::kCurrentVersion, &error))
        qFatal("raw: %s", qPrintable(error));
    return db;
}

// The rows as sample blocks, in one transaction, through the bare block writer (no writer thread,
// no series lookup, no per-batch bookkeeping).
void insertRaw(sqlite3 *db, const std::vector<Row> &rows)
{
    sql::exec(db, "BEGIN");
    sampleblock::Writer writer(db);
    for (const Row &row : rows)
        writer.add(row.series, row.ts, row.value);
    QString error;
    if (!writer.flush(&error))
        qFatal("raw: %s", qPrintable(error));
    sql::exec(db, "COMMIT");
}

// The same rows in the same order as CacheStore produces them, series ids numbered alike.
std::vector<Row> rowsOf(const QList<MetricsBatch> &batches)
{
    std::vector<Row> rows;
    QHash<QString, qint64> ids;
    auto id = [&](const QString &key) {
        auto it = ids.find(key);
        if (it == ids.end())
            it = ids.insert(key, ids.size() + 1);
        return *it;
    };
    for (const MetricsBatch &b : batches) {
        for (const NodeSample &s : b.nodes) {
            for (int m = 0; m < metrics::NodeMetricCount; ++m)
                rows.push_back({id(s.nodeId + QString::number(m)), s.tsMs, metrics::nodeValue(s, metrics::NodeMetric(m))});
            for (auto it = s.acceleratorUtil.cbegin(); it != s.acceleratorUtil.cend(); ++it)
                rows.push_back({id(s.nodeId + it.key()), s.tsMs, it.value()});
        }
        for (const LinkSample &s : b.links) {
            for (int m = 0; m < metrics::LinkMetricCount; ++m)
                rows.push_back({id(s.linkId + QString::number(m)), s.tsMs, metrics::linkValue(s, metrics::LinkMetric(m))});
        }
    }
    return rows;
}

double ingestRaw(const QString &dir, const std::vector<Row> &rows)
{
    sqlite3 *db = openRaw(CacheDatabase::defaultPathIn(dir));
    QElapsedTimer timer;
    timer.start();
    insertRaw(db, rows);
    const double rate = double(rows.size()) / (double(timer.nsecsElapsed()) / 1e9);
    sqlite3_close(db);
    return rate;
}

// A fresh cache at path with the CPU series of node-1 .. node-<members>, `seconds` of 1 s samples each.
void writeCpuSeries(const QString &path, int members, int seconds)
{
    sqlite3 *db = openRaw(path);
    sql::exec(db, "BEGIN");
    for (int s = 1; s <= members; ++s) {
        const QByteArray insert = QStringLiteral("INSERT INTO series(series_id, kind, entity_id, metric) "
                                                 "VALUES (%1, 0, 'node-%1', 'cpu')")
                                      .arg(s)
                                      .toUtf8();
        sql::exec(db, insert.constData());
    }
    sql::exec(db, "COMMIT");
    std::vector<Row> rows;
    rows.reserve(size_t(members) * size_t(seconds));
    for (int s = 1; s <= members; ++s) {
        for (int t = 0; t < seconds; ++t)
            rows.push_back({s, kStartMs + qint64(t) * 1000, ((t + s) % 100) / 100.0});
    }
    insertRaw(db, rows);
    sqlite3_close(db);
}

double read24h(const QString &dir)
{
    const QString path = CacheDatabase::defaultPathIn(dir);
    constexpr int kSeries = 8;
    constexpr int kDay = 86400;
    writeCpuSeries(path, kSeries, kDay);
    CacheDatabase database;
    if (!database.open(path, QStringLiteral("bench.reader"), CacheDatabase::Role::Reader))
        qFatal("reader: %s", qPrintable(database.errorString()));
    SeriesReader reader(database.handle());
    std::vector<double> times;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Series series = reader.readNodeSeries(QStringLiteral("node-3"), QStringLiteral("cpu"), kStartMs,
                                                    kStartMs + qint64(kDay - 1) * 1000);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (series.points.size() != kDay || series.resolution != Resolution::Raw)
            qFatal("read %lld points", qint64(series.points.size()));
    }
    return median(times);
}

// The region series CacheStore::addTotals records for `seconds` ticks of the nodes writeCpuSeries
// wrote: all equal in size, so the national CPU is their plain mean.
void writeNationalTotals(const QString &path, int members, int seconds)
{
    CacheDatabase database;
    if (!database.open(path, QStringLiteral("bench.totals"), CacheDatabase::Role::Writer))
        qFatal("totals: %s", qPrintable(database.errorString()));
    CacheStore store(database.handle());
    if (!store.load())
        qFatal("totals: %s", qPrintable(store.errorString()));
    for (int t = 0; t < seconds; ++t) {
        FederationTotals totals;
        totals.tsMs = kStartMs + qint64(t) * 1000;
        totals.national.nodes = totals.national.reporting = members;
        for (int s = 1; s <= members; ++s)
            totals.national.cpuUtil += ((t + s) % 100) / 100.0;
        totals.national.cpuUtil /= members;
        totals.national.memoryUtil = 0.5;
        totals.national.powerKw = 100.0 * members;
        if (!store.addTotals(totals))
            qFatal("totals: %s", qPrintable(store.errorString()));
    }
    if (!store.commit())
        qFatal("totals: %s", qPrintable(store.errorString()));
}

struct RegionReadMs
{
    double stored;
    double beforeRecording;
    double perNode;
    double computed;
};

// The national CPU over an hour of 500 nodes: from its region series, series by series here, and
// computed by the reader from the node series.
RegionReadMs readRegionHour(const QString &dir)
{
    const QString path = CacheDatabase::defaultPathIn(dir);
    constexpr int kMembers = 500;
    constexpr int kHour = 3600;
    writeCpuSeries(path, kMembers, kHour);
    writeNationalTotals(path, kMembers, kHour);
    CacheDatabase database;
    if (!database.open(path, QStringLiteral("bench.region"), CacheDatabase::Role::Reader))
        qFatal("reader: %s", qPrintable(database.errorString()));
    SeriesReader reader(database.handle());
    const qint64 to = kStartMs + qint64(kHour - 1) * 1000;
    const QString cpu = QStringLiteral("cpu");
    auto check = [](const Series &series, const std::vector<double> &mean, const char *what) {
        if (series.points.size() != kHour)
            qFatal("%s: %lld points", what, qint64(series.points.size()));
        for (int t = 0; t < kHour; ++t) {
            if (std::abs(series.points.at(t).mean - mean[size_t(t)]) > 1e-9)
                qFatal("%s differs from the per-node mean at %d s", what, t);
        }
    };
    std::vector<double> stored;
    std::vector<double> beforeRecording;
    std::vector<double> perNode;
    std::vector<double> computed;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        std::vector<double> mean(kHour, 0);
        for (int s = 1; s <= kMembers; ++s) {
            const Series one = reader.readNodeSeries(QStringLiteral("node-%1").arg(s), cpu, kStartMs, to);
            for (const SeriesPoint &p : one.points)
                mean[size_t((p.tsMs - kStartMs) / 1000)] += p.mean / kMembers;
        }
        perNode.push_back(double(timer.nsecsElapsed()) / 1e6);

        timer.start();
        const Series region = reader.readRegionSeries(QString(), cpu, kStartMs, to);
        stored.push_back(double(timer.nsecsElapsed()) / 1e6);
        check(region, mean, "the stored region series");

        timer.start();
        const Series early = reader.readRegionSeries(QString(), cpu, kStartMs - 600'000, to);
        beforeRecording.push_back(double(timer.nsecsElapsed()) / 1e6);
        check(early, mean, "the stored region series of an earlier window");

        timer.start();
        const Series fromNodes = reader.computeRegionSeries(QString(), cpu, kStartMs, to);
        computed.push_back(double(timer.nsecsElapsed()) / 1e6);
        check(fromNodes, mean, "the computed region series");
    }
    return {median(stored), median(beforeRecording), median(perNode), median(computed)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cpn.cache.info=false"));
    const QList<MetricsBatch> batches = makeBatches();
    const std::vector<Row> rows = rowsOf(batches);
    std::printf("cache.samples_per_run: %lld samples (%d nodes, %d links, %d ticks)\n", qint64(rows.size()), kNodes,
                kLinks, kTicks);
    std::vector<double> writer;
    std::vector<double> raw;
    for (int run = 0; run < kRuns; ++run) {
        // Interleaved, so drift on a shared machine hits both alike.
        QTemporaryDir a;
        QTemporaryDir b;
        writer.push_back(ingestThroughWriter(a.path(), batches));
        raw.push_back(ingestRaw(b.path(), rows));
    }
    QTemporaryDir c;
    const double readMs = read24h(c.path());
    const double w = median(writer);
    const double r = median(raw);
    std::printf("cache.ingest_per_s: %.0f samples/s\n", w);
    std::printf("cache.raw_ingest_per_s: %.0f samples/s\n", r);
    std::printf("cache.ingest_vs_raw: %.2f x\n", w / r);
    std::printf("cache.read_24h_ms: %.1f ms\n", readMs);
    QTemporaryDir d;
    const RegionReadMs region = readRegionHour(d.path());
    std::printf("cache.read_region_1h_ms.500: %.1f ms\n", region.stored);
    std::printf("cache.read_region_1h_ms.500_per_node: %.1f ms\n", region.perNode);
    std::printf("cache.read_region_1h_ms.500_window_before_recording: %.1f ms\n", region.beforeRecording);
    std::printf("cache.read_region_1h_ms.500_computed: %.1f ms\n", region.computed);
    std::printf("cache.read_region_speedup.500: %.0f x\n", region.perNode / region.stored);

    const bool shortRun = qEnvironmentVariableIntValue("CPN_BENCH_SHORT") != 0;
    const int ticks = qEnvironmentVariableIsSet("CPN_BENCH_TICKS")
                          ? qEnvironmentVariableIntValue("CPN_BENCH_TICKS")
                      : shortRun ? 120
                                 : 1800;
    const int oldTicks = qEnvironmentVariableIsSet("CPN_BENCH_OLD_TICKS")
                             ? qEnvironmentVariableIntValue("CPN_BENCH_OLD_TICKS")
                         : shortRun ? 60
                                    : 240;
    const QString base = qEnvironmentVariable("CPN_BENCH_DIR", QDir::currentPath());
    auto print = [](const char *suffix, const bench::SustainedFigures &f) {
        std::printf("cache.sustained.ticks.2000%s: %d ticks (%lld samples a tick)\n", suffix, f.ticks,
                    f.series);
        std::printf("cache.sustained.write_amplification.2000%s: %.2f x (%.0f MB on disk)\n", suffix,
                    f.writeAmplification, double(f.bytesOnDisk) / 1e6);
        std::printf("cache.sustained.lag_ticks.2000%s: %.1f ticks\n", suffix, f.worstLagTicks);
        std::printf("cache.sustained.samples_per_s.2000_first_minute%s: %.0f samples/s\n", suffix,
                    f.firstMinuteSamplesPerS);
        std::printf("cache.sustained.samples_per_s.2000_last_minute%s: %.0f samples/s\n", suffix,
                    f.lastMinuteSamplesPerS);
        std::printf("cache.sustained.last_vs_first_minute.2000%s: %.2f x\n", suffix,
                    f.lastMinuteSamplesPerS / f.firstMinuteSamplesPerS);
    };
    {
        QTemporaryDir e(base + QStringLiteral("/bench_cache-XXXXXX"));
        const bench::SustainedFigures figures = bench::runSustained(e.path(), ticks);
        print("", figures);
        std::printf("cache.sustained.bytes_per_raw_sample.2000: %.2f B\n", figures.bytesPerRawSample);
        std::printf("cache.sustained.bytes_per_rollup_row.2000: %.1f B\n", figures.bytesPerRollupRow);
        std::printf("cache.sustained.snapshot_mb_per_hour.2000: %.0f MB (the reader's limit: %.0f MB)\n",
                    double(figures.snapshotBytes) / 1e6 * 3600.0 / ticks,
                    double(SnapshotReader::Options().maxBytes) / 1e6);
        std::printf("cache.sustained.snapshot_open_ms.2000: %.0f ms for %d ticks (%s)\n",
                    figures.snapshotOpenMs, ticks, figures.snapshotOpens ? "opens" : "refused");
        std::printf("cache.sustained.state_at_ms.2000: %.0f ms (a replay's moment: 2,000 nodes, 10,000 links)\n",
                    figures.stateAtMs);
        std::printf("cache.sustained.read_series_ms.2000: %.1f ms (one node's CPU over the %d ticks)\n",
                    figures.readSeriesMs, ticks);
    }
    {
        QTemporaryDir f(base + QStringLiteral("/bench_cache-XXXXXX"));
        print("_old_layout", bench::runSustainedOldLayout(f.path(), oldTicks));
    }
    return 0;
}
