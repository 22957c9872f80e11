#include "jobengine.h"
#include "scenariobuilder.h"

#include <QTest>

using namespace cpn;
using namespace cpn::server;
using namespace cpn::sim;

class TestJobEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsToCompletion();
    void queuesUntilCapacityIsFree();
    void cancel_data();
    void cancel();
    void rejects_data();
    void rejects();
    void nodeDownFailsRunningJobs();
    void idsAreUniqueAndCostIsEstimated();

private:
    static JobRequest request(int cards, double hours, const QString &model = QStringLiteral("ascend-910b"))
    {
        JobRequest r;
        r.name = QStringLiteral("test");
        r.kind = JobKind::Training;
        r.requirements.acceleratorModel = model;
        r.requirements.accelerators = cards;
        r.requirements.cpuCores = 64;
        r.requirements.memoryGiB = 256;
        r.requirements.durationHours = hours;
        return r;
    }

    const Scenario m_scenario = ScenarioBuilder::defaultNetwork();
    static constexpr qint64 kHourAt360 = 10'000; // ms of wall time per job-hour at speedup 360
};

void TestJobEngine::runsToCompletion()
{
    ManualClock clock;
    JobEngine engine(m_scenario, clock, 360);
    const auto submitted = engine.submit(request(64, 1), QStringLiteral("guian"));
    QCOMPARE(submitted.status, 201);
    QCOMPARE(submitted.job.state, JobState::Running); // capacity was free
    QCOMPARE(submitted.job.startedAtMs, clock.nowMs());
    const qint64 start = clock.nowMs();

    clock.advanceMs(kHourAt360 / 4);
    engine.update();
    auto job = *engine.job(submitted.job.id);
    QCOMPARE(job.state, JobState::Running);
    QVERIFY(std::abs(job.progress - 0.25) < 1e-9);
    QCOMPARE(engine.usage(QStringLiteral("guian")).accelerators.value(QStringLiteral("ascend-910b")), 64);

    clock.advanceMs(kHourAt360);
    engine.update();
    job = *engine.job(submitted.job.id);
    QCOMPARE(job.state, JobState::Completed);
    QCOMPARE(job.progress, 1.0);
    QCOMPARE(job.finishedAtMs, start + kHourAt360); // the exact finish time, not the update's
    QCOMPARE(engine.usage(QStringLiteral("guian")).runningJobs, 0);
}

void TestJobEngine::queuesUntilCapacityIsFree()
{
    ManualClock clock;
    JobEngine engine(m_scenario, clock, 360);
    const auto big = engine.submit(request(4096, 1), QStringLiteral("guian")); // every 910B card
    const auto small = engine.submit(request(8, 0.5), QStringLiteral("guian"));
    QCOMPARE(big.job.state, JobState::Running);
    QCOMPARE(small.job.state, JobState::Queued);
    QCOMPARE(engine.usage(QStringLiteral("guian")).queuedJobs, 1);

    clock.advanceMs(kHourAt360 + kHourAt360 / 2 + 1); // big ends at +1 h, small runs half an hour after
    engine.update();
    const Job first = *engine.job(big.job.id);
    const Job second = *engine.job(small.job.id);
    QCOMPARE(first.state, JobState::Completed);
    QCOMPARE(second.state, JobState::Completed);
    QCOMPARE(second.startedAtMs, first.finishedAtMs);
}

void TestJobEngine::cancel_data()
{
    QTest::addColumn<int>("waitMs");
    QTest::addColumn<bool>("queued");
    QTest::addColumn<int>("status");
    QTest::newRow("running") << 100 << false << 200;
    QTest::newRow("queued") << 0 << true << 200;
    QTest::newRow("already completed") << 20000 << false << 409;
}

void TestJobEngine::cancel()
{
    QFETCH(int, waitMs);
    QFETCH(bool, queued);
    QFETCH(int, status);
    ManualClock clock;
    JobEngine engine(m_scenario, clock, 360);
    if (queued)
        engine.submit(request(4096, 10), QStringLiteral("guian"));
    const auto job = engine.submit(request(16, 1), QStringLiteral("guian"));
    QCOMPARE(job.job.state, queued ? JobState::Queued : JobState::Running);
    clock.advanceMs(waitMs);
    const auto result = engine.cancel(job.job.id);
    QCOMPARE(result.status, status);
    if (status == 200) {
        QCOMPARE(result.job.state, JobState::Cancelled);
        QCOMPARE(result.job.finishedAtMs, clock.nowMs());
        QCOMPARE(engine.cancel(job.job.id).status, 409); // once ended, always 409
    }
    QCOMPARE(engine.cancel(QStringLiteral("job-999999")).status, 404);
}

void TestJobEngine::rejects_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("cards");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown model") << "guian" << "mlu370" << 8 << 422;
    QTest::newRow("more cards than the node has") << "guian" << "h800" << 513 << 422;
    QTest::newRow("exactly the node's capacity") << "guian" << "h800" << 512 << 201;
    QTest::newRow("unknown node") << "atlantis" << "h800" << 8 << 404;
}

void TestJobEngine::rejects()
{
    QFETCH(QString, node);
    QFETCH(QString, model);
    QFETCH(int, cards);
    QFETCH(int, status);
    ManualClock clock;
    JobEngine engine(m_scenario, clock);
    const auto result = engine.submit(request(cards, 1, model), node);
    QCOMPARE(result.status, status);
    if (status != 201)
        QVERIFY(!result.detail.isEmpty());
}

void TestJobEngine::nodeDownFailsRunningJobs()
{
    ManualClock clock;
    JobEngine engine(m_scenario, clock, 360);
    const auto running = engine.submit(request(4096, 1), QStringLiteral("guian"));
    const auto queued = engine.submit(request(8, 1), QStringLiteral("guian"));
    clock.advanceMs(1000);
    engine.setNodeDown(QStringLiteral("guian"), true);
    QCOMPARE(engine.job(running.job.id)->state, JobState::Failed);
    QVERIFY(engine.job(running.job.id)->message.contains(u"went down"));
    // The queue waits for the node to come back.
    engine.update();
    QCOMPARE(engine.job(queued.job.id)->state, JobState::Queued);
    engine.setNodeDown(QStringLiteral("guian"), false);
    QCOMPARE(engine.job(queued.job.id)->state, JobState::Running);
}

void TestJobEngine::idsAreUniqueAndCostIsEstimated()
{
    ManualClock clock;
    JobEngine engine(m_scenario, clock);
    const auto a = engine.submit(request(8, 2), QStringLiteral("guian"));
    const auto b = engine.submit(request(8, 2), QStringLiteral("zhongwei"));
    QCOMPARE(a.job.id, QStringLiteral("job-000001"));
    QCOMPARE(b.job.id, QStringLiteral("job-000002"));
    const Node &guian = *m_scenario.node(QStringLiteral("guian"));
    const double perHour = 8 * guian.prices.acceleratorHour.value(QStringLiteral("ascend-910b"))
                           + 64 * guian.prices.cpuCoreHour + 256 * guian.prices.memoryGiBHour;
    QVERIFY(std::abs(a.job.estimatedCostCny - perHour * 2) < 0.01);
    QCOMPARE(engine.jobs().size(), 2);
}

QTEST_GUILESS_MAIN(TestJobEngine)
#include "tst_jobengine.moc"
