#include "domain/clock.h"
#include "itemmodels/federationsummary.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_FederationSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDirectory();
    void totalsMatchTheSamples();
    void statusCounts();
    void linkCounts();
};

static constexpr qint64 kT0 = 1764064800000;

void tst_FederationSummary::emptyDirectory()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const auto s = FederationSummary::compute(state);
    QCOMPARE(s.all.nodes, 0);
    QCOMPARE(s.all.cpuUtil, 0.0);
    QCOMPARE(s.newestSampleMs, 0);
}

void tst_FederationSummary::totalsMatchTheSamples()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    NodeTableModel model(&state);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    const QList<NodeSample> samples = testing::sampleTick(nodes, kT0);
    state.ingestSamples(samples);

    double power = 0, busyCores = 0, cores = 0, busyCards = 0;
    int cards = 0, industryNodes = 0;
    for (int i = 0; i < nodes.size(); ++i) {
        power += samples.at(i).powerKw;
        busyCores += samples.at(i).cpuUtil * nodes.at(i).capacity.cpuCores;
        cores += nodes.at(i).capacity.cpuCores;
        cards += nodes.at(i).capacity.acceleratorCount();
        for (const auto &pool : nodes.at(i).capacity.accelerators)
            busyCards += pool.count * samples.at(i).acceleratorUtil.value(pool.model);
        industryNodes += nodes.at(i).tier == NodeTier::Industry;
    }
    const auto s = FederationSummary::compute(state);
    QCOMPARE(s.all.nodes, 35);
    QCOMPARE(s.all.online, 35);
    QCOMPARE(s.all.reporting, 35);
    QCOMPARE(s.all.acceleratorsTotal, cards);
    QVERIFY(qAbs(s.all.acceleratorsInUse - busyCards) <= nodes.size()); // per-node rounding
    QVERIFY(qFuzzyCompare(s.all.powerKw, power));
    QVERIFY(qFuzzyCompare(s.all.cpuUtil, busyCores / cores));
    QCOMPARE(s.byTier[int(NodeTier::Industry)].nodes, industryNodes);
    QCOMPARE(s.byTier[int(NodeTier::National)].nodes, 1);
    QCOMPARE(s.byTier[0].nodes + s.byTier[1].nodes + s.byTier[2].nodes, 35);
    QCOMPARE(s.newestSampleMs, kT0);
}

void tst_FederationSummary::statusCounts()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    QList<NodeSample> samples = testing::sampleTick(nodes, kT0);
    samples[1].status = NodeStatus::Degraded;
    samples[2].status = NodeStatus::Maintenance;
    samples[3].status = NodeStatus::Offline;
    state.ingestSamples(samples);
    clock.advance(1000);
    QList<NodeSample> next = testing::sampleTick(nodes, kT0 + 1000, 1);
    next.removeAt(4); // goes stale
    next.removeAt(3);
    next.removeAt(2);
    next[1].status = NodeStatus::Degraded;
    state.ingestSamples(next);
    clock.advance(1500);
    state.refresh();

    const auto s = FederationSummary::compute(state);
    QCOMPARE(s.all.online, 32); // 31 online + 1 degraded
    QCOMPARE(s.all.degraded, 1);
    QCOMPARE(s.all.stale, 1);
    QCOMPARE(s.all.offline, 2);
}

void tst_FederationSummary::linkCounts()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    const QList<Link> links = testing::sampleLinks(nodes);
    QCOMPARE(links.size(), 34);
    state.setDirectory(nodes, links);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    QList<LinkSample> latest;
    LinkSample congested{links.at(0).id, kT0 + 5, LinkStatus::Congested, 790, 400, 3, 1.5};
    LinkSample down{links.at(1).id, kT0, LinkStatus::Down, 0, 0, 0, 100};
    LinkSample up{links.at(2).id, kT0, LinkStatus::Up, 10, 10, 3, 0};
    LinkSample foreign{u"l-unknown"_s, kT0 + 99, LinkStatus::Congested, 1, 1, 1, 0};
    for (const auto &s : {congested, down, up, foreign})
        latest.append(s);
    state.ingestSamples({}, latest);
    const auto s = FederationSummary::compute(state);
    QCOMPARE(s.links, 34);
    QCOMPARE(s.linksCongested, 1);
    QCOMPARE(s.linksDown, 1);
    QCOMPARE(s.linksUp, 1);
    QCOMPARE(s.linksUnreported, 31);
    QCOMPARE(s.newestSampleMs, kT0 + 5);
}

QTEST_GUILESS_MAIN(tst_FederationSummary)
#include "tst_federationsummary.moc"
