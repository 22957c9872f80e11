#pragma once

#include "widgets/map/nodegroups.h"

#include "domain/alarm.h"
#include "domain/enums.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "state/displaystatus.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSet>
#include <QStringList>
#include <QString>

#include <memory>
#include <optional>

namespace cpn::geo {
class ProvinceLocator;
}

namespace cpn::map {

// What the province shading shows.
enum class ShadingMetric { None, Utilization, FreeAccelerators, Price };

struct MapNode
{
    QString id;
    QString name;    // in the interface language
    QString altName; // in the other language (tooltips)
    NodeTier tier = NodeTier::Industry;
    NodeRole role = NodeRole::Industry;
    QString province; // ISO 3166-2:CN
    QString city;
    QPointF km; // projected once when the directory arrives
    DisplayStatus status = DisplayStatus::Online;
    bool hasSample = false;
    double utilization = 0; // accelerators if the node has any, else CPU; 0..1
    int acceleratorsTotal = 0;
    int acceleratorsFree = 0;
    std::optional<double> cheapestAcceleratorHour;
    double capacityWeight = 0; // accelerators, or CPU cores / 100 without: label priority and aggregates
    bool visible = true;       // passes the filter
    bool grouped = false;      // drawn inside a NodeGroup's symbol at this scale, not as itself
    std::optional<Alarm::Severity> alarm; // the worst alarm that needs attention: a ring around the symbol
    // Drawn, hit and labelled as itself.
    bool shown() const { return visible && !grouped; }
};

struct MapLink
{
    QString id;
    int row = -1; // in the list given to setLinks(): where its sample is in setLinkSamples()'s
    int a = -1; // node indices; traffic "ab" flows from a to b
    int b = -1;
    LinkKind kind = LinkKind::Backbone;
    double capacityGbps = 0;
    QPointF controlKm; // quadratic arc's control point, fixed per link
    bool reported = false;
    LinkStatus status = LinkStatus::Up;
    double abGbps = 0;
    double baGbps = 0;
    double latencyMs = 0;
    std::optional<Alarm::Severity> alarm; // the worst alarm that needs attention: a casing under the line
    double utilization() const { return capacityGbps > 0 ? std::max(abGbps, baGbps) / capacityGbps : 0; }
    // What the links layer draws of the sample (reported, down, load colour, chevron's way): samples
    // that leave every link's look as it was do not bump the links revision, so the layer stays.
    int look() const;
};

struct MapProvince
{
    QString isoCode;
    QPainterPath pathKm; // outlines in projected km, built once at load
    QRectF boundsKm;
};

struct MapBoundaryLine
{
    QPolygonF km;
    QString kind; // the basemap's own classification, e.g. "maritime"
};

// Totals of the visible nodes of one province, for the shading and the hover card.
struct ProvinceAggregate
{
    int nodes = 0;
    int reporting = 0;
    double utilization = 0; // weighted by capacity
    int acceleratorsTotal = 0;
    int acceleratorsFree = 0;
    std::optional<double> cheapestAcceleratorHour;
};

// The map's data, fed from the models (MapSceneFeeder) and read by the renderer and the hit index.
// Revisions tell the renderer's caches which layers went stale, without any signal plumbing.
class MapScene
{
public:
    MapScene();
    ~MapScene();
    MapScene(const MapScene &) = delete;
    MapScene &operator=(const MapScene &) = delete;

    const QList<MapNode> &nodes() const { return m_nodes; }
    const QList<MapLink> &links() const { return m_links; }
    int nodeIndex(const QString &id) const { return m_nodeIndex.value(id, -1); }
    int linkIndex(const QString &id) const { return m_linkIndex.value(id, -1); }

    // Replaces the nodes; links are re-attached to the new indices.
    void setNodes(QList<MapNode> nodes);
    // For in-place updates of states and visibility; call touchNodes()/touchLinks() afterwards.
    QList<MapNode> &mutableNodes() { return m_nodes; }
    void touchNodes();
    // Replaces the links' geometry (arc control points are derived here, once).
    void setLinks(const QList<Link> &links);
    // Takes the newest sample of each link, in the order of the links given to setLinks() (a link
    // beyond the list's end has none); bumps the links revision only when a link's look() changed.
    void setLinkSamples(const LinkSamplesByRow &samples);
    void touchLinks() { ++m_linksRevision; }
    // The filter changed which nodes (and so which links) are shown.
    void touchVisibility();

    // Groups the nodes that would pile on each other at this scale (NodeGroups), marking them grouped;
    // the view calls it before drawing and hit-testing. Bumps the revisions only when the grouping moved.
    void setGroupingScale(double pxPerKm);
    const NodeGroups &groups() const { return m_groups; }

