#include "placement/networkdistances.h"

#include <limits>
#include <queue>

namespace cpn::placement {

NetworkDistances::NetworkDistances(const FederationIndex &index, int source)
    : m_latencyMs(size_t(index.size()), kUnreachable), m_bottleneckGbps(size_t(index.size()), 0)
{
    if (source < 0 || source >= index.size())
        return;
    using Entry = std::pair<double, int>; // latency, node: equal latencies settle the lower index first
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    m_latencyMs[size_t(source)] = 0;
    m_bottleneckGbps[size_t(source)] = std::numeric_limits<double>::infinity();
    queue.push({0, source});
    while (!queue.empty()) {
        const auto [latency, u] = queue.top();
        queue.pop();
        if (latency > m_latencyMs[size_t(u)])
            continue;
        for (const auto &edge : index.edges(u)) {
            const double candidate = latency + edge.latencyMs;
            const double bottleneck = std::min(m_bottleneckGbps[size_t(u)], edge.freeGbps);
            double &known = m_latencyMs[size_t(edge.to)];
            // Of two equally short paths the wider one wins, so the choice never depends on link order.
            if (candidate < known || (candidate == known && bottleneck > m_bottleneckGbps[size_t(edge.to)])) {
                const bool improved = candidate < known;
                known = candidate;
                m_bottleneckGbps[size_t(edge.to)] = bottleneck;
                if (improved)
                    queue.push({candidate, edge.to});
            }
        }
    }
}

} // namespace cpn::placement
