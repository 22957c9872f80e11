#include "widgets/map/maphitindex.h"

#include "widgets/map/mapscene.h"
#include "widgets/map/maprenderer.h"
#include "widgets/map/nodesprites.h"

#include <algorithm>

namespace cpn::map {

void MapHitIndex::invalidate()
{
    m_nodesValid = false;
    m_linksValid = false;
}

bool MapHitIndex::nodesCurrent(const geo::MapViewport &viewport, const MapScene &scene) const
{
    return m_nodesValid && m_nodeView == viewport && m_nodesRevision == scene.geometryRevision();
}

void MapHitIndex::prepare(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites)
{
    if (!nodesCurrent(viewport, scene))
        buildNodes(viewport, scene, sprites);
    if (!(m_linksValid && m_linkView == viewport && m_linksRevision == scene.geometryRevision()))
        buildLinks(viewport, scene);
}

void MapHitIndex::buildNodes(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites)
{
    const QRectF bounds = QRectF(QPointF(0, 0), viewport.size()).adjusted(-24, -24, 24, 24);
    m_nodeGrid.reset(bounds, kCellPx);
    m_maxRadius = 0;
    const QList<MapNode> &nodes = scene.nodes();
    for (int i = 0; i < nodes.size(); ++i) {
        if (!nodes[i].shown())
            continue;
        m_nodeGrid.addPoint(i, viewport.toScreen(nodes[i].km));
        m_maxRadius = std::max(m_maxRadius, sprites.outerRadius(nodes[i].role) + kNodeSlackPx);
    }
    m_nodeGrid.build();
    m_nodeView = viewport;
    m_nodesRevision = scene.geometryRevision();
    m_nodesValid = true;
}

void MapHitIndex::buildLinks(const geo::MapViewport &viewport, const MapScene &scene)
{
    const QRectF bounds = QRectF(QPointF(0, 0), viewport.size()).adjusted(-8, -8, 8, 8);
    m_linkGrid.reset(bounds, kCellPx);
    const QList<MapNode> &nodes = scene.nodes();
    const QList<MapLink> &links = scene.links();
    QList<QPointF> polyline;
    for (int i = 0; i < links.size(); ++i) {
        if (!nodes[links[i].a].shown() || !nodes[links[i].b].shown())
            continue;
        MapRenderer::linkPolyline(viewport, scene, i, MapRenderer::drawsStraight(viewport, scene, i), polyline);
        for (qsizetype k = 1; k < polyline.size(); ++k)
            m_linkGrid.addSegment(i, polyline[k - 1], polyline[k]);
    }
    m_linkGrid.build();
    m_linkView = viewport;
    m_linksRevision = scene.geometryRevision();
    m_linksValid = true;
}

int MapHitIndex::nodeAt(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites,
                        const QPointF &screenPoint)
{
    const QList<int> hits = nodesAt(viewport, scene, sprites, screenPoint);
    return hits.isEmpty() ? -1 : hits.constFirst();
}

QList<int> MapHitIndex::nodesAt(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites,
                                const QPointF &screenPoint)
{
    if (!nodesCurrent(viewport, scene))
        buildNodes(viewport, scene, sprites);
    struct Found
    {
        int node;
        int layer; // as MapRenderer draws: industry, cluster, hub, national on top
        double distance;
    };
    QList<Found> found;
    for (const SpatialGrid::Hit &hit : m_nodeGrid.within(screenPoint, m_maxRadius)) {
        // A centre within the largest symbol's reach may still be too far for its own, smaller one.
        const MapNode &node = scene.nodes().at(hit.id);
        if (hit.distance <= sprites.outerRadius(node.role) + kNodeSlackPx)
            found.append({hit.id, 3 - int(node.role), hit.distance});
    }
    // The nearest centre wins, as on neighbouring symbols; centres about as near as it (one spot, a city's
    // nodes) go by what is drawn on top, then the rest by distance.
    std::sort(found.begin(), found.end(), [](const Found &a, const Found &b) { return a.distance < b.distance; });
    constexpr double kSameSpotPx = 2;
    const auto spotEnd = std::find_if(found.begin(), found.end(), [&](const Found &f) {
        return f.distance > found.constFirst().distance + kSameSpotPx;
    });
    std::stable_sort(found.begin(), spotEnd, [](const Found &a, const Found &b) { return a.layer > b.layer; });
    QList<int> nodes;
    for (const Found &f : found)
        nodes.append(f.node);
    return nodes;
}

int MapHitIndex::linkAt(const geo::MapViewport &viewport, const MapScene &scene, const QPointF &screenPoint)
{
    if (!(m_linksValid && m_linkView == viewport && m_linksRevision == scene.geometryRevision()))
        buildLinks(viewport, scene);
    return m_linkGrid.nearest(screenPoint, kLinkSlackPx).id;
}

int MapHitIndex::provinceAt(const geo::MapViewport &viewport, const MapScene &scene,
                            const QPointF &screenPoint) const
{
    return scene.provinceAt(viewport.toKm(screenPoint));
}

} // namespace cpn::map
