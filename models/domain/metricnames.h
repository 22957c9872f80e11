#pragma once

#include "domain/metrics.h"

#include <QString>
#include <QStringList>

// The name of every NodeSample and LinkSample field as a series: the cache stores each field as
// its own series and the live charts key theirs the same way. Enumerations (status) are stored as
// their index. Adding a field means adding a name: old caches simply lack that series.
namespace cpn::metrics {

// Fixed node metrics, in this order; accelerator utilization is "accel:<model>".
enum NodeMetric { NodeStatus, Cpu, Memory, Storage, PowerKw, QueuedJobs, RunningJobs, NodeMetricCount };
enum LinkMetric { LinkStatus, AbGbps, BaGbps, LatencyMs, LossPct, LinkMetricCount };
// Totals over a region (the nation, a province, a subtree): utilizations as fractions, power in kW.
enum RegionMetric { RegionCpu, RegionMemory, RegionAccelerators, RegionPowerKw, RegionMetricCount };

const QStringList &nodeMetricNames();
const QStringList &linkMetricNames();
const QStringList &regionMetricNames();
// The region entity of a 1+M+N subtree's totals (its root node and every node below): the root's id behind
// a prefix no province code has. Region entities are otherwise "" (the nation) or an ISO province code.
inline QString subtreeRegion(const QString &rootNodeId)
{
    return QStringLiteral("subtree:") + rootNodeId;
}
// The root of a subtree region, or empty for another region.
inline QString subtreeRootOf(const QString &region)
{
    return region.startsWith(u"subtree:") ? region.mid(8) : QString();
}
QString acceleratorMetric(const QString &model);
bool isAcceleratorMetric(const QString &metric, QString *model = nullptr);
bool isNodeMetric(const QString &metric);
bool isLinkMetric(const QString &metric);

double nodeValue(const NodeSample &s, NodeMetric m);
double linkValue(const LinkSample &s, LinkMetric m);
// Sets one field from a stored value; false for a value outside the field's range (untrusted files).
bool setNodeValue(NodeSample &s, const QString &metric, double value);
bool setLinkValue(LinkSample &s, const QString &metric, double value);

} // namespace cpn::metrics
