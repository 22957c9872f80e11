#pragma once

#include <QFont>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QStaticText>

class QPainter;

namespace cpn::geo {
class MapViewport;
}

namespace cpn::map {

class MapScene;
class NodeSprites;

// Node names that do not pile on each other. Placement runs in order of priority (national, hubs,
// clusters, industry; bigger first) and drops a label whose box would collide with one already placed,
// trying right, left, above and below its symbol. Collisions do not depend on where the map is centred,
// only on its scale, so placement is recomputed when the scale or the nodes change, not while panning.
// Industry names appear only once zoomed in past the national view. Texts are QStaticText, laid out once.
class MapLabels
{
public:
    // Scale (px/km) from which industry nodes get names.
    static constexpr double kIndustryLabelScale = 0.55;
    // Below that scale, at most this many cluster names (the biggest first).
    static constexpr int kNationalClusterLabels = 40;

    void setTextScale(double scale);
    // Recomputes the placement when scale, nodes or text scale changed since the last call.
    void update(const MapScene &scene, const NodeSprites &sprites, double pxPerKm);
    // Names whose text could reach into exposed (widget coordinates).
    void paint(QPainter &painter, const MapScene &scene, const geo::MapViewport &viewport,
               const QRectF &exposed) const;
    // Draws one node's name regardless of collisions (hover and selection).
    void paintForced(QPainter &painter, const MapScene &scene, const NodeSprites &sprites,
                     const geo::MapViewport &viewport, int node);
    int placedCount() const { return int(m_placed.size()); }
    bool isPlaced(int node) const;

private:
    struct Placed
    {
        int node;
        QPointF offset; // from the node's screen position to the text's top-left
        int fontIndex;
    };
    QStaticText &text(const MapScene &scene, int node, int fontIndex);
    int fontIndexFor(int node, const MapScene &scene) const;
    void ensureFonts();

    QList<Placed> m_placed;
    QHash<int, QStaticText> m_texts[3]; // by node index, per font
    QFont m_fonts[3];                   // hubs and national, clusters, industry
    bool m_fontsReady = false;
    double m_textScale = 1.0;
    double m_placedScale = -1;
    quint64 m_placedRevision = 0;
    quint64 m_textsRevision = 0;
    quint64 m_structureRevision = 0;
};

} // namespace cpn::map
