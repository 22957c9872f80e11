#pragma once

#include <QHash>
#include <QString>

namespace cpn::charts {

// Names one live series: a node's or a link's metric (the metric names the cache stores too, see
// domain/metricnames.h), or a total over a region ("" = national, else a province ISO code).
struct SeriesKey
{
    enum class Kind { Node, Link, Region };
    Kind kind = Kind::Node;
    QString entity;
    QString metric;
    friend bool operator==(const SeriesKey &, const SeriesKey &) = default;
};

inline size_t qHash(const SeriesKey &key, size_t seed = 0)
{
    return qHashMulti(seed, int(key.kind), key.entity, key.metric);
}

// Region metrics: mean utilizations (%) over the region's reporting nodes and total power.
namespace regionmetrics {
inline QString cpu()
{
    return QStringLiteral("cpu");
}
inline QString accelerators()
{
    return QStringLiteral("accel");
}
inline QString memory()
{
    return QStringLiteral("memory");
}
inline QString powerKw()
{
    return QStringLiteral("power_kw");
}
} // namespace regionmetrics

// Display unit and scale for a metric: stored utilizations are fractions, charts show %.
struct MetricUnit
{
    QString unit;
    double scale = 1;
};
MetricUnit unitOf(SeriesKey::Kind kind, const QString &metric);

} // namespace cpn::charts
