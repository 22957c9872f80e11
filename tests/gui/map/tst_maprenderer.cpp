#include "mapfixture.h"

#include "geo/mapviewport.h"
#include "itemmodels/federationsummary.h"
#include "widgets/map/maprenderer.h"
#include "widgets/map/mapstyle.h"
#include "widgets/statuscolors.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <atomic>
#include <thread>

using namespace cpn;
using namespace cpn::map;

class tst_MapRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void tierColourAtNodes();
    void provincesAndSea();
    void staticLayersAreCached();
    void interactiveFramesReuseLayers();
    void hiddenNodesAreNotDrawn();
    void drawsWithoutBasemap();
    void linkLayerStaysWhenNoLinkLooksDifferent();
    void newDataIsComposedInTheBackground();
    void theInsetFollowsTheShading();
    void overlayPanelsAreDrawnWhenTheyChange();
    void alarmsRingNodesAndCaseLinks();
    void alarmSeveritiesOutliveANewDirectory();
    void blinkIsDrawnOnlyInItsHalfAndItsRegion();

private:
    QImage render(const MapFrame &frame = {});
    // True when some pixel within `radius` of p is within `tolerance` of the colour.
    static bool hasColourNear(const QImage &image, const QPointF &p, const QColor &colour, int radius = 1,
                              int tolerance = 24);

    std::unique_ptr<testing::MapFixture> m_fx;
    geo::MapViewport m_view;
    std::unique_ptr<MapRenderer> m_renderer;
};

void tst_MapRenderer::init()
{
    m_fx = std::make_unique<testing::MapFixture>();
    m_view = geo::MapViewport(QSizeF(1600, 1000), QPointF(), 1);
    m_view.fit(m_fx->scene->countryKm(), 16);
    m_renderer = std::make_unique<MapRenderer>();
}

QImage tst_MapRenderer::render(const MapFrame &frame)
{
    QImage image(m_view.size().toSize(), QImage::Format_RGB32);
    QPainter painter(&image);
    m_renderer->paint(painter, m_view, *m_fx->scene, frame);
    return image;
}

bool tst_MapRenderer::hasColourNear(const QImage &image, const QPointF &p, const QColor &colour, int radius,
                                    int tolerance)
{
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint q(int(std::floor(p.x())) + dx, int(std::floor(p.y())) + dy);
            if (!image.rect().contains(q))
                continue;
            const QColor c = image.pixelColor(q);
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance
                && std::abs(c.blue() - colour.blue()) <= tolerance)
                return true;
        }
    }
    return false;
}

void tst_MapRenderer::tierColourAtNodes()
{
    const QImage image = render();
    const MapScene &scene = *m_fx->scene;
    const auto at = [&](const char *id) { return m_view.toScreen(scene.nodes().at(scene.nodeIndex(QString::fromLatin1(id))).km); };
    QVERIFY2(hasColourNear(image, at("national"), style::tierColor(NodeTier::National)), "gold star of the national node");
    QVERIFY2(hasColourNear(image, at("guizhou-hub"), style::tierColor(NodeTier::Regional)), "cyan mark of a hub");
    QVERIFY2(hasColourNear(image, at("horinger"), style::tierColor(NodeTier::Regional)), "cyan mark of a cluster");
    // The symbol's body around the mark is the status colour (all online in the sample).
    const int hub = scene.nodeIndex(QStringLiteral("gba-hub"));
    const QPointF p = m_view.toScreen(scene.nodes().at(hub).km);
    QVERIFY2(hasColourNear(image, p + QPointF(0, 5.5), style::statusColor(DisplayStatus::Online), 1, 30),
             "green body of an online hub");
}

