#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace cpn::map {

// A uniform grid over screen space for hover hit-testing: points (nodes) and segments (flattened link
// arcs) are bucketed once per view, and a lookup visits only the few cells within the search radius.
// Build with reset(), add*(), build(); then query. Cells are stored compactly (CSR), so a query touches
// a handful of contiguous ints instead of a scan of everything.
class SpatialGrid
{
public:
    struct Hit
    {
        int id = -1;
        double distance = 0;
        bool isValid() const { return id >= 0; }
    };

    void reset(const QRectF &bounds, double cellSize);
    void addPoint(int id, const QPointF &p);
    void addSegment(int id, const QPointF &a, const QPointF &b);
    void build();

    // The closest item within radius of p, or an invalid hit.
    Hit nearest(const QPointF &p, double radius) const;
    // Every item within radius of p, once each (at its closest), closest first.
    std::vector<Hit> within(const QPointF &p, double radius) const;
    bool isEmpty() const { return m_entries.empty(); }
    int itemCount() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        float ax, ay, bx, by;
        int id;
    };
    // Calls visit(id, distance) for every entry within radius of p (an item of several segments once per segment).
    template <typename Visit>
    void forEachWithin(const QPointF &p, double radius, Visit visit) const;
    int cellX(double x) const;
    int cellY(double y) const;

    QRectF m_bounds;
    double m_cell = 32;
    int m_cols = 1;
    int m_rows = 1;
    std::vector<Entry> m_entries;
    std::vector<int> m_cellStart; // m_cols * m_rows + 1 offsets into m_cellItems
    std::vector<int> m_cellItems; // entry indices, grouped by cell
    std::vector<std::pair<int, int>> m_pending; // (cell, entry) until build()
    bool m_built = false;
};

} // namespace cpn::map
