#pragma once

#include "domain/link.h"
#include "domain/node.h"

#include <QHash>
#include <QList>

#include <functional>
#include <memory>
#include <vector>
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

// The links as a graph of node indices, built once for many shortest-path trees.
class LinkGraph
{
public:
    struct Edge
    {
        int to = -1;
        int link = -1; // index into the links given
        double baseMs = 0;
    };
    explicit LinkGraph(const QList<Link> &links);
    int indexOf(const QString &nodeId) const { return m_index.value(nodeId, -1); }
    const QString &idAt(int node) const { return m_ids[node]; }
    int size() const { return int(m_ids.size()); }
    const std::vector<Edge> &edges(int node) const { return m_edges[size_t(node)]; }

private:
    QHash<QString, int> m_index;
    QStringList m_ids;
    std::vector<std::vector<Edge>> m_edges;
};

// Shortest paths by base latency from one node to every node the links reach (Dijkstra; of two equally
// short paths the one settled first wins, so the answer never depends on hash order).
class PathTree
{
public:
    struct Path
    {
        double baseMs = 0;
        QList<int> links; // indices into the links given, from the source outwards
    };

    PathTree(const LinkGraph &graph, const QString &source);
    PathTree(const QList<Link> &links, const QString &source); // a graph of its own

    std::optional<Path> pathTo(const QString &nodeId) const;
    // The nodes reached, nearest first (the source first), as graph indices; and how each was reached.
    const std::vector<int> &settled() const { return m_settled; }
    int viaLink(int node) const { return m_viaLink[size_t(node)]; }     // -1 for the source
    int previous(int node) const { return m_previous[size_t(node)]; } // -1 for the source
    const LinkGraph &graph() const { return *m_graph; }

private:
    void run(const QString &source);

    std::shared_ptr<const LinkGraph> m_ownGraph;
    const LinkGraph *m_graph;
    std::vector<double> m_baseMs;
    std::vector<int> m_viaLink;
    std::vector<int> m_previous;
    std::vector<int> m_settled;
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