void tst_MapRenderer::provincesAndSea()
{
    const QImage image = render();
    const geo::AlbersProjection projection;
    // Xinjiang has no node in the sample: land colour. The Pacific east of Taiwan: sea.
    QVERIFY(hasColourNear(image, m_view.toScreen(projection.project(84.0, 41.0)), style::kLand, 0, 2));
    QVERIFY(hasColourNear(image, m_view.toScreen(projection.project(128.5, 27.0)), style::kSea, 0, 2));
    // Guizhou hosts nodes: shaded by utilization, not plain land.
    const QPointF guizhou = m_view.toScreen(projection.project(107.8, 27.2));
    QVERIFY(m_fx->scene->provinceFill(QStringLiteral("CN-GZ")).isValid());
    QVERIFY(!hasColourNear(image, guizhou, style::kLand, 0, 2));
}

void tst_MapRenderer::staticLayersAreCached()
{
    render();
    QCOMPARE(m_renderer->baseBuilds(), 1);
    QCOMPARE(m_renderer->linkBuilds(), 1);
    render(MapFrame{3, -1, -1, {}, false, {}}); // a hover: nothing rebuilt
    render();
    QCOMPARE(m_renderer->baseBuilds(), 1);
    QCOMPARE(m_renderer->linkBuilds(), 1);
    // New data: the links layer follows; the basemap only if the shading's colours moved.
    m_fx->tick(1);
    render();
    QCOMPARE(m_renderer->linkBuilds(), 2);
    QVERIFY(m_renderer->baseBuilds() <= 2);
    // A new view redraws both.
    m_view.zoomAround(QPointF(800, 500), 1.5);
    const int base = m_renderer->baseBuilds();
    render();
    QCOMPARE(m_renderer->baseBuilds(), base + 1);
    QCOMPARE(m_renderer->linkBuilds(), 3);
}

void tst_MapRenderer::interactiveFramesReuseLayers()
{
    render();
    MapFrame moving;
    moving.interactive = true;
    m_view.panByPixels(QPointF(40, 25));
    const QImage panned = render(moving);
    m_view.zoomAround(QPointF(600, 400), 1.3);
    render(moving);
    QCOMPARE(m_renderer->baseBuilds(), 1);
    QCOMPARE(m_renderer->linkBuilds(), 1);
    // Nodes are drawn at the new view even while the layers are only moved.
    const MapScene &scene = *m_fx->scene;
    m_view.zoomAround(QPointF(600, 400), 1 / 1.3);
    const QImage again = render(moving);
    QVERIFY(hasColourNear(again, m_view.toScreen(scene.nodes().at(scene.nodeIndex(QStringLiteral("national"))).km),
                          style::tierColor(NodeTier::National)));
    // Settled: redrawn once.
    render();
    QCOMPARE(m_renderer->baseBuilds(), 2);
    QCOMPARE(m_renderer->linkBuilds(), 2);
    Q_UNUSED(panned);
}

void tst_MapRenderer::hiddenNodesAreNotDrawn()
{
    m_fx->proxy->setTierFilter(NodeTier::Industry);
    m_fx->feeder->flush();
    const QImage image = render();
    const MapScene &scene = *m_fx->scene;
    const QPointF p = m_view.toScreen(scene.nodes().at(scene.nodeIndex(QStringLiteral("national"))).km);
    QVERIFY(!hasColourNear(image, p, style::tierColor(NodeTier::National), 2, 24));
}

void tst_MapRenderer::drawsWithoutBasemap()
{
    testing::MapFixture bare(false);
    QVERIFY(!bare.scene->hasBasemap());
    QImage image(m_view.size().toSize(), QImage::Format_RGB32);
    QPainter painter(&image);
    MapRenderer renderer;
    renderer.paint(painter, m_view, *bare.scene, {});
    painter.end();
    const QPointF p = m_view.toScreen(bare.scene->nodes().at(bare.scene->nodeIndex(QStringLiteral("national"))).km);
    QVERIFY(hasColourNear(image, p, style::tierColor(NodeTier::National)));
}

