#include "common/median.h"
#include "sustained.h"

#include "cache/cachedatabase.h"
#include "cache/cachewriter.h"
#include "cache/seriesreader.h"
#include "cache/snapshotexporter.h"
#include "cache/snapshotreader.h"
#include "cache/sqlite.h"
#include "domain/clock.h"
#include "domain/metricnames.h"
#include "state/federationtotals.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cpn::cache::bench {

namespace {

// The synthetic federation's shape at 2,000 nodes: 8 node series (7 fields and one accelerator
// model), 5 per link, 4 per region (the nation, 34 provinces, 159 subtrees): 66,776 series.
constexpr int kNodes = 2000;
constexpr int kLinks = 10000;
constexpr int kProvinces = 34;
constexpr int kSubtrees = 159;
constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01
constexpr qint64 kTickMs = 1000;
constexpr int kMinute = 60;

// A value in [0, 1) that changes every tick, like the simulator's noise.
double wave(quint64 entity, int tick, quint64 salt)
{
    quint64 h = (entity + 1) * 0x9E3779B97F4A7C15ULL ^ (quint64(tick) + salt) * 0xC2B2AE3D27D4EB4FULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return double(h % 1000000) / 1000000.0;
}
double round4(double v)
{
    return std::round(v * 10000) / 10000;
}
double round1(double v)
{
    return std::round(v * 10) / 10;
}

struct Federation
{
    QStringList nodeIds;
    QStringList linkIds;
    QStringList provinces;
    QStringList subtrees;
};

Federation makeFederation()
{
    Federation f;
    for (int n = 0; n < kNodes; ++n)
        f.nodeIds << QStringLiteral("node-%1").arg(n, 4, 10, QLatin1Char('0'));
    for (int l = 0; l < kLinks; ++l)
        f.linkIds << QStringLiteral("link-%1").arg(l, 5, 10, QLatin1Char('0'));
    for (int p = 0; p < kProvinces; ++p)
        f.provinces << QStringLiteral("CN-%1").arg(p, 2, 10, QLatin1Char('0'));
    for (int s = 0; s < kSubtrees; ++s)
        f.subtrees << f.nodeIds.at(s * 12);
    return f;
}

// Values as the simulator rounds them: utilizations to 4 decimals, power and traffic to 1,
// latency to 2, states and counts whole.
MetricsBatch makeTick(const Federation &f, int tick)
{
    MetricsBatch b;
    b.serverTimeMs = kStartMs + tick * kTickMs;
    b.nodes.reserve(kNodes);
    for (int n = 0; n < kNodes; ++n) {
        NodeSample s;
        s.nodeId = f.nodeIds.at(n);
        s.tsMs = b.serverTimeMs;
        s.cpuUtil = round4(wave(n, tick, 1));
        s.memoryUtil = round4(0.2 + 0.6 * wave(n, tick, 2));
        s.storageUtil = round4(0.5 + 0.01 * wave(n, tick, 3));
        s.powerKw = round1(200 + 800 * s.cpuUtil);
        s.queuedJobs = int(wave(n, tick / 30, 4) * 5);
        s.runningJobs = int(wave(n, tick / 30, 5) * 9);
        s.acceleratorUtil.insert(QStringLiteral("ascend-910b"), round4(wave(n, tick, 6)));
        b.nodes.append(s);
    }
    b.links.reserve(kLinks);
    for (int l = 0; l < kLinks; ++l) {
        LinkSample s;
        s.linkId = f.linkIds.at(l);
        s.tsMs = b.serverTimeMs;
        s.abGbps = round1(400 * wave(l + kNodes, tick, 7));
        s.baGbps = round1(400 * wave(l + kNodes, tick, 8));
        s.latencyMs = std::round((10 + l % 30 + wave(l, tick, 9)) * 100) / 100;
        s.lossPct = 0;
        b.links.append(s);
    }
    return b;
}

FederationTotals makeTotals(const Federation &f, const MetricsBatch &batch)
{
    FederationTotals t;
    t.tsMs = batch.serverTimeMs;
    auto region = [](int members, double x) {
        RegionTotals r;
        r.nodes = r.reporting = members;
        r.acceleratorsTotal = r.acceleratorsReporting = members * 8;
        r.acceleratorsBusy = members * 8 * x;
        r.cpuUtil = x;
        r.memoryUtil = 1 - x;
        r.powerKw = members * 500 * x;
        return r;
    };
    const double x = batch.nodes.constFirst().cpuUtil;
    t.national = region(kNodes, x);
    for (const QString &p : f.provinces)
        t.byProvince.insert(p, region(kNodes / kProvinces, x));
    for (const QString &s : f.subtrees)
        t.bySubtree.insert(s, region(13, x));
    return t;
}

qint64 samplesIn(const MetricsBatch &b)
{
    qint64 n = 0;
    for (const NodeSample &s : b.nodes)
        n += metrics::NodeMetricCount + s.acceleratorUtil.size();
    return n + qint64(b.links.size()) * metrics::LinkMetricCount + 4 * (1 + kProvinces + kSubtrees);
}

qint64 writeBytes()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("write_bytes:"))
            return line.mid(12).trimmed().toLongLong();
    }
    return 0;
}

