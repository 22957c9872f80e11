#include "widgets/map/maplabels.h"

#include "geo/mapviewport.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodesprites.h"

#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cpn::map {

namespace {

// Occupied boxes bucketed by a coarse grid, so each candidate is tested against its neighbours only.
class Occupancy
{
public:
    explicit Occupancy(double cell) : m_cell(cell) {}
    bool collides(const QRectF &box) const
    {
        for (qint64 key : keys(box)) {
            const auto it = m_cells.constFind(key);
            if (it == m_cells.constEnd())
                continue;
            for (const QRectF &other : *it)
                if (other.intersects(box))
                    return true;
        }
        return false;
    }
    void add(const QRectF &box)
    {
        for (qint64 key : keys(box))
            m_cells[key].append(box);
    }

private:
    QList<qint64> keys(const QRectF &box) const
    {
        QList<qint64> out;
        const qint64 x0 = qint64(std::floor(box.left() / m_cell)), x1 = qint64(std::floor(box.right() / m_cell));
        const qint64 y0 = qint64(std::floor(box.top() / m_cell)), y1 = qint64(std::floor(box.bottom() / m_cell));
        for (qint64 y = y0; y <= y1; ++y)
            for (qint64 x = x0; x <= x1; ++x)
                out.append((y << 32) ^ (x & 0xffffffff));
        return out;
    }
    double m_cell;
    QHash<qint64, QList<QRectF>> m_cells;
};

} // namespace

void MapLabels::setTextScale(double scale)
{
    if (scale <= 0 || qFuzzyCompare(scale, m_textScale))
        return;
    m_textScale = scale;
    m_fontsReady = false;
    m_placedScale = -1;
}

void MapLabels::ensureFonts()
{
    if (m_fontsReady)
        return;
    const QFont base = QGuiApplication::font();
    const double points = base.pointSizeF() > 0 ? base.pointSizeF() : 9.0;
    m_fonts[0] = base;
    m_fonts[0].setPointSizeF(points * 1.1 * m_textScale);
    m_fonts[0].setWeight(QFont::DemiBold);
    m_fonts[1] = base;
    m_fonts[1].setPointSizeF(points * 0.95 * m_textScale);
    m_fonts[2] = base;
    m_fonts[2].setPointSizeF(points * 0.85 * m_textScale);
    for (auto &texts : m_texts)
        texts.clear();
    m_fontsReady = true;
}

int MapLabels::fontIndexFor(int node, const MapScene &scene) const
{
    switch (scene.nodes().at(node).role) {
    case NodeRole::National:
    case NodeRole::Hub:
        return 0;
    case NodeRole::Cluster:
        return 1;
    case NodeRole::Industry:
        return 2;
    }
    return 2;
}

QStaticText &MapLabels::text(const MapScene &scene, int node, int fontIndex)
{
    auto it = m_texts[fontIndex].find(node);
    if (it == m_texts[fontIndex].end()) {
        QStaticText text(scene.nodes().at(node).name);
        text.setTextFormat(Qt::PlainText);
        text.setPerformanceHint(QStaticText::AggressiveCaching);
        text.prepare(QTransform(), m_fonts[fontIndex]);
        it = m_texts[fontIndex].insert(node, text);
    }
    return *it;
}

bool MapLabels::isPlaced(int node) const
{
    return std::any_of(m_placed.cbegin(), m_placed.cend(), [node](const Placed &p) { return p.node == node; });
}

