#include "scenariobuilder.h"
#include "simulator.h"

#include "domain/protocoljson.h"

#include <QTest>

using namespace cpn;
using namespace cpn::server;
using namespace cpn::sim;

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backfillsHistory();
    void downNodeIsAbsentFromTicksItMissed();
    void metricsFollowCursor();
    void metricsAreCutToBudget();
    void jobsShowInSamples();
    void sameSeedSameMetrics();
};

namespace {
Simulator::Config config(quint64 seed = 42)
{
    Simulator::Config c;
    c.seed = seed;
    return c;
}

MetricsBatch parse(const QByteArray &body)
{
    const auto parsed = protocol::parseMetrics(body);
    if (!parsed.ok())
        qFatal("metrics body does not parse: %s", qPrintable(parsed.error()));
    return parsed.value();
}
} // namespace

void TestSimulator::backfillsHistory()
{
    ManualClock clock;
    Simulator sim(ScenarioBuilder::defaultNetwork(), config(), clock);
    sim.start(600);
    sim.stop();
    QCOMPARE(sim.history().size(), 601);
    QVERIFY(clock.nowMs() - sim.history().oldest().tsMs >= 600 * 1000);
    const MetricsBatch batch = parse(sim.metricsBody(QStringLiteral("national"), {}, 60));
    QVERIFY(batch.reset);
    QCOMPARE(batch.nodes.size(), sim.scenario().nodes().size());
    QCOMPARE(batch.links.size(), sim.scenario().links().size());
    QCOMPARE(batch.serverTimeMs, clock.nowMs());
}

void TestSimulator::downNodeIsAbsentFromTicksItMissed()
{
    ManualClock clock;
    Simulator sim(ScenarioBuilder::defaultNetwork(), config(), clock);
    sim.start(0);
    sim.stop();
    const QString cursor = parse(sim.metricsBody(QStringLiteral("national"), {}, 60)).cursor;
    QString error;
    QVERIFY(sim.addFault({Fault::Kind::NodeDown, QStringLiteral("guian"), 0, {}}, &error));
    for (int i = 0; i < 3; ++i) {
        clock.advanceMs(1000);
        sim.tick();
    }
    QVERIFY(sim.removeFault(Fault::Kind::NodeDown, QStringLiteral("guian")));
    clock.advanceMs(1000);
    sim.tick();

    const MetricsBatch batch = parse(sim.metricsBody(QStringLiteral("national"), cursor, 60));
    QVERIFY(!batch.reset);
    const int perTick = int(sim.scenario().nodes().size());
    QCOMPARE(batch.nodes.size(), 3 * (perTick - 1) + perTick);
    int guianSamples = 0;
    for (const auto &s : batch.nodes)
        guianSamples += s.nodeId == u"guian";
    QCOMPARE(guianSamples, 1); // only the tick after it came back
    int downLinks = 0;
    for (const auto &s : batch.links)
        downLinks += s.linkId == u"l-guizhou-hub-guian" && s.status == LinkStatus::Down;
    QCOMPARE(downLinks, 3);
}

void TestSimulator::metricsFollowCursor()
{
    ManualClock clock;
    Simulator sim(ScenarioBuilder::defaultNetwork(), config(), clock);
    sim.start(10);
    sim.stop();
    const MetricsBatch first = parse(sim.metricsBody(QStringLiteral("guizhou-hub"), {}, 60));
    QVERIFY(first.reset);
    QCOMPARE(first.nodes.size(), 3); // the hub, Gui'an and Guiyang e-government
    const MetricsBatch nothingNew = parse(sim.metricsBody(QStringLiteral("guizhou-hub"), first.cursor, 60));
    QVERIFY(!nothingNew.reset);
    QVERIFY(nothingNew.nodes.isEmpty());
    QCOMPARE(nothingNew.cursor, first.cursor);
    clock.advanceMs(1000);
    sim.tick();
    clock.advanceMs(1000);
    sim.tick();
    const MetricsBatch next = parse(sim.metricsBody(QStringLiteral("guizhou-hub"), first.cursor, 60));
    QCOMPARE(next.nodes.size(), 6);
    QVERIFY(next.nodes.first().tsMs < next.nodes.last().tsMs); // oldest first
    QCOMPARE(next.nodes.last().tsMs, clock.nowMs());
    QVERIFY(next.cursor != first.cursor);
}

void TestSimulator::metricsAreCutToBudget()
{
    ManualClock clock;
    Simulator sim(ScenarioBuilder::synthetic(200, 1), config(), clock);
    sim.start(100);
    sim.stop();
    const QString old = QString::number(sim.history().oldest().seq);
    const QByteArray oneTick = sim.metricsBody(QStringLiteral("national"), {}, 1);
    const MetricsBatch cut = parse(sim.metricsBody(QStringLiteral("national"), old, 600, oneTick.size() * 3));
    QVERIFY(!cut.reset);
    QVERIFY(cut.nodes.size() >= 200 && cut.nodes.size() <= 3 * 200);
    // The client can tell it was cut, and continues from the cursor.
    QVERIFY(cut.nodes.last().tsMs < cut.serverTimeMs - cut.intervalMs);
    const MetricsBatch rest = parse(sim.metricsBody(QStringLiteral("national"), cut.cursor, 600));
    QCOMPARE(rest.nodes.first().tsMs, cut.nodes.last().tsMs + 1000);
}

void TestSimulator::jobsShowInSamples()
{
    ManualClock clock;
    Simulator::Config c = config();
    c.jobSpeedup = 1; // the job keeps running
    Simulator sim(ScenarioBuilder::defaultNetwork(), c, clock);
    sim.start(0);
    sim.stop();
    JobRequest request;
    request.name = QStringLiteral("big");
    request.requirements = {QStringLiteral("ascend-910b"), 4096, 0, 0, 0, 1};
    QCOMPARE(sim.jobs().submit(request, QStringLiteral("guian")).status, 201);
    const QString cursor = QString::number(sim.history().latest().seq);
    clock.advanceMs(1000);
    sim.tick();
    const MetricsBatch batch = parse(sim.metricsBody(QStringLiteral("guian"), cursor, 60));
    QCOMPARE(batch.nodes.size(), 1);
    const Node guian = *sim.scenario().node(QStringLiteral("guian"));
    const int otherTenants = LoadModel(c.seed).background(guian, batch.nodes.first().tsMs).runningJobs;
    QCOMPARE(batch.nodes.first().runningJobs, otherTenants + 1);
    QCOMPARE(batch.nodes.first().acceleratorUtil.value(QStringLiteral("ascend-910b")), 1.0);
}

void TestSimulator::sameSeedSameMetrics()
{
    ManualClock clockA;
    ManualClock clockB;
    Simulator a(ScenarioBuilder::defaultNetwork(), config(5), clockA);
    Simulator b(ScenarioBuilder::defaultNetwork(), config(5), clockB);
    Simulator c(ScenarioBuilder::defaultNetwork(), config(6), clockB);
    for (Simulator *s : {&a, &b, &c}) {
        s->start(5);
        s->stop();
    }
    const auto samples = [](Simulator &s) {
        return s.nodeSamples(s.history().latest(), s.scenario().directory(QStringLiteral("national")));
    };
    QCOMPARE(samples(a), samples(b));
    QVERIFY(samples(a) != samples(c));
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