// The figures from each tick's service time (post to commit, measured while ticks are fed one
// after another), replayed against arrivals every second: a tick waits for the one before it.
void finish(SustainedFigures *out, const std::vector<double> &serviceMs, qint64 samplesPerTick,
            qint64 written, qint64 grown)
{
    double finishMs = 0;
    for (size_t i = 0; i < serviceMs.size(); ++i) {
        const double arrival = double(i) * kTickMs;
        finishMs = std::max(finishMs, arrival) + serviceMs[i];
        out->worstLagTicks = std::max(out->worstLagTicks, (finishMs - arrival) / kTickMs);
    }
    auto rate = [&](size_t from, size_t to) {
        double ms = 0;
        for (size_t i = from; i < to; ++i)
            ms += serviceMs[i];
        return double(samplesPerTick) * double(to - from) / (ms / 1000);
    };
    const size_t minute = std::min<size_t>(kMinute, serviceMs.size());
    out->firstMinuteSamplesPerS = rate(0, minute);
    out->lastMinuteSamplesPerS = rate(serviceMs.size() - minute, serviceMs.size());
    out->writeAmplification = grown > 0 ? double(written) / double(grown) : 0;
    out->bytesOnDisk = grown;
    out->ticks = int(serviceMs.size());
}

} // namespace

