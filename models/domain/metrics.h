#pragma once

#include "domain/enums.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace cpn {

// One node's measurements at one tick. Utilizations are fractions in [0, 1].
struct NodeSample
{
    QString nodeId;
    qint64 tsMs = 0; // Unix epoch milliseconds
    NodeStatus status = NodeStatus::Online;
    double cpuUtil = 0;
    double memoryUtil = 0;
    double storageUtil = 0;
    QMap<QString, double> acceleratorUtil; // by model slug
    double powerKw = 0;
    int queuedJobs = 0;
    int runningJobs = 0;
    friend bool operator==(const NodeSample &, const NodeSample &) = default;
};

struct LinkSample
{
    QString linkId;
    qint64 tsMs = 0;
    LinkStatus status = LinkStatus::Up;
    double abGbps = 0; // a -> b
    double baGbps = 0; // b -> a
    double latencyMs = 0;
    double lossPct = 0;
    friend bool operator==(const LinkSample &, const LinkSample &) = default;
};

// One sample or none per link of a list of links, in that list's order: what a tick shows of the links
// is read by position, not looked up by id 10,000 times.
using LinkSamplesByRow = QList<std::optional<LinkSample>>;

// The answer to GET /api/v1/metrics?since=<cursor>.
struct MetricsBatch
{
    QString cursor; // opaque: pass back as ?since= on the next request
    qint64 serverTimeMs = 0;
    int intervalMs = 1000;
    bool reset = false; // the cursor was unknown or too old: this is a fresh start
    QList<NodeSample> nodes;
    QList<LinkSample> links;
};

} // namespace cpn
