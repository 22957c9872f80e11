// The placement engine on a tiny federation whose every figure is worked out by hand below.
//
//   hub   Beijing (CN-BJ)      no accelerators; the job's data sits here
//   east  Shanghai (CN-SH)     h800, 100 cards, 40 free at 14.0 CNY/h, pue 1.4, green 0.2, util 0.6, 0 queued
//   west  Guizhou (CN-GZ)      h800, 100 cards, 80 free at 10.0 CNY/h, pue 1.2, green 0.6, util 0.2, 4 queued
//   north Inner Mongolia (NM)  ascend-910b, 200 cards, 100 free at 7.5, pue 1.15, green 0.8, util 0.5, 0 queued
//   links hub-east 10 ms 100 Gbps; hub-west 20 ms 100 Gbps with 60 Gbps used hub->west; hub-north 5 ms 400 Gbps
//
// The job: any training-class card, 8 of them, 10 hours, 9 TB of data at the hub, users at east.
#include "placement/geodistance.h"
#include "placement/placementengine.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <random>

using namespace cpn;
using namespace cpn::placement;

using Mutator = std::function<void(Workload &, FederationSnapshot &)>;
Q_DECLARE_METATYPE(Mutator)
Q_DECLARE_METATYPE(cpn::placement::RejectionReason)
Q_DECLARE_METATYPE(cpn::placement::ScoreWeights)

namespace {

constexpr qint64 kNow = 1'764'064'800'000;
constexpr qint64 kHourMs = 3'600'000;

Node makeNode(const QString &id, const QString &province, double lat, double lon, const QString &model, int cards,
              double pue, double green)
{
    Node n;
    n.id = id;
    n.name = id;
    n.province = province;
    n.lat = lat;
    n.lon = lon;
    n.capacity.cpuCores = 1000;
    if (cards > 0)
        n.capacity.accelerators = {{model, cards}};
    n.pue = pue;
    n.greenShare = green;
    return n;
}

Offer acceleratorOffer(const QString &node, const QString &model, double free, double price)
{
    return {node + u'.' + model, node, Offer::Resource::Accelerator, model, free, price, kNow + 30'000};
}

NodeSample sample(const QString &node, const QString &model, double util, int queued)
{
    NodeSample s;
    s.nodeId = node;
    s.tsMs = kNow - 1000;
    if (!model.isEmpty())
        s.acceleratorUtil.insert(model, util);
    s.queuedJobs = queued;
    return s;
}

Link link(const QString &id, const QString &a, const QString &b, double ms, double gbps)
{
    Link l;
    l.id = id;
    l.a = a;
    l.b = b;
    l.baseLatencyMs = ms;
    l.capacityGbps = gbps;
    return l;
}

FederationSnapshot federation()
{
    const QString h800 = QStringLiteral("h800");
    const QString ascend = QStringLiteral("ascend-910b");
    FederationSnapshot s;
    s.nowMs = kNow;
    s.nodes = {makeNode(QStringLiteral("hub"), QStringLiteral("CN-BJ"), 39.90, 116.40, {}, 0, 1.3, 0.3),
               makeNode(QStringLiteral("east"), QStringLiteral("CN-SH"), 31.23, 121.47, h800, 100, 1.4, 0.2),
               makeNode(QStringLiteral("west"), QStringLiteral("CN-GZ"), 26.65, 106.63, h800, 100, 1.2, 0.6),
               makeNode(QStringLiteral("north"), QStringLiteral("CN-NM"), 40.84, 111.75, ascend, 200, 1.15, 0.8)};
    s.offers = {acceleratorOffer(QStringLiteral("east"), h800, 40, 14.0),
                acceleratorOffer(QStringLiteral("west"), h800, 80, 10.0),
                acceleratorOffer(QStringLiteral("north"), ascend, 100, 7.5)};
    s.links = {link(QStringLiteral("l-east"), QStringLiteral("hub"), QStringLiteral("east"), 10, 100),
               link(QStringLiteral("l-west"), QStringLiteral("hub"), QStringLiteral("west"), 20, 100),
               link(QStringLiteral("l-north"), QStringLiteral("north"), QStringLiteral("hub"), 5, 400)};
    LinkSample busy;
    busy.linkId = QStringLiteral("l-west");
    busy.tsMs = kNow - 1000;
    busy.abGbps = 60; // hub -> west
    busy.baGbps = 5;
    s.linkSamples.insert(busy.linkId, busy);
    for (const NodeSample &n : {sample(QStringLiteral("hub"), {}, 0, 0), sample(QStringLiteral("east"), h800, 0.6, 0),
                                sample(QStringLiteral("west"), h800, 0.2, 4),
                                sample(QStringLiteral("north"), ascend, 0.5, 0)})
        s.nodeSamples.insert(n.nodeId, n);
    return s;
}

Workload workload()
{
    Workload w;
    w.name = QStringLiteral("resnet");
    w.kind = JobKind::Batch;
    w.acceleratorModels = acceleratorModelsOfClass(AcceleratorClass::Training);
    w.requirements.accelerators = 8;
    w.requirements.durationHours = 10;
    w.dataLocation = Location::atNode(QStringLiteral("hub"));
    w.dataTB = 9;
    w.usersLocation = Location::atNode(QStringLiteral("east"));
    return w;
}

QStringList keys(const PlacementResult &r)
{
    QStringList k;
    for (const Candidate &c : r.ranked)
        k << c.key();
    return k;
}

const Rejection *rejectionOf(const PlacementResult &r, const QString &node)
{
    for (const Rejection &rej : r.rejected) {
        if (rej.nodeId == node)
            return &rej;
    }
    return nullptr;
}

const Candidate *candidateOf(const PlacementResult &r, const QString &key)
{
    for (const Candidate &c : r.ranked) {
        if (c.key() == key)
            return &c;
    }
    return nullptr;
}

void fuzzy(double actual, double expected, const char *what)
{
    if (std::abs(actual - expected) > 1e-6)
        QFAIL(qPrintable(QStringLiteral("%1: %2, expected %3").arg(QLatin1String(what)).arg(actual, 0, 'g', 12).arg(expected, 0, 'g', 12)));
}

} // namespace

class TestPlacementEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hardConstraints_data();
    void hardConstraints();
    void scoreParts_data();
    void scoreParts();
    void rankingOrder_data();
    void rankingOrder();
    void residency();
    void tieBreakingById();
    void splitProposal();
    void trainingIsNeverSplit();
    void heldUnitsPinTheJobToTheirNode();
    void placeLocationsJoinAtTheNearestNode();
    void noPathFallsBackToGreatCircle();
    void cpuOnlyJob();
    void suspendedNodeIsNeverOffered();
    void suspendedNodeTakesNoShareOfASplit();
    void determinism();
};

