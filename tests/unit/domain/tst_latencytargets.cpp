#include "domain/latencytargets.h"

#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

// The network's latency targets over a small federation whose shortest paths are worked out by hand:
//
//        n (national)
//   h1 ---- 12 ms ---- h2        h1 - c1 2 ms (same city), h1 - c2 3 ms, c2 - h2 4 ms
//    \\                /          h2 - c3 6 ms (its region, another city)
//     c1 (city of h1) c3          h1 - h3 8 ms, h3 - h2 9 ms
class TestLatencyTargets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targetsAreThoseOfThePolicy();
    void pathTreeFindsTheShortestPathsByBaseLatency();
    void pairsAreEveryHubPairThenEachHubsRegion();
    void pathLatencyIsTheSumOfItsLinksOrUnknown();

private:
    static QList<Node> nodes();
    static QList<Link> links();
};

QList<Node> TestLatencyTargets::nodes()
{
    const auto node = [](const char *id, NodeRole role, const char *parent, const char *city) {
        Node n;
        n.id = QString::fromLatin1(id);
        n.role = role;
        n.parentId = QString::fromLatin1(parent);
        n.city = QString::fromLatin1(city);
        return n;
    };
    return {node("n", NodeRole::National, "", "Beijing"), node("h2", NodeRole::Hub, "n", "Chengdu"),
            node("h1", NodeRole::Hub, "n", "Guiyang"),    node("h3", NodeRole::Hub, "n", "Lanzhou"),
            node("c1", NodeRole::Cluster, "h1", "Guiyang"), node("c2", NodeRole::Cluster, "h1", "Anshun"),
            node("c3", NodeRole::Industry, "h2", "Mianyang")};
}

QList<Link> TestLatencyTargets::links()
{
    const auto link = [](const char *a, const char *b, double ms) {
        Link l;
        l.id = u"l-%1-%2"_s.arg(QLatin1String(a), QLatin1String(b));
        l.a = QString::fromLatin1(a);
        l.b = QString::fromLatin1(b);
        l.baseLatencyMs = ms;
        return l;
    };
    return {link("h1", "h2", 12), link("h1", "c1", 2), link("h1", "c2", 3), link("c2", "h2", 4),
            link("h2", "c3", 6),  link("h1", "h3", 8), link("h3", "h2", 9)};
}

void TestLatencyTargets::targetsAreThoseOfThePolicy()
{
    QCOMPARE(latency::targetMs(latency::Scope::BetweenHubs), 20.0);
    QCOMPARE(latency::targetMs(latency::Scope::Region), 5.0);
    QCOMPARE(latency::targetMs(latency::Scope::City), 1.0);
}

void TestLatencyTargets::pathTreeFindsTheShortestPathsByBaseLatency()
{
    const latency::PathTree tree(links(), u"h1"_s);
    // h1 to h2: through c2 (3 + 4 = 7 ms), not the direct 12 ms link nor h3 (17 ms).
    QCOMPARE(tree.pathTo(u"h2"_s)->baseMs, 7.0);
    QCOMPARE(tree.pathTo(u"h2"_s)->links, QList<int>({2, 3}));
    QCOMPARE(tree.pathTo(u"c3"_s)->baseMs, 13.0);
    QCOMPARE(tree.pathTo(u"c3"_s)->links, QList<int>({2, 3, 4}));
    QCOMPARE(tree.pathTo(u"h3"_s)->baseMs, 8.0);
    QCOMPARE(tree.pathTo(u"h1"_s)->baseMs, 0.0);
    QVERIFY(tree.pathTo(u"h1"_s)->links.isEmpty());
    QVERIFY(!tree.pathTo(u"n"_s)); // no link reaches the national node here
}

void TestLatencyTargets::pairsAreEveryHubPairThenEachHubsRegion()
{
    const QList<latency::TargetPair> pairs = latency::targetPairs(nodes(), links());
    QStringList got;
    for (const auto &p : pairs)
        got.append(u"%1-%2:%3:%4"_s.arg(p.a, p.b).arg(p.targetMs()).arg(p.links.size()));
    // Hub pairs by id; then h1's region (c1 in its city: 1 ms; c2: 5 ms), then h2's (c3, another city).
    QCOMPARE(got, QStringList({u"h1-h2:20:2"_s, u"h1-h3:20:1"_s, u"h2-h3:20:1"_s, u"h1-c1:1:1"_s, u"h1-c2:5:1"_s,
                               u"h2-c3:5:1"_s}));
    // h2 to h3 goes over their own link (9 ms), not back through h1 (7 + 8).
    QCOMPARE(pairs[2].links, QList<int>{6});
}

void TestLatencyTargets::pathLatencyIsTheSumOfItsLinksOrUnknown()
{
    const latency::TargetPair pair = latency::targetPairs(nodes(), links()).first(); // h1-h2 over links 2, 3
    const auto measured = [](int link) -> std::optional<double> { return link == 2 ? 3.4 : 16.9; };
    QCOMPARE(*latency::pathLatencyMs(pair, measured), 20.3);
    const auto oneDown = [](int link) -> std::optional<double> {
        return link == 3 ? std::nullopt : std::optional(3.0);
    };
    QVERIFY(!latency::pathLatencyMs(pair, oneDown));
    QVERIFY(!latency::pathLatencyMs(latency::TargetPair{u"x"_s, u"y"_s, latency::Scope::Region, {}}, measured));
}

QTEST_GUILESS_MAIN(TestLatencyTargets)
#include "tst_latencytargets.moc"
