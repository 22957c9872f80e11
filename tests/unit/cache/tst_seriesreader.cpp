#include "cache/retention.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "cachetestdata.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;

// Series reads at each resolution and the replay of a recorded moment.
class TestSeriesReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void choosesResolution_data();
    void choosesResolution();
    void readsRawSeries();
    void replayShowsTheStateRecordedAt_data();
    void replayShowsTheStateRecordedAt();
    void fallsBackToRollUps();
    void regionTotals_data();
    void regionTotals();
    void regionTotalsFromRollUps();
    void summarizes();

private:
    QTemporaryDir m_dir;
    QString m_path;
    CacheDatabase m_db;
};

void TestSeriesReader::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordSampleFederation(m_path));
    QVERIFY(m_db.open(m_path, QStringLiteral("t.reader"), CacheDatabase::Role::Reader));
}

void TestSeriesReader::choosesResolution_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<Resolution>("expected");
    const qint64 hour = 3600 * 1000;
    QTest::newRow("1 minute") << 60'000LL << Resolution::Raw;
    QTest::newRow("24 h") << 24 * hour << Resolution::Raw;
    QTest::newRow("26 h") << 26 * hour << Resolution::Raw;
    QTest::newRow("27 h") << 27 * hour << Resolution::Minute;
    QTest::newRow("a week") << 7 * 24 * hour << Resolution::Minute;
    QTest::newRow("31 days") << 31 * 24 * hour << Resolution::Minute;
    QTest::newRow("32 days") << 32 * 24 * hour << Resolution::Hour;
    QTest::newRow("a year") << 365 * 24 * hour << Resolution::Hour;
}

void TestSeriesReader::choosesResolution()
{
    QFETCH(qint64, span);
    QFETCH(Resolution, expected);
    QCOMPARE(int(SeriesReader::chooseResolution(kT0, kT0 + span)), int(expected));
}

void TestSeriesReader::readsRawSeries()
{
    SeriesReader reader(m_db.handle());
    const Series cpu = reader.readNodeSeries(QStringLiteral("guian"), QStringLiteral("cpu"), kT0 + 2000, kT0 + 6000);
    QCOMPARE(int(cpu.resolution), int(Resolution::Raw));
    QCOMPARE(cpu.points.size(), 5);
    QCOMPARE(cpu.points.first().tsMs, kT0 + 2000);
    const Node guian = directoryAt(kT0).at(16);
    QCOMPARE(guian.id, QStringLiteral("guian"));
    QCOMPARE(cpu.points.first().last, cpn::testing::sampleFor(guian, kT0 + 2000, 2).cpuUtil);
    const Series none = reader.readNodeSeries(QStringLiteral("nowhere"), QStringLiteral("cpu"), kT0, kT0 + 9000);
    QVERIFY(none.points.isEmpty());
    const Series link = reader.readLinkSeries(cpn::testing::sampleLinks().first().id, QStringLiteral("ab_gbps"),
                                              kT0, kT0 + 9000);
    QCOMPARE(link.points.size(), 10);
}

void TestSeriesReader::replayShowsTheStateRecordedAt_data()
{
    QTest::addColumn<int>("tick");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<NodeStatus>("guianStatus");
    QTest::addColumn<int>("jobs");
    QTest::newRow("before the recording") << -1 << 0 << NodeStatus::Online << 2;
    QTest::newRow("first directory") << 3 << 35 << NodeStatus::Online << 2;
    QTest::newRow("second directory") << 7 << 34 << NodeStatus::Maintenance << 2;
}

