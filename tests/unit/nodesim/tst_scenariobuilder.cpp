#include "scenariobuilder.h"

#include "domain/computeid.h"
#include "domain/provinces.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

using namespace cpn;
using namespace cpn::sim;

class TestScenarioBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultHasAllTiers();
    void defaultPlaces_data();
    void defaultPlaces();
    void hierarchyRules_data();
    void hierarchyRules();
    void computeIdsValidAndUnique_data();
    void computeIdsValidAndUnique();
    void linksJoinExistingNodes_data();
    void linksJoinExistingNodes();
    void westIsCheaperAndGreener();
    void syntheticSizeAndSpeed();
    void syntheticIsDeterministic();
    void fromSpec_data();
    void fromSpec();

private:
    static Scenario build(const QString &spec)
    {
        QString error;
        auto s = ScenarioBuilder::fromSpec(spec, 7, &error);
        if (!s)
            qFatal("%s", qPrintable(error));
        return *s;
    }
    static void addScenarioRows()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("default") << QStringLiteral("default");
        QTest::newRow("synthetic:300") << QStringLiteral("synthetic:300");
    }
};

void TestScenarioBuilder::defaultHasAllTiers()
{
    const Scenario s = ScenarioBuilder::defaultNetwork();
    QVERIFY(s.nodes().size() >= 30);
    QMap<NodeRole, int> roles;
    for (const auto &n : s.nodes())
        ++roles[n.role];
    QCOMPARE(roles.value(NodeRole::National), 1);
    QCOMPARE(roles.value(NodeRole::Hub), 8);
    QCOMPARE(roles.value(NodeRole::Cluster), 10);
    QVERIFY(roles.value(NodeRole::Industry) >= 20);
    QCOMPARE(s.national().id, QStringLiteral("national"));
    QVERIFY(s.links().size() >= s.nodes().size() - 1);
}

void TestScenarioBuilder::defaultPlaces_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    // The hub regions and clusters of "East Data West Computing" at their real locations.
    const struct
    {
        const char *id, *role, *parent;
        double lat, lon;
    } rows[] = {
        {"national", "national", "", 39.93, 116.33},      {"bth-hub", "hub", "national", 39.90, 116.40},
        {"yrd-hub", "hub", "national", 31.23, 121.47},    {"gba-hub", "hub", "national", 23.13, 113.26},
        {"cy-hub", "hub", "national", 30.66, 104.07},     {"nm-hub", "hub", "national", 40.84, 111.75},
        {"guizhou-hub", "hub", "national", 26.65, 106.63}, {"gansu-hub", "hub", "national", 36.06, 103.83},
        {"ningxia-hub", "hub", "national", 38.49, 106.23}, {"zhangjiakou", "cluster", "bth-hub", 40.77, 114.88},
        {"yrd-demo-zone", "cluster", "yrd-hub", 31.05, 120.89}, {"wuhu", "cluster", "yrd-hub", 31.33, 118.43},
        {"shaoguan", "cluster", "gba-hub", 24.81, 113.60}, {"tianfu", "cluster", "cy-hub", 30.60, 104.12},
        {"chongqing", "cluster", "cy-hub", 29.70, 106.50}, {"horinger", "cluster", "nm-hub", 40.38, 111.82},
        {"guian", "cluster", "guizhou-hub", 26.40, 106.40}, {"qingyang", "cluster", "gansu-hub", 35.71, 107.64},
        {"zhongwei", "cluster", "ningxia-hub", 37.51, 105.19},
    };
    for (const auto &r : rows)
        QTest::newRow(r.id) << QString::fromLatin1(r.id) << QString::fromLatin1(r.role) << QString::fromLatin1(r.parent)
                            << r.lat << r.lon;
}

void TestScenarioBuilder::defaultPlaces()
{
    QFETCH(QString, id);
    QFETCH(QString, role);
    QFETCH(QString, parent);
    QFETCH(double, lat);
    QFETCH(double, lon);
    const Scenario s = ScenarioBuilder::defaultNetwork();
    const Node *n = s.node(id);
    QVERIFY(n);
    QCOMPARE(toWire(n->role), role);
    QCOMPARE(n->parentId, parent);
    QCOMPARE(n->lat, lat);
    QCOMPARE(n->lon, lon);
    QVERIFY(!n->nameZh.isEmpty());
    QVERIFY(!n->cityZh.isEmpty()); // every city of the default scenario has its Chinese name
}

void TestScenarioBuilder::hierarchyRules_data() { addScenarioRows(); }

void TestScenarioBuilder::hierarchyRules()
{
    QFETCH(QString, spec);
    const Scenario s = build(spec);
    QSet<QString> ids;
    for (const auto &n : s.nodes()) {
        QVERIFY2(!ids.contains(n.id), qPrintable(n.id));
        ids.insert(n.id);
        QVERIFY(provinceByIso(n.province));
        QVERIFY(n.lat >= 18 && n.lat <= 54 && n.lon >= 73 && n.lon <= 135);
        QVERIFY(n.pue >= 1 && n.pue <= 3 && n.greenShare >= 0 && n.greenShare <= 1);
        QVERIFY(n.capacity.cpuCores > 0 && !n.capacity.accelerators.isEmpty());
        for (const auto &pool : n.capacity.accelerators)
            QVERIFY(n.prices.acceleratorHour.value(pool.model) > 0);
        if (n.role == NodeRole::National) {
            QVERIFY(n.parentId.isEmpty());
            QCOMPARE(n.tier, NodeTier::National);
            continue;
        }
        const Node *parent = s.node(n.parentId);
        QVERIFY2(parent, qPrintable(n.id + QStringLiteral(" has no parent ") + n.parentId));
        switch (n.role) {
        case NodeRole::Hub:
            QCOMPARE(parent->role, NodeRole::National);
            QCOMPARE(n.tier, NodeTier::Regional);
            break;
        case NodeRole::Cluster:
            QCOMPARE(parent->role, NodeRole::Hub);
            QCOMPARE(n.tier, NodeTier::Regional);
            break;
        case NodeRole::Industry:
            QCOMPARE(parent->role, NodeRole::Hub);
            QCOMPARE(n.tier, NodeTier::Industry);
            break;
        case NodeRole::National:
            break;
        }
    }
}

