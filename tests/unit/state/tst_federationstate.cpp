#include "domain/clock.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_FederationState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lateSampleNeverReplacesNewer();
    void severalTicksInOneBatchAreTotalledTickByTick();
    void totalsMatchAcrossRegions();
    void freshnessStaleThenNotReporting();
    void aBatchAgesTheNodesItDoesNotCarry();
    void linksOfSilentNodesAreUnknown();
    void rootsMergeInOrder();
    void subtreeTotalsFollowParents();
    void newerDirectoryWordWinsOverAnOlderSample();
    void aRecordingsNodeWithoutSampleIsNeverOnline();
    void samplesFindTheirRowsInAnyOrder();
    void linkSamplesFollowTheirLinksAcrossDirectories();
    void aParentLoopCountsEachNodeOnce();
};

static constexpr qint64 kT0 = 1764064800000;

// A second later, every node reports but the first, which has fallen silent.
static void tickWithoutTheFirst(ManualClock &clock, FederationState &state, const QList<Node> &nodes, int t)
{
    clock.advance(1000);
    QList<NodeSample> tick = testing::sampleTick(nodes, clock.nowMs(), t);
    tick.removeFirst();
    state.ingestSamples(tick);
}

void tst_FederationState::lateSampleNeverReplacesNewer()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    NodeSample newer = testing::sampleFor(nodes.at(0), kT0);
    newer.cpuUtil = 0.9;
    NodeSample older = testing::sampleFor(nodes.at(0), kT0 - 5000);
    older.cpuUtil = 0.1;
    state.ingestSamples({newer});
    state.ingestSamples({older});
    QCOMPARE(state.entryAt(0).sample->cpuUtil, 0.9);
    QCOMPARE(state.newestSampleMs(), kT0);
    // The late sample is history: no totals for a tick older than the one shown.
    QCOMPARE(state.totals().tsMs, kT0);
}

// After a slow answer, one batch carries 15 ticks: each tick's totals are those of its own samples,
// never the sum of several ticks (the national chart once showed nine times the real power).
void tst_FederationState::severalTicksInOneBatchAreTotalledTickByTick()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    const double powerPerTick = state.totals().national.powerKw;
    QVERIFY(powerPerTick > 0);

    QSignalSpy ticks(&state, &FederationState::tickComputed);
    MetricsBatch batch;
    for (int t = 1; t <= 15; ++t) {
        QList<NodeSample> tick = testing::sampleTick(nodes, kT0 + t * 1000);
        for (NodeSample &s : tick)
            s.powerKw = nodes.size() > 0 ? powerPerTick / nodes.size() : 0;
        batch.nodes += tick;
    }
    std::reverse(batch.nodes.begin(), batch.nodes.end()); // arrival order must not matter
    clock.advance(15'000);
    state.ingest(batch);
    QCOMPARE(ticks.count(), 15);
    qint64 previous = 0;
    for (const QList<QVariant> &args : std::as_const(ticks)) {
        const auto totals = args.at(0).value<FederationTotals>();
        QVERIFY(totals.tsMs > previous);
        previous = totals.tsMs;
        QCOMPARE(totals.national.reporting, int(nodes.size()));
        QVERIFY(qAbs(totals.national.powerKw - powerPerTick) < 1e-6 * powerPerTick);
    }
}

void tst_FederationState::totalsMatchAcrossRegions()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    const FederationTotals &totals = state.totals();
    double provincePower = 0;
    int provinceNodes = 0;
    for (const RegionTotals &t : totals.byProvince) {
        provincePower += t.powerKw;
        provinceNodes += t.nodes;
    }
    double tierPower = 0;
    for (const RegionTotals &t : totals.byTier)
        tierPower += t.powerKw;
    QCOMPARE(provinceNodes, int(nodes.size()));
    QVERIFY(qFuzzyCompare(provincePower, totals.national.powerKw));
    QVERIFY(qFuzzyCompare(tierPower, totals.national.powerKw));
}

void tst_FederationState::freshnessStaleThenNotReporting()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    QSignalSpy transitions(&state, &FederationState::nodeStatusChanged);
    // The others keep reporting; node 0 falls silent.
    for (int t = 1; t <= 31; ++t) {
        tickWithoutTheFirst(clock, state, nodes, t);
        state.refresh();
        if (t == 2)
            QCOMPARE(state.entryAt(0).status, DisplayStatus::Online); // two intervals: still fresh
        if (t == 3)
            QCOMPARE(state.entryAt(0).status, DisplayStatus::Stale);
    }
    QCOMPARE(state.entryAt(0).status, DisplayStatus::Offline);
    QCOMPARE(state.freshnessAt(0), Freshness::NotReporting);
    QCOMPARE(state.ageMsAt(0), 31'000);
    QCOMPARE(transitions.count(), 2); // online -> stale -> offline
    // A node that does not report adds nothing to the totals, but is still counted.
    QCOMPARE(state.totals().national.nodes, int(nodes.size()));
    QCOMPARE(state.totals().national.reporting, int(nodes.size()) - 1);
}