void TestPlacementEngine::hardConstraints_data()
{
    QTest::addColumn<Mutator>("mutate");
    QTest::addColumn<QString>("node");
    QTest::addColumn<RejectionReason>("reason");

    QTest::newRow("hub has no accelerators") << Mutator([](Workload &, FederationSnapshot &) {})
                                             << QStringLiteral("hub") << RejectionReason::ModelMissing;
    QTest::newRow("model missing") << Mutator([](Workload &w, FederationSnapshot &) {
        w.acceleratorModels = {QStringLiteral("mlu370")};
    }) << QStringLiteral("east") << RejectionReason::ModelMissing;
    QTest::newRow("not enough free accelerators") << Mutator([](Workload &w, FederationSnapshot &) {
        w.requirements.accelerators = 50; // east has 40 free
    }) << QStringLiteral("east") << RejectionReason::NotEnoughAccelerators;
    QTest::newRow("expired offer counts as nothing free") << Mutator([](Workload &, FederationSnapshot &s) {
        s.offers[1].validUntilMs = kNow - 1; // west's
    }) << QStringLiteral("west") << RejectionReason::NotEnoughAccelerators;
    QTest::newRow("over budget") << Mutator([](Workload &w, FederationSnapshot &) {
        w.budgetCny = 700; // east 1120, west 800, north 600
    }) << QStringLiteral("west") << RejectionReason::OverBudget;
    QTest::newRow("deadline unreachable") << Mutator([](Workload &w, FederationSnapshot &) {
        w.deadlineMs = kNow + 11 * kHourMs; // west: 1 h queue + 0.5 h transfer + 10 h
    }) << QStringLiteral("west") << RejectionReason::DeadlineUnreachable;
    QTest::newRow("outside residency") << Mutator([](Workload &w, FederationSnapshot &) {
        w.residencyProvinces = {QStringLiteral("CN-SH"), QStringLiteral("CN-NM")};
    }) << QStringLiteral("west") << RejectionReason::OutsideResidency;
    QTest::newRow("latency to users over max") << Mutator([](Workload &w, FederationSnapshot &) {
        w.maxLatencyMs = 20; // east -> hub -> west is 30 ms
    }) << QStringLiteral("west") << RejectionReason::LatencyTooHigh;
    QTest::newRow("offline") << Mutator([](Workload &, FederationSnapshot &s) {
        s.nodeSamples[QStringLiteral("west")].status = NodeStatus::Offline;
    }) << QStringLiteral("west") << RejectionReason::NodeUnavailable;
    QTest::newRow("maintenance in the directory, no newer sample") << Mutator([](Workload &, FederationSnapshot &s) {
        s.nodes[2].status = NodeStatus::Maintenance;
        s.nodeSamples.remove(QStringLiteral("west"));
    }) << QStringLiteral("west") << RejectionReason::NodeUnavailable;
    QTest::newRow("stale") << Mutator([](Workload &, FederationSnapshot &s) {
        s.nodeSamples[QStringLiteral("west")].tsMs = kNow - 60'000;
    }) << QStringLiteral("west") << RejectionReason::NodeStale;
    QTest::newRow("no sample at all") << Mutator([](Workload &, FederationSnapshot &s) {
        s.nodeSamples.remove(QStringLiteral("north"));
    }) << QStringLiteral("north") << RejectionReason::NodeStale;
    QTest::newRow("not enough cpu") << Mutator([](Workload &w, FederationSnapshot &s) {
        w.requirements.cpuCores = 64;
        s.offers.append({QStringLiteral("west.cpu"), QStringLiteral("west"), Offer::Resource::Cpu, {}, 32, 0.1, 0});
    }) << QStringLiteral("west") << RejectionReason::NotEnoughCpu;
    QTest::newRow("not enough memory") << Mutator([](Workload &w, FederationSnapshot &) {
        w.requirements.memoryGiB = 512; // nobody offers memory
    }) << QStringLiteral("north") << RejectionReason::NotEnoughMemory;
    QTest::newRow("not enough storage") << Mutator([](Workload &w, FederationSnapshot &) {
        w.requirements.storageTB = 5;
    }) << QStringLiteral("east") << RejectionReason::NotEnoughStorage;
}

