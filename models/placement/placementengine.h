#pragma once

#include "placement/federationsnapshot.h"
#include "placement/placementresult.h"
#include "placement/workload.h"

namespace cpn::placement {

// Ranks where a workload could run (docs/placement.md). Pure and deterministic: the same workload and
// snapshot give the same result, whatever the order of the snapshot's lists. Thread-safe (no state
// beyond its options), so the console may rank on a worker thread.
class PlacementEngine
{
public:
    struct Options
    {
        // Off only for the benchmark's baseline: recompute shortest paths for every node asked about.
        bool cacheShortestPaths = true;
    };

    PlacementEngine() = default;
    explicit PlacementEngine(Options options) : m_options(options) {}

    PlacementResult rank(const Workload &workload, const FederationSnapshot &snapshot) const;

private:
    PlacementResult rankOn(const Workload &workload, const FederationSnapshot &snapshot) const;

    Options m_options;
};

} // namespace cpn::placement
