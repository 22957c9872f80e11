// One ranking shared by a wizard's pages: made once per workload and snapshot, again when the workload
// changes, when it has aged or when asked, and announced each time.
#include "domain/clock.h"
#include "placement/sharedranking.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::placement;

namespace {

constexpr qint64 kNow = 1'764'064'800'000;

Node node(const QString &id)
{
    Node n;
    n.id = id;
    n.name = id;
    n.province = QStringLiteral("CN-GZ");
    n.lat = 26.65;
    n.lon = 106.63;
    n.capacity.cpuCores = 1000;
    n.capacity.accelerators = {{QStringLiteral("h800"), 100}};
    return n;
}

Offer offer(const QString &nodeId, double price)
{
    return {nodeId + QStringLiteral(".h800"), nodeId, Offer::Resource::Accelerator, QStringLiteral("h800"), 50, price, kNow + 30'000};
}

Workload eightCards()
{
    Workload w;
    w.requirements.acceleratorModel = QStringLiteral("h800");
    w.requirements.accelerators = 8;
    w.requirements.durationHours = 2;
    return w;
}

} // namespace

class tst_SharedRanking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void theSameWorkloadIsRankedOnce();
    void aChangedWorkloadIsRankedAgain();
    void anAgedRankingIsMadeAgain();
    void rankAgainTakesTheFederationAsItIsNow();

private:
    FederationSnapshot current() const;
    ManualClock m_clock{kNow};
    int m_snapshotsTaken = 0;
    double m_cheapPrice = 5.0; // the "cheap" node's price; raising it makes "dear" the better one
};

FederationSnapshot tst_SharedRanking::current() const
{
    FederationSnapshot s;
    s.nowMs = kNow;
    s.nodes = {node(QStringLiteral("cheap")), node(QStringLiteral("dear"))};
    s.offers = {offer(QStringLiteral("cheap"), m_cheapPrice), offer(QStringLiteral("dear"), 10.0)};
    s.requireSamples = false; // idle and fresh: only the prices differ
    return s;
}

void tst_SharedRanking::init()
{
    m_snapshotsTaken = 0;
    m_cheapPrice = 5.0;
}

void tst_SharedRanking::theSameWorkloadIsRankedOnce()
{
    SharedRanking ranking([this] { ++m_snapshotsTaken; return current(); }, &m_clock);
    QSignalSpy ranked(&ranking, &SharedRanking::ranked);
    const PlacementResult first = ranking.rankingFor(eightCards());
    QCOMPARE(first.ranked.constFirst().nodeId(), QStringLiteral("cheap"));
    m_cheapPrice = 50; // the federation moved on, but the planner has not asked for a new ranking
    m_clock.advance(SharedRanking::kDefaultMaxAgeMs);
    QCOMPARE(ranking.rankingFor(eightCards()), first);
    QCOMPARE(m_snapshotsTaken, 1);
    QCOMPARE(ranked.count(), 1);
    QCOMPARE(ranking.generation(), 1);
}

void tst_SharedRanking::aChangedWorkloadIsRankedAgain()
{
    SharedRanking ranking([this] { ++m_snapshotsTaken; return current(); }, &m_clock);
    ranking.rankingFor(eightCards());
    Workload more = eightCards();
    more.requirements.accelerators = 16;
    const PlacementResult &result = ranking.rankingFor(more);
    QCOMPARE(m_snapshotsTaken, 2);
    QCOMPARE(ranking.generation(), 2);
    QCOMPARE(result.ranked.constFirst().shares.constFirst().accelerators, 16);
}

void tst_SharedRanking::anAgedRankingIsMadeAgain()
{
    SharedRanking ranking([this] { ++m_snapshotsTaken; return current(); }, &m_clock);
    ranking.rankingFor(eightCards());
    m_cheapPrice = 50;
    m_clock.advance(SharedRanking::kDefaultMaxAgeMs + 1);
    QCOMPARE(ranking.rankingFor(eightCards()).ranked.constFirst().nodeId(), QStringLiteral("dear"));
    QCOMPARE(m_snapshotsTaken, 2);
}

void tst_SharedRanking::rankAgainTakesTheFederationAsItIsNow()
{
    SharedRanking ranking([this] { ++m_snapshotsTaken; return current(); }, &m_clock);
    QSignalSpy ranked(&ranking, &SharedRanking::ranked);
    ranking.rankingFor(eightCards());
    m_cheapPrice = 50;
    QCOMPARE(ranking.rankAgain(eightCards()).ranked.constFirst().nodeId(), QStringLiteral("dear"));
    QCOMPARE(ranking.result().ranked.constFirst().nodeId(), QStringLiteral("dear"));
    QCOMPARE(ranking.snapshot().offers.constFirst().pricePerHour, 50.0);
    QCOMPARE(ranked.count(), 2);
}

QTEST_GUILESS_MAIN(tst_SharedRanking)
#include "tst_sharedranking.moc"
