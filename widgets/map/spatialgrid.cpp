#include "widgets/map/spatialgrid.h"

#include <algorithm>
#include <cmath>

namespace cpn::map {

namespace {

double distanceToSegment(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax;
    const double dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double cx = ax + t * dx - px;
    const double cy = ay + t * dy - py;
    return std::sqrt(cx * cx + cy * cy);
}

} // namespace

void SpatialGrid::reset(const QRectF &bounds, double cellSize)
{
    m_bounds = bounds;
    m_cell = cellSize > 0 ? cellSize : 32;
    m_cols = std::max(1, int(std::ceil(bounds.width() / m_cell)));
    m_rows = std::max(1, int(std::ceil(bounds.height() / m_cell)));
    m_entries.clear();
    m_cellStart.clear();
    m_cellItems.clear();
    m_pending.clear();
    m_built = false;
}

int SpatialGrid::cellX(double x) const
{
    return std::clamp(int((x - m_bounds.left()) / m_cell), 0, m_cols - 1);
}

int SpatialGrid::cellY(double y) const
{
    return std::clamp(int((y - m_bounds.top()) / m_cell), 0, m_rows - 1);
}

void SpatialGrid::addPoint(int id, const QPointF &p)
{
    addSegment(id, p, p);
}

void SpatialGrid::addSegment(int id, const QPointF &a, const QPointF &b)
{
    // Items wholly outside the grid cannot be hovered.
    const QRectF box = QRectF(a, b).normalized();
    if (box.right() < m_bounds.left() || box.left() > m_bounds.right() || box.bottom() < m_bounds.top()
        || box.top() > m_bounds.bottom())
        return;
    const int entry = int(m_entries.size());
    m_entries.push_back({float(a.x()), float(a.y()), float(b.x()), float(b.y()), id});
    // A segment goes into every cell of its bounding box; segments are short (arcs are flattened), so
    // that is one to three cells, and the distance test sorts out the rest.
    const int x0 = cellX(box.left()), x1 = cellX(box.right());
    const int y0 = cellY(box.top()), y1 = cellY(box.bottom());
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            m_pending.emplace_back(y * m_cols + x, entry);
    m_built = false;
}

void SpatialGrid::build()
{
    const int cells = m_cols * m_rows;
    m_cellStart.assign(size_t(cells) + 1, 0);
    for (const auto &[cell, entry] : m_pending)
        ++m_cellStart[size_t(cell) + 1];
    for (int i = 0; i < cells; ++i)
        m_cellStart[size_t(i) + 1] += m_cellStart[size_t(i)];
    m_cellItems.resize(m_pending.size());
    std::vector<int> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (const auto &[cell, entry] : m_pending)
        m_cellItems[size_t(fill[size_t(cell)]++)] = entry;
    m_pending.clear();
    m_pending.shrink_to_fit();
    m_built = true;
}

template <typename Visit>
void SpatialGrid::forEachWithin(const QPointF &p, double radius, Visit visit) const
{
    if (!m_built || m_entries.empty())
        return;
    if (p.x() < m_bounds.left() - radius || p.x() > m_bounds.right() + radius || p.y() < m_bounds.top() - radius
        || p.y() > m_bounds.bottom() + radius)
        return;
    const int x0 = cellX(p.x() - radius), x1 = cellX(p.x() + radius);
    const int y0 = cellY(p.y() - radius), y1 = cellY(p.y() + radius);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const int cell = y * m_cols + x;
            for (int i = m_cellStart[size_t(cell)]; i < m_cellStart[size_t(cell) + 1]; ++i) {
                const Entry &e = m_entries[size_t(m_cellItems[size_t(i)])];
                const double d = distanceToSegment(p.x(), p.y(), e.ax, e.ay, e.bx, e.by);
                if (d <= radius)
                    visit(e.id, d);
            }
        }
    }
}

SpatialGrid::Hit SpatialGrid::nearest(const QPointF &p, double radius) const
{
    Hit best;
    double bestDistance = radius;
    forEachWithin(p, radius, [&](int id, double d) {
        if (d <= bestDistance) {
            bestDistance = d;
            best = {id, d};
        }
    });
    return best;
}

std::vector<SpatialGrid::Hit> SpatialGrid::within(const QPointF &p, double radius) const
{
    std::vector<Hit> hits;
    forEachWithin(p, radius, [&](int id, double d) {
        const auto same = std::find_if(hits.begin(), hits.end(), [id](const Hit &h) { return h.id == id; });
        if (same == hits.end())
            hits.push_back({id, d});
        else
            same->distance = std::min(same->distance, d);
    });
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.distance < b.distance; });
    return hits;
}

} // namespace cpn::map
