#include "cache/cachedatabase.h"
#include "report/handoverbuilder.h"
#include "unit/report/handoverrecording.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::report;
using namespace cpn::report::testing;

// HandoverBuilder over a cache the console's CacheWriter filled (handoverrecording.h): what the
// report says besides the alarms.
class TestHandoverBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outagesWithTheirDurations();
    void figuresAtStartAndEnd();
    void timelineAndNationalSeries();
    void failedJobsOfThePeriodOnly();
    void periodWithoutRecordingSaysSo();
    void unreadableCacheIsAnError();

private:
    HandoverData build(qint64 from = kFrom, qint64 to = kTo);
    QTemporaryDir m_dir;
    QString m_cache;
    HandoverData m_data;
};

namespace {

const Outage *find(const QList<Outage> &outages, const QString &id, Outage::Kind kind)
{
    for (const Outage &o : outages) {
        if (o.entityId == id && o.kind == kind)
            return &o;
    }
    return nullptr;
}

} // namespace

HandoverData TestHandoverBuilder::build(qint64 from, qint64 to)
{
    HandoverData data;
    QString error;
    const bool ok = HandoverBuilder::buildFromFile(m_cache, from, to, &data, &error);
    if (!ok)
        qWarning() << error;
    return data;
}

void TestHandoverBuilder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cache = m_dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordHandoverPeriod(m_cache));
    m_data = build();
}