// The links layer (about 10,000 links at 2,000 nodes) is redrawn only when a link's drawn look moved,
// not at every sample.
void tst_MapRenderer::linkLayerStaysWhenNoLinkLooksDifferent()
{
    LinkSamplesByRow samples = testing::sampleLinkRows(m_fx->links, m_fx->clock->nowMs(), 1);
    QVERIFY(!samples.isEmpty());
    m_fx->scene->setLinkSamples(samples);
    const quint64 before = m_fx->scene->linksRevision();
    for (std::optional<LinkSample> &s : samples)
        s->tsMs += 1000; // newer samples, same figures
    m_fx->scene->setLinkSamples(samples);
    QCOMPARE(m_fx->scene->linksRevision(), before);

    const MapLink &link = m_fx->scene->links().constFirst();
    LinkSample &changed = *samples[link.row];
    changed.tsMs += 1000;
    changed.abGbps = link.capacityGbps * (link.utilization() < 0.5 ? 0.99 : 0.01); // another load colour
    m_fx->scene->setLinkSamples(samples);
    QVERIFY(m_fx->scene->linksRevision() > before);
}

// With a ready callback, new data at the view shown is composed on a worker thread, shown by the
// next paint after the worker says so; an image composed for a view that moved meanwhile is dropped.
void tst_MapRenderer::newDataIsComposedInTheBackground()
{
    const std::thread::id uiThread = std::this_thread::get_id();
    std::atomic<int> ready{0};
    std::atomic<bool> offThread{true};
    m_renderer->setLayerReadyCallback([&] {
        offThread = offThread && std::this_thread::get_id() != uiThread;
        ++ready;
    });
    render(); // a first frame: composed at once
    QCOMPARE(m_renderer->linkBuilds(), 1);
    QVERIFY(!m_renderer->composeInBackground(m_view, *m_fx->scene)); // nothing moved

    m_fx->tick(1);
    const MapScene &scene = *m_fx->scene;
    QVERIFY(m_renderer->composeInBackground(m_view, scene));
    QTRY_COMPARE(ready.load(), 1);
    QVERIFY(offThread);
    QCOMPARE(m_renderer->linkBuilds(), 1); // shown by the next paint, not before
    render();
    QCOMPARE(m_renderer->linkBuilds(), 2);
    QVERIFY(!m_renderer->composeInBackground(m_view, scene));

    m_fx->tick(2);
    QVERIFY(m_renderer->composeInBackground(m_view, scene));
    QTRY_COMPARE(ready.load(), 2);
    m_view.zoomAround(QPointF(800, 500), 1.5);
    const QImage zoomed = render();
    QCOMPARE(m_renderer->linkBuilds(), 3); // the new view composed now, the worker's image dropped
    QVERIFY(hasColourNear(zoomed, m_view.toScreen(scene.nodes().at(scene.nodeIndex(QStringLiteral("national"))).km),
                          style::tierColor(NodeTier::National)));
    QCOMPARE(ready.load(), 2);
}

// The inset is recoloured with the basemap when the shading moves, and keeps its frame and title.
void tst_MapRenderer::theInsetFollowsTheShading()
{
    const auto landPixels = [](const QImage &image) {
        int count = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                count += image.pixelColor(x, y).rgb() == style::kLand.rgb() ? 1 : 0;
        return count;
    };
    const QImage shaded = render();
    const QRect inset = m_renderer->insetRect().toAlignedRect();
    QVERIFY(!inset.isEmpty());
    QVERIFY(m_fx->scene->provinceFill(QStringLiteral("CN-GD")).isValid()); // in the inset, and shaded
    m_fx->scene->setShadingMetric(ShadingMetric::None);
    m_fx->scene->recomputeAggregates();
    const QImage plain = render();
    QVERIFY(landPixels(plain.copy(inset)) > landPixels(shaded.copy(inset)) + 50);
    // The frame's border is drawn over the fills in both.
    const QPoint border(inset.center().x(), inset.top());
    QVERIFY(hasColourNear(shaded, border, style::kPanelBorder.lighter(130), 1, 40));
    QVERIFY(hasColourNear(plain, border, style::kPanelBorder.lighter(130), 1, 40));
}

