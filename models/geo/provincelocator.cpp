#include "geo/provincelocator.h"

#include <algorithm>
#include <limits>

namespace cpn::geo {

ProvinceLocator::ProvinceLocator(QList<ProjectedProvince> provinces) : m_provinces(std::move(provinces))
{
    m_provinceBoxes.reserve(m_provinces.size());
    m_ringBoxes.reserve(m_provinces.size());
    for (const ProjectedProvince &province : std::as_const(m_provinces)) {
        // The boxes come from the rings themselves, so a caller's boundsKm cannot hide a ring.
        Box all{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
        QList<Box> rings;
        rings.reserve(province.rings.size());
        for (const QList<QPointF> &ring : province.rings) {
            const Box b = boxOf(ring);
            all.minX = std::min(all.minX, b.minX);
            all.minY = std::min(all.minY, b.minY);
            all.maxX = std::max(all.maxX, b.maxX);
            all.maxY = std::max(all.maxY, b.maxY);
            rings.append(b);
        }
        m_provinceBoxes.append(all);
        m_ringBoxes.append(std::move(rings));
    }
}

ProvinceLocator::Box ProvinceLocator::boxOf(const QList<QPointF> &ring)
{
    if (ring.isEmpty())
        return {1, 1, 0, 0}; // holds nothing
    Box b{ring.first().x(), ring.first().y(), ring.first().x(), ring.first().y()};
    for (const QPointF &p : ring) {
        b.minX = std::min(b.minX, p.x());
        b.minY = std::min(b.minY, p.y());
        b.maxX = std::max(b.maxX, p.x());
        b.maxY = std::max(b.maxY, p.y());
    }
    return b;
}

bool ProvinceLocator::contains(int index, const QPointF &km) const
{
    if (index < 0 || index >= m_provinces.size() || !m_provinceBoxes[index].holds(km))
        return false;
    const QList<QList<QPointF>> &rings = m_provinces[index].rings;
    const QList<Box> &boxes = m_ringBoxes[index];
    const double x = km.x();
    const double y = km.y();
    bool inside = false;
    for (qsizetype r = 0; r < rings.size(); ++r) {
        // A ring whose box misses the point crosses the ray an even number of times: skip it.
        if (!boxes[r].holds(km))
            continue;
        const QList<QPointF> &ring = rings[r];
        const qsizetype n = ring.size();
        // Rings are closed, but counting the closing edge (last, first) too keeps open rings right;
        // for a closed ring that edge has zero length and never crosses.
        for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
            const QPointF &a = ring[i];
            const QPointF &b = ring[j];
            if ((a.y() > y) != (b.y() > y)) {
                const double xCross = a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
                if (x < xCross)
                    inside = !inside;
            }
        }
    }
    return inside;
}

int ProvinceLocator::provinceAt(const QPointF &km) const
{
    for (qsizetype i = 0; i < m_provinces.size(); ++i) {
        if (contains(int(i), km))
            return int(i);
    }
    return -1;
}

QString ProvinceLocator::isoCodeAt(const QPointF &km) const
{
    const int i = provinceAt(km);
    return i < 0 ? QString() : m_provinces[i].isoCode;
}

} // namespace cpn::geo
