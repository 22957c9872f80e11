// The hub-by-hub latency matrix over a live FederationState: latencies are the sums of the current link
// samples along the shortest paths by base latency; cells are coloured against 20/5/1 ms; a breach is
// announced once and its end once it is back under 95 % of the target.
#include "domain/clock.h"
#include "itemmodels/latencymatrixmodel.h"
#include "state/federationstate.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cpn;
using namespace Qt::StringLiterals;
using CellState = LatencyMatrixModel::CellState;

// Three hubs (national node apart), each with its region; base latencies in ms, by link index:
//
//   0: h1 - h2  12 (direct)        5: h1 - c1 0.5 (c1 in h1's city: 1 ms target)
//   1: h1 - c2   3                 6: h2 - c3 2   (h2's region, another city: 5 ms)
//   2: c2 - h2   4                 7: h3 - c4 4.6 (h3's region: 4.6 > 90 % of 5 ms, no headroom)
//   3: h1 - h3   8
//   4: h3 - h2   9
//
// By base latency h1 - h2 goes over c2 (links 1, 2: 7 ms), not the direct 12 ms link; h2 - h3 over link 4
// (9 ms), not through h1 (15 ms); h1 - h3 over link 3.
class tst_LatencyMatrixModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void hubsAndPairsFollowTheBaseShortestPaths();
    void diagonalIsTheWorstPairOfTheRegion();
    void downLinkOrMissingSampleIsNoData();
    void nearAboveEightyPercent();
    void noHeadroomIsByDesignAndNeverAnnounced();
    void breachAnnouncedOnceAndRecoveredBelowNinetyFivePercent();
    void statusOnlyDirectoryChangeDoesNotReannounce();
    void breachWaitsForItsHold();

private:
    static QList<Node> nodes();
    static QList<Link> links();
    // A tick one second on: every node reports; each link in `ms` sends that latency (Up), those in
    // `down` are down, the others send nothing.
    void tick(const QHash<int, double> &ms, const QSet<int> &down = {});
    QModelIndex cell(const QString &a, const QString &b) const;
    static QHash<int, double> nominal();

    static constexpr qint64 kT0 = 1764064800000;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FederationState> m_state;
    std::unique_ptr<LatencyMatrixModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QList<Node> tst_LatencyMatrixModel::nodes()
{
    const auto node = [](const char *id, const char *name, NodeRole role, const char *parent,
                         const char *city) {
        Node n;
        n.id = QString::fromLatin1(id);
        n.name = QString::fromLatin1(name);
        n.role = role;
        n.tier = role == NodeRole::National   ? NodeTier::National
                 : role == NodeRole::Industry ? NodeTier::Industry
                                              : NodeTier::Regional;
        n.parentId = QString::fromLatin1(parent);
        n.city = QString::fromLatin1(city);
        return n;
    };
    // Listed out of id order: the matrix sorts its hubs by id.
    return {node("n", "National", NodeRole::National, "", "Beijing"),
            node("h3", "Hub Three", NodeRole::Hub, "n", "Lanzhou"),
            node("h1", "Hub One", NodeRole::Hub, "n", "Guiyang"),
            node("h2", "Hub Two", NodeRole::Hub, "n", "Chengdu"),
            node("c1", "Cluster One", NodeRole::Cluster, "h1", "Guiyang"),
            node("c2", "Cluster Two", NodeRole::Cluster, "h1", "Anshun"),
            node("c3", "Industry Three", NodeRole::Industry, "h2", "Mianyang"),
            node("c4", "Cluster Four", NodeRole::Cluster, "h3", "Qingyang")};
}

QList<Link> tst_LatencyMatrixModel::links()
{
    const auto link = [](const char *a, const char *b, double ms) {
        Link l;
        l.id = u"l-%1-%2"_s.arg(QLatin1String(a), QLatin1String(b));
        l.a = QString::fromLatin1(a);
        l.b = QString::fromLatin1(b);
        l.baseLatencyMs = ms;
        l.capacityGbps = 100;
        return l;
    };
    return {link("h1", "h2", 12), link("h1", "c2", 3),   link("c2", "h2", 4), link("h1", "h3", 8),
            link("h3", "h2", 9),  link("h1", "c1", 0.5), link("h2", "c3", 2), link("h3", "c4", 4.6)};
}

