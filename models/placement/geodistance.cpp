#include "placement/geodistance.h"

#include <QHash>

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
    static const QHash<QString, GeoPoint> capitals{
        {QStringLiteral("CN-BJ"), {39.90, 116.40}}, {QStringLiteral("CN-TJ"), {39.13, 117.20}},
        {QStringLiteral("CN-HE"), {38.04, 114.51}}, {QStringLiteral("CN-SX"), {37.87, 112.55}},
        {QStringLiteral("CN-NM"), {40.84, 111.75}}, {QStringLiteral("CN-LN"), {41.80, 123.43}},
        {QStringLiteral("CN-JL"), {43.88, 125.32}}, {QStringLiteral("CN-HL"), {45.80, 126.53}},
        {QStringLiteral("CN-SH"), {31.23, 121.47}}, {QStringLiteral("CN-JS"), {32.06, 118.80}},
        {QStringLiteral("CN-ZJ"), {30.27, 120.15}}, {QStringLiteral("CN-AH"), {31.82, 117.23}},
        {QStringLiteral("CN-FJ"), {26.07, 119.30}}, {QStringLiteral("CN-JX"), {28.68, 115.86}},
        {QStringLiteral("CN-SD"), {36.65, 117.12}}, {QStringLiteral("CN-HA"), {34.75, 113.63}},
        {QStringLiteral("CN-HB"), {30.59, 114.31}}, {QStringLiteral("CN-HN"), {28.23, 112.94}},
        {QStringLiteral("CN-GD"), {23.13, 113.26}}, {QStringLiteral("CN-GX"), {22.82, 108.37}},
        {QStringLiteral("CN-HI"), {20.04, 110.20}}, {QStringLiteral("CN-CQ"), {29.56, 106.55}},
        {QStringLiteral("CN-SC"), {30.57, 104.07}}, {QStringLiteral("CN-GZ"), {26.65, 106.63}},
        {QStringLiteral("CN-YN"), {25.04, 102.71}}, {QStringLiteral("CN-XZ"), {29.65, 91.13}},
        {QStringLiteral("CN-SN"), {34.34, 108.94}}, {QStringLiteral("CN-GS"), {36.06, 103.83}},
        {QStringLiteral("CN-QH"), {36.62, 101.78}}, {QStringLiteral("CN-NX"), {38.49, 106.23}},
        {QStringLiteral("CN-XJ"), {43.83, 87.62}},  {QStringLiteral("CN-TW"), {25.03, 121.57}},
        {QStringLiteral("CN-HK"), {22.32, 114.17}}, {QStringLiteral("CN-MO"), {22.20, 113.55}},
    };
    const auto it = capitals.constFind(isoCode);
    if (it == capitals.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace cpn::placement