    // Basemap in projected km. The locator answers "which province is here" for hover.
    void setBasemap(QList<MapProvince> provinces, QList<MapBoundaryLine> lines,
                    std::shared_ptr<const geo::ProvinceLocator> locator, const QString &source);
    const QList<MapProvince> &provinces() const { return m_provinces; }
    const QList<MapBoundaryLine> &boundaryLines() const { return m_lines; }
    int provinceAt(const QPointF &km) const; // index into provinces(), or -1
    int provinceIndex(const QString &isoCode) const { return m_provinceIndex.value(isoCode, -1); }
    QString basemapSource() const { return m_basemapSource; }
    bool hasBasemap() const { return !m_provinces.isEmpty(); }
    // Meridians and parallels every 5°, in km, so the map reads even without a basemap.
    const QList<QPolygonF> &graticule() const { return m_graticule; }
    // The mainland's box in km: what "fit country" shows.
    QRectF countryKm() const { return m_countryKm; }
    // The customary South China Sea inset: 105-125°E, 3-25°N.
    QRectF insetKm() const { return m_insetKm; }

    // Recomputes per-province totals from the visible nodes; bumps the shading revision only when the
    // shaded colours actually change, so a quiet second does not rebuild the basemap layer.
    void setShadingMetric(ShadingMetric metric);
    ShadingMetric shadingMetric() const { return m_metric; }
    void recomputeAggregates();
    const QHash<QString, ProvinceAggregate> &aggregates() const { return m_aggregates; }
    // The fill of a province under the current metric; invalid for "no shading".
    QColor provinceFill(const QString &isoCode) const { return m_fills.value(isoCode); }
    // Value range of the current metric, for the legend.
    double shadingMin() const { return m_shadingMin; }
    double shadingMax() const { return m_shadingMax; }

    // Nodes and links to call out (what changed between two compared moments): drawn every frame
    // over the cached layers, so setting them costs no layer rebuild. Ids not on the map are ignored.
    void setHighlights(const QStringList &nodeIds, const QStringList &linkIds);
    const QSet<QString> &highlightedNodeIds() const { return m_highlightNodes; }
    const QSet<QString> &highlightedLinkIds() const { return m_highlightLinks; }

    // The worst alarm that needs attention per node and per link id (AlarmStore's worst...ByNode/ByLink):
    // drawn with the data, so a change bumps the nodes or links revision, only when something moved.
    // Kept across setNodes() and setLinks().
    using AlarmSeverities = QHash<QString, Alarm::Severity>;
    void setAlarmSeverities(const AlarmSeverities &byNode, const AlarmSeverities &byLink);
    // The sources of new unacknowledged critical alarms: the widget blinks them over the cached layers,
    // so blinking costs no layer rebuild. Ids not on the map are ignored.
    void setBlinking(const QStringList &nodeIds, const QStringList &linkIds);
    const QSet<QString> &blinkingNodeIds() const { return m_blinkNodes; }
    const QSet<QString> &blinkingLinkIds() const { return m_blinkLinks; }

    quint64 nodesRevision() const { return m_nodesRevision; }
    // Bumped only by setNodes(): node indices changed meaning.
    quint64 structureRevision() const { return m_structureRevision; }
    quint64 linksRevision() const { return m_linksRevision; }
    // Where links are and which are shown; not bumped by samples (the hit index keys on it).
    quint64 geometryRevision() const { return m_geometryRevision; }
    quint64 basemapRevision() const { return m_basemapRevision; }
    quint64 shadingRevision() const { return m_shadingRevision; }

private:
    void attachLinks();
    // Copies the alarm severities into the nodes (links); true when one changed.
    bool applyNodeAlarms();
    bool applyLinkAlarms();

    QList<MapNode> m_nodes;
    NodeGroups m_groups;
    bool m_groupsStale = true; // new nodes, links or filter: regroup at the next setGroupingScale()
    QHash<QString, int> m_nodeIndex;
    QStringList m_provinceCodes;     // of the nodes, each once
    QList<int> m_provinceSlotOfNode; // by node: index into m_provinceCodes, -1 for none
    QList<Link> m_rawLinks;
    QList<MapLink> m_links;
    QHash<QString, int> m_linkIndex;
    QList<MapProvince> m_provinces;
    QHash<QString, int> m_provinceIndex;
    QList<MapBoundaryLine> m_lines;
    std::shared_ptr<const geo::ProvinceLocator> m_locator;
    QString m_basemapSource;
    QList<QPolygonF> m_graticule;
    QRectF m_countryKm;
    QRectF m_insetKm;
    ShadingMetric m_metric = ShadingMetric::Utilization;
    QHash<QString, ProvinceAggregate> m_aggregates;
    QHash<QString, QColor> m_fills;
    double m_shadingMin = 0;
    double m_shadingMax = 1;
    quint64 m_nodesRevision = 1;
    quint64 m_structureRevision = 1;
    quint64 m_geometryRevision = 1;
    quint64 m_linksRevision = 1;
    QSet<QString> m_highlightNodes;
    QSet<QString> m_highlightLinks;
    AlarmSeverities m_nodeAlarms;
    AlarmSeverities m_linkAlarms;
    QSet<QString> m_blinkNodes;
    QSet<QString> m_blinkLinks;
    quint64 m_basemapRevision = 1;
    quint64 m_shadingRevision = 1;
};

} // namespace cpn::map