// Measured now: the direct h1 - h2 link (10 ms) is faster than the base-shortest path over c2 (3.5 + 8.5 =
// 12 ms), which is the one the matrix sums.
QHash<int, double> tst_LatencyMatrixModel::nominal()
{
    return {{0, 10}, {1, 3.5}, {2, 8.5}, {3, 8}, {4, 17}, {5, 0.9}, {6, 3}, {7, 4.7}};
}

void tst_LatencyMatrixModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_clock = std::make_unique<ManualClock>(kT0);
    m_state = std::make_unique<FederationState>(*m_clock);
    m_state->setDirectory(nodes(), links());
    m_model = std::make_unique<LatencyMatrixModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setBreachHold(1); // each sample counts; breachWaitsForItsHold checks the default
    m_model->setState(m_state.get());
}

void tst_LatencyMatrixModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_state.reset();
    m_clock.reset();
}

void tst_LatencyMatrixModel::tick(const QHash<int, double> &ms, const QSet<int> &down)
{
    m_clock->advance(1000);
    const qint64 now = m_clock->nowMs();
    QList<NodeSample> nodeSamples;
    for (const Node &n : m_state->nodes()) {
        NodeSample s;
        s.nodeId = n.id;
        s.tsMs = now;
        nodeSamples.append(s);
    }
    QList<LinkSample> linkSamples;
    const QList<Link> &all = m_state->links();
    for (int i = 0; i < all.size(); ++i) {
        if (!ms.contains(i) && !down.contains(i))
            continue;
        LinkSample s;
        s.linkId = all[i].id;
        s.tsMs = now;
        s.status = down.contains(i) ? LinkStatus::Down : LinkStatus::Up;
        s.latencyMs = ms.value(i, all[i].baseLatencyMs);
        linkSamples.append(s);
    }
    m_state->ingestSamples(nodeSamples, linkSamples);
}

QModelIndex tst_LatencyMatrixModel::cell(const QString &a, const QString &b) const
{
    return m_model->index(int(m_model->hubs().indexOf(a)), int(m_model->hubs().indexOf(b)));
}

void tst_LatencyMatrixModel::hubsAndPairsFollowTheBaseShortestPaths()
{
    QCOMPARE(m_model->hubs(), QStringList({u"h1"_s, u"h2"_s, u"h3"_s}));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), 3);
    // Rows by the hubs' names, in the order of their ids.
    QVERIFY(m_model->headerData(0, Qt::Vertical).toString().contains(u"Hub One"_s));
    QVERIFY(m_model->headerData(2, Qt::Vertical).toString().contains(u"Hub Three"_s));
    QVERIFY(m_model->headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"h2"_s));
    // Before any sample: no latency anywhere.
    QVERIFY(!m_model->latencyOf(u"h1"_s, u"h2"_s));
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h2"_s), CellState::NoData);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    tick(nominal());
    QVERIFY(changed.count() >= 1);
    // h1 - h2: over c2 (links 1 and 2), 3.5 + 8.5, although the direct link measures 10 ms now.
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"h2"_s), 12.0);
    QCOMPARE(*m_model->latencyOf(u"h2"_s, u"h1"_s), 12.0);
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h2"_s), CellState::Within);
    // h1 - h3: link 3 alone.
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"h3"_s), 8.0);
    // h2 - h3: their own link (17 ms now), not through h1 (12 + 8 = 20 ms), because it is shorter at base.
    QCOMPARE(*m_model->latencyOf(u"h2"_s, u"h3"_s), 17.0);
    // Regional pairs.
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"c1"_s), 0.9);
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"c2"_s), 3.5);
    QCOMPARE(*m_model->latencyOf(u"h2"_s, u"c3"_s), 3.0);
    QCOMPARE(*m_model->latencyOf(u"h3"_s, u"c4"_s), 4.7);
    // No pair between nodes of two regions, nor with the national node.
    QVERIFY(!m_model->latencyOf(u"c1"_s, u"c3"_s));
    QVERIFY(!m_model->latencyOf(u"n"_s, u"h1"_s));

    // The cells show the same, both ways round.
    const QModelIndex h1h2 = cell(u"h1"_s, u"h2"_s);
    const QModelIndex h2h1 = cell(u"h2"_s, u"h1"_s);
    QCOMPARE(h1h2.data(LatencyMatrixModel::LatencyRole).toDouble(), 12.0);
    QCOMPARE(h2h1.data(LatencyMatrixModel::LatencyRole).toDouble(), 12.0);
    QCOMPARE(h1h2.data(LatencyMatrixModel::TargetRole).toDouble(), 20.0);
    QCOMPARE(h1h2.data(LatencyMatrixModel::PairRole).toString(), u"h1|h2"_s);
    QCOMPARE(h2h1.data(LatencyMatrixModel::PairRole).toString(), u"h1|h2"_s);
    QCOMPARE(h1h2.data().toString(), u"12.0 ms"_s);
    QCOMPARE(cell(u"h3"_s, u"h2"_s).data(LatencyMatrixModel::LatencyRole).toDouble(), 17.0);
    QVERIFY(h1h2.data(Qt::ToolTipRole).toString().contains(u"Now 12.00 ms over 2 link"_s));
    QVERIFY(h1h2.data(Qt::ToolTipRole).toString().contains(u"7.0 ms at base latency"_s));

    // The measured latencies move; the paths stay those of the base latencies.
    QHash<int, double> ms = nominal();
    ms[1] = 2;
    ms[2] = 2.5;
    tick(ms);
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"h2"_s), 4.5);
}

