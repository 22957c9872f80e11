#pragma once

#include <QString>

#include <optional>

namespace cpn::placement {

struct GeoPoint
{
    double lat = 0;
    double lon = 0;
};

// Great-circle distance on a sphere of radius 6371 km (haversine).
double greatCircleKm(GeoPoint a, GeoPoint b);

// Latency over a path that is not in the link graph: fibre carries light at about 200 km/ms, and real
// routes run about 1.5 times the great-circle distance.
inline constexpr double kFibreKmPerMs = 200.0;
inline constexpr double kRouteFactor = 1.5;
double greatCircleLatencyMs(GeoPoint a, GeoPoint b);

// The capital of a provincial-level division (ISO 3166-2:CN), where a province-level location sits.
std::optional<GeoPoint> provinceCapital(const QString &isoCode);

} // namespace cpn::placement
