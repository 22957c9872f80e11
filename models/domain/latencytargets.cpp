#include "domain/latencytargets.h"

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

PathTree::PathTree(const QList<Link> &links, const QString &source)
{
    QHash<QString, QList<int>> adjacent; // node -> its links
    for (int i = 0; i < links.size(); ++i) {
        adjacent[links[i].a].append(i);
        adjacent[links[i].b].append(i);
    }
    m_paths.insert(source, {});
    using Entry = std::pair<double, QString>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    queue.push({0, source});
    while (!queue.empty()) {
        const auto [latency, u] = queue.top();
        queue.pop();
        const Path here = m_paths.value(u);
        if (latency > here.baseMs)
            continue;
        for (int i : adjacent.value(u)) {
            const Link &link = links[i];
            const QString &v = link.a == u ? link.b : link.a;
            const double candidate = latency + link.baseLatencyMs;
            const auto known = m_paths.constFind(v);
            if (known != m_paths.cend() && known->baseMs <= candidate)
                continue;
            Path path{candidate, here.links};
            path.links.append(i);
            m_paths.insert(v, path);
            queue.push({candidate, v});
        }
    }
}

const PathTree::Path *PathTree::pathTo(const QString &nodeId) const
{
    const auto it = m_paths.constFind(nodeId);
    return it == m_paths.cend() ? nullptr : &*it;
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
    for (qsizetype i = 0; i < hubs.size(); ++i) {
        const PathTree tree(links, hubs[i]->id);
        const auto pair = [&tree](const QString &a, const QString &b, Scope scope) {
            const PathTree::Path *path = tree.pathTo(b);
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
    QHash<QString, double> result;
    for (auto it = tree.paths().cbegin(); it != tree.paths().cend(); ++it) {
        double total = 0;
        bool known = true;
        for (int link : it->links) {
            const std::optional<double> ms = latencyOf(link);
            known = known && ms.has_value();
            total += ms.value_or(0);
        }
        if (known)
            result.insert(it.key(), total);
    }
    return result;
}

} // namespace cpn::latency
