#pragma once

#include "domain/metricnames.h"

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

// Region metrics: mean utilizations (%) over the region's reporting nodes and total power; the cache
// stores region series under the same names (domain/metricnames.h).
namespace regionmetrics {
inline QString cpu()
{
    return metrics::regionMetricNames().at(metrics::RegionCpu);
}
inline QString accelerators()
{
    return metrics::regionMetricNames().at(metrics::RegionAccelerators);
}
inline QString memory()
{
    return metrics::regionMetricNames().at(metrics::RegionMemory);
}
inline QString powerKw()
{
    return metrics::regionMetricNames().at(metrics::RegionPowerKw);
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
