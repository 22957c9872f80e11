#include "placement/routes.h"

namespace cpn::placement {

Routes::Routes(const FederationIndex &index, const Location &location, bool cachePaths)
    : m_index(index), m_cachePaths(cachePaths)
{
    switch (location.kind) {
    case Location::Kind::None: return;
    case Location::Kind::Node:
        // A node the snapshot does not know cannot be located: the location counts as unset.
        m_access = index.indexOf(location.nodeId);
        if (m_access >= 0)
            m_point = index.position(m_access);
        break;
    case Location::Kind::Place:
        m_point = {location.lat, location.lon};
        m_access = index.nearestNode(m_point);
        if (m_access >= 0)
            m_accessLatencyMs = greatCircleLatencyMs(m_point, index.position(m_access));
        break;
    }
    if (m_access >= 0 && m_cachePaths)
        m_distances.emplace(index, m_access);
}

Routes::Path Routes::pathTo(int node) const
{
    if (m_distances)
        return {m_distances->reachable(node), m_distances->latencyMs(node), m_distances->bottleneckGbps(node)};
    const NetworkDistances fresh(m_index, m_access);
    return {fresh.reachable(node), fresh.latencyMs(node), fresh.bottleneckGbps(node)};
}

double Routes::latencyMsTo(int node) const
{
    if (!isSet())
        return 0;
    const Path path = pathTo(node);
    if (!path.reachable)
        return greatCircleLatencyMs(m_point, m_index.position(node));
    return m_accessLatencyMs + path.latencyMs;
}

double Routes::transferHoursTo(int node, double dataTB) const
{
    if (!isSet() || dataTB <= 0 || node == m_access)
        return 0;
    constexpr double kGbitPerTB = 8000.0;
    const Path path = pathTo(node);
    const double gbps = path.reachable ? path.bottleneckGbps : kNoPathGbps;
    return dataTB * kGbitPerTB / gbps / 3600.0;
}

} // namespace cpn::placement
