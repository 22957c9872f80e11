// Ingestion and read rates of the cache, each beside its limit measured in the same run:
//   cache.ingest_per_s      samples/s through the console's own path: CacheWriter -> writer
//                           thread -> CacheStore -> SQLite, wall time from the first post until
//                           flushAndWait() returns
//   cache.raw_ingest_per_s  the same rows into the same schema with the bare C API (prepared
//                           100-row INSERTs, all rows in one transaction, series ids known)
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
// Medians of several runs, in a temporary directory.
#include "cache/cachedatabase.h"
#include "cache/cachestore.h"
#include "cache/cachewriter.h"
#include "cache/schema.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "domain/metricnames.h"

#include <QCoreApplication>
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

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

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

void insertRaw(sqlite3 *db, const std::vector<Row> &rows)
{
    QByteArray many = "INSERT INTO samples(series_id, ts, value) VALUES (?,?,?)";
    for (int i = 1; i < 100; ++i)
        many += ",(?,?,?)";
    sqlite3_stmt *multi = nullptr;
    sqlite3_stmt *one = nullptr;
    sqlite3_prepare_v2(db, many.constData(), -1, &multi, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO samples(series_id, ts, value) VALUES (?,?,?)", -1, &one, nullptr);
    size_t i = 0;
    while (i < rows.size()) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        const size_t end = rows.size(); // one transaction: the limit
        for (; i + 100 <= end; i += 100) {
            for (int k = 0; k < 100; ++k) {
                sqlite3_bind_int64(multi, 3 * k + 1, rows[i + k].series);
                sqlite3_bind_int64(multi, 3 * k + 2, rows[i + k].ts);
                sqlite3_bind_double(multi, 3 * k + 3, rows[i + k].value);
            }
            sqlite3_step(multi);
            sqlite3_reset(multi);
        }
        for (; i < end; ++i) {
            sqlite3_bind_int64(one, 1, rows[i].series);
            sqlite3_bind_int64(one, 2, rows[i].ts);
            sqlite3_bind_double(one, 3, rows[i].value);
            sqlite3_step(one);
            sqlite3_reset(one);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    sqlite3_finalize(multi);
    sqlite3_finalize(one);
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
    return 0;
}
