#pragma once

#include "geo/mapviewport.h"
#include "widgets/map/mapfitlayer.h"
#include "widgets/map/maplabels.h"
#include "widgets/map/mapoverlay.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodesprites.h"

#include <QCoreApplication>
#include <QImage>
#include <QLineF>
#include <QList>

#include <array>
#include <functional>

class QPainter;

namespace cpn::map {

class MapScene;

// What changes from frame to frame without touching the cached layers.
struct MapFrame
{
    int hoverNode = -1;
    int hoverLink = -1;
    int hoverProvince = -1;
    QList<int> selectedNodes;
    // While the user drags or zooms: cached layers are moved and scaled rather than redrawn.
    bool interactive = false;
    // The part of the widget to repaint (a partial paint event); empty: all of it.
    QRectF exposed;
};

// Paints the map onto any QPainter (a widget, a QImage in a test or the benchmark) in layers:
//   1. basemap and province shading, cached as an image (rebuilt when the basemap, the shading, the
//      view, the size or the device pixel ratio change);
//   2. links drawn over a copy of that image, cached (rebuilt when link data, visibility or the view
//      change) - one opaque blit per frame carries both;
//   3. the South China Sea inset, cached at its fixed place;
//   4. nodes as pre-rendered sprites and names as QStaticText, every frame;
//   5. hover and selection highlights and the overlay, every frame;
//   while a workload is dragged over the map, its fit shading (cached per view) goes between 3 and 4
//   and the fit label under the cursor on top.
// While the view is moving, layers 1-2 are drawn transformed from their cache, and redrawn once the
// widget says the movement settled (MapFrame::interactive).
class MapRenderer
{
    Q_DECLARE_TR_FUNCTIONS(cpn::map::MapRenderer)

public:
    // Below this scale (px/km), access links are straight lines: at national zoom they are a few
    // pixels long and the curve is not visible anyway.
    static constexpr double kAccessArcScale = 0.5;
    static constexpr int kLinkColorSteps = style::kLinkColorSteps; // one pen and one drawLines() call each

    MapRenderer();

    void paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene, const MapFrame &frame);
    // Bigger symbols, names and overlay (wall mode).
    void setTextScale(double scale);
    // Drops every cache (tests and the benchmark's "new data" frame use scene revisions instead).
    void invalidate();

    MapOverlay &overlay() { return m_overlay; }
    NodeSprites &sprites() { return m_sprites; }
    const NodeSprites &sprites() const { return m_sprites; }
    MapLabels &labels() { return m_labels; }
    // The fit shading of a workload being dragged over the map (inactive otherwise: no cost).
    MapFitLayer &fitLayer() { return m_fit; }
    const MapFitLayer &fitLayer() const { return m_fit; }
    // The inset's rectangle in widget coordinates (empty before the first frame).
    QRectF insetRect() const { return m_insetRect; }

    // The screen polyline of a link's arc at this view, as drawn (hit index and highlights use it).
    static void linkPolyline(const geo::MapViewport &viewport, const MapScene &scene, int link, bool straight,
                             QList<QPointF> &out);
    static bool drawsStraight(const geo::MapViewport &viewport, const MapScene &scene, int link);

    // Layer rebuild counts, for tests and --fps.
    int baseBuilds() const { return m_baseBuilds; }
    int linkBuilds() const { return m_linkBuilds; }

private:
    struct Layer
    {
        QImage image;
        geo::MapViewport view;
        quint64 key1 = 0;
        quint64 key2 = 0;
        bool valid = false;
    };
    bool layerUsable(const Layer &layer, const geo::MapViewport &viewport) const;
    void rebuildBase(const geo::MapViewport &viewport, const MapScene &scene);
    void rebuildLinks(const geo::MapViewport &viewport, const MapScene &scene);
    // The links of a view as line segments grouped by pen, computed once and painted per band.
    struct LinkBatch
    {
        std::array<std::array<QList<QLineF>, kLinkColorSteps + 1>, 3> buckets; // [width class][colour]
        std::array<QList<QLineF>, kLinkColorSteps + 1> chevrons;
        QList<QLineF> down;
        bool dense = false;
    };
    LinkBatch batchLinks(const geo::MapViewport &viewport, const MapScene &scene) const;
    static void paintLinks(QPainter &painter, QImage &slice, int top, const LinkBatch &batch);
    void drawBasemap(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                     bool insetStyle) const;
    // The basemap in three parts: under the provinces, their fills, and the lines over them.
    static void drawSeaAndGraticule(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene);
    static void drawProvinceFills(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                  const std::function<QColor(int, const QString &)> &fillOf);
    static void drawBasemapLines(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                 bool insetStyle);
    void rebuildBaseParts(const geo::MapViewport &viewport, const MapScene &scene);
    void rebuildInset(const geo::MapViewport &viewport, const MapScene &scene);
    void drawNodes(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                   const QRectF &exposed);
    void drawHighlights(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                        const MapFrame &frame);
    void drawLayerTransformed(QPainter &painter, const Layer &layer, const geo::MapViewport &viewport) const;

    Layer m_base;  // keys: basemap revision, shading revision
    // Per view and basemap, so that new shading only recolours: sea and graticule (the Layer's image),
    // which province owns each pixel (its index + 1 in the low bits, 0 for none), and the outlines.
    Layer m_baseParts; // key: basemap revision
    QImage m_provinceMap;
    QImage m_baseLines;
    Layer m_links; // keys: links revision, base generation
    Layer m_inset; // keys: basemap revision, shading revision
    QRectF m_insetRect;
    quint64 m_baseGeneration = 0;
    NodeSprites m_sprites;
    MapLabels m_labels;
    MapOverlay m_overlay;
    MapFitLayer m_fit;
    QList<int> m_drawOrder; // industry first, national last
    quint64 m_drawOrderRevision = 0;
    double m_textScale = 1.0;
    int m_baseBuilds = 0;
    int m_linkBuilds = 0;
};

} // namespace cpn::map
