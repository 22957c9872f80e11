#pragma once

#include "domain/link.h"
#include "domain/node.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

// The latency targets of the national computing-power network (NDRC and National Data Bureau, December
// 2023): 20 ms between national hubs, 5 ms within a region (a hub and the nodes under it), 1 ms within
// a city. A pair's latency is that of its shortest path over the links by base latency, the path
// placement routes data along, measured as the sum of its links' latest latencies.
namespace cpn::latency {

enum class Scope { City, Region, BetweenHubs };
double targetMs(Scope scope);
// A pair whose path at base latency takes more than this share of its target has no headroom: it misses the
// target by the network's design (distance, hops), not by a fault, and is shown so rather than alarmed.
inline constexpr double kHeadroom = 0.9;

// Shortest paths by base latency from one node to every node the links reach (Dijkstra; of two equally
// short paths the one found first over the lower link index wins, so the answer never depends on hash order).
class PathTree
{
public:
    struct Path
    {
        double baseMs = 0;
        QList<int> links; // indices into the links given, from the source outwards
    };

    PathTree(const QList<Link> &links, const QString &source);
    const Path *pathTo(const QString &nodeId) const;
    const QHash<QString, Path> &paths() const { return m_paths; }

private:
    QHash<QString, Path> m_paths;
};

// A pair of nodes under a target: two hubs, or a hub and a node of its region (of its city: 1 ms).
struct TargetPair
{
    QString a;
    QString b;
    Scope scope = Scope::BetweenHubs;
    QList<int> links; // the path from a to b; empty when the links do not join them
    double targetMs() const { return latency::targetMs(scope); }
};

// Every pair of hubs, then every hub with each node whose parent it is, in the order of the hubs' ids.
QList<TargetPair> targetPairs(const QList<Node> &nodes, const QList<Link> &links);

// The pair's latency now: the sum of its links' latencies, or nullopt when a link has none (down, no sample)
// or the path is missing.
std::optional<double> pathLatencyMs(const TargetPair &pair,
                                    const std::function<std::optional<double>(int linkIndex)> &latencyOf);

// From the tree's source, every node whose path has a latency now (the rings on the map): node id -> ms.
QHash<QString, double> pathLatencies(const PathTree &tree,
                                     const std::function<std::optional<double>(int linkIndex)> &latencyOf);

} // namespace cpn::latency
