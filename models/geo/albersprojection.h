#pragma once

#include <QPointF>

namespace cpn::geo {

// Albers equal-area conic on a sphere, as Chinese national maps are drawn: central meridian 105°E,
// standard parallels 25°N and 47°N, origin at the equator. Projected coordinates are kilometres,
// x east and y north (screen code flips y).
class AlbersProjection
{
public:
    struct Parameters
    {
        double centralMeridianDeg = 105.0;
        double standardParallel1Deg = 25.0;
        double standardParallel2Deg = 47.0;
        double originLatitudeDeg = 0.0;
        double radiusKm = 6371.0088; // mean Earth radius
    };

    AlbersProjection();
    explicit AlbersProjection(const Parameters &parameters);

    // lon/lat in degrees (x = longitude, y = latitude) to kilometres.
    QPointF project(double lonDeg, double latDeg) const;
    QPointF project(const QPointF &lonLat) const { return project(lonLat.x(), lonLat.y()); }
    // Kilometres back to lon/lat degrees.
    QPointF unproject(const QPointF &km) const;

    const Parameters &parameters() const { return m_parameters; }

private:
    Parameters m_parameters;
    double m_n = 0;
    double m_c = 0;
    double m_rho0 = 0;
};

} // namespace cpn::geo
