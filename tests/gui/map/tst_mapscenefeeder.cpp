#include "mapfixture.h"

#include <QSignalSpy>

using namespace cpn;
using namespace cpn::map;

class tst_MapSceneFeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void projectsOnceWithDirectory();
    void burstCoalescesIntoOneChange();
    void filterDrivesVisibility();
    void shadingOnlyBumpsOnColourChange();
    void provinceAggregates();

private:
    std::unique_ptr<testing::MapFixture> m_fx;
};

void tst_MapSceneFeeder::init()
{
    m_fx = std::make_unique<testing::MapFixture>();
}

void tst_MapSceneFeeder::projectsOnceWithDirectory()
{
    const MapScene &scene = *m_fx->scene;
    QCOMPARE(scene.nodes().size(), m_fx->nodes.size());
    QCOMPARE(scene.links().size(), m_fx->links.size());
    const quint64 structure = scene.structureRevision();
    const QPointF beijing = scene.nodes().at(scene.nodeIndex(QStringLiteral("national"))).km;
    m_fx->tick(1); // samples only: states change, positions and structure do not
    QCOMPARE(scene.structureRevision(), structure);
    QCOMPARE(scene.nodes().at(scene.nodeIndex(QStringLiteral("national"))).km, beijing);
    QVERIFY(scene.nodes().at(0).hasSample);
}

void tst_MapSceneFeeder::burstCoalescesIntoOneChange()
{
    QSignalSpy changed(m_fx->feeder.get(), &MapSceneFeeder::sceneChanged);
    for (int t = 1; t <= 5; ++t) {
        m_fx->clock->advance(1000);
        m_fx->state->ingestSamples(testing::sampleTick(m_fx->nodes, m_fx->clock->nowMs(), t));
        m_fx->state->refresh();
    }
    QCOMPARE(changed.size(), 0); // nothing until the coalescing timer fires
    QTRY_COMPARE(changed.size(), 1);
    QTest::qWait(100);
    QCOMPARE(changed.size(), 1);
}

void tst_MapSceneFeeder::filterDrivesVisibility()
{
    m_fx->proxy->setTierFilter(NodeTier::Regional);
    m_fx->feeder->flush();
    for (const MapNode &node : m_fx->scene->nodes())
        QCOMPARE(node.visible, node.tier == NodeTier::Regional);
    m_fx->proxy->setTierFilter(std::nullopt);
    m_fx->proxy->setProvinceFilter(QStringLiteral("CN-GZ"));
    m_fx->feeder->flush();
    for (const MapNode &node : m_fx->scene->nodes())
        QCOMPARE(node.visible, node.province == u"CN-GZ");
}

void tst_MapSceneFeeder::shadingOnlyBumpsOnColourChange()
{
    MapScene &scene = *m_fx->scene;
    const quint64 before = scene.shadingRevision();
    scene.recomputeAggregates(); // same data, same colours
    QCOMPARE(scene.shadingRevision(), before);
    scene.setShadingMetric(ShadingMetric::FreeAccelerators);
    QVERIFY(scene.shadingRevision() > before);
    scene.setShadingMetric(ShadingMetric::None);
    QVERIFY(!scene.provinceFill(QStringLiteral("CN-GZ")).isValid());
}

void tst_MapSceneFeeder::provinceAggregates()
{
    const MapScene &scene = *m_fx->scene;
    const ProvinceAggregate guizhou = scene.aggregates().value(QStringLiteral("CN-GZ"));
    int nodes = 0, total = 0;
    for (const Node &n : m_fx->nodes) {
        if (n.province == u"CN-GZ") {
            ++nodes;
            total += n.capacity.acceleratorCount();
        }
    }
    QCOMPARE(guizhou.nodes, nodes);
    QCOMPARE(guizhou.reporting, nodes);
    QCOMPARE(guizhou.acceleratorsTotal, total);
    QVERIFY(guizhou.utilization > 0 && guizhou.utilization < 1);
    QVERIFY(guizhou.cheapestAcceleratorHour.has_value());
}

QTEST_MAIN(tst_MapSceneFeeder)
#include "tst_mapscenefeeder.moc"
