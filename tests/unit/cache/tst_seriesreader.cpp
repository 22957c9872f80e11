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