void MapLabels::update(const MapScene &scene, const NodeSprites &sprites, double pxPerKm)
{
    ensureFonts();
    if (scene.structureRevision() != m_structureRevision) {
        // Node indices changed meaning: texts keyed by index are no longer valid.
        for (auto &texts : m_texts)
            texts.clear();
        m_structureRevision = scene.structureRevision();
    }
    // Placement depends on names, roles, sizes and visibility, not on states: a tick does not move it.
    if (qFuzzyCompare(pxPerKm, m_placedScale) && scene.geometryRevision() == m_placedRevision)
        return;
    m_placedScale = pxPerKm;
    m_placedRevision = scene.geometryRevision();
    m_placed.clear();

    const QList<MapNode> &nodes = scene.nodes();
    QList<int> order;
    order.reserve(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        if (!nodes[i].shown())
            continue;
        if (nodes[i].role == NodeRole::Industry && pxPerKm < kIndustryLabelScale)
            continue;
        order.append(i);
    }
    std::stable_sort(order.begin(), order.end(), [&nodes](int a, int b) {
        const int ra = roleRank(nodes[a].role), rb = roleRank(nodes[b].role);
        if (ra != rb)
            return ra < rb;
        return nodes[a].capacityWeight > nodes[b].capacityWeight;
    });

    // Positions in "scaled km": screen pixels up to a translation, which collisions do not care about.
    const auto at = [pxPerKm](const MapNode &n) { return QPointF(n.km.x() * pxPerKm, -n.km.y() * pxPerKm); };
    Occupancy occupied(96);
    // Symbols of the national and regional nodes are obstacles too: a name must not hide a hub.
    for (int i : std::as_const(order)) {
        if (nodes[i].role == NodeRole::Industry)
            continue;
        const double r = sprites.outerRadius(nodes[i].role);
        occupied.add(QRectF(at(nodes[i]) - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }
    int clusters = 0;
    for (int i : std::as_const(order)) {
        // At national zoom a synthetic federation has hundreds of clusters: name the biggest only.
        if (nodes[i].role == NodeRole::Cluster && pxPerKm < kIndustryLabelScale && ++clusters > kNationalClusterLabels)
            continue;
        const int fontIndex = fontIndexFor(i, scene);
        const QSizeF size = text(scene, i, fontIndex).size();
        // Clear of the symbol's own obstacle box, padding included.
        const double r = sprites.outerRadius(nodes[i].role) + 3;
        const QPointF p = at(nodes[i]);
        const QPointF candidates[] = {
            {r, -size.height() / 2},                       // right
            {-r - size.width(), -size.height() / 2},       // left
            {-size.width() / 2, -r - size.height()},       // above
            {-size.width() / 2, r},                        // below
            {r * 0.7, -r * 0.7 - size.height()},           // above right
            {r * 0.7, r * 0.7},                            // below right
            {-r * 0.7 - size.width(), -r * 0.7 - size.height()}, // above left
            {-r * 0.7 - size.width(), r * 0.7},            // below left
        };
        for (const QPointF &offset : candidates) {
            const QRectF box(p + offset, size);
            // The node's own symbol is an obstacle only for other labels.
            const QRectF padded = box.adjusted(-2, -1, 2, 1);
            if (occupied.collides(padded))
                continue;
            occupied.add(padded);
            m_placed.append({i, offset, fontIndex});
            break;
        }
    }
}

void MapLabels::paint(QPainter &painter, const MapScene &scene, const geo::MapViewport &viewport,
                      const QRectF &exposed) const
{
    const QList<MapNode> &nodes = scene.nodes();
    // Top-left corners of texts (at most about 200 x 40 px) that can reach into the exposed part.
    const QRectF bounds = exposed.adjusted(-200, -40, 0, 0);
    const QColor halo(0x04, 0x07, 0x0b, 230);
    for (int fontIndex = 0; fontIndex < 3; ++fontIndex) {
        painter.setFont(m_fonts[fontIndex]);
        const QColor ink = fontIndex == 0 ? QColor(0xf2, 0xf6, 0xfa)
                           : fontIndex == 1 ? QColor(0xcf, 0xe6, 0xf2)
                                            : QColor(0xb4, 0xc2, 0xd0);
        for (const Placed &placed : m_placed) {
            if (placed.fontIndex != fontIndex || placed.node >= nodes.size())
                continue;
            const QPointF topLeft = viewport.toScreen(nodes[placed.node].km) + placed.offset;
            if (!bounds.contains(topLeft))
                continue;
            const auto it = m_texts[fontIndex].constFind(placed.node);
            if (it == m_texts[fontIndex].constEnd())
                continue;
            // A dark halo (two offset copies) keeps names legible over links and bright provinces.
            painter.setPen(halo);
            painter.drawStaticText(topLeft + QPointF(1, 1), *it);
            painter.drawStaticText(topLeft + QPointF(-1, 0), *it);
            painter.setPen(ink);
            painter.drawStaticText(topLeft, *it);
        }
    }
}

void MapLabels::paintForced(QPainter &painter, const MapScene &scene, const NodeSprites &sprites,
                            const geo::MapViewport &viewport, int node)
{
    if (node < 0 || node >= scene.nodes().size())
        return;
    ensureFonts();
    const int fontIndex = 0;
    const QStaticText &t = text(scene, node, fontIndex);
    const double r = sprites.outerRadius(scene.nodes().at(node).role) + 2;
    const QPointF topLeft = viewport.toScreen(scene.nodes().at(node).km) + QPointF(r, -t.size().height() / 2);
    const QRectF box(topLeft - QPointF(4, 2), t.size() + QSizeF(8, 4));
    painter.setPen(QPen(style::kSelection, 1));
    painter.setBrush(QColor(0x0b, 0x12, 0x1a, 235));
    painter.drawRoundedRect(box, 3, 3);
    painter.setFont(m_fonts[fontIndex]);
    painter.setPen(Qt::white);
    painter.drawStaticText(topLeft, t);
}

} // namespace cpn::map