void TestPlacementEngine::hardConstraints()
{
    QFETCH(Mutator, mutate);
    QFETCH(QString, node);
    QFETCH(RejectionReason, reason);
    Workload w = workload();
    FederationSnapshot s = federation();
    mutate(w, s);
    const PlacementResult r = PlacementEngine().rank(w, s);
    const Rejection *rejection = rejectionOf(r, node);
    QVERIFY2(rejection, qPrintable(node));
    QCOMPARE(rejection->reason, reason);
    QVERIFY2(rejection->message.contains(node), qPrintable(rejection->message));
    QVERIFY(!candidateOf(r, node));
    // Every node is either ranked or rejected, never both.
    QCOMPARE(r.ranked.size() + r.rejected.size(), s.nodes.size());
}

void TestPlacementEngine::scoreParts_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QList<double>>("raw");    // CNY, hours, ms, utilization, kg CO2
    QTest::addColumn<QList<double>>("scores"); // the same order
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("startHours");

    // cost = 8 cards x price x 10 h: east 1120, west 800, north 600.
    // transfer = 9 TB x 8000 Gbit / bottleneck / 3600: east 100 Gbps 0.2 h, west 100-60 = 40 Gbps 0.5 h,
    //            north 400 Gbps 0.05 h.
    // latency from east: east 0, west 10 + 20 = 30 ms, north 10 + 5 = 15 ms.
    // headroom = util + 8 / cards: east 0.6 + 0.08, west 0.2 + 0.08, north 0.5 + 0.04.
    // energy = 8 x 0.4 kW x 10 h x pue x (1 - green) x 0.5703.
    const double eEast = 32 * 1.4 * 0.8 * 0.5703;
    const double eWest = 32 * 1.2 * 0.4 * 0.5703;
    const double eNorth = 32 * 1.15 * 0.2 * 0.5703;
    const double eSpread = eEast - eNorth;
    // Scores: (worst - raw) / (worst - best) per part; total with weights 0.35, 0.15, 0.15, 0.20, 0.15.
    const QList<double> sEast{0, 0.3 / 0.45, 1, 0, 0};
    const QList<double> sWest{320.0 / 520, 0, 0, 1, (eEast - eWest) / eSpread};
    const QList<double> sNorth{1, 1, 0.5, 0.14 / 0.4, 1};
    const auto total = [](const QList<double> &s) {
        return 0.35 * s[0] + 0.15 * s[1] + 0.15 * s[2] + 0.20 * s[3] + 0.15 * s[4];
    };
    QTest::newRow("east") << QStringLiteral("east") << QList<double>{1120, 0.2, 0, 0.68, eEast} << sEast
                          << total(sEast) << 0.2;
    QTest::newRow("west") << QStringLiteral("west") << QList<double>{800, 0.5, 30, 0.28, eWest} << sWest
                          << total(sWest) << 1.0 + 0.5; // 4 queued jobs x 0.25 h, then the transfer
    QTest::newRow("north") << QStringLiteral("north") << QList<double>{600, 0.05, 15, 0.54, eNorth} << sNorth
                           << total(sNorth) << 0.05;
}

