#include "geo/albersprojection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cpn::geo {
namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;
}

AlbersProjection::AlbersProjection() : AlbersProjection(Parameters{}) {}

AlbersProjection::AlbersProjection(const Parameters &parameters) : m_parameters(parameters)
{
    const double phi1 = parameters.standardParallel1Deg * kDegToRad;
    const double phi2 = parameters.standardParallel2Deg * kDegToRad;
    const double phi0 = parameters.originLatitudeDeg * kDegToRad;
    m_n = (std::sin(phi1) + std::sin(phi2)) / 2.0;
    m_c = std::cos(phi1) * std::cos(phi1) + 2.0 * m_n * std::sin(phi1);
    m_rho0 = parameters.radiusKm * std::sqrt(m_c - 2.0 * m_n * std::sin(phi0)) / m_n;
}

QPointF AlbersProjection::project(double lonDeg, double latDeg) const
{
    const double theta = m_n * (lonDeg - m_parameters.centralMeridianDeg) * kDegToRad;
    const double rho = m_parameters.radiusKm * std::sqrt(m_c - 2.0 * m_n * std::sin(latDeg * kDegToRad)) / m_n;
    return {rho * std::sin(theta), m_rho0 - rho * std::cos(theta)};
}

QPointF AlbersProjection::unproject(const QPointF &km) const
{
    const double dy = m_rho0 - km.y();
    const double rho = std::hypot(km.x(), dy);
    const double theta = std::atan2(km.x(), dy);
    const double q = rho * m_n / m_parameters.radiusKm;
    const double sinPhi = std::clamp((m_c - q * q) / (2.0 * m_n), -1.0, 1.0);
    return {m_parameters.centralMeridianDeg + theta / m_n / kDegToRad, std::asin(sinPhi) / kDegToRad};
}

} // namespace cpn::geo
