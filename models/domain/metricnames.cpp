#include "domain/metricnames.h"

#include <cmath>

namespace cpn::metrics {

namespace {
const QString kAccelPrefix = QStringLiteral("accel:");

bool isFraction(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }
bool isQuantity(double v) { return std::isfinite(v) && v >= 0 && v <= 1e12; }
} // namespace

const QStringList &nodeMetricNames()
{
    static const QStringList names = {QStringLiteral("status"),   QStringLiteral("cpu"),
                                      QStringLiteral("memory"),   QStringLiteral("storage"),
                                      QStringLiteral("power_kw"), QStringLiteral("queued_jobs"),
                                      QStringLiteral("running_jobs")};
    return names;
}

const QStringList &linkMetricNames()
{
    static const QStringList names = {QStringLiteral("status"), QStringLiteral("ab_gbps"),
                                      QStringLiteral("ba_gbps"), QStringLiteral("latency_ms"),
                                      QStringLiteral("loss_pct")};
    return names;
}

const QStringList &regionMetricNames()
{
    static const QStringList names = {QStringLiteral("cpu"), QStringLiteral("memory"),
                                      QStringLiteral("accel"), QStringLiteral("power_kw")};
    return names;
}

QString acceleratorMetric(const QString &model) { return kAccelPrefix + model; }

bool isAcceleratorMetric(const QString &metric, QString *model)
{
    if (!metric.startsWith(kAccelPrefix) || metric.size() == kAccelPrefix.size())
        return false;
    if (model)
        *model = metric.mid(kAccelPrefix.size());
    return true;
}

bool isNodeMetric(const QString &metric) { return nodeMetricNames().contains(metric) || isAcceleratorMetric(metric); }
bool isLinkMetric(const QString &metric) { return linkMetricNames().contains(metric); }

double nodeValue(const NodeSample &s, NodeMetric m)
{
    switch (m) {
    case NodeStatus:
        return double(int(s.status));
    case Cpu:
        return s.cpuUtil;
    case Memory:
        return s.memoryUtil;
    case Storage:
        return s.storageUtil;
    case PowerKw:
        return s.powerKw;
    case QueuedJobs:
        return s.queuedJobs;
    case RunningJobs:
        return s.runningJobs;
    case NodeMetricCount:
        break;
    }
    return 0;
}

double linkValue(const LinkSample &s, LinkMetric m)
{
    switch (m) {
    case LinkStatus:
        return double(int(s.status));
    case AbGbps:
        return s.abGbps;
    case BaGbps:
        return s.baGbps;
    case LatencyMs:
        return s.latencyMs;
    case LossPct:
        return s.lossPct;
    case LinkMetricCount:
        break;
    }
    return 0;
}

bool setNodeValue(NodeSample &s, const QString &metric, double v)
{
    QString model;
    if (isAcceleratorMetric(metric, &model)) {
        if (!isFraction(v))
            return false;
        s.acceleratorUtil.insert(model, v);
        return true;
    }
    switch (nodeMetricNames().indexOf(metric)) {
    case NodeStatus:
        if (!(v >= 0 && v <= int(cpn::NodeStatus::Maintenance)) || v != std::floor(v))
            return false;
        s.status = cpn::NodeStatus(int(v));
        return true;
    case Cpu:
        return isFraction(v) && (s.cpuUtil = v, true);
    case Memory:
        return isFraction(v) && (s.memoryUtil = v, true);
    case Storage:
        return isFraction(v) && (s.storageUtil = v, true);
    case PowerKw:
        return isQuantity(v) && (s.powerKw = v, true);
    case QueuedJobs:
        return isQuantity(v) && v <= 1e9 && (s.queuedJobs = int(v), true);
    case RunningJobs:
        return isQuantity(v) && v <= 1e9 && (s.runningJobs = int(v), true);
    default:
        return false;
    }
}

bool setLinkValue(LinkSample &s, const QString &metric, double v)
{
    switch (linkMetricNames().indexOf(metric)) {
    case LinkStatus:
        if (!(v >= 0 && v <= int(cpn::LinkStatus::Down)) || v != std::floor(v))
            return false;
        s.status = cpn::LinkStatus(int(v));
        return true;
    case AbGbps:
        return isQuantity(v) && (s.abGbps = v, true);
    case BaGbps:
        return isQuantity(v) && (s.baGbps = v, true);
    case LatencyMs:
        return isQuantity(v) && (s.latencyMs = v, true);
    case LossPct:
        return std::isfinite(v) && v >= 0 && v <= 100 && (s.lossPct = v, true);
    default:
        return false;
    }
}

} // namespace cpn::metrics