void TestPlacementEngine::scoreParts()
{
    QFETCH(QString, node);
    QFETCH(QList<double>, raw);
    QFETCH(QList<double>, scores);
    QFETCH(double, total);
    QFETCH(double, startHours);
    const PlacementResult r = PlacementEngine().rank(workload(), federation());
    const Candidate *c = candidateOf(r, node);
    QVERIFY(c);
    const QList<ScorePart> parts{c->parts.cost, c->parts.transfer, c->parts.latency, c->parts.headroom, c->parts.energy};
    for (int i = 0; i < parts.size(); ++i) {
        fuzzy(parts[i].raw, raw[i], "raw");
        fuzzy(parts[i].score, scores[i], "score");
    }
    fuzzy(c->totalScore, total, "total");
    fuzzy(c->estimatedCostCny, raw[0], "cost");
    QCOMPARE(c->estimatedStartMs, kNow + qRound64(startHours * kHourMs));
    QCOMPARE(c->estimatedFinishMs, c->estimatedStartMs + 10 * kHourMs);
    QCOMPARE(c->shares.size(), 1);
    QCOMPARE(c->shares.first().accelerators, 8);
}

void TestPlacementEngine::rankingOrder_data()
{
    QTest::addColumn<ScoreWeights>("weights");
    QTest::addColumn<bool>("preferGreen");
    QTest::addColumn<QStringList>("order");
    const auto list = [](const char *a, const char *b, const char *c) {
        return QStringList{QLatin1String(a), QLatin1String(b), QLatin1String(c)};
    };
    // Totals with the defaults: north 0.795, west 0.523, east 0.25.
    QTest::newRow("default weights") << ScoreWeights{} << false << list("north", "west", "east");
    QTest::newRow("prefer green") << ScoreWeights{} << true << list("north", "west", "east");
    QTest::newRow("cost only") << ScoreWeights{1, 0, 0, 0, 0} << false << list("north", "west", "east");
    QTest::newRow("latency only") << ScoreWeights{0, 0, 1, 0, 0} << false << list("east", "north", "west");
    QTest::newRow("headroom only") << ScoreWeights{0, 0, 0, 1, 0} << false << list("west", "north", "east");
    QTest::newRow("transfer only") << ScoreWeights{0, 1, 0, 0, 0} << false << list("north", "east", "west");
    // latency 1 vs transfer 1: east 0.667 + 1, north 1 + 0.5, west 0.
    QTest::newRow("latency and transfer") << ScoreWeights{0, 1, 1, 0, 0} << false << list("east", "north", "west");
}

