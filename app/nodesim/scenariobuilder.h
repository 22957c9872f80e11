#pragma once

#include "scenario.h"

#include <QMap>
#include <optional>

namespace cpn::sim {

// Builds the federations the simulator can serve: the real "East Data West Computing" network
// (defaultscenario.cpp) or a large synthetic one for scale tests (syntheticscenario.cpp).
class ScenarioBuilder
{
public:
    // "default", "synthetic" (2000 nodes) or "synthetic:N".
    static std::optional<Scenario> fromSpec(const QString &spec, quint64 seed, QString *error);
    static Scenario defaultNetwork();
    static Scenario synthetic(int nodeCount, quint64 seed);

    static constexpr int kDefaultSyntheticNodes = 2000;
    static constexpr int kMaxSyntheticNodes = 50000; // beyond the old 16 MiB answer wall (~21,000 nodes)

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2);
    // Fibre runs ~1.5x the great circle at ~200 km per ms, plus switching per hop class.
    static double baseLatencyMs(double distanceKm, LinkKind kind);
    static Link makeLink(const Node &a, const Node &b, LinkKind kind, double capacityGbps);
    // List prices in CNY per unit-hour scaled by a regional factor (west cheaper, east dearer).
    static NodePrices prices(const QList<AcceleratorPool> &pools, double factor);
};

// Hands out compute identifiers with serials counted per tier, province and sector.
class ComputeIdAllocator
{
public:
    QString next(NodeTier tier, const QString &isoProvince, const QString &sector);

private:
    QMap<QString, int> m_serials;
};

} // namespace cpn::sim