void TestSeriesReader::replayShowsTheStateRecordedAt()
{
    QFETCH(int, tick);
    QFETCH(int, nodes);
    QFETCH(NodeStatus, guianStatus);
    QFETCH(int, jobs);
    const qint64 at = kT0 + tick * 1000 + 500; // between two ticks: the earlier one counts
    const ReplayState state = SeriesReader(m_db.handle()).stateAt(at);
    QCOMPARE(state.atMs, at);
    QCOMPARE(state.nodes.size(), nodes);
    QCOMPARE(state.jobs.size(), jobs);
    if (tick < 0) {
        QVERIFY(state.nodeSamples.isEmpty());
        return;
    }
    const QList<Node> expectedNodes = directoryAt(kT0 + tick * 1000);
    QCOMPARE(state.nodes.size(), expectedNodes.size());
    QCOMPARE(state.links.size(), cpn::testing::sampleLinks(expectedNodes).size());
    const MetricsBatch recorded = cpn::cache::testing::tick(tick);
    QCOMPARE(state.nodeSamples.size(), recorded.nodes.size());
    for (const NodeSample &s : recorded.nodes)
        QCOMPARE(state.nodeSamples.value(s.nodeId), s);
    for (const LinkSample &s : recorded.links)
        QCOMPARE(state.linkSamples.value(s.linkId), s);
    QCOMPARE(state.nodeSamples.value(QStringLiteral("guian")).status, guianStatus);
    for (const Node &n : state.nodes) {
        if (n.id == QLatin1String("guian"))
            QCOMPARE(n.status, guianStatus);
    }
    // job-a ran from tick 2 to tick 8.
    for (const Job &job : state.jobs) {
        if (job.id == QLatin1String("job-a"))
            QCOMPARE(job.state, tick < 2 ? JobState::Queued : tick < 8 ? JobState::Running : JobState::Completed);
    }
}