void TestPlacementEngine::rankingOrder()
{
    QFETCH(ScoreWeights, weights);
    QFETCH(bool, preferGreen);
    QFETCH(QStringList, order);
    Workload w = workload();
    w.weights = weights;
    w.preferGreen = preferGreen;
    QCOMPARE(keys(PlacementEngine().rank(w, federation())), order);
}

void TestPlacementEngine::residency()
{
    Workload w = workload();
    w.residencyProvinces = {QStringLiteral("CN-GZ")};
    const PlacementResult r = PlacementEngine().rank(w, federation());
    QCOMPARE(keys(r), QStringList{QStringLiteral("west")});
    // Rejections come in node-id order.
    QStringList rejected;
    for (const Rejection &rej : r.rejected) {
        rejected << rej.nodeId;
        QCOMPARE(rej.reason, RejectionReason::OutsideResidency);
    }
    QCOMPARE(rejected, (QStringList{QStringLiteral("east"), QStringLiteral("hub"), QStringLiteral("north")}));
    // A single candidate is the best and worst of every part at once.
    QCOMPARE(r.ranked.first().totalScore, 1.0);
}

void TestPlacementEngine::tieBreakingById()
{
    FederationSnapshot s = federation();
    // Twins of north, listed before it and in reverse id order; identical inputs give identical scores.
    const Node north = s.nodes[3];
    const Offer northOffer = s.offers[2];
    const Link northLink = s.links[2];
    for (const QString &id : {QStringLiteral("north-c"), QStringLiteral("north-b")}) {
        Node twin = north;
        twin.id = id;
        twin.name = id;
        s.nodes.prepend(twin);
        Offer offer = northOffer;
        offer.id = id + QStringLiteral(".ascend");
        offer.nodeId = id;
        s.offers.prepend(offer);
        NodeSample twinSample = s.nodeSamples.value(QStringLiteral("north"));
        twinSample.nodeId = id;
        s.nodeSamples.insert(id, twinSample);
        Link l = northLink;
        l.id = QStringLiteral("l-") + id;
        l.a = id;
        s.links.append(l);
    }
    const PlacementResult r = PlacementEngine().rank(workload(), s);
    QCOMPARE(keys(r).mid(0, 3),
             (QStringList{QStringLiteral("north"), QStringLiteral("north-b"), QStringLiteral("north-c")}));
    QCOMPARE(r.ranked[0].totalScore, r.ranked[1].totalScore);
    QCOMPARE(r.ranked[1].totalScore, r.ranked[2].totalScore);
}

void TestPlacementEngine::splitProposal()
{
    // 100 h800 cards: neither east (40 free) nor west (80 free) can take them alone.
    Workload w = workload();
    w.acceleratorModels = {QStringLiteral("h800")};
    w.requirements.accelerators = 100;
    w.splittable = true;
    w.maxSplitNodes = 3;
    const PlacementResult r = PlacementEngine().rank(w, federation());
    QCOMPARE(rejectionOf(r, QStringLiteral("east"))->reason, RejectionReason::NotEnoughAccelerators);
    QCOMPARE(rejectionOf(r, QStringLiteral("west"))->reason, RejectionReason::NotEnoughAccelerators);
    // Only two nodes have h800 cards, so there is one proposal, of two parts: water-filling gives east,
    // the node with fewer free cards, min(40, 100 / 2) = 40, and west the other 60.
    QCOMPARE(keys(r), QStringList{QStringLiteral("east+west")});
    const Candidate &c = r.ranked.first();
    QVERIFY(c.isSplit());
    QCOMPARE(c.shares[0], (Share{QStringLiteral("east"), QStringLiteral("h800"), 40, 0.4}));
    QCOMPARE(c.shares[1], (Share{QStringLiteral("west"), QStringLiteral("h800"), 60, 0.6}));
    fuzzy(c.estimatedCostCny, 40 * 14.0 * 10 + 60 * 10.0 * 10, "cost");
    // Each part moves its share of the data; the slower one sets the figure: west 5.4 TB over 40 Gbps.
    fuzzy(c.parts.transfer.raw, 5.4 * 8000 / 40 / 3600, "transfer");
    fuzzy(c.parts.latency.raw, 30, "latency");
    // Accelerator-weighted utilization after placing: (40 x (0.6 + 0.4) + 60 x (0.2 + 0.6)) / 100.
    fuzzy(c.parts.headroom.raw, (40 * 1.0 + 60 * 0.8) / 100, "headroom");
    // West waits 1 h in the queue and 0.3 h for its data; the job starts when its last part can.
    QCOMPARE(c.estimatedStartMs, kNow + qRound64(1.3 * kHourMs));

    // Allowed only two parts, the same proposal; allowed one, none.
    w.maxSplitNodes = 2;
    QCOMPARE(keys(PlacementEngine().rank(w, federation())), QStringList{QStringLiteral("east+west")});
    w.maxSplitNodes = 1;
    QVERIFY(PlacementEngine().rank(w, federation()).ranked.isEmpty());
}

