#pragma once

#include "geo/mapviewport.h"
#include "widgets/map/spatialgrid.h"

#include <QList>
#include <QPointF>

namespace cpn::map {

class MapScene;
class NodeSprites;

// Answers "what is under the cursor" for the current view through two uniform grids in screen space:
// node positions, and link arcs flattened into the same segments the renderer draws. Grids are rebuilt
// lazily on the first lookup after the view or the data changed (the link grid only when no node is
// hit), so moving the mouse costs a few cell visits, never a scan of everything.
class MapHitIndex
{
public:
    static constexpr double kCellPx = 32;
    static constexpr double kNodeSlackPx = 4;  // beyond the symbol's ring
    static constexpr double kLinkSlackPx = 7;  // a 1-2 px line is hard to hit closer than this

    // The visible node whose symbol (plus slack) contains screenPoint and is drawn on top, or -1.
    int nodeAt(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites,
               const QPointF &screenPoint);
    // Every visible node whose symbol (plus slack) contains screenPoint, the one drawn on top first (the
    // higher role, then the nearer): nodes of one city share a spot.
    QList<int> nodesAt(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites,
                       const QPointF &screenPoint);
    // Nearest visible link within a few pixels of its drawn arc, or -1.
    int linkAt(const geo::MapViewport &viewport, const MapScene &scene, const QPointF &screenPoint);
    // Province under screenPoint (index into scene.provinces()), or -1.
    int provinceAt(const geo::MapViewport &viewport, const MapScene &scene, const QPointF &screenPoint) const;

    void invalidate();
    // Builds both grids now (the benchmark measures lookups, not the build).
    void prepare(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites);

private:
    bool nodesCurrent(const geo::MapViewport &viewport, const MapScene &scene) const;
    void buildNodes(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites);
    void buildLinks(const geo::MapViewport &viewport, const MapScene &scene);

    SpatialGrid m_nodeGrid;
    SpatialGrid m_linkGrid;
    geo::MapViewport m_nodeView;
    geo::MapViewport m_linkView;
    quint64 m_nodesRevision = 0;
    quint64 m_linksRevision = 0;
    bool m_nodesValid = false;
    bool m_linksValid = false;
    double m_maxRadius = 16;
};

} // namespace cpn::map