SustainedFigures runSustained(const QString &dir, int ticks)
{
    const Federation federation = makeFederation();
    ManualClock clock(kStartMs);
    CacheWriter::Options options;
    options.path = CacheDatabase::defaultPathIn(dir);
    options.retentionIntervalMs = 0; // run below every minute of ticks, on the ticks' clock
    options.clock = &clock;
    SustainedFigures out;
    std::vector<double> serviceMs;
    qint64 samplesPerTick = 0;
    qint64 written = 0;
    {
        CacheWriter writer(options);
        if (!writer.waitUntilOpen())
            qFatal("the cache did not open");
        const qint64 grownBefore = CacheDatabase::sizeOnDisk(options.path);
        const qint64 before = writeBytes();
        for (int t = 0; t < ticks; ++t) {
            const MetricsBatch batch = makeTick(federation, t); // made before the clock starts
            const FederationTotals totals = makeTotals(federation, batch);
            samplesPerTick = samplesIn(batch);
            clock.setNowMs(batch.serverTimeMs);
            QElapsedTimer timer;
            timer.start();
            writer.ingestMetrics(batch);
            writer.ingestTotals(totals);
            if (!writer.flushAndWait())
                qFatal("commit failed");
            if (t % kMinute == kMinute - 1 && !writer.runRetentionAndWait().ok)
                qFatal("retention failed");
            serviceMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        written = writeBytes() - before;
        finish(&out, serviceMs, samplesPerTick, written,
               CacheDatabase::sizeOnDisk(options.path) - grownBefore);
        out.series = samplesPerTick;
    }
    {
        sqlite3 *db = nullptr;
        sqlite3_open_v2(QFile::encodeName(options.path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        auto number = [db](const char *sqlText) {
            sql::Statement s(db, sqlText);
            return s.step() ? s.real(0) : 0.0;
        };
        auto ratio = [](double bytes, double count) { return count > 0 ? bytes / count : 0; };
        out.bytesPerRawSample =
            ratio(number("SELECT sum(pgsize) FROM dbstat WHERE name IN ('sample_blocks', 'sample_ticks')"),
                  number("SELECT sum(samples) FROM sample_ticks"));
        out.bytesPerRollupRow =
            ratio(number("SELECT sum(pgsize) FROM dbstat WHERE name IN ('samples_1m', 'samples_1h')"),
                  number("SELECT (SELECT count(*) FROM samples_1m) + (SELECT count(*) FROM samples_1h)"));
        sqlite3_close(db);
    }
    // "Save the last hour", for the length of the run, and the offline review's open of it.
    SnapshotRequest request;
    request.name = QStringLiteral("bench");
    request.fromMs = kStartMs;
    request.toMs = kStartMs + qint64(ticks) * kTickMs;
    const QString file = dir + QStringLiteral("/run.cpnsnap");
    QString error;
    if (!SnapshotExporter::exportRange(options.path, file, request, &error))
        qFatal("snapshot: %s", qPrintable(error));
    out.snapshotBytes = QFileInfo(file).size();
    QElapsedTimer timer;
    timer.start();
    SnapshotReader reader;
    SnapshotReader::Options limits;
    limits.maxBytes = std::max<qint64>(limits.maxBytes, out.snapshotBytes); // the figure says whether it fits
    out.snapshotOpens = reader.open(file, limits);
    out.snapshotOpenMs = double(timer.nsecsElapsed()) / 1e6;
    if (!out.snapshotOpens) {
        qWarning("the snapshot did not open: %s", qPrintable(reader.errorString()));
        return out;
    }
    std::vector<double> stateAt;
    std::vector<double> readSeries;
    const SeriesReader series(reader.handle());
    for (int run = 0; run < 5; ++run) {
        timer.start();
        const ReplayState state = series.stateAt(kStartMs + qint64(ticks / 2) * kTickMs);
        stateAt.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (state.nodeSamples.size() != kNodes || state.linkSamples.size() != kLinks)
            qFatal("stateAt: %lld nodes, %lld links", qint64(state.nodeSamples.size()),
                   qint64(state.linkSamples.size()));
        timer.start();
        const Series cpu = series.readNodeSeries(federation.nodeIds.at(kNodes / 2), QStringLiteral("cpu"), kStartMs,
                                                 request.toMs, Resolution::Raw);
        readSeries.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (cpu.points.size() != ticks)
            qFatal("read %lld points", qint64(cpu.points.size()));
    }
    out.stateAtMs = benchstats::median(stateAt);
    out.readSeriesMs = benchstats::median(readSeries);
    return out;
}

SustainedFigures runSustainedOldLayout(const QString &dir, int ticks)
{
    const Federation federation = makeFederation();
    const QString path = CacheDatabase::defaultPathIn(dir);
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                    nullptr);
    QString error;
    // The schema-2 samples table and the writer's pragmas (CacheDatabase, Role::Writer).
    if (!sql::exec(
            db,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
            "CREATE TABLE samples(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL, "
            "PRIMARY KEY(series_id, ts)) WITHOUT ROWID",
            &error))
        qFatal("old layout: %s", qPrintable(error));
    QByteArray many = "INSERT OR IGNORE INTO samples(series_id, ts, value) VALUES (?,?,?)";
    for (int i = 1; i < 100; ++i)
        many += ",(?,?,?)";
    sql::Statement multi(db, many);
    sql::Statement one(db, "INSERT OR IGNORE INTO samples(series_id, ts, value) VALUES (?,?,?)");

    struct Row
    {
        qint64 series;
        double value;
    };
    std::vector<Row> rows;
    std::vector<double> serviceMs;
    const qint64 before = writeBytes();
    for (int t = 0; t < ticks; ++t) {
        const MetricsBatch batch = makeTick(federation, t);
        const FederationTotals totals = makeTotals(federation, batch);
        rows.clear();
        qint64 id = 0; // series ids in CacheStore's order of creation: node fields, links, regions
        for (const NodeSample &s : batch.nodes) {
            for (int m = 0; m < metrics::NodeMetricCount; ++m)
                rows.push_back({++id, metrics::nodeValue(s, metrics::NodeMetric(m))});
            rows.push_back({++id, s.acceleratorUtil.constBegin().value()});
        }
        for (const LinkSample &s : batch.links) {
            for (int m = 0; m < metrics::LinkMetricCount; ++m)
                rows.push_back({++id, metrics::linkValue(s, metrics::LinkMetric(m))});
        }
        const int regions = 1 + int(totals.byProvince.size() + totals.bySubtree.size());
        for (int r = 0; r < regions * 4; ++r)
            rows.push_back({++id, totals.national.cpuUtil});
        const qint64 ts = batch.serverTimeMs;
        QElapsedTimer timer;
        timer.start();
        sql::exec(db, "BEGIN IMMEDIATE");
        size_t i = 0;
        for (; i + 100 <= rows.size(); i += 100) {
            for (int k = 0; k < 100; ++k) {
                multi.bind(3 * k + 1, rows[i + k].series);
                multi.bind(3 * k + 2, ts);
                multi.bind(3 * k + 3, rows[i + k].value);
            }
            if (!multi.run())
                qFatal("old layout: %s", qPrintable(multi.error()));
        }
        for (; i < rows.size(); ++i) {
            one.bind(1, rows[i].series);
            one.bind(2, ts);
            one.bind(3, rows[i].value);
            one.run();
        }
        if (!sql::exec(db, "COMMIT", &error))
            qFatal("old layout: %s", qPrintable(error));
        serviceMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const qint64 written = writeBytes() - before;
    multi = {};
    one = {};
    SustainedFigures out;
    finish(&out, serviceMs, qint64(rows.size()), written, CacheDatabase::sizeOnDisk(path));
    out.series = qint64(rows.size());
    sqlite3_close(db);
    return out;
}

} // namespace cpn::cache::bench
