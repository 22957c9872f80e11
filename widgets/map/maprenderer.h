#pragma once

#include "geo/mapviewport.h"
#include "widgets/map/mapfitlayer.h"
#include "widgets/map/maplatencylayer.h"
#include "widgets/map/maplabels.h"
#include "widgets/map/mapoverlay.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodegroups.h"
#include "widgets/map/nodesprites.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QRegion>

#include <array>
#include <functional>
#include <future>
#include <thread>

class QPainter;
class QPainterPath;

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
    // The "on" half of the blink of the scene's blinking sources (MapScene::setBlinking).
    bool blinkOn = false;
};

// Paints the map onto any QPainter (a widget, a QImage in a test or the benchmark) in layers:
//   1. basemap and province shading: its parts cached per view, recoloured when the shading moves;
//   2. links over it (the links image);
//   3. the South China Sea inset at its fixed place, its parts cached and recoloured like the basemap's;
//   4. nodes as pre-rendered sprites; 1-4 together are the data image, one opaque blit per frame;
//   5. names, hover and selection highlights and the overlay, every frame.
//   While a workload is dragged over the map, its fit shading (cached per view) goes between 3 and 4
//   (the links image, the inset, the fit, then nodes drawn per frame) and the fit label on top.
// While the view is moving, the links image is drawn transformed with nodes drawn per frame, and
// everything is redrawn once the widget says the movement settled (MapFrame::interactive).
// When only the data moved (same view), the data image is composed on a worker thread if the owner
// asked for it (setLayerReadyCallback): the UI thread shows the previous image until the new one is
// ready, a few milliseconds later, and is told so to repaint. A new view is composed at once.
class MapRenderer
{
    Q_DECLARE_TR_FUNCTIONS(cpn::map::MapRenderer)

public:
    // Below this scale (px/km), access links are straight lines: at national zoom they are a few
    // pixels long and the curve is not visible anyway.
    static constexpr double kAccessArcScale = 0.5;
    static constexpr int kLinkColorSteps = style::kLinkColorSteps; // one pen and one drawLines() call each

    MapRenderer();
    ~MapRenderer();
    MapRenderer(const MapRenderer &) = delete;
    MapRenderer &operator=(const MapRenderer &) = delete;

    void paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene, const MapFrame &frame);
    // Bigger symbols, names and overlay (wall mode).
    void setTextScale(double scale);
    // Drops every cache (tests and the benchmark's "new data" frame use scene revisions instead).
    void invalidate();
    // Composes new data images off the UI thread and calls `ready` (from the worker thread) when one
    // can be shown; without a callback (the default) every image is composed in paint().
    void setLayerReadyCallback(std::function<void()> ready);
    // After the scene's data moved: starts composing it off the UI thread when the view is the one
    // shown, and says so (the ready callback asks for the repaint); false: repaint now.
    bool composeInBackground(const geo::MapViewport &viewport, const MapScene &scene);
    // A data image is being composed, or waits to be shown by the repaint it asked for.
    bool isComposing() const { return m_job.valid(); }

    MapOverlay &overlay() { return m_overlay; }
    NodeSprites &sprites() { return m_sprites; }
    const NodeSprites &sprites() const { return m_sprites; }
    MapLabels &labels() { return m_labels; }
    // The fit shading of a workload being dragged over the map (inactive otherwise: no cost).
    MapFitLayer &fitLayer() { return m_fit; }
    MapLatencyLayer &latencyLayer() { return m_latency; }
    const MapLatencyLayer &latencyLayer() const { return m_latency; }
    const MapFitLayer &fitLayer() const { return m_fit; }
    // The inset's rectangle in widget coordinates (empty before the first frame).
    QRectF insetRect() const { return m_insetRect; }

    // The screen polyline of a link's arc at this view, as drawn (hit index and highlights use it).
    static void linkPolyline(const geo::MapViewport &viewport, const MapScene &scene, int link, bool straight,
                             QList<QPointF> &out);
    static bool drawsStraight(const geo::MapViewport &viewport, const MapScene &scene, int link);
    // Where the blinking sources are drawn in widget coordinates: the only part a blink repaints.
    QRegion blinkRegion(const geo::MapViewport &viewport, const MapScene &scene) const;

    // Layer rebuild counts, for tests and --fps: basemap recolourings and data images shown.
    int baseBuilds() const { return m_baseBuilds; }
    int linkBuilds() const { return m_linkBuilds; }

