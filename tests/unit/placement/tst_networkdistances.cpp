// Shortest paths over the link graph and the great-circle fallback, on hand-checked graphs.
#include "placement/federationindex.h"
#include "placement/geodistance.h"
#include "placement/networkdistances.h"

#include <QTest>

using namespace cpn;
using namespace cpn::placement;

namespace {

Node node(const char *id, double lat = 0, double lon = 0)
{
    Node n;
    n.id = QString::fromLatin1(id);
    n.lat = lat;
    n.lon = lon;
    return n;
}

Link link(const char *id, const char *a, const char *b, double ms, double gbps)
{
    Link l;
    l.id = QString::fromLatin1(id);
    l.a = QString::fromLatin1(a);
    l.b = QString::fromLatin1(b);
    l.baseLatencyMs = ms;
    l.capacityGbps = gbps;
    return l;
}

// a -1ms/10G- b -1ms/100G- d -0.5ms/100G- c -3ms/100G- a ; e alone.
FederationSnapshot graph()
{
    FederationSnapshot s;
    s.nodes = {node("d"), node("c"), node("b"), node("a"), node("e")};
    s.links = {link("ab", "a", "b", 1, 10), link("bd", "b", "d", 1, 100), link("ac", "a", "c", 3, 100),
               link("cd", "c", "d", 0.5, 100)};
    return s;
}

} // namespace

class TestNetworkDistances : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortestPaths_data();
    void shortestPaths();
    void directionalLoadAndDownLinks();
    void greatCircle();
};

void TestNetworkDistances::shortestPaths_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<double>("latencyMs");
    QTest::addColumn<double>("bottleneckGbps");
    QTest::newRow("b direct") << QStringLiteral("b") << true << 1.0 << 10.0;
    QTest::newRow("d via b, not via c") << QStringLiteral("d") << true << 2.0 << 10.0;
    QTest::newRow("c via b and d, not direct") << QStringLiteral("c") << true << 2.5 << 10.0;
    QTest::newRow("e unreachable") << QStringLiteral("e") << false << 0.0 << 0.0;
}

void TestNetworkDistances::shortestPaths()
{
    QFETCH(QString, to);
    QFETCH(bool, reachable);
    QFETCH(double, latencyMs);
    QFETCH(double, bottleneckGbps);
    const FederationSnapshot s = graph();
    const FederationIndex index(s);
    const NetworkDistances d(index, index.indexOf(QStringLiteral("a")));
    const int i = index.indexOf(to);
    QCOMPARE(d.reachable(i), reachable);
    if (reachable) {
        QCOMPARE(d.latencyMs(i), latencyMs);
        QCOMPARE(d.bottleneckGbps(i), bottleneckGbps);
    }
}

void TestNetworkDistances::directionalLoadAndDownLinks()
{
    FederationSnapshot s = graph();
    LinkSample ab;
    ab.linkId = QStringLiteral("ab");
    ab.abGbps = 9.9; // nearly full from a to b: the floor of 5 % of capacity still counts
    ab.baGbps = 4;
    s.linkSamples.insert(ab.linkId, ab);
    const FederationIndex index(s);
    const int a = index.indexOf(QStringLiteral("a"));
    const int b = index.indexOf(QStringLiteral("b"));
    QCOMPARE(NetworkDistances(index, a).bottleneckGbps(b), 0.5);
    QCOMPARE(NetworkDistances(index, b).bottleneckGbps(a), 6.0);

    LinkSample down;
    down.linkId = QStringLiteral("bd");
    down.status = LinkStatus::Down;
    s.linkSamples.insert(down.linkId, down);
    const FederationIndex without(s);
    const NetworkDistances d(without, without.indexOf(QStringLiteral("a")));
    QCOMPARE(d.latencyMs(without.indexOf(QStringLiteral("d"))), 3.5); // around through c
}

void TestNetworkDistances::greatCircle()
{
    // Beijing to Shanghai is about 1,067 km; 1.5 x that over 200 km/ms is about 8 ms.
    const GeoPoint beijing{39.90, 116.40};
    const GeoPoint shanghai{31.23, 121.47};
    QVERIFY(std::abs(greatCircleKm(beijing, shanghai) - 1067) < 10);
    QVERIFY(std::abs(greatCircleLatencyMs(beijing, shanghai) - 8.0) < 0.1);
    QCOMPARE(greatCircleKm(beijing, beijing), 0.0);
}

QTEST_GUILESS_MAIN(TestNetworkDistances)
#include "tst_networkdistances.moc"