void TestPlacementEngine::trainingIsNeverSplit()
{
    Workload w = workload();
    w.kind = JobKind::Training;
    w.acceleratorModels = {QStringLiteral("h800")};
    w.requirements.accelerators = 100;
    w.splittable = true;
    w.maxSplitNodes = 3;
    QVERIFY(PlacementEngine().rank(w, federation()).ranked.isEmpty());
}

void TestPlacementEngine::heldUnitsPinTheJobToTheirNode()
{
    // 8 h800 cards reserved at west: its offer lists 80 - 8 = 72 free; the job may use the 8 on top.
    Workload w = workload();
    w.acceleratorModels = {QStringLiteral("h800")};
    w.requirements.accelerators = 76;
    w.splittable = true;
    w.maxSplitNodes = 3;
    Reservation held;
    held.id = QStringLiteral("rsv-1");
    held.nodeId = QStringLiteral("west");
    held.offerId = QStringLiteral("west.h800");
    held.model = QStringLiteral("h800");
    held.count = 8;
    held.priceCnyPerHour = 10.0;
    w.held = held;
    FederationSnapshot s = federation();
    for (Offer &o : s.offers)
        if (o.nodeId == QStringLiteral("west"))
            o.available = 72;
    PlacementResult r = PlacementEngine().rank(w, s);
    QCOMPARE(keys(r), QStringList{QStringLiteral("west")}); // no split, nowhere else
    const Rejection *east = rejectionOf(r, QStringLiteral("east"));
    QVERIFY(east);
    QCOMPARE(east->reason, RejectionReason::NotTheHeldNode);
    QVERIFY2(east->message.contains(QStringLiteral("west")), qPrintable(east->message));
    QCOMPARE(r.ranked.constFirst().shares.constFirst().accelerators, 76);

    // Beyond what the node offers plus what it holds: refused there too.
    w.requirements.accelerators = 81;
    r = PlacementEngine().rank(w, s);
    QVERIFY(r.ranked.isEmpty());
    QCOMPARE(rejectionOf(r, QStringLiteral("west"))->reason, RejectionReason::NotEnoughAccelerators);

    // A node that stopped listing the offer (all of it held) still has the held units.
    w.requirements.accelerators = 8;
    s.offers.removeIf([](const Offer &o) { return o.nodeId == QStringLiteral("west"); });
    r = PlacementEngine().rank(w, s);
    QCOMPARE(keys(r), QStringList{QStringLiteral("west")});
}

void TestPlacementEngine::placeLocationsJoinAtTheNearestNode()
{
    // Users in Shanghai province sit exactly at east (same coordinates): the same latencies as at east.
    Workload w = workload();
    w.usersLocation = Location::inProvince(QStringLiteral("CN-SH"));
    const PlacementResult r = PlacementEngine().rank(w, federation());
    fuzzy(candidateOf(r, QStringLiteral("west"))->parts.latency.raw, 30, "latency west");
    fuzzy(candidateOf(r, QStringLiteral("north"))->parts.latency.raw, 15, "latency north");
    // An unknown province is no location at all.
    QVERIFY(!Location::inProvince(QStringLiteral("CN-XX")).isSet());
}