// Each batch refreshes every node's status as it is applied, so the views repaint once a tick: a
// silent node turns stale with the others' next tick, without waiting for the once-a-second refresh.
void tst_FederationState::aBatchAgesTheNodesItDoesNotCarry()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    QSignalSpy refreshed(&state, &FederationState::refreshed);
    for (int t = 1; t <= 3; ++t)
        tickWithoutTheFirst(clock, state, nodes, t);
    QCOMPARE(refreshed.count(), 3);
    QCOMPARE(state.entryAt(0).status, DisplayStatus::Stale);
    QCOMPARE(refreshed.last().at(0).value<QList<int>>(), QList<int>{0});
    QCOMPARE(state.refreshedWithBatchAtMs(), clock.nowMs());
}

void tst_FederationState::linksOfSilentNodesAreUnknown()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    const QList<Link> links = testing::sampleLinks(nodes);
    state.setDirectory(nodes, links);
    state.ingestSamples(testing::sampleTick(nodes, kT0), testing::sampleLinkTick(links, kT0));
    QCOMPARE(std::count_if(state.currentLinkSamples().cbegin(), state.currentLinkSamples().cend(),
                           [](const auto &s) { return s.has_value(); }),
             links.size());
    const QString silent = links.at(0).a;
    for (int t = 1; t <= 31; ++t) {
        clock.advance(1000);
        QList<NodeSample> tick = testing::sampleTick(nodes, clock.nowMs(), t);
        tick.removeIf([&silent](const NodeSample &s) { return s.nodeId == silent; });
        state.ingestSamples(tick, testing::sampleLinkTick(links, clock.nowMs(), t));
    }
    for (const Link &link : links)
        QCOMPARE(state.currentLinkSample(link.id) != nullptr, link.a != silent && link.b != silent);
}

void tst_FederationState::rootsMergeInOrder()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    Node shared;
    shared.id = u"shared"_s;
    shared.name = u"first root's"_s;
    Node other = shared;
    other.name = u"second root's"_s;
    Node own;
    own.id = u"own"_s;
    state.setRootDirectory(u"b"_s, {other, own}, {});
    state.setRootDirectory(u"a"_s, {shared}, {}, 0);
    QCOMPARE(state.nodeCount(), 2);
    QCOMPARE(state.node(u"shared"_s)->name, u"first root's"_s);
    state.removeRoot(u"a"_s);
    QCOMPARE(state.node(u"shared"_s)->name, u"second root's"_s);
    state.removeRoot(u"b"_s);
    QCOMPARE(state.nodeCount(), 0);
}

void tst_FederationState::subtreeTotalsFollowParents()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    const Node &national = nodes.at(0);
    QVERIFY(national.parentId.isEmpty());
    const RegionTotals whole = state.totals().bySubtree.value(national.id);
    QCOMPARE(whole.nodes, int(nodes.size()));
    QVERIFY(qFuzzyCompare(whole.powerKw, state.totals().national.powerKw));
    // Every node with children has its subtree, itself included.
    for (const Node &n : nodes) {
        if (n.parentId.isEmpty())
            continue;
        QVERIFY(state.totals().bySubtree.contains(n.parentId));
        QVERIFY(state.totals().bySubtree.value(n.parentId).nodes >= 2);
    }
}

// A node that went down after its last sample: the directory fetched since lists it offline, and
// that word is newer than the sample's "online".
void tst_FederationState::newerDirectoryWordWinsOverAnOlderSample()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    QList<Node> nodes = testing::sampleNodes();
    nodes[0].status = NodeStatus::Offline;
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0 - 500)); // every sample says online
    QCOMPARE(state.entryAt(0).status, DisplayStatus::Offline);
    QCOMPARE(state.entryAt(1).status, DisplayStatus::Online);
    // Its next sample is newer than the listing: the sample says how it is now.
    clock.advance(1000);
    state.ingestSamples({testing::sampleFor(nodes.at(0), clock.nowMs())});
    QCOMPARE(state.entryAt(0).status, DisplayStatus::Online);
    // The directory listing it unchanged again is no newer word.
    state.setDirectory(nodes);
    QCOMPARE(state.entryAt(0).status, DisplayStatus::Online);
}

