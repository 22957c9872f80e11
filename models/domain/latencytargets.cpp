#include "domain/latencytargets.h"

#include <cmath>
#include <limits>
#include <queue>

namespace cpn::latency {

double targetMs(Scope scope)
{
    switch (scope) {
    case Scope::City:
        return 1;
    case Scope::Region:
        return 5;
    case Scope::BetweenHubs:
        return 20;
    }
    return 0;
}

LinkGraph::LinkGraph(const QList<Link> &links)
{
    const auto node = [this](const QString &id) {
        const auto it = m_index.constFind(id);
        if (it != m_index.cend())
            return *it;
        const int i = int(m_ids.size());
        m_index.insert(id, i);
        m_ids.append(id);
        m_edges.emplace_back();
        return i;
    };
    for (int i = 0; i < links.size(); ++i) {
        const int a = node(links[i].a);
        const int b = node(links[i].b);
        m_edges[size_t(a)].push_back({b, i, links[i].baseLatencyMs});
        m_edges[size_t(b)].push_back({a, i, links[i].baseLatencyMs});
    }
}

PathTree::PathTree(const LinkGraph &graph, const QString &source) : m_graph(&graph)
{
    run(source);
}

PathTree::PathTree(const QList<Link> &links, const QString &source)
    : m_ownGraph(std::make_shared<LinkGraph>(links)), m_graph(m_ownGraph.get())
{
    run(source);
}

void PathTree::run(const QString &sourceId)
{
    constexpr double kUnreached = std::numeric_limits<double>::infinity();
    const size_t n = size_t(m_graph->size());
    m_baseMs.assign(n, kUnreached);
    m_viaLink.assign(n, -1);
    m_previous.assign(n, -1);
    const int source = m_graph->indexOf(sourceId);
    if (source < 0)
        return;
    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    std::vector<bool> done(n, false);
    m_baseMs[size_t(source)] = 0;
    queue.push({0, source});
    while (!queue.empty()) {
        const auto [latency, u] = queue.top();
        queue.pop();
        if (done[size_t(u)])
            continue;
        done[size_t(u)] = true;
        m_settled.push_back(u);
        for (const LinkGraph::Edge &e : m_graph->edges(u)) {
            const double candidate = latency + e.baseMs;
            if (!done[size_t(e.to)] && candidate < m_baseMs[size_t(e.to)]) {
                m_baseMs[size_t(e.to)] = candidate;
                m_viaLink[size_t(e.to)] = e.link;
                m_previous[size_t(e.to)] = u;
                queue.push({candidate, e.to});
            }
        }
    }
}

std::optional<PathTree::Path> PathTree::pathTo(const QString &nodeId) const
{
    const int node = m_graph->indexOf(nodeId);
    if (node < 0 || m_baseMs[size_t(node)] == std::numeric_limits<double>::infinity())
        return std::nullopt;
    Path path{m_baseMs[size_t(node)], {}};
    for (int at = node; m_viaLink[size_t(at)] >= 0; at = m_previous[size_t(at)])
        path.links.prepend(m_viaLink[size_t(at)]);
    return path;
}

QList<TargetPair> targetPairs(const QList<Node> &nodes, const QList<Link> &links)
{
    QList<const Node *> hubs;
    for (const Node &n : nodes) {
        if (n.role == NodeRole::Hub)
            hubs.append(&n);
    }
    std::sort(hubs.begin(), hubs.end(), [](const Node *x, const Node *y) { return x->id < y->id; });
    QList<TargetPair> pairs;
    QList<TargetPair> regional;
    const LinkGraph graph(links);
    for (qsizetype i = 0; i < hubs.size(); ++i) {
        const PathTree tree(graph, hubs[i]->id);
        const auto pair = [&tree](const QString &a, const QString &b, Scope scope) {
            const std::optional<PathTree::Path> path = tree.pathTo(b);
            return TargetPair{a, b, scope, path ? path->links : QList<int>{}};
        };
        for (qsizetype j = i + 1; j < hubs.size(); ++j)
            pairs.append(pair(hubs[i]->id, hubs[j]->id, Scope::BetweenHubs));
        for (const Node &n : nodes) {
            if (n.parentId != hubs[i]->id)
                continue;
            const bool sameCity = !n.city.isEmpty() && n.city == hubs[i]->city;
            regional.append(pair(hubs[i]->id, n.id, sameCity ? Scope::City : Scope::Region));
        }
    }
    return pairs + regional;
}

std::optional<double> pathLatencyMs(const TargetPair &pair,
                                    const std::function<std::optional<double>(int linkIndex)> &latencyOf)
{
    if (pair.links.isEmpty())
        return std::nullopt;
    double total = 0;
    for (int link : pair.links) {
        const std::optional<double> ms = latencyOf(link);
        if (!ms)
            return std::nullopt;
        total += *ms;
    }
    return total;
}

QHash<QString, double> pathLatencies(const PathTree &tree,
                                     const std::function<std::optional<double>(int linkIndex)> &latencyOf)
{
    // Nearest first, so each node's path is its predecessor's plus one link.
    std::vector<double> ms(size_t(tree.graph().size()), std::numeric_limits<double>::quiet_NaN());
    QHash<QString, double> result;
    for (int node : tree.settled()) {
        const int link = tree.viaLink(node);
        if (link < 0) {
            ms[size_t(node)] = 0;
        } else {
            const std::optional<double> step = latencyOf(link);
            ms[size_t(node)] = step ? ms[size_t(tree.previous(node))] + *step : std::numeric_limits<double>::quiet_NaN();
        }
        if (!std::isnan(ms[size_t(node)]))
            result.insert(tree.graph().idAt(node), ms[size_t(node)]);
    }
    return result;
}

} // namespace cpn::latency