void TestPlacementEngine::noPathFallsBackToGreatCircle()
{
    // An island in Urumqi with no links: latency by great circle, data over the 1 Gbps fallback.
    FederationSnapshot s = federation();
    Node island = s.nodes[2];
    island.id = QStringLiteral("island");
    island.name = island.id;
    island.province = QStringLiteral("CN-XJ");
    island.lat = 43.83;
    island.lon = 87.62;
    s.nodes.append(island);
    s.offers.append(acceleratorOffer(island.id, QStringLiteral("h800"), 80, 10.0));
    s.nodeSamples.insert(island.id, sample(island.id, QStringLiteral("h800"), 0.2, 0));
    const PlacementResult r = PlacementEngine().rank(workload(), s);
    const Candidate *c = candidateOf(r, QStringLiteral("island"));
    QVERIFY(c);
    // Shanghai to Urumqi is about 3,270 km: x 1.5 / 200 km per ms.
    fuzzy(c->parts.latency.raw, greatCircleLatencyMs({31.23, 121.47}, {43.83, 87.62}), "latency");
    QVERIFY(std::abs(c->parts.latency.raw - 24.5) < 0.5);
    fuzzy(c->parts.transfer.raw, 9 * 8000 / 1.0 / 3600, "transfer");
}

void TestPlacementEngine::cpuOnlyJob()
{
    // 100 cores for 10 h; CPU offers at east (0.1 CNY/core-hour) and north (0.05); hub and west offer none.
    Workload w = workload();
    w.acceleratorModels.clear();
    w.requirements.accelerators = 0;
    w.requirements.cpuCores = 100;
    FederationSnapshot s = federation();
    s.offers.append({QStringLiteral("east.cpu"), QStringLiteral("east"), Offer::Resource::Cpu, {}, 500, 0.1, 0});
    s.offers.append({QStringLiteral("north.cpu"), QStringLiteral("north"), Offer::Resource::Cpu, {}, 500, 0.05, 0});
    s.nodeSamples[QStringLiteral("east")].cpuUtil = 0.3;
    const PlacementResult r = PlacementEngine().rank(w, s);
    QCOMPARE(keys(r), (QStringList{QStringLiteral("north"), QStringLiteral("east")}));
    QCOMPARE(rejectionOf(r, QStringLiteral("hub"))->reason, RejectionReason::NotEnoughCpu);
    const Candidate *east = candidateOf(r, QStringLiteral("east"));
    fuzzy(east->estimatedCostCny, 100 * 0.1 * 10, "cost");
    fuzzy(east->parts.headroom.raw, 0.3 + 100.0 / 1000, "headroom"); // cpuUtil + cores / capacity
    // 100 cores x 0.01 kW x 10 h x pue 1.4 x (1 - 0.2) x 0.5703
    fuzzy(east->parts.energy.raw, 10 * 1.4 * 0.8 * 0.5703, "energy");
    QCOMPARE(east->shares.first().acceleratorModel, QString());
}

