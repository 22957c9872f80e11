#include "cache/cachewriter.h"
#include "cache/retention.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "cachetestdata.h"
#include "domain/clock.h"
#include "domain/metricnames.h"
#include "state/federationstate.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <numeric>
#include <optional>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;

// Region series: the totals FederationState computes once per tick, recorded through
// CacheWriter::ingestTotals as the console does, read back by SeriesReader::readRegionSeries raw
// and rolled up; a cache recorded before region series still reads, computed from its node series.
class TestRegionSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheStateTotalsBack();
    void rollsThemUp_data();
    void rollsThemUp();
    void rangeBeforeTheRegionSeriesIsComputed();
    void oldCacheReadsThroughTheNodeSeries();

private:
    // Records the sample federation's ten ticks (cachetestdata.h) through the writer thread while
    // a FederationState computes the totals; the totals from tick `firstTotals` on are ingested.
    // Returns every tick's totals.
    static QList<FederationTotals> record(const QString &path, int firstTotals = 0);
    // Every region the totals name, as the cache keys them.
    static QStringList regionsOf(const FederationTotals &totals);
};

namespace {

const RegionTotals *regionIn(const FederationTotals &totals, const QString &region)
{
    if (region.isEmpty())
        return &totals.national;
    const QString subtreePrefix = schema::subtreeEntity(QString());
    if (region.startsWith(subtreePrefix)) {
        const auto it = totals.bySubtree.constFind(region.mid(subtreePrefix.size()));
        return it == totals.bySubtree.cend() ? nullptr : &*it;
    }
    const auto it = totals.byProvince.constFind(region);
    return it == totals.byProvince.cend() ? nullptr : &*it;
}

// The value a region series holds for these totals; none where the live chart shows a gap.
std::optional<double> valueOf(const RegionTotals *t, metrics::RegionMetric metric)
{
    if (!t || t->reporting == 0)
        return std::nullopt;
    switch (metric) {
    case metrics::RegionCpu:
        return t->cpuUtil;
    case metrics::RegionMemory:
        return t->memoryUtil;
    case metrics::RegionAccelerators:
        return t->acceleratorsReporting > 0 ? std::optional(t->acceleratorUtil()) : std::nullopt;
    case metrics::RegionPowerKw:
        return t->powerKw;
    case metrics::RegionMetricCount:
        break;
    }
    return std::nullopt;
}

bool sameValue(double a, double b)
{
    return qAbs(a - b) <= 1e-9 * qMax(1.0, qAbs(b));
}

} // namespace

QList<FederationTotals> TestRegionSeries::record(const QString &path, int firstTotals)
{
    ManualClock clock(kT0);
    FederationState state(clock);
    CacheWriter::Options options;
    options.path = path;
    options.retentionIntervalMs = 0;
    CacheWriter writer(options);
    QList<FederationTotals> computed;
    QObject::connect(&state, &FederationState::tickComputed, &writer, [&](const FederationTotals &totals) {
        computed.append(totals);
        if (totals.tsMs >= kT0 + firstTotals * 1000)
            writer.ingestTotals(totals);
    });
    for (int i = 0; i < 10; ++i) {
        const qint64 ts = kT0 + i * 1000;
        clock.setNowMs(ts);
        if (i == 0 || i == 5) {
            const QList<Node> nodes = directoryAt(ts);
            const QList<Link> links = cpn::testing::sampleLinks(nodes);
            state.setDirectory(nodes, links);
            writer.ingestDirectory(nodes, links, ts);
        }
        const MetricsBatch batch = tick(i);
        writer.ingestMetrics(batch);
        state.ingest(batch);
    }
    if (!writer.flushAndWait())
        return {};
    return computed;
}

QStringList TestRegionSeries::regionsOf(const FederationTotals &totals)
{
    QStringList regions{QString()};
    regions += totals.byProvince.keys();
    for (const QString &root : totals.bySubtree.keys())
        regions.append(schema::subtreeEntity(root));
    return regions;
}

void TestRegionSeries::readsTheStateTotalsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QList<FederationTotals> computed = record(path);
    QCOMPARE(computed.size(), 10);
    const QStringList regions = regionsOf(computed.constFirst());
    QVERIFY(regions.size() > 5);
    QVERIFY(!computed.constFirst().bySubtree.isEmpty());

    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.regionseries.read"), CacheDatabase::Role::Reader));
    const SeriesReader reader(db.handle());
    int compared = 0;
    for (const QString &region : regions) {
        for (int m = 0; m < metrics::RegionMetricCount; ++m) {
            const auto metric = metrics::RegionMetric(m);
            const Series series =
                reader.readRegionSeries(region, metrics::regionMetricNames().at(m), kT0, kT0 + 9000);
            QCOMPARE(int(series.resolution), int(Resolution::Raw));
            QList<SeriesPoint> expected;
            for (const FederationTotals &totals : computed) {
                if (const auto v = valueOf(regionIn(totals, region), metric))
                    expected.append({totals.tsMs, *v, *v, *v, 1, *v});
            }
            QCOMPARE(series.points, expected); // stored as computed, bit for bit
            compared += expected.size();
        }
    }
    QVERIFY(compared > 100);
}

