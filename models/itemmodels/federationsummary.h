#pragma once

#include "domain/enums.h"
#include "domain/link.h"
#include "domain/metrics.h"

#include <QHash>
#include <QList>
#include <array>

namespace cpn {

class FederationState;

// The national figures the overview panel and the map's overlay show: node and link counts by status
// now, and the load, power and jobs of the state's totals at its newest tick (the same figures the
// national chart draws). A plain value so the figures are testable without a window.
struct FederationSummary
{
    struct Totals
    {
        int nodes = 0;
        int online = 0; // online or degraded, with fresh data
        int degraded = 0;
        int stale = 0;
        int offline = 0; // offline or maintenance
        int reporting = 0; // nodes whose samples count in the totals (not past the not-reporting limit)
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
    int linksUnreported = 0; // no current sample: never reported, too old, or an end not reporting
    qint64 newestSampleMs = 0; // the tick of the totals; 0: no data yet
    bool recorded = false;     // a recording's figures: their time is told as recorded, not as an age

    static FederationSummary compute(const FederationState &state);
};

} // namespace cpn