void TestHandoverBuilder::outagesWithTheirDurations()
{
    const QList<Outage> &outages = m_data.outages;
    QCOMPARE(m_data.timelineStepMs, qint64(15'000)); // half an hour in 120 steps

    const Outage *wuhu = find(outages, QStringLiteral("wuhu"), Outage::Kind::NodeDown);
    QVERIFY(wuhu);
    QVERIFY(wuhu->beganBefore);
    QCOMPARE(wuhu->startMs, kFrom);
    QCOMPARE(wuhu->endMs, kFrom + 2 * kMinute);

    const Outage *tianfu = find(outages, QStringLiteral("tianfu"), Outage::Kind::NodeDown);
    QVERIFY(tianfu);
    QVERIFY(!tianfu->beganBefore);
    QCOMPARE(tianfu->startMs, kFrom + 5 * kMinute);
    QCOMPARE(tianfu->endMs, kFrom + 10 * kMinute);
    QCOMPARE(tianfu->durationMs(kTo), 5 * kMinute);

    // Its last sample (11:58) still counts at 12:00 (the replay's look-back); the next moment does not.
    const Outage *shaoguan = find(outages, QStringLiteral("shaoguan"), Outage::Kind::NodeNotReporting);
    QVERIFY(shaoguan);
    QCOMPARE(shaoguan->startMs, kFrom + 12 * kMinute + 15'000);
    QCOMPARE(shaoguan->endMs, kFrom + 14 * kMinute);

    const Outage *link = find(outages, QStringLiteral("l-national-gba-hub"), Outage::Kind::LinkDown);
    QVERIFY(link);
    QCOMPARE(link->startMs, kFrom + 20 * kMinute);
    QCOMPARE(link->endMs, kFrom + 25 * kMinute);

    // Still down at the end; its link is its outage, not one of its own.
    const Outage *horinger = find(outages, QStringLiteral("horinger"), Outage::Kind::NodeDown);
    QVERIFY(horinger);
    QCOMPARE(horinger->startMs, kFrom + 25 * kMinute);
    QCOMPARE(horinger->endMs, qint64(0));
    QCOMPARE(horinger->durationMs(kTo), 5 * kMinute);
    QVERIFY(!find(outages, QStringLiteral("l-nm-hub-horinger"), Outage::Kind::LinkDown));

    QCOMPARE(outages.size(), qsizetype(5));
    for (qsizetype i = 1; i < outages.size(); ++i)
        QVERIFY(outages[i - 1].durationMs(kTo) >= outages[i].durationMs(kTo)); // longest first

    QCOMPARE(m_data.names.value(QStringLiteral("tianfu")).name, QStringLiteral("Tianfu cluster"));
    QCOMPARE(m_data.names.value(QStringLiteral("tianfu")).nameZh, QStringLiteral("天府集群"));
    QCOMPARE(m_data.names.value(QStringLiteral("l-national-gba-hub")).name,
             QStringLiteral("National Dispatch Center – Greater Bay Area hub"));
}

void TestHandoverBuilder::figuresAtStartAndEnd()
{
    const QList<Node> nodes = cpn::testing::sampleNodes();
    const NationalFigures &start = m_data.atStart;
    const NationalFigures &end = m_data.atEnd;
    QVERIFY(start.recorded && end.recorded);
    QCOMPARE(start.atMs, kFrom);
    QCOMPARE(end.atMs, kTo);
    QCOMPARE(start.nodesListed, int(nodes.size()));
    QCOMPARE(start.nodesOnline, int(nodes.size()) - 1); // wuhu offline
    QCOMPARE(start.nodesDown, 1);
    QCOMPARE(end.nodesOnline, int(nodes.size()) - 1); // horinger offline
    QCOMPARE(start.links, int(cpn::testing::sampleLinks(nodes).size()));
    QCOMPARE(start.linksCongested, 0);
    QCOMPARE(end.linksCongested, 1);
    QCOMPARE(end.linksDown, 0);

    // The end's load, power and cards from the samples recorded at kTo, offline nodes left out.
    const MetricsBatch last = recordedTick(nodes, cpn::testing::sampleLinks(nodes), kTo);
    double cores = 0, busyCores = 0, power = 0, busyCards = 0;
    int cards = 0;
    for (const Node &node : nodes) {
        cards += node.capacity.acceleratorCount();
        for (const NodeSample &s : last.nodes) {
            if (s.nodeId != node.id || s.status == NodeStatus::Offline)
                continue;
            cores += node.capacity.cpuCores;
            busyCores += node.capacity.cpuCores * s.cpuUtil;
            power += s.powerKw;
            for (const AcceleratorPool &pool : node.capacity.accelerators)
                busyCards += pool.count * s.acceleratorUtil.value(pool.model);
        }
    }
    QCOMPARE(end.acceleratorsTotal, cards);
    QVERIFY(qAbs(end.cpuUtil - busyCores / cores) < 1e-9);
    QVERIFY(qAbs(end.powerKw - power) < 1e-6);
    QVERIFY(qAbs(end.acceleratorsBusy - busyCards) < 1e-6);
    QVERIFY(end.acceleratorsBusy > 0);
}

void TestHandoverBuilder::timelineAndNationalSeries()
{
    QCOMPARE(m_data.timeline.size(), qsizetype(121));
    QCOMPARE(m_data.timeline.constFirst().atMs, kFrom);
    QCOMPARE(m_data.timeline.constLast().atMs, kTo);
    const NationalFigures &duringTianfu = m_data.timeline.at(30); // 7.5 min
    QCOMPARE(duringTianfu.nodesDown, 1);
    QCOMPARE(m_data.timeline.at(15).nodesDown, 0); // 3.75 min: all up

    // The nation's totals as recorded every tick: CPU, cards and power over the whole period.
    QVERIFY(m_data.recorded);
    for (const cache::Series *series : {&m_data.cpuSeries, &m_data.acceleratorSeries, &m_data.powerSeries}) {
        QCOMPARE(series->points.size(), qsizetype(30 * kMinute / kTickMs + 1));
        QCOMPARE(series->points.constFirst().tsMs, kFrom);
        QCOMPARE(series->points.constLast().tsMs, kTo);
    }
    for (const cache::SeriesPoint &p : m_data.cpuSeries.points)
        QVERIFY(p.mean > 0 && p.mean < 1);
}

void TestHandoverBuilder::failedJobsOfThePeriodOnly()
{
    QVERIFY(m_data.jobsRecorded);
    QCOMPARE(m_data.failedJobs.size(), qsizetype(1));
    QCOMPARE(m_data.failedJobs.constFirst().id, QStringLiteral("job-7f3a"));
    QCOMPARE(m_data.failedJobs.constFirst().message, QStringLiteral("node lost during checkpoint"));
}

void TestHandoverBuilder::periodWithoutRecordingSaysSo()
{
    const HandoverData before = build(kFrom - 10 * 3600'000, kFrom - 9 * 3600'000);
    QVERIFY(!before.recorded);
    QVERIFY(!before.atStart.recorded);
    QVERIFY(before.outages.isEmpty());
    QVERIFY(before.cpuSeries.points.isEmpty());
    QVERIFY(before.failedJobs.isEmpty());
}

void TestHandoverBuilder::unreadableCacheIsAnError()
{
    HandoverData data;
    QString error;
    QVERIFY(!HandoverBuilder::buildFromFile(m_dir.filePath(QStringLiteral("missing/cache.sqlite")), kFrom,
                                            kTo, &data, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestHandoverBuilder)
#include "tst_handoverbuilder.moc"
