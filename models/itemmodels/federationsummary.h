#pragma once

#include "domain/enums.h"
#include "domain/link.h"
#include "domain/metrics.h"

#include <QHash>
#include <QList>
#include <array>

namespace cpn {

class NodeTableModel;

// The national totals the overview panel shows, computed from the node model and the newest link
// samples. A plain value so the figures are testable without a window.
struct FederationSummary
{
    struct Totals
    {
        int nodes = 0;
        int online = 0; // online or degraded, with fresh data
        int degraded = 0;
        int stale = 0;
        int offline = 0; // offline or maintenance
        int reporting = 0; // nodes with at least one sample
        int acceleratorsTotal = 0;
        int acceleratorsInUse = 0;
        double cpuUtil = 0; // mean over reporting nodes, weighted by CPU cores
        double powerKw = 0;
        int runningJobs = 0;
        int queuedJobs = 0;
    };

    Totals all;
    std::array<Totals, 3> byTier{}; // indexed by int(NodeTier)
    int links = 0;
    int linksUp = 0;
    int linksCongested = 0;
    int linksDown = 0;
    int linksUnreported = 0;
    qint64 newestSampleMs = 0; // 0: no data yet

    // linkSamples: the newest sample per link id; samples of links not in `links` are ignored.
    static FederationSummary compute(const NodeTableModel &nodes, const QList<Link> &links,
                                     const QHash<QString, LinkSample> &linkSamples);
};

} // namespace cpn