void tst_LatencyMatrixModel::diagonalIsTheWorstPairOfTheRegion()
{
    tick(nominal());
    // h1's region: c1 at 0.9 of its 1 ms (90 %) is worse than c2 at 3.5 of 5 ms (70 %), though lower in ms.
    const QModelIndex h1 = cell(u"h1"_s, u"h1"_s);
    QCOMPARE(h1.data(LatencyMatrixModel::PairRole).toString(), u"h1|c1"_s);
    QCOMPARE(h1.data(LatencyMatrixModel::LatencyRole).toDouble(), 0.9);
    QCOMPARE(h1.data(LatencyMatrixModel::TargetRole).toDouble(), 1.0);
    QCOMPARE(LatencyMatrixModel::CellState(h1.data(LatencyMatrixModel::CellStateRole).toInt()),
             CellState::Near);
    QVERIFY(h1.data(Qt::ToolTipRole).toString().contains(u"within a city"_s));
    // c1 back to 0.5 ms (50 %): now c2 is the worst of h1's region.
    QHash<int, double> ms = nominal();
    ms[5] = 0.5;
    tick(ms);
    QCOMPARE(h1.data(LatencyMatrixModel::PairRole).toString(), u"h1|c2"_s);
    QCOMPARE(h1.data(LatencyMatrixModel::LatencyRole).toDouble(), 3.5);
    QCOMPARE(h1.data(LatencyMatrixModel::TargetRole).toDouble(), 5.0);
    QCOMPARE(LatencyMatrixModel::CellState(h1.data(LatencyMatrixModel::CellStateRole).toInt()),
             CellState::Within);
    // h2's region has one pair.
    QCOMPARE(cell(u"h2"_s, u"h2"_s).data(LatencyMatrixModel::PairRole).toString(), u"h2|c3"_s);
    QCOMPARE(cell(u"h2"_s, u"h2"_s).data(LatencyMatrixModel::LatencyRole).toDouble(), 3.0);
}

void tst_LatencyMatrixModel::downLinkOrMissingSampleIsNoData()
{
    // Link 6 (h2 - c3) has never sent a sample: h2's region has no data.
    QHash<int, double> ms = nominal();
    ms.remove(6);
    tick(ms);
    QVERIFY(!m_model->latencyOf(u"h2"_s, u"c3"_s));
    QCOMPARE(m_model->stateOf(u"h2"_s, u"c3"_s), CellState::NoData);
    const QModelIndex h2 = cell(u"h2"_s, u"h2"_s);
    QCOMPARE(LatencyMatrixModel::CellState(h2.data(LatencyMatrixModel::CellStateRole).toInt()),
             CellState::NoData);
    QVERIFY(!h2.data(LatencyMatrixModel::LatencyRole).isValid());
    QCOMPARE(h2.data().toString(), u"no data"_s);
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"h2"_s), 12.0);

    // Link 2 (c2 - h2) down: h1 - h2 loses its latency, though the direct link is up; h1 - c2 (link 1) keeps
    // it.
    tick(nominal(), {2});
    QVERIFY(!m_model->latencyOf(u"h1"_s, u"h2"_s));
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h2"_s), CellState::NoData);
    QCOMPARE(
        LatencyMatrixModel::CellState(cell(u"h2"_s, u"h1"_s).data(LatencyMatrixModel::CellStateRole).toInt()),
        CellState::NoData);
    QVERIFY(cell(u"h1"_s, u"h2"_s).data(Qt::ToolTipRole).toString().contains(u"No current latency"_s));
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"c2"_s), 3.5);
    QCOMPARE(*m_model->latencyOf(u"h2"_s, u"c3"_s), 3.0);
    // Up again.
    tick(nominal());
    QCOMPARE(*m_model->latencyOf(u"h1"_s, u"h2"_s), 12.0);
}