// The totals and the legend are drawn into images once, then blitted, until what they show changes;
// new totals that come with new data are drawn with the data's image, not by the frame.
void tst_MapRenderer::overlayPanelsAreDrawnWhenTheyChange()
{
    MapOverlay &overlay = m_renderer->overlay();
    overlay.setSummary(FederationSummary::compute(*m_fx->state), m_fx->clock->nowMs(), 1000);
    const QImage first = render();
    const int drawn = overlay.panelDraws();
    const QImage again = render(MapFrame{3, -1, -1, {}, false, {}}); // a hover
    QCOMPARE(overlay.panelDraws(), drawn);
    const QRect totals = overlay.totalsRect().toAlignedRect();
    QCOMPARE(again.copy(totals), first.copy(totals));
    m_fx->tick(1);
    overlay.setSummary(FederationSummary::compute(*m_fx->state), m_fx->clock->nowMs(), 1000);
    const QImage next = render();
    QVERIFY(next.copy(totals) != first.copy(totals)); // the new totals are on screen
    QCOMPARE(overlay.panelDraws(), drawn);              // drawn with the data; the legend did not move
    overlay.setSummary(FederationSummary::compute(*m_fx->state), m_fx->clock->nowMs() + 5000, 1000);
    render(); // totals without new data: drawn by the frame
    QCOMPARE(overlay.panelDraws(), drawn + 1);
    m_fx->scene->setShadingMetric(ShadingMetric::Price);
    m_fx->scene->recomputeAggregates();
    render();
    QCOMPARE(overlay.panelDraws(), drawn + 2); // the legend's scale
}

namespace {

// The longest link of the scene at this view (its middle is far from every node), and that middle.
int longestLink(const geo::MapViewport &view, const MapScene &scene, QPointF *middle)
{
    int best = -1;
    double bestLength = 0;
    QList<QPointF> polyline;
    for (int i = 0; i < scene.links().size(); ++i) {
        MapRenderer::linkPolyline(view, scene, i, MapRenderer::drawsStraight(view, scene, i), polyline);
        const double length = QLineF(polyline.constFirst(), polyline.constLast()).length();
        if (length > bestLength) {
            bestLength = length;
            best = i;
            *middle = polyline.size() > 2 ? polyline.at(polyline.size() / 2)
                                          : (polyline.constFirst() + polyline.constLast()) / 2;
        }
    }
    return best;
}

} // namespace