void TestSeriesReader::fallsBackToRollUps()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordSampleFederation(path));
    CacheDatabase writer;
    QVERIFY(writer.open(path, QStringLiteral("t.rollup"), CacheDatabase::Role::Writer));
    RetentionPolicy policy;
    policy.rawWindowMs = 60'000;
    QVERIFY(Retention(policy).run(writer.handle(), kT0 + 3600'000).ok);
    SeriesReader reader(writer.handle());
    const Series cpu = reader.readNodeSeries(QStringLiteral("guian"), QStringLiteral("cpu"), kT0, kT0 + 60'000);
    QCOMPARE(int(cpu.resolution), int(Resolution::Minute)); // raw asked for, but purged
    QCOMPARE(cpu.points.size(), 1);
    QCOMPARE(cpu.points.first().count, 10);
    // The state at a time whose raw samples are gone comes from the bucket's last value.
    const ReplayState state = reader.stateAt(kT0 + 30'000);
    QCOMPARE(state.nodeSamples.value(QStringLiteral("guian")).status, NodeStatus::Maintenance);
}

namespace {

// Three nodes, two in Beijing (one with two accelerator models, one with one) and one in Shanghai
// without accelerators, ten seconds of constant values; bj-2 misses tick 5.
bool recordRegions(const QString &path)
{
    CacheDatabase db;
    if (!db.open(path, CacheDatabase::uniqueConnectionName(QStringLiteral("t.regions")), CacheDatabase::Role::Writer))
        return false;
    CacheStore store(db.handle());
    if (!store.load())
        return false;
    QList<Node> nodes;
    for (const auto &[id, province] : {std::pair{"bj-1", "CN-BJ"}, {"bj-2", "CN-BJ"}, {"sh-1", "CN-SH"}}) {
        Node n;
        n.id = QString::fromLatin1(id);
        n.name = n.id;
        n.province = QString::fromLatin1(province);
        nodes.append(n);
    }
    if (!store.addDirectory(nodes, {}, kT0))
        return false;
    for (int i = 0; i < 10; ++i) {
        MetricsBatch batch;
        batch.serverTimeMs = kT0 + i * 1000;
        auto sample = [&](const char *id, double cpu, double power) {
            NodeSample s;
            s.nodeId = QString::fromLatin1(id);
            s.tsMs = batch.serverTimeMs;
            s.status = NodeStatus::Online;
            s.cpuUtil = cpu;
            s.memoryUtil = 0.5;
            s.powerKw = power;
            return s;
        };
        NodeSample bj1 = sample("bj-1", 0.2, 100);
        bj1.acceleratorUtil = {{QStringLiteral("a800"), 0.1}, {QStringLiteral("ascend-910b"), 0.3}};
        batch.nodes.append(bj1);
        if (i != 5) {
            NodeSample bj2 = sample("bj-2", 0.4, 200);
            bj2.acceleratorUtil = {{QStringLiteral("a800"), 0.6}};
            batch.nodes.append(bj2);
        }
        batch.nodes.append(sample("sh-1", 0.9, 50));
        if (!store.addMetrics(batch) || !store.commit())
            return false;
    }
    return true;
}

} // namespace

void TestSeriesReader::regionTotals_data()
{
    QTest::addColumn<QString>("province");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("allReport");  // at every tick but 5
    QTest::addColumn<double>("bj2Missing"); // at tick 5
    // Utilizations: the mean over the nodes that reported; accelerators: over each node's mean.
    QTest::newRow("national cpu") << "" << "cpu" << (0.2 + 0.4 + 0.9) / 3 << (0.2 + 0.9) / 2;
    QTest::newRow("Beijing cpu") << "CN-BJ" << "cpu" << 0.3 << 0.2;
    QTest::newRow("Shanghai cpu") << "CN-SH" << "cpu" << 0.9 << 0.9;
    QTest::newRow("national accelerators") << "" << "accel" << (0.2 + 0.6) / 2 << 0.2;
    QTest::newRow("national memory") << "" << "memory" << 0.5 << 0.5;
    // Power: the sum.
    QTest::newRow("national power") << "" << "power_kw" << 350.0 << 150.0;
    QTest::newRow("Beijing power") << "CN-BJ" << "power_kw" << 300.0 << 100.0;
}

void TestSeriesReader::regionTotals()
{
    QFETCH(QString, province);
    QFETCH(QString, metric);
    QFETCH(double, allReport);
    QFETCH(double, bj2Missing);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordRegions(path));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.regions.read"), CacheDatabase::Role::Reader));
    const Series series = SeriesReader(db.handle()).readRegionSeries(province, metric, kT0, kT0 + 9000);
    QCOMPARE(int(series.resolution), int(Resolution::Raw));
    QCOMPARE(series.points.size(), 10);
    for (int i = 0; i < 10; ++i) {
        const SeriesPoint &p = series.points.at(i);
        QCOMPARE(p.tsMs, kT0 + i * 1000);
        QVERIFY2(qAbs(p.mean - (i == 5 ? bj2Missing : allReport)) < 1e-9,
                 qPrintable(QStringLiteral("tick %1: %2").arg(i).arg(p.mean)));
        QCOMPARE(p.min, p.mean);
        QCOMPARE(p.max, p.mean);
    }
}

void TestSeriesReader::regionTotalsFromRollUps()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordRegions(path));
    CacheDatabase writer;
    QVERIFY(writer.open(path, QStringLiteral("t.regions.rollup"), CacheDatabase::Role::Writer));
    RetentionPolicy policy;
    policy.rawWindowMs = 60'000;
    QVERIFY(Retention(policy).run(writer.handle(), kT0 + 3600'000).ok);
    SeriesReader reader(writer.handle());
    // Raw samples are gone: the minute bucket, the mean of the node means and the sum of powers.
    const Series cpu = reader.readRegionSeries(QString(), QStringLiteral("cpu"), kT0, kT0 + 9000);
    QCOMPARE(int(cpu.resolution), int(Resolution::Minute));
    QCOMPARE(cpu.points.size(), 1);
    QVERIFY(qAbs(cpu.points.first().mean - (0.2 + 0.4 + 0.9) / 3) < 1e-9);
    const Series power = reader.readRegionSeries(QStringLiteral("CN-BJ"), QStringLiteral("power_kw"), kT0, kT0 + 9000);
    QCOMPARE(power.points.size(), 1);
    QVERIFY(qAbs(power.points.first().mean - 300) < 1e-9);
    // Nothing for a region without nodes, a metric without a region total, or accelerators in Shanghai.
    QVERIFY(reader.readRegionSeries(QStringLiteral("CN-XZ"), QStringLiteral("cpu"), kT0, kT0 + 9000).points.isEmpty());
    QVERIFY(reader.readRegionSeries(QString(), QStringLiteral("storage"), kT0, kT0 + 9000).points.isEmpty());
    QVERIFY(reader.readRegionSeries(QStringLiteral("CN-SH"), QStringLiteral("accel"), kT0, kT0 + 9000).points.isEmpty());
}

void TestSeriesReader::summarizes()
{
    const ContentSummary c = SeriesReader(m_db.handle()).summary();
    QCOMPARE(c.nodeVersions, 35 + 1); // guian's second version; wuhu closed, not added
    QCOMPARE(c.jobs, 3);
    QCOMPARE(c.events, 1);
    QCOMPARE(c.fromMs, kT0);
    QCOMPARE(c.toMs, kT0 + 9000);
    QVERIFY(c.rawSamples > 35 * 7 * 10);
}

QTEST_GUILESS_MAIN(TestSeriesReader)
#include "tst_seriesreader.moc"
