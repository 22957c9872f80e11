#include "state/hierarchy.h"

#include "state/federationstate.h"

#include <QCollator>
#include <QHash>

#include <algorithm>

namespace cpn {

Hierarchy::Hierarchy(const QList<Node> &directory)
{
    const int n = int(directory.size());
    QHash<QString, int> rowOf;
    rowOf.reserve(n);
    for (int i = 0; i < n; ++i)
        rowOf.insert(directory[i].id, i);
    m_parent.fill(-1, n);
    m_children.resize(n);
    for (int i = 0; i < n; ++i) {
        const int parent = rowOf.value(directory[i].parentId, -1);
        if (parent >= 0 && parent != i)
            m_parent[i] = parent;
    }
    // A cycle of parents has no root to be reached from: its first node becomes one.
    std::vector<char> state(size_t(n), 0); // 0 unseen, 1 on the current walk, 2 settled
    for (int i = 0; i < n; ++i) {
        QList<int> walk;
        int at = i;
        while (at >= 0 && state[size_t(at)] == 0) {
            state[size_t(at)] = 1;
            walk.append(at);
            at = m_parent[at];
        }
        if (at >= 0 && state[size_t(at)] == 1)
            m_parent[at] = -1; // back on this walk: a cycle, cut above `at`
        for (int w : std::as_const(walk))
            state[size_t(w)] = 2;
    }
    QCollator collator;
    collator.setNumericMode(true);
    const auto before = [&](int a, int b) {
        const int ra = roleRank(directory[a].role), rb = roleRank(directory[b].role);
        if (ra != rb)
            return ra < rb;
        const int byName = collator.compare(directory[a].name, directory[b].name);
        return byName != 0 ? byName < 0 : directory[a].id < directory[b].id;
    };
    for (int i = 0; i < n; ++i) {
        if (m_parent[i] < 0)
            m_roots.append(i);
        else
            m_children[m_parent[i]].append(i);
    }
    std::sort(m_roots.begin(), m_roots.end(), before);
    for (QList<int> &children : m_children)
        std::sort(children.begin(), children.end(), before);
    // Depth first, without recursion: a hostile directory may be one long chain.
    m_first.fill(0, n);
    m_end.fill(0, n);
    m_order.reserve(n);
    QList<std::pair<int, int>> stack; // (node, next child)
    for (int root : std::as_const(m_roots)) {
        m_first[root] = int(m_order.size());
        m_order.append(root);
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            if (next < m_children[node].size()) {
                const int child = m_children[node][next++];
                m_first[child] = int(m_order.size());
                m_order.append(child);
                stack.append({child, 0});
            } else {
                m_end[node] = int(m_order.size());
                stack.removeLast();
            }
        }
    }
}

bool Hierarchy::contains(int ancestor, int node) const
{
    return m_first.at(ancestor) <= m_first.at(node) && m_first.at(node) < m_end.at(ancestor);
}

QList<int> Hierarchy::path(int node) const
{
    QList<int> path;
    for (int at = node; at >= 0; at = m_parent.at(at))
        path.prepend(at);
    return path;
}

SubtreeFigures &SubtreeFigures::operator+=(const SubtreeFigures &o)
{
    nodes += o.nodes;
    reporting += o.reporting;
    acceleratorsTotal += o.acceleratorsTotal;
    acceleratorsBusy += o.acceleratorsBusy;
    openAlarms += o.openAlarms;
    busyWeight += o.busyWeight;
    weight += o.weight;
    return *this;
}

SubtreeFigures operator-(SubtreeFigures a, const SubtreeFigures &b)
{
    a.nodes -= b.nodes;
    a.reporting -= b.reporting;
    a.acceleratorsTotal -= b.acceleratorsTotal;
    a.acceleratorsBusy -= b.acceleratorsBusy;
    a.openAlarms -= b.openAlarms;
    a.busyWeight -= b.busyWeight;
    a.weight -= b.weight;
    return a;
}

void HierarchyRollup::compute(const Hierarchy &tree, const QList<SubtreeFigures> &perNode)
{
    m_tree = &tree;
    m_prefix.resize(tree.order().size() + 1);
    m_prefix[0] = {};
    for (qsizetype i = 0; i < tree.order().size(); ++i) {
        m_prefix[i + 1] = m_prefix[i];
        const int row = tree.order()[i];
        if (row < perNode.size())
            m_prefix[i + 1] += perNode[row];
    }
}

SubtreeFigures HierarchyRollup::of(int node) const
{
    if (!m_tree || node < 0 || node >= m_tree->size())
        return {};
    return m_prefix[m_tree->end(node)] - m_prefix[m_tree->first(node)];
}

QList<SubtreeFigures> nodeFigures(const FederationState &state)
{
    QList<SubtreeFigures> figures(state.nodeCount());
    for (qsizetype row = 0; row < state.nodeCount(); ++row) {
        const NodeEntry &entry = state.entryAt(row);
        SubtreeFigures &f = figures[row];
        f.nodes = 1;
        f.acceleratorsTotal = entry.node.capacity.acceleratorCount();
        if (!entry.sample || state.freshnessAt(row) == Freshness::NotReporting)
            continue;
        f.reporting = 1;
        f.acceleratorsBusy = entry.busyAccelerators;
        // Weighted as the map's province shading: by accelerators, or by CPU cores / 100 without.
        if (f.acceleratorsTotal > 0) {
            f.weight = f.acceleratorsTotal;
            f.busyWeight = entry.busyAccelerators;
        } else {
            f.weight = entry.node.capacity.cpuCores / 100.0;
            f.busyWeight = f.weight * entry.sample->cpuUtil;
        }
    }
    return figures;
}

} // namespace cpn
