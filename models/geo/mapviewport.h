#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>

#include <cmath>

namespace cpn::geo {

// Where the map looks: a centre in projected kilometres (x east, y north), a scale in logical pixels per
// kilometre, the widget's size in logical pixels and its device pixel ratio. Pure arithmetic so that
// zooming, panning and fitting are tested without a window. Screen y grows downwards, map y northwards.
class MapViewport
{
public:
    MapViewport() = default;
    MapViewport(const QSizeF &size, const QPointF &centreKm, double pxPerKm);

    QSizeF size() const { return m_size; }
    void setSize(const QSizeF &size) { m_size = size; }
    double devicePixelRatio() const { return m_dpr; }
    // The size in device pixels (what an image of the whole view needs).
    QSize pixelSize() const
    {
        return QSize(int(std::ceil(m_size.width() * m_dpr)), int(std::ceil(m_size.height() * m_dpr)));
    }
    // Shows the same thing at the same pixels: an image drawn for one serves the other.
    bool sameViewAs(const MapViewport &other) const
    {
        return m_size == other.m_size && m_centreKm == other.m_centreKm && qFuzzyCompare(m_scale, other.m_scale)
               && qFuzzyCompare(m_dpr, other.m_dpr);
    }
    void setDevicePixelRatio(double dpr) { m_dpr = dpr > 0 ? dpr : 1.0; }
    QPointF centreKm() const { return m_centreKm; }
    void setCentreKm(const QPointF &centreKm) { m_centreKm = centreKm; }
    double scale() const { return m_scale; }
    // Clamped to the scale limits.
    void setScale(double pxPerKm);
    void setScaleLimits(double minPxPerKm, double maxPxPerKm);
    double minScale() const { return m_minScale; }
    double maxScale() const { return m_maxScale; }

    QPointF toScreen(const QPointF &km) const
    {
        return {m_size.width() / 2 + (km.x() - m_centreKm.x()) * m_scale,
                m_size.height() / 2 - (km.y() - m_centreKm.y()) * m_scale};
    }
    QPointF toKm(const QPointF &screen) const
    {
        return {m_centreKm.x() + (screen.x() - m_size.width() / 2) / m_scale,
                m_centreKm.y() - (screen.y() - m_size.height() / 2) / m_scale};
    }
    // The kilometre box the widget shows: left/right are x, top is the smallest y (south), bottom the largest.
    QRectF visibleKm() const;

    // Multiplies the scale by factor (clamped) so that the map point under screenPoint stays under it.
    void zoomAround(const QPointF &screenPoint, double factor);
    // Moves the map content by delta logical pixels (a drag to the right moves the map to the right).
    void panByPixels(const QPointF &delta);
    // Shows the whole kilometre box, centred, with marginPx logical pixels to spare on every side.
    void fit(const QRectF &km, double marginPx = 24);

    friend bool operator==(const MapViewport &, const MapViewport &) = default;

private:
    QSizeF m_size{800, 600};
    QPointF m_centreKm;
    double m_scale = 0.2;
    double m_dpr = 1.0;
    double m_minScale = 0.02; // the whole of Asia on a small screen
    double m_maxScale = 50.0; // a city block or so
};

} // namespace cpn::geo
