#pragma once

#include "placement/federationindex.h"
#include "placement/networkdistances.h"
#include "placement/workload.h"

#include <optional>

namespace cpn::placement {

// How far every node is from one location (the job's data, or its users). A place joins the network at
// its nearest node; a node location is its own access node. The shortest paths are computed once, unless
// caching is off (the benchmark's baseline recomputes them for every question).
class Routes
{
public:
    // Bandwidth assumed where the link graph has no path (the public internet between data centres).
    static constexpr double kNoPathGbps = 1.0;

    Routes(const FederationIndex &index, const Location &location, bool cachePaths = true);

    bool isSet() const { return m_access >= 0; }
    // 0 when the location is not set.
    double latencyMsTo(int node) const;
    // Hours to move `dataTB` (decimal terabytes) from the location to the node; 0 at the node itself.
    double transferHoursTo(int node, double dataTB) const;

private:
    struct Path
    {
        bool reachable = false;
        double latencyMs = 0;
        double bottleneckGbps = 0;
    };
    Path pathTo(int node) const;

    const FederationIndex &m_index;
    int m_access = -1;
    double m_accessLatencyMs = 0;
    GeoPoint m_point;
    bool m_cachePaths = true;
    std::optional<NetworkDistances> m_distances;
};

} // namespace cpn::placement