// Each node and link with an alarm that needs attention shows its worst severity: a ring around the
// symbol, a casing under the link, in the severity's colour; only a change recomposes the data.
void tst_MapRenderer::alarmsRingNodesAndCaseLinks()
{
    MapScene &scene = *m_fx->scene;
    const QString nodeId = QStringLiteral("guizhou-hub");
    const MapNode &node = scene.nodes().at(scene.nodeIndex(nodeId));
    const double r = m_renderer->sprites().haloRadius(node.role);
    const QPointF ring = m_view.toScreen(node.km) + QPointF(0, -r); // twelve o'clock
    QPointF middle;
    const int link = longestLink(m_view, scene, &middle);
    QVERIFY(link >= 0);
    const QColor critical = colors::alarmSeverity(Alarm::Severity::Critical);
    const QColor major = colors::alarmSeverity(Alarm::Severity::Major);

    const QImage calm = render();
    QVERIFY(!hasColourNear(calm, ring, critical, 1, 20));
    QVERIFY(!hasColourNear(calm, middle, major, 3, 20));

    const quint64 nodesBefore = scene.nodesRevision();
    const quint64 linksBefore = scene.linksRevision();
    scene.setAlarmSeverities({{nodeId, Alarm::Severity::Critical}},
                             {{scene.links().at(link).id, Alarm::Severity::Major}});
    QVERIFY(scene.nodesRevision() > nodesBefore);
    QVERIFY(scene.linksRevision() > linksBefore);
    QVERIFY(scene.nodes().at(scene.nodeIndex(nodeId)).alarm == Alarm::Severity::Critical);
    const QImage alarmed = render();
    QVERIFY2(hasColourNear(alarmed, ring, critical, 1, 20), "a ring in the critical colour around the hub");
    QVERIFY2(hasColourNear(alarmed, middle, major, 3, 20), "a casing in the major colour under the link");

    // The same severities again: nothing to recompose.
    const quint64 nodesNow = scene.nodesRevision();
    const quint64 linksNow = scene.linksRevision();
    scene.setAlarmSeverities({{nodeId, Alarm::Severity::Critical}},
                             {{scene.links().at(link).id, Alarm::Severity::Major}});
    QCOMPARE(scene.nodesRevision(), nodesNow);
    QCOMPARE(scene.linksRevision(), linksNow);

    // Acknowledged or cleared: gone.
    scene.setAlarmSeverities({}, {});
    const QImage cleared = render();
    QVERIFY(!hasColourNear(cleared, ring, critical, 1, 20));
    QVERIFY(!hasColourNear(cleared, middle, major, 3, 20));
}

// The feeder replaces the nodes when the directory changes: the alarms stay on them.
void tst_MapRenderer::alarmSeveritiesOutliveANewDirectory()
{
    MapScene &scene = *m_fx->scene;
    const QString linkId = scene.links().constFirst().id;
    scene.setAlarmSeverities({{QStringLiteral("guian"), Alarm::Severity::Minor}},
                             {{linkId, Alarm::Severity::Warning}});
    QList<MapNode> nodes = scene.nodes();
    for (MapNode &n : nodes)
        n.alarm.reset();
    scene.setNodes(nodes);
    QVERIFY(scene.nodes().at(scene.nodeIndex(QStringLiteral("guian"))).alarm == Alarm::Severity::Minor);
    QVERIFY(scene.links().at(scene.linkIndex(linkId)).alarm == Alarm::Severity::Warning);
    QVERIFY(!scene.nodes().at(scene.nodeIndex(QStringLiteral("national"))).alarm);
}

// A blinking source is drawn bright in the "on" half only, over the cached layers (no recomposition),
// and the region a blink repaints is the sources' own, not the map.
void tst_MapRenderer::blinkIsDrawnOnlyInItsHalfAndItsRegion()
{
    MapScene &scene = *m_fx->scene;
    const QString nodeId = QStringLiteral("guizhou-hub");
    const MapNode &node = scene.nodes().at(scene.nodeIndex(nodeId));
    const QPointF blinkRing =
        m_view.toScreen(node.km) + QPointF(0, -(m_renderer->sprites().haloRadius(node.role) + 2));
    const QColor critical = colors::alarmSeverity(Alarm::Severity::Critical);
    scene.setBlinking({nodeId}, {});
    render();
    const int builds = m_renderer->linkBuilds();
    MapFrame on;
    on.blinkOn = true;
    QVERIFY(hasColourNear(render(on), blinkRing, critical, 1, 20));
    QVERIFY(!hasColourNear(render(), blinkRing, critical, 1, 20));
    QCOMPARE(m_renderer->linkBuilds(), builds);

    const QRect region = m_renderer->blinkRegion(m_view, scene).boundingRect();
    QVERIFY(region.contains(blinkRing.toPoint()));
    QVERIFY(region.width() * region.height() < 80 * 80);
    scene.setBlinking({}, {});
    QVERIFY(m_renderer->blinkRegion(m_view, scene).isEmpty());
}

QTEST_MAIN(tst_MapRenderer)
#include "tst_maprenderer.moc"
