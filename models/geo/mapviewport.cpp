#include "geo/mapviewport.h"

#include <algorithm>
#include <cmath>

namespace cpn::geo {

MapViewport::MapViewport(const QSizeF &size, const QPointF &centreKm, double pxPerKm)
    : m_size(size), m_centreKm(centreKm)
{
    setScale(pxPerKm);
}

void MapViewport::setScale(double pxPerKm)
{
    if (!std::isfinite(pxPerKm) || pxPerKm <= 0)
        return;
    m_scale = std::clamp(pxPerKm, m_minScale, m_maxScale);
}

void MapViewport::setScaleLimits(double minPxPerKm, double maxPxPerKm)
{
    if (minPxPerKm <= 0 || maxPxPerKm < minPxPerKm)
        return;
    m_minScale = minPxPerKm;
    m_maxScale = maxPxPerKm;
    m_scale = std::clamp(m_scale, m_minScale, m_maxScale);
}

QRectF MapViewport::visibleKm() const
{
    const QPointF topLeft = toKm({0, 0});
    const QPointF bottomRight = toKm({m_size.width(), m_size.height()});
    return QRectF(QPointF(topLeft.x(), bottomRight.y()), QPointF(bottomRight.x(), topLeft.y()));
}

void MapViewport::zoomAround(const QPointF &screenPoint, double factor)
{
    if (!std::isfinite(factor) || factor <= 0)
        return;
    const QPointF anchorKm = toKm(screenPoint);
    setScale(m_scale * factor);
    // Solve toScreen(anchorKm) == screenPoint for the centre.
    m_centreKm = {anchorKm.x() - (screenPoint.x() - m_size.width() / 2) / m_scale,
                  anchorKm.y() + (screenPoint.y() - m_size.height() / 2) / m_scale};
}

void MapViewport::panByPixels(const QPointF &delta)
{
    m_centreKm += QPointF(-delta.x() / m_scale, delta.y() / m_scale);
}

void MapViewport::fit(const QRectF &km, double marginPx)
{
    const QRectF box = km.normalized();
    if (box.isEmpty())
        return;
    const double width = std::max(1.0, m_size.width() - 2 * marginPx);
    const double height = std::max(1.0, m_size.height() - 2 * marginPx);
    setScale(std::min(width / box.width(), height / box.height()));
    m_centreKm = box.center();
}

} // namespace cpn::geo