void tst_LatencyMatrixModel::nearAboveEightyPercent()
{
    QHash<int, double> ms = nominal();
    ms[6] = 4.0;  // h2 - c3: exactly 80 % of 5 ms
    ms[3] = 16.5; // h1 - h3: 82.5 % of 20 ms
    tick(ms);
    QCOMPARE(m_model->stateOf(u"h2"_s, u"c3"_s), CellState::Within);
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h3"_s), CellState::Near);
    QCOMPARE(m_model->stateOf(u"h2"_s, u"h3"_s), CellState::Near); // 17 of 20
    ms[6] = 4.1;
    ms[3] = 16.0; // exactly 80 %
    tick(ms);
    QCOMPARE(m_model->stateOf(u"h2"_s, u"c3"_s), CellState::Near);
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h3"_s), CellState::Within);
    ms[6] = 5.0; // at the target: still within it
    tick(ms);
    QCOMPARE(m_model->stateOf(u"h2"_s, u"c3"_s), CellState::Near);
    ms[6] = 5.1;
    tick(ms);
    QCOMPARE(m_model->stateOf(u"h2"_s, u"c3"_s), CellState::Above);
    QCOMPARE(
        LatencyMatrixModel::CellState(cell(u"h2"_s, u"h2"_s).data(LatencyMatrixModel::CellStateRole).toInt()),
        CellState::Above);
}

void tst_LatencyMatrixModel::noHeadroomIsByDesignAndNeverAnnounced()
{
    QSignalSpy breached(m_model.get(), &LatencyMatrixModel::breached);
    QSignalSpy recovered(m_model.get(), &LatencyMatrixModel::recovered);
    tick(nominal());
    // h3 - c4: 4.6 ms at base, more than 90 % of 5 ms: by design, whether within or above now.
    QCOMPARE(m_model->stateOf(u"h3"_s, u"c4"_s), CellState::ByDesign);
    QVERIFY(cell(u"h3"_s, u"h3"_s).data(Qt::ToolTipRole).toString().contains(u"by design"_s));
    QHash<int, double> ms = nominal();
    for (double v : {7.0, 9.0, 3.0, 8.0}) {
        ms[7] = v;
        tick(ms);
        QCOMPARE(m_model->stateOf(u"h3"_s, u"c4"_s), CellState::ByDesign);
        QCOMPARE(*m_model->latencyOf(u"h3"_s, u"c4"_s), v);
    }
    QCOMPARE(breached.count(), 0);
    QCOMPARE(recovered.count(), 0);
    // The others keep their headroom: h1 - c1 has 0.5 of 1 ms at base (50 %), h2 - h3 9 of 20 ms.
    QCOMPARE(m_model->stateOf(u"h1"_s, u"c1"_s), CellState::Near);
    QCOMPARE(m_model->stateOf(u"h2"_s, u"h3"_s), CellState::Near);
}