void TestScenarioBuilder::computeIdsValidAndUnique_data() { addScenarioRows(); }

void TestScenarioBuilder::computeIdsValidAndUnique()
{
    QFETCH(QString, spec);
    const Scenario s = build(spec);
    QSet<QString> seen;
    for (const auto &n : s.nodes()) {
        QString error;
        const auto parts = computeid::parse(n.computeId, &error);
        QVERIFY2(parts, qPrintable(n.id + QStringLiteral(": ") + error));
        QCOMPARE(parts->tier, n.tier);
        QCOMPARE(parts->provinceCode, provinceByIso(n.province)->gbCode);
        QCOMPARE(parts->sector, n.sector);
        QVERIFY2(!seen.contains(n.computeId), qPrintable(n.computeId));
        seen.insert(n.computeId);
    }
}

void TestScenarioBuilder::linksJoinExistingNodes_data() { addScenarioRows(); }

void TestScenarioBuilder::linksJoinExistingNodes()
{
    QFETCH(QString, spec);
    const Scenario s = build(spec);
    QSet<QString> ids;
    for (const auto &l : s.links()) {
        QVERIFY(!ids.contains(l.id));
        ids.insert(l.id);
        QVERIFY(s.node(l.a) && s.node(l.b) && l.a != l.b);
        QVERIFY(l.capacityGbps > 0 && l.distanceKm >= 0 && l.baseLatencyMs > 0);
    }
    // Every non-national node has a link to its parent.
    for (const auto &n : s.nodes()) {
        if (!n.parentId.isEmpty())
            QVERIFY2(s.link(QStringLiteral("l-%1-%2").arg(n.parentId, n.id)), qPrintable(n.id));
    }
}

void TestScenarioBuilder::westIsCheaperAndGreener()
{
    const Scenario s = ScenarioBuilder::defaultNetwork();
    const Node *west = s.node(QStringLiteral("zhongwei"));
    const Node *east = s.node(QStringLiteral("sh-finance"));
    QVERIFY(west->pue < east->pue);
    QVERIFY(west->greenShare > 0.5 && east->greenShare < 0.5);
    QVERIFY(west->prices.cpuCoreHour < east->prices.cpuCoreHour);
    // Hub to hub ~20 ms, cluster to its hub a few ms.
    const Link *bthGba = s.link(QStringLiteral("l-bth-hub-gba-hub"));
    QVERIFY(bthGba && bthGba->baseLatencyMs > 10 && bthGba->baseLatencyMs < 30);
    const Link *zjk = s.link(QStringLiteral("l-bth-hub-zhangjiakou"));
    QVERIFY(zjk && zjk->kind == LinkKind::Regional && zjk->baseLatencyMs < 5);
}

void TestScenarioBuilder::syntheticSizeAndSpeed()
{
    QElapsedTimer timer;
    timer.start();
    const Scenario s = ScenarioBuilder::synthetic(2000, 42);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(s.nodes().size(), 2000);
    QCOMPARE(s.links().size(), 10000);
    int hubs = 0;
    for (const auto &n : s.nodes())
        hubs += n.role == NodeRole::Hub;
    QCOMPARE(hubs, 40);
}

void TestScenarioBuilder::syntheticIsDeterministic()
{
    const Scenario a = ScenarioBuilder::synthetic(500, 1);
    const Scenario b = ScenarioBuilder::synthetic(500, 1);
    const Scenario c = ScenarioBuilder::synthetic(500, 2);
    QVERIFY(a.nodes() == b.nodes());
    QVERIFY(a.links() == b.links());
    QVERIFY(a.nodes() != c.nodes());
}

void TestScenarioBuilder::fromSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("nodes"); // 0: rejected
    QTest::newRow("default") << "default" << 42;
    QTest::newRow("synthetic") << "synthetic" << 2000;
    QTest::newRow("synthetic:50") << "synthetic:50" << 50;
    QTest::newRow("too small") << "synthetic:1" << 0;
    QTest::newRow("not a number") << "synthetic:lots" << 0;
    QTest::newRow("unknown") << "mars" << 0;
}

void TestScenarioBuilder::fromSpec()
{
    QFETCH(QString, spec);
    QFETCH(int, nodes);
    QString error;
    const auto s = ScenarioBuilder::fromSpec(spec, 1, &error);
    QCOMPARE(s.has_value(), nodes > 0);
    if (s)
        QCOMPARE(s->nodes().size(), nodes);
    else
        QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestScenarioBuilder)
#include "tst_scenariobuilder.moc"