// Live, a node just listed has two intervals to send its first sample; a recording holds whatever
// was sent, so there a node without a sample has no data: stale, offline past the limit, or what
// the directory said when that is not "up".
void tst_FederationState::aRecordingsNodeWithoutSampleIsNeverOnline()
{
    ManualClock clock(kT0);
    QList<Node> nodes = testing::sampleNodes().mid(0, 3);
    nodes[2].status = NodeStatus::Maintenance;
    FederationState live(clock);
    live.setDirectory(nodes);
    QCOMPARE(live.entryAt(0).status, DisplayStatus::Online);

    FederationState recording(clock);
    recording.setFeed(FederationState::Feed::Recording);
    recording.setDirectory(nodes, {}, {{nodes.at(0).id, kT0}, {nodes.at(1).id, kT0 - 40'000}});
    QCOMPARE(recording.entryAt(0).listedSinceMs, kT0);
    QCOMPARE(recording.entryAt(0).status, DisplayStatus::Stale);
    QCOMPARE(recording.freshnessAt(0), Freshness::Stale);
    QCOMPARE(recording.entryAt(1).status, DisplayStatus::Offline); // listed 40 s without a sample
    QCOMPARE(recording.entryAt(2).status, DisplayStatus::Maintenance);
    recording.ingestSamples({testing::sampleFor(nodes.at(0), kT0)});
    QCOMPARE(recording.entryAt(0).status, DisplayStatus::Online);
}


// Samples are matched to rows by the directory's order first: a batch in another order, or one
// whose ids are other string instances, lands on the same rows.
void tst_FederationState::samplesFindTheirRowsInAnyOrder()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    const QList<Link> links = testing::sampleLinks(nodes);
    state.setDirectory(nodes, links);
    QList<NodeSample> tick = testing::sampleTick(nodes, kT0);
    QList<LinkSample> linkTick = testing::sampleLinkTick(links, kT0);
    std::reverse(tick.begin(), tick.end());
    std::reverse(linkTick.begin(), linkTick.end());
    for (NodeSample &s : tick)
        s.nodeId = QString(s.nodeId.constData(), s.nodeId.size()); // another instance of the same id
    state.ingestSamples(tick, linkTick);
    for (const NodeSample &s : tick)
        QCOMPARE(state.entryAt(state.rowOf(s.nodeId)).sample->cpuUtil, s.cpuUtil);
    for (const LinkSample &s : linkTick)
        QCOMPARE(state.linkSamples().at(state.linkRowOf(s.linkId))->abGbps, s.abGbps);
    // The next tick in the directory's order, with the ids the last one carried.
    clock.advance(1000);
    QList<NodeSample> next = testing::sampleTick(nodes, clock.nowMs(), 1);
    for (NodeSample &s : next)
        s.nodeId = std::find_if(tick.cbegin(), tick.cend(), [&s](const NodeSample &t) { return t.nodeId == s.nodeId; })->nodeId;
    state.ingestSamples(next);
    for (const NodeSample &s : next)
        QCOMPARE(state.entryAt(state.rowOf(s.nodeId)).sample->tsMs, clock.nowMs());
}

// Link samples are kept by row: a directory that lists the links in another order, or without
// some, keeps each sample with its own link.
void tst_FederationState::linkSamplesFollowTheirLinksAcrossDirectories()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    const QList<Node> nodes = testing::sampleNodes();
    QList<Link> links = testing::sampleLinks(nodes);
    QVERIFY(links.size() >= 3);
    state.setDirectory(nodes, links);
    const QList<LinkSample> samples = testing::sampleLinkTick(links, kT0, 3);
    state.ingestSamples(testing::sampleTick(nodes, kT0), samples);
    const Link gone = links.takeFirst();
    std::reverse(links.begin(), links.end());
    state.setDirectory(nodes, links);
    QVERIFY(!state.currentLinkSample(gone.id));
    QCOMPARE(state.linkSamples().size(), links.size());
    for (const LinkSample &s : samples) {
        if (s.linkId == gone.id)
            continue;
        const LinkSample *current = state.currentLinkSample(s.linkId);
        QVERIFY(current);
        QCOMPARE(*current, s);
        QCOMPARE(state.links().at(state.linkRowOf(s.linkId)).id, s.linkId);
    }
}

// A hostile directory whose parents go round in a loop: each node is counted once in each subtree.
void tst_FederationState::aParentLoopCountsEachNodeOnce()
{
    ManualClock clock(kT0);
    FederationState state(clock);
    QList<Node> nodes = testing::sampleNodes().mid(0, 2);
    nodes[0].parentId = nodes[1].id;
    nodes[1].parentId = nodes[0].id;
    state.setDirectory(nodes);
    state.ingestSamples(testing::sampleTick(nodes, kT0));
    for (const Node &n : nodes)
        QCOMPARE(state.totals().bySubtree.value(n.id).nodes, 2);
}

QTEST_GUILESS_MAIN(tst_FederationState)
#include "tst_federationstate.moc"