void TestRegionSeries::rollsThemUp_data()
{
    QTest::addColumn<int>("resolution");
    QTest::newRow("1 minute") << int(Resolution::Minute);
    QTest::newRow("1 hour") << int(Resolution::Hour);
}

void TestRegionSeries::rollsThemUp()
{
    QFETCH(int, resolution);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QList<FederationTotals> computed = record(path);
    QCOMPARE(computed.size(), 10);
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.regionseries.rollup"), CacheDatabase::Role::Writer));
    RetentionPolicy policy;
    policy.rawWindowMs = 60'000;
    QVERIFY(Retention(policy).run(db.handle(), kT0 + 3 * Retention::kHourMs).ok);

    const SeriesReader reader(db.handle());
    for (const QString &region : regionsOf(computed.constFirst())) {
        for (int m = 0; m < metrics::RegionMetricCount; ++m) {
            QList<double> values;
            for (const FederationTotals &totals : computed) {
                if (const auto v = valueOf(regionIn(totals, region), metrics::RegionMetric(m)))
                    values.append(*v);
            }
            const QString metric = metrics::regionMetricNames().at(m);
            // Raw samples are gone: Auto finds the roll-ups.
            const Series series =
                reader.readRegionSeries(region, metric, kT0, kT0 + 9000, Resolution(resolution));
            if (values.isEmpty()) {
                QVERIFY(series.points.isEmpty());
                continue;
            }
            QCOMPARE(series.points.size(), 1);
            const SeriesPoint &p = series.points.constFirst();
            const QString where = region + QLatin1Char('/') + metric;
            QCOMPARE(p.tsMs, kT0);
            QCOMPARE(p.count, qint64(values.size()));
            QVERIFY2(sameValue(p.min, *std::min_element(values.cbegin(), values.cend())), qPrintable(where));
            QVERIFY2(sameValue(p.max, *std::max_element(values.cbegin(), values.cend())), qPrintable(where));
            QVERIFY2(sameValue(p.mean, std::accumulate(values.cbegin(), values.cend(), 0.0) / values.size()),
                     qPrintable(where));
            QVERIFY2(sameValue(p.last, values.constLast()), qPrintable(where));
            if (Resolution(resolution) == Resolution::Minute)
                QCOMPARE(reader.readRegionSeries(region, metric, kT0, kT0 + 9000).points, series.points);
        }
    }
}

// A cache that recorded region series only from tick 5 on (an upgrade while it ran): the ticks
// before come from the node series, the later ones from the region series.
void TestRegionSeries::rangeBeforeTheRegionSeriesIsComputed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const QList<FederationTotals> computed = record(path, 5);
    QCOMPARE(computed.size(), 10);
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.regionseries.upgrade"), CacheDatabase::Role::Reader));
    const SeriesReader reader(db.handle());
    const QString cpu = metrics::regionMetricNames().at(metrics::RegionCpu);
    for (const QString &region : {QString(), QStringLiteral("CN-GZ")}) {
        const Series series = reader.readRegionSeries(region, cpu, kT0, kT0 + 9000);
        const Series before = reader.computeRegionSeries(region, cpu, kT0, kT0 + 4999);
        QCOMPARE(before.points.size(), 5);
        QCOMPARE(series.points.size(), 10);
        QCOMPARE(series.points.mid(0, 5), before.points);
        for (int i = 5; i < 10; ++i)
            QCOMPARE(series.points.at(i).mean,
                     valueOf(regionIn(computed.at(i), region), metrics::RegionCpu).value());
    }
    // A subtree has no series to compute from: nothing before its region series.
    const QString subtree = schema::subtreeEntity(computed.constFirst().bySubtree.keys().constFirst());
    QCOMPARE(reader.readRegionSeries(subtree, cpu, kT0, kT0 + 9000).points.size(), 5);
}

// A cache file of schema version 1 (tests/unit/cache/fixtures), upgraded on open: its node series
// still give the national history.
void TestRegionSeries::oldCacheReadsThroughTheNodeSeries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QFile fixture(QStringLiteral(CPN_CACHE_FIXTURES "/cache_v1.sql"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    sqlite3 *h = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &h);
    QVERIFY(sql::exec(h, fixture.readAll().constData()));
    sqlite3_close(h);

    CacheDatabase db;
    QVERIFY2(db.open(path, QStringLiteral("t.regionseries.old"), CacheDatabase::Role::Writer),
             qPrintable(db.errorString()));
    const SeriesReader reader(db.handle());
    const Series cpu = reader.readRegionSeries(QString(), QStringLiteral("cpu"), kT0, kT0 + 9000);
    QCOMPARE(cpu.points.size(), 2);
    QCOMPARE(cpu.points.at(0).mean, 0.25);
    QCOMPARE(cpu.points.at(1).mean, 0.5);
    QCOMPARE(cpu.points,
             reader.computeRegionSeries(QString(), QStringLiteral("cpu"), kT0, kT0 + 9000).points);
}

QTEST_GUILESS_MAIN(TestRegionSeries)
#include "tst_regionseries.moc"