private:
    // What a data image shows; a different key means it is out of date.
    struct DataKeys
    {
        quint64 links = 0;
        quint64 nodes = 0;
        quint64 basemap = 0;
        quint64 shading = 0;
        quint64 inset = 0;
        friend bool operator==(const DataKeys &, const DataKeys &) = default;
    };
    // A basemap in parts, drawn once per view, so that new shading is a recolouring by province
    // rather than a redraw of every path: sea and graticule, which province owns each pixel (its
    // index + 1 in the low bits, 0 for none), and the lines over the fills.
    struct ShadedParts
    {
        QImage under, provinceMap, lines;
        geo::MapViewport view; // drawn at
        quint64 basemap = 0;   // the basemap's revision
        bool valid = false;
    };
    // The parts with each province filled in its colour (`fills` by province index), on any thread.
    static QImage shade(const ShadedParts &parts, const QList<QRgb> &fills, QImage::Format format);
    // Everything composing a data image needs, as values a worker thread can own.
    struct DataJob
    {
        geo::MapViewport viewport;
        DataKeys keys;
        quint64 generation = 0;
        QImage base;            // the shaded basemap, or null: shade it from the parts
        ShadedParts baseParts;  // the basemap's parts at this view
        QImage inset;           // the shaded inset, or null: shade it from its parts (none: no inset)
        ShadedParts insetParts;
        QPointF insetAt;
        QList<QRgb> fills;      // by province index
        QList<MapNode> nodes;
        QList<MapLink> links;
        QList<NodeGroup> groups;
        QList<QImage> groupImages; // by group, drawn on the UI thread (the cache is not shared)
        QList<GroupLink> groupLinks;
        QList<int> drawOrder;
        NodeSprites sprites;
        MapOverlay overlay; // its totals panel is drawn with the data
    };
    struct DataImages
    {
        geo::MapViewport view;
        DataKeys keys;
        quint64 generation = 0;
        QImage base;  // shaded basemap
        QImage inset; // shaded inset
        QImage links; // base and links
        QImage data;  // links, inset and nodes
        MapOverlay::Panel totals;
        bool recoloured = false;
        bool valid = false;
    };
    static DataImages compose(DataJob job); // on any thread
    // Before a frame or a composition: sprites at the view's pixel ratio, the inset, a finished job.
    void prepare(const geo::MapViewport &viewport, const MapScene &scene);
    DataJob makeJob(const geo::MapViewport &viewport, const MapScene &scene, const DataKeys &keys);
    DataKeys keysOf(const MapScene &scene) const;
    bool showsView(const geo::MapViewport &viewport) const;
    // Brings the data images up to date with the scene at this view (or starts the worker on it).
    void updateData(const geo::MapViewport &viewport, const MapScene &scene);
    void startJob(const geo::MapViewport &viewport, const MapScene &scene, const DataKeys &keys);
    void adopt(DataImages images);
    void adoptFinishedJob(const geo::MapViewport &viewport);
    void waitForJob();
    const QList<int> &drawOrder(const MapScene &scene);

    // The links of a view as line segments grouped by pen, computed once and painted per band.
    struct LinkBatch
    {
        std::array<std::array<QList<QLineF>, kLinkColorSteps + 1>, 3> buckets; // [width class][colour]
        std::array<QList<QLineF>, kLinkColorSteps + 1> chevrons;
        QList<QLineF> down;
        std::array<QList<QLineF>, 5> alarmCasings; // by Alarm::Severity, drawn under the links
        bool dense = false;
    };
    static LinkBatch batchLinks(const geo::MapViewport &viewport, const QList<MapNode> &nodes,
                                const QList<GroupLink> &groupLinks,
                                const QList<MapLink> &links);
    static void paintLinks(QPainter &painter, QImage &slice, int top, const LinkBatch &batch);
    // The basemap in three parts: under the provinces, their fills, and the lines over them.
    static void drawSeaAndGraticule(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene);
    static void drawProvinceFills(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                  const std::function<QColor(int, const QString &)> &fillOf);
    static void drawBasemapLines(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                 bool insetStyle);
    void rebuildBaseParts(const geo::MapViewport &viewport, const MapScene &scene);
    // The parts at this view, clipped to `clip` (empty: none); sea and graticule in `underFormat`.
    static ShadedParts drawShadedParts(const geo::MapViewport &viewport, const MapScene &scene,
                                       QImage::Format underFormat, const QPainterPath &clip, bool insetStyle);
    void rebuildInset(const geo::MapViewport &viewport, const MapScene &scene);
    static void drawNodes(QPainter &painter, const geo::MapViewport &viewport, const QList<MapNode> &nodes,
                          const QList<int> &drawOrder, NodeSprites &sprites, const QRectF &exposed);
    // Groups of nodes (NodeGroups) as one symbol each, blitted from `images` (groupImage(), by group).
    static void drawGroups(QPainter &painter, const geo::MapViewport &viewport, const QList<NodeGroup> &groups,
                           const QList<QImage> &images, const QRectF &exposed);
    // A group's symbol: a ring in its statuses' shares around its count; drawn once per look, then cached.
    const QImage &groupImage(const NodeGroup &group);
    QList<QImage> groupImages(const QList<NodeGroup> &groups);
    void drawBlink(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene);
    void drawHighlights(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                        const MapFrame &frame);
    void drawLayerTransformed(QPainter &painter, const QImage &image, const geo::MapViewport &from,
                              const geo::MapViewport &viewport) const;

    // Per view and basemap, so that new shading only recolours.
    ShadedParts m_baseParts;
    DataImages m_data;
    quint64 m_dataGeneration = 0; // bumped by every image adopted: a worker's older result is dropped
    std::function<void()> m_layerReady;
    std::thread m_worker;
    std::future<DataImages> m_job; // valid while a worker composes
    ShadedParts m_insetParts;
    quint64 m_insetGeneration = 0; // bumped by every rebuild of its parts
    QRectF m_insetRect;
    NodeSprites m_sprites;
    MapLabels m_labels;
    MapOverlay m_overlay;
    MapFitLayer m_fit;
    MapLatencyLayer m_latency;
    QList<int> m_drawOrder; // industry first, national last
    quint64 m_drawOrderRevision = 0;
    double m_textScale = 1.0;
    QHash<QString, QImage> m_groupImages; // group symbols by look
    int m_baseBuilds = 0;
    int m_linkBuilds = 0;
};

} // namespace cpn::map
