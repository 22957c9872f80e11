#pragma once

#include "placement/federationindex.h"

#include <vector>

namespace cpn::placement {

// Shortest paths (by base latency) from one node to every other: Dijkstra over the link graph, with the
// bottleneck free capacity along each chosen path, for data flowing away from the source.
class NetworkDistances
{
public:
    NetworkDistances(const FederationIndex &index, int source);

    bool reachable(int node) const { return m_latencyMs[size_t(node)] < kUnreachable; }
    double latencyMs(int node) const { return m_latencyMs[size_t(node)]; }
    // Gbps; infinite for the source itself.
    double bottleneckGbps(int node) const { return m_bottleneckGbps[size_t(node)]; }

private:
    static constexpr double kUnreachable = 1e300;
    std::vector<double> m_latencyMs;
    std::vector<double> m_bottleneckGbps;
};

} // namespace cpn::placement
