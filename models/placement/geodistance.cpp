#include "placement/geodistance.h"

#include "domain/provinces.h"


#include <cmath>
#include <numbers>

namespace cpn::placement {

double greatCircleKm(GeoPoint a, GeoPoint b)
{
    constexpr double kEarthRadiusKm = 6371.0;
    constexpr double kRad = std::numbers::pi / 180.0;
    const double dLat = (b.lat - a.lat) * kRad;
    const double dLon = (b.lon - a.lon) * kRad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double greatCircleLatencyMs(GeoPoint a, GeoPoint b) { return greatCircleKm(a, b) * kRouteFactor / kFibreKmPerMs; }

std::optional<GeoPoint> provinceCapital(const QString &isoCode)
{
    const Province *province = provinceByIso(isoCode);
    if (!province)
        return std::nullopt;
    return GeoPoint{province->capitalLat, province->capitalLon};
}

} // namespace cpn::placement