void tst_LatencyMatrixModel::breachAnnouncedOnceAndRecoveredBelowNinetyFivePercent()
{
    QSignalSpy breached(m_model.get(), &LatencyMatrixModel::breached);
    QSignalSpy recovered(m_model.get(), &LatencyMatrixModel::recovered);
    QHash<int, double> ms = nominal();
    tick(ms);
    QCOMPARE(breached.count(), 0);

    ms[3] = 21; // h1 - h3 crosses its 20 ms
    tick(ms);
    QCOMPARE(breached.count(), 1);
    const auto pair = breached.at(0).at(0).value<latency::TargetPair>();
    QCOMPARE(pair.a, u"h1"_s);
    QCOMPARE(pair.b, u"h3"_s);
    QCOMPARE(pair.scope, latency::Scope::BetweenHubs);
    QCOMPARE(breached.at(0).at(1).toDouble(), 21.0);
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h3"_s), CellState::Above);

    for (double v : {25.0, 30.0, 20.5}) { // stays above: not again
        ms[3] = v;
        tick(ms);
    }
    QCOMPARE(breached.count(), 1);
    QCOMPARE(recovered.count(), 0);

    ms[3] = 19.6; // 98 % of the target: within it, not yet recovered
    tick(ms);
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h3"_s), CellState::Near);
    QCOMPARE(recovered.count(), 0);
    ms[3] = 20.4; // above again, still the same breach
    tick(ms);
    QCOMPARE(breached.count(), 1);
    ms[3] = 19.2; // 96 %
    tick(ms);
    QCOMPARE(recovered.count(), 0);

    ms[3] = 19.0; // at 95 %: recovered, once
    tick(ms);
    QCOMPARE(recovered.count(), 1);
    QCOMPARE(recovered.at(0).at(0).value<latency::TargetPair>().b, u"h3"_s);
    QCOMPARE(recovered.at(0).at(1).toDouble(), 19.0);
    ms[3] = 10;
    tick(ms);
    tick(ms);
    QCOMPARE(recovered.count(), 1);
    QCOMPARE(breached.count(), 1);

    // A new crossing is a new breach. The regional pair h2 - c3 has its own.
    ms[3] = 22;
    ms[6] = 5.5;
    tick(ms);
    QCOMPARE(breached.count(), 3);
    QStringList pairs;
    for (const QList<QVariant> &args : std::as_const(breached)) {
        const auto p = args.at(0).value<latency::TargetPair>();
        pairs.append(p.a + u'|' + p.b);
    }
    QCOMPARE(pairs, QStringList({u"h1|h3"_s, u"h1|h3"_s, u"h2|c3"_s}));
    QCOMPARE(recovered.count(), 1);
}

void tst_LatencyMatrixModel::statusOnlyDirectoryChangeDoesNotReannounce()
{
    QSignalSpy breached(m_model.get(), &LatencyMatrixModel::breached);
    QSignalSpy recovered(m_model.get(), &LatencyMatrixModel::recovered);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QHash<int, double> ms = nominal();
    ms[3] = 23;
    tick(ms);
    QCOMPARE(breached.count(), 1);

    // The directory lists h3 (an end of the breached pair) in maintenance, then back: only a status moved.
    QList<Node> listed = nodes();
    for (Node &n : listed) {
        if (n.id == u"h3")
            n.status = NodeStatus::Maintenance;
    }
    m_state->setDirectory(listed, links());
    tick(ms);
    m_state->setDirectory(nodes(), links());
    tick(ms);
    QCOMPARE(reset.count(), 0); // the pairs were not made again
    QCOMPARE(breached.count(), 1);
    QCOMPARE(recovered.count(), 0);
    QCOMPARE(m_model->stateOf(u"h1"_s, u"h3"_s), CellState::Above);

    // A changed link remakes the pairs; the breach of a pair still there stays announced.
    QList<Link> relinked = links();
    relinked[7].baseLatencyMs = 2; // h3 - c4 gains headroom
    m_state->setDirectory(nodes(), relinked);
    QCOMPARE(reset.count(), 1);
    tick(ms);
    QCOMPARE(breached.count(), 1);
    QCOMPARE(m_model->stateOf(u"h3"_s, u"c4"_s), CellState::Near); // 4.7 of 5 ms, no longer by design

    // Back under 95 %: the end of that same breach is told.
    ms[3] = 12;
    tick(ms);
    QCOMPARE(recovered.count(), 1);
}


void tst_LatencyMatrixModel::breachWaitsForItsHold()
{
    // By default a pair must stay above its target for five samples in a row: a dip starts the count again.
    m_model->setBreachHold(LatencyMatrixModel::kDefaultBreachHold);
    QSignalSpy breached(m_model.get(), &LatencyMatrixModel::breached);
    QHash<int, double> ms = nominal();
    ms[3] = 21; // h1 - h3 above its 20 ms
    for (int i = 0; i < LatencyMatrixModel::kDefaultBreachHold - 1; ++i)
        tick(ms);
    QCOMPARE(breached.count(), 0);
    QHash<int, double> dip = nominal();
    tick(dip);
    for (int i = 0; i < LatencyMatrixModel::kDefaultBreachHold - 1; ++i)
        tick(ms);
    QCOMPARE(breached.count(), 0);
    tick(ms);
    QCOMPARE(breached.count(), 1);
}

QTEST_GUILESS_MAIN(tst_LatencyMatrixModel)
#include "tst_latencymatrixmodel.moc"
