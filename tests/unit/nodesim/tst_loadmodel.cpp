#include "loadmodel.h"
#include "scenariobuilder.h"

#include <QTest>

using namespace cpn;
using namespace cpn::sim;

namespace {
constexpr qint64 kT0 = 1764064800000; // 2025-11-25 18:00 Beijing time
constexpr qint64 kHourMs = 3600 * 1000;
} // namespace

class TestLoadModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameSamples();
    void differentSeedDifferentSamples();
    void valuesStayInRange();
    void eastPeaksInTheAfternoon();
    void jobsAddUtilization();
    void linkFollowsLoadAndFaults_data();
    void linkFollowsLoadAndFaults();

private:
    const Scenario m_scenario = ScenarioBuilder::defaultNetwork();
    const Node &node(const char *id) const { return *m_scenario.node(QString::fromLatin1(id)); }
};

void TestLoadModel::sameSeedSameSamples()
{
    const LoadModel a(42);
    const LoadModel b(42);
    for (qint64 t = kT0; t < kT0 + 50 * 1000; t += 1000) {
        for (const auto &n : m_scenario.nodes())
            QCOMPARE(a.nodeSample(n, t, {}), b.nodeSample(n, t, {}));
        for (const auto &l : m_scenario.links()) {
            QCOMPARE(a.linkSample(l, *m_scenario.node(l.a), *m_scenario.node(l.b), t, false, false),
                     b.linkSample(l, *m_scenario.node(l.a), *m_scenario.node(l.b), t, false, false));
        }
    }
}

void TestLoadModel::differentSeedDifferentSamples()
{
    const LoadModel a(1);
    const LoadModel b(2);
    int differing = 0;
    for (const auto &n : m_scenario.nodes())
        differing += a.nodeSample(n, kT0, {}) != b.nodeSample(n, kT0, {});
    QVERIFY(differing > m_scenario.nodes().size() / 2);
    // And samples move from tick to tick.
    QVERIFY(a.nodeSample(node("guian"), kT0, {}) != a.nodeSample(node("guian"), kT0 + 1000, {}));
}

void TestLoadModel::valuesStayInRange()
{
    const LoadModel model(7);
    for (qint64 t = kT0; t < kT0 + 48 * kHourMs; t += 7 * 60 * 1000) {
        for (const auto &n : m_scenario.nodes()) {
            const NodeSample s = model.nodeSample(n, t, {});
            QVERIFY(s.cpuUtil >= 0 && s.cpuUtil <= 1);
            QVERIFY(s.memoryUtil >= 0 && s.memoryUtil <= 1);
            QVERIFY(s.storageUtil >= 0 && s.storageUtil <= 1);
            QCOMPARE(s.acceleratorUtil.size(), n.capacity.accelerators.size());
            for (double u : s.acceleratorUtil)
                QVERIFY(u >= 0 && u <= 1);
            QVERIFY(s.powerKw > 0 && std::isfinite(s.powerKw));
        }
        for (const auto &l : m_scenario.links()) {
            const LinkSample s = model.linkSample(l, *m_scenario.node(l.a), *m_scenario.node(l.b), t, false, false);
            QVERIFY(s.abGbps >= 0 && s.abGbps <= l.capacityGbps);
            QVERIFY(s.baGbps >= 0 && s.baGbps <= l.capacityGbps);
            QVERIFY(s.latencyMs >= l.baseLatencyMs && s.latencyMs < 100000);
            QVERIFY(s.lossPct >= 0 && s.lossPct <= 100);
        }
    }
}

void TestLoadModel::eastPeaksInTheAfternoon()
{
    // Averaged over a day's samples: eastern nodes swing with the working day, western ones run flatter.
    const LoadModel model(3);
    const auto mean = [&](const Node &n, int beijingHour) {
        double sum = 0;
        const qint64 midnightBeijing = kT0 - 18 * kHourMs;
        for (int day = 0; day < 20; ++day)
            sum += model.activity(n, midnightBeijing + day * 24 * kHourMs + beijingHour * kHourMs);
        return sum / 20;
    };
    const Node &shanghai = node("sh-finance");
    const Node &zhongwei = node("zhongwei");
    QVERIFY(mean(shanghai, 16) > mean(shanghai, 4) + 0.2);
    const double westSwing = mean(zhongwei, 16) - mean(zhongwei, 4);
    QVERIFY(westSwing < mean(shanghai, 16) - mean(shanghai, 4));
}

void TestLoadModel::jobsAddUtilization()
{
    const LoadModel model(42);
    const Node &guian = node("guian");
    NodeUsage usage;
    usage.accelerators.insert(QStringLiteral("ascend-910b"), 2048);
    usage.runningJobs = 3;
    usage.queuedJobs = 1;
    const NodeSample idle = model.nodeSample(guian, kT0, {});
    const NodeSample busy = model.nodeSample(guian, kT0, usage);
    const double before = idle.acceleratorUtil.value(QStringLiteral("ascend-910b"));
    QVERIFY(std::abs(busy.acceleratorUtil.value(QStringLiteral("ascend-910b")) - std::min(1.0, before + 0.5)) < 1e-3);
    QVERIFY(busy.powerKw > idle.powerKw);
    // The simulator's own jobs come on top of the other tenants'.
    QVERIFY(idle.runningJobs > 0);
    QCOMPARE(busy.runningJobs, idle.runningJobs + 3);
    QCOMPARE(busy.queuedJobs, idle.queuedJobs + 1);
}

void TestLoadModel::linkFollowsLoadAndFaults_data()
{
    QTest::addColumn<bool>("congested");
    QTest::addColumn<bool>("down");
    QTest::addColumn<int>("status");
    QTest::newRow("congested") << true << false << int(LinkStatus::Congested);
    QTest::newRow("down") << false << true << int(LinkStatus::Down);
}

void TestLoadModel::linkFollowsLoadAndFaults()
{
    QFETCH(bool, congested);
    QFETCH(bool, down);
    QFETCH(int, status);
    const LoadModel model(42);
    const Link &l = *m_scenario.link(QStringLiteral("l-guizhou-hub-guian"));
    const Node &a = *m_scenario.node(l.a);
    const Node &b = *m_scenario.node(l.b);
    const LinkSample normal = model.linkSample(l, a, b, kT0, false, false);
    const LinkSample s = model.linkSample(l, a, b, kT0, congested, down);
    QCOMPARE(int(s.status), status);
    if (congested) {
        QVERIFY(s.abGbps >= 0.95 * l.capacityGbps);
        QVERIFY(s.lossPct > 0);
        QVERIFY(s.latencyMs > normal.latencyMs);
    } else {
        QCOMPARE(s.abGbps, 0.0);
        QCOMPARE(s.baGbps, 0.0);
    }
}

QTEST_GUILESS_MAIN(TestLoadModel)
#include "tst_loadmodel.moc"
