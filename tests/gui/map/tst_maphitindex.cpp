#include "mapfixture.h"

#include "geo/mapviewport.h"
#include "widgets/map/maphitindex.h"
#include "widgets/map/nodesprites.h"

#include <QApplication>
#include <QLineF>

using namespace cpn;
using namespace cpn::map;

class tst_MapHitIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nearestNodeWithinRadius();
    void colocatedNodesTopFirst();
    void nothingInEmptySea();
    void hiddenNodesAreNotHit();
    void linkUnderCursor();
    void provinceUnderCursor();
    void followsTheView();

private:
    std::unique_ptr<testing::MapFixture> m_fx;
    geo::MapViewport m_view;
    NodeSprites m_sprites;
    MapHitIndex m_hits;
};

void tst_MapHitIndex::init()
{
    m_fx = std::make_unique<testing::MapFixture>();
    m_view = geo::MapViewport(QSizeF(1600, 1000), QPointF(), 1);
    m_view.fit(m_fx->scene->countryKm(), 16);
    m_hits = MapHitIndex();
}

void tst_MapHitIndex::nearestNodeWithinRadius()
{
    const MapScene &scene = *m_fx->scene;
    const int national = scene.nodeIndex(QStringLiteral("national"));
    const QPointF p = m_view.toScreen(scene.nodes().at(national).km);
    QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, p), national);
    QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, p + QPointF(6, -5)), national);
    // Gui'an and Guizhou hub are neighbours: each wins on its own centre.
    for (const QString &id : {QStringLiteral("guian"), QStringLiteral("guizhou-hub")}) {
        const int i = scene.nodeIndex(id);
        QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, m_view.toScreen(scene.nodes().at(i).km)), i);
    }
}

// Beijing's nodes share the national node's spot: the star, drawn on top, is what the cursor finds first,
// and the others are there to be chosen in turn.
void tst_MapHitIndex::colocatedNodesTopFirst()
{
    // Two research clusters in the national node's building.
    QList<Node> nodes = m_fx->nodes;
    const Node &center = *std::find_if(nodes.cbegin(), nodes.cend(),
                                       [](const Node &n) { return n.id == QStringLiteral("national"); });
    for (const QString &id : {QStringLiteral("beijing-research"), QStringLiteral("beijing-finance")}) {
        Node neighbour = center;
        neighbour.id = id;
        neighbour.name = id;
        neighbour.tier = NodeTier::Industry;
        neighbour.role = id.endsWith(QLatin1String("research")) ? NodeRole::Cluster : NodeRole::Industry;
        neighbour.parentId = center.id;
        nodes.append(neighbour);
    }
    m_fx->state->setDirectory(nodes, m_fx->links);
    m_fx->feeder->flush();
    const MapScene &scene = *m_fx->scene;
    const int national = scene.nodeIndex(QStringLiteral("national"));
    const QPointF p = m_view.toScreen(scene.nodes().at(national).km);
    QList<int> colocated;
    for (int i = 0; i < scene.nodes().size(); ++i) {
        if (QLineF(m_view.toScreen(scene.nodes().at(i).km), p).length() < 2.0)
            colocated.append(i);
    }
    QVERIFY(colocated.size() >= 3);
    const QList<int> here = m_hits.nodesAt(m_view, scene, m_sprites, p);
    QCOMPARE(here.constFirst(), national);
    QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, p), national);
    for (int i : colocated)
        QVERIFY(here.contains(i));
    // Then the cluster (drawn above the industry node).
    QCOMPARE(here.at(1), scene.nodeIndex(QStringLiteral("beijing-research")));
}

void tst_MapHitIndex::nothingInEmptySea()
{
    const MapScene &scene = *m_fx->scene;
    const geo::AlbersProjection projection;
    // The Pacific east of Taiwan, and the Bay of Bengal.
    for (const QPointF &lonLat : {QPointF(128.0, 22.0), QPointF(88.0, 15.0)}) {
        const QPointF p = m_view.toScreen(projection.project(lonLat));
        QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, p), -1);
        QCOMPARE(m_hits.provinceAt(m_view, scene, p), -1);
    }
}

void tst_MapHitIndex::hiddenNodesAreNotHit()
{
    m_fx->proxy->setTierFilter(NodeTier::Industry);
    m_fx->feeder->flush();
    const MapScene &scene = *m_fx->scene;
    const int national = scene.nodeIndex(QStringLiteral("national"));
    QVERIFY(!scene.nodes().at(national).visible);
    // A visible neighbour in Beijing may still be within reach; the hidden node itself never is.
    QVERIFY(m_hits.nodeAt(m_view, scene, m_sprites, m_view.toScreen(scene.nodes().at(national).km)) != national);
}

void tst_MapHitIndex::linkUnderCursor()
{
    const MapScene &scene = *m_fx->scene;
    // The national node to the Chengdu-Chongqing hub: a long backbone arc; its middle is on the curve.
    const int link = [&] {
        for (int i = 0; i < scene.links().size(); ++i) {
            const MapLink &l = scene.links()[i];
            const QString a = scene.nodes()[l.a].id, b = scene.nodes()[l.b].id;
            if ((a == u"national" && b == u"chengyu-hub") || (b == u"national" && a == u"chengyu-hub"))
                return i;
        }
        return -1;
    }();
    QVERIFY(link >= 0);
    const MapLink &l = scene.links()[link];
    const QPointF a = m_view.toScreen(scene.nodes()[l.a].km), b = m_view.toScreen(scene.nodes()[l.b].km);
    const QPointF c = m_view.toScreen(l.controlKm);
    const QPointF middle = a * 0.25 + c * 0.5 + b * 0.25;
    QCOMPARE(m_hits.linkAt(m_view, scene, middle), link);
    // The straight chord's middle is off the bowed arc.
    QVERIFY(m_hits.linkAt(m_view, scene, (a + b) / 2) != link);
}

void tst_MapHitIndex::provinceUnderCursor()
{
    const MapScene &scene = *m_fx->scene;
    QVERIFY(scene.hasBasemap());
    const geo::AlbersProjection projection;
    const int sichuan = m_hits.provinceAt(m_view, scene, m_view.toScreen(projection.project(102.5, 30.5)));
    QVERIFY(sichuan >= 0);
    QCOMPARE(scene.provinces().at(sichuan).isoCode, QStringLiteral("CN-SC"));
}

void tst_MapHitIndex::followsTheView()
{
    const MapScene &scene = *m_fx->scene;
    const int national = scene.nodeIndex(QStringLiteral("national"));
    const QPointF before = m_view.toScreen(scene.nodes().at(national).km);
    QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, before), national);
    m_view.panByPixels(QPointF(200, 50));
    QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, before + QPointF(200, 50)), national);
    m_view.zoomAround(before + QPointF(200, 50), 3);
    QCOMPARE(m_hits.nodeAt(m_view, scene, m_sprites, m_view.toScreen(scene.nodes().at(national).km)), national);
}

QTEST_MAIN(tst_MapHitIndex)
#include "tst_maphitindex.moc"