void TestPlacementEngine::suspendedNodeIsNeverOffered()
{
    // north is the best fit with the default weights (0.795) and the cheapest (600 CNY).
    Workload w = workload();
    QCOMPARE(keys(PlacementEngine().rank(w, federation())).constFirst(), QStringLiteral("north"));
    FederationSnapshot s = federation();
    s.nodes[3].suspended = true; // north
    PlacementResult r = PlacementEngine().rank(w, s);
    QVERIFY(!candidateOf(r, QStringLiteral("north")));
    const Rejection *north = rejectionOf(r, QStringLiteral("north"));
    QVERIFY(north);
    QCOMPARE(north->reason, RejectionReason::IdentifierSuspended);
    QVERIFY2(north->message.contains(QStringLiteral("north")), qPrintable(north->message));
    QVERIFY2(north->message.contains(QStringLiteral("suspended")), qPrintable(north->message));
    // The others still rank, among themselves: west before east, as without north.
    QCOMPARE(keys(r), (QStringList{QStringLiteral("west"), QStringLiteral("east")}));
    QCOMPARE(r.ranked.size() + r.rejected.size(), s.nodes.size());
    // Ranked only between the two, west is now the best of cost (1.0) where north was.
    QCOMPARE(candidateOf(r, QStringLiteral("west"))->parts.cost.score, 1.0);

    // Whatever the weights: cost only, where north wins by far, still never north.
    w.weights = ScoreWeights{1, 0, 0, 0, 0};
    r = PlacementEngine().rank(w, s);
    QCOMPARE(keys(r), (QStringList{QStringLiteral("west"), QStringLiteral("east")}));
    QCOMPARE(rejectionOf(r, QStringLiteral("north"))->reason, RejectionReason::IdentifierSuspended);

    // Suspended beats every other reason to refuse it, even one it would also fail.
    w = workload();
    w.residencyProvinces = {QStringLiteral("CN-GZ")};
    r = PlacementEngine().rank(w, s);
    QCOMPARE(rejectionOf(r, QStringLiteral("north"))->reason, RejectionReason::IdentifierSuspended);
    QCOMPARE(rejectionOf(r, QStringLiteral("east"))->reason, RejectionReason::OutsideResidency);
    QCOMPARE(keys(r), QStringList{QStringLiteral("west")});

    // Only the node's own flag counts: reinstated (not suspended), it is offered again.
    s.nodes[3].suspended = false;
    QCOMPARE(keys(PlacementEngine().rank(workload(), s)).constFirst(), QStringLiteral("north"));
}

void TestPlacementEngine::suspendedNodeTakesNoShareOfASplit()
{
    // The split of splitProposal (east 40 + west 60): with west suspended no proposal uses it, and east
    // alone cannot take 100 cards, so nothing is offered.
    Workload w = workload();
    w.acceleratorModels = {QStringLiteral("h800")};
    w.requirements.accelerators = 100;
    w.splittable = true;
    w.maxSplitNodes = 3;
    FederationSnapshot s = federation();
    QCOMPARE(keys(PlacementEngine().rank(w, s)), QStringList{QStringLiteral("east+west")});
    s.nodes[2].suspended = true; // west
    const PlacementResult r = PlacementEngine().rank(w, s);
    QVERIFY(r.ranked.isEmpty());
    QCOMPARE(rejectionOf(r, QStringLiteral("west"))->reason, RejectionReason::IdentifierSuspended);
    QCOMPARE(rejectionOf(r, QStringLiteral("east"))->reason, RejectionReason::NotEnoughAccelerators);

    // 30 cards: singles and splits among the others, none of them touching west.
    w.requirements.accelerators = 30;
    w.acceleratorModels = acceleratorModelsOfClass(AcceleratorClass::Training);
    const PlacementResult some = PlacementEngine().rank(w, s);
    QVERIFY(some.ranked.size() >= 2);
    for (const Candidate &c : some.ranked) {
        for (const Share &share : c.shares)
            QVERIFY2(share.nodeId != QStringLiteral("west"), qPrintable(c.key()));
    }
}

void TestPlacementEngine::determinism()
{
    Workload w = workload();
    w.splittable = true;
    w.maxSplitNodes = 3;
    w.requirements.accelerators = 30;
    const FederationSnapshot s = federation();
    const PlacementResult first = PlacementEngine().rank(w, s);
    QVERIFY(first.ranked.size() > 3); // singles and splits
    QCOMPARE(PlacementEngine().rank(w, s), first);
    // The order of the snapshot's lists does not matter.
    FederationSnapshot shuffled = s;
    std::mt19937 rng(7);
    std::shuffle(shuffled.nodes.begin(), shuffled.nodes.end(), rng);
    std::shuffle(shuffled.links.begin(), shuffled.links.end(), rng);
    std::shuffle(shuffled.offers.begin(), shuffled.offers.end(), rng);
    QCOMPARE(PlacementEngine().rank(w, shuffled), first);
    // Without path caching (the benchmark's baseline) the answer is the same.
    QCOMPARE(PlacementEngine(PlacementEngine::Options{false}).rank(w, s), first);
}

QTEST_GUILESS_MAIN(TestPlacementEngine)
#include "tst_placementengine.moc"
