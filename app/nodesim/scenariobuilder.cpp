#include "scenariobuilder.h"

#include "domain/computeid.h"
#include "domain/provinces.h"

#include <QtMath>

namespace cpn::sim {

std::optional<Scenario> ScenarioBuilder::fromSpec(const QString &spec, quint64 seed, QString *error)
{
    if (spec == u"default")
        return defaultNetwork();
    if (spec == u"synthetic")
        return synthetic(kDefaultSyntheticNodes, seed);
    if (spec.startsWith(u"synthetic:")) {
        bool ok = false;
        const int n = spec.mid(10).toInt(&ok);
        if (ok && n >= 2 && n <= kMaxSyntheticNodes)
            return synthetic(n, seed);
        *error = QStringLiteral("synthetic:N needs N in [2, %1]").arg(kMaxSyntheticNodes);
        return std::nullopt;
    }
    *error = QStringLiteral("unknown scenario '%1' (expected default, synthetic or synthetic:N)").arg(spec);
    return std::nullopt;
}

double ScenarioBuilder::greatCircleKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double kEarthRadiusKm = 6371.0;
    const double p1 = qDegreesToRadians(lat1);
    const double p2 = qDegreesToRadians(lat2);
    const double dp = p2 - p1;
    const double dl = qDegreesToRadians(lon2 - lon1);
    const double h = std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double ScenarioBuilder::baseLatencyMs(double distanceKm, LinkKind kind)
{
    const double switchingMs = kind == LinkKind::Backbone ? 2.0 : 0.5;
    const double ms = distanceKm * 1.5 / 200.0 + switchingMs;
    return std::round(ms * 10) / 10;
}

Link ScenarioBuilder::makeLink(const Node &a, const Node &b, LinkKind kind, double capacityGbps)
{
    Link l;
    l.id = QStringLiteral("l-%1-%2").arg(a.id, b.id);
    l.a = a.id;
    l.b = b.id;
    l.kind = kind;
    l.capacityGbps = capacityGbps;
    l.distanceKm = std::round(greatCircleKm(a.lat, a.lon, b.lat, b.lon));
    l.baseLatencyMs = baseLatencyMs(l.distanceKm, kind);
    return l;
}

NodePrices ScenarioBuilder::prices(const QList<AcceleratorPool> &pools, double factor)
{
    // Indicative 2024-2025 list prices for rented cards and cloud resources in China.
    static const QMap<QString, double> cardHour{
        {QStringLiteral("ascend-910b"), 9.0}, {QStringLiteral("h800"), 16.0}, {QStringLiteral("a800"), 12.0},
        {QStringLiteral("hygon-dcu"), 5.0},   {QStringLiteral("mlu370"), 4.0},
    };
    const auto round3 = [](double v) { return std::round(v * 1000) / 1000; };
    NodePrices p;
    p.cpuCoreHour = round3(0.10 * factor);
    p.memoryGiBHour = round3(0.005 * factor);
    p.storageTBHour = round3(0.025 * factor);
    for (const auto &pool : pools)
        p.acceleratorHour.insert(pool.model, std::round(cardHour.value(pool.model, 8.0) * factor * 10) / 10);
    return p;
}

QString ComputeIdAllocator::next(NodeTier tier, const QString &isoProvince, const QString &sector)
{
    const Province *province = provinceByIso(isoProvince);
    Q_ASSERT(province);
    const QString key = QStringLiteral("%1/%2/%3").arg(int(tier)).arg(isoProvince, sector);
    const int serial = ++m_serials[key];
    return computeid::make({tier, province ? province->gbCode : 11, sector, serial});
}

} // namespace cpn::sim
