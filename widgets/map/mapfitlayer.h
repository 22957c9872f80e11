#pragma once

#include "geo/mapviewport.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace cpn::map {

class MapScene;
class NodeSprites;

// How well a workload being dragged fits a node.
enum class FitLevel { Good, Poor, Cannot };

struct NodeFit
{
    FitLevel level = FitLevel::Cannot;
    int rank = -1; // among the single-node candidates, 0 = best; -1 when it cannot run there
    QString text;  // why (score, cost, finish, or the engine's rejection), one or two short lines
};

// The fit of one workload over the federation, by node id (see placementfit.h).
struct FitShading
{
    QString workloadName;
    QHash<QString, NodeFit> nodes;
    bool isEmpty() const { return nodes.isEmpty(); }
};

// The overlay shown while a workload is dragged over the map: provinces and nodes shaded green (fits
// well), amber (fits poorly) or red (cannot run), and a label under the cursor with the reason (tooltips
// do not show during a drag). Provinces take the best fit of their shown nodes. The shading is drawn
// once into a cached image per view, so a drag frame costs one blit and the label.
class MapFitLayer
{
    Q_DECLARE_TR_FUNCTIONS(cpn::map::MapFitLayer)

public:
    static QColor color(FitLevel level);

    void setShading(const FitShading &shading);
    void clear();
    bool isActive() const { return m_active; }
    const FitShading &shading() const { return m_shading; }

    // The node (scene index) or province (index into scene.provinces()) under the cursor, for the label.
    void setHover(int node, int province, const QPointF &pos);
    int hoverNode() const { return m_hoverNode; }
    int hoverProvince() const { return m_hoverProvince; }

    const NodeFit *fitOf(const QString &nodeId) const;
    // The best fitting node shown in a province (lowest rank), or empty if none can take the workload.
    QString bestNodeIn(const MapScene &scene, const QString &isoCode) const;
    // The province's level: the best of its shown nodes; nullopt without nodes.
    std::optional<FitLevel> provinceLevel(const MapScene &scene, const QString &isoCode) const;
    // The label's lines for the hovered node or province (first line: its name).
    QStringList hoverText(const MapScene &scene) const;

    void paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
               const NodeSprites &sprites);
    void paintLabel(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene, double textScale);

    int builds() const { return m_builds; }

private:
    struct ProvinceFit
    {
        FitLevel level = FitLevel::Cannot;
        int bestNode = -1;   // scene index of the best fitting node, -1 if none fits
        int bestRank = -1;
        int firstNode = -1;  // a node to quote when none fits
    };
    const QHash<QString, ProvinceFit> &provinceFits(const MapScene &scene) const;
    void rebuild(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites);

    bool m_active = false;
    FitShading m_shading;
    quint64 m_generation = 0;
    int m_hoverNode = -1;
    int m_hoverProvince = -1;
    QPointF m_hoverPos;

    QImage m_image;
    geo::MapViewport m_imageView;
    quint64 m_imageGeneration = 0;
    quint64 m_imageNodesRevision = 0;
    quint64 m_imageBasemapRevision = 0;
    int m_builds = 0;
    mutable QHash<QString, ProvinceFit> m_provinces;
    mutable quint64 m_provincesGeneration = 0;
    mutable quint64 m_provincesNodesRevision = 0;
};

} // namespace cpn::map
