#pragma once

#include "domain/node.h"

#include <QList>

namespace cpn {

class FederationState;

// The 1+M+N tree of a directory: the national node, the hubs under it, the clusters and industry nodes
// under their hubs, by each node's parentId. A node whose parent is not in the directory is a root of its
// own (a site connected beside the federation), and so is one caught in a cycle of parents (hostile data),
// whose link to its parent is dropped. Each subtree is one contiguous range of a depth-first order, so
// figures roll up for every subtree at once (HierarchyRollup). Indices are the directory's rows.
class Hierarchy
{
public:
    Hierarchy() = default;
    explicit Hierarchy(const QList<Node> &directory);

    int size() const { return int(m_parent.size()); }
    // Roots by role (national first), then name.
    const QList<int> &roots() const { return m_roots; }
    int parent(int node) const { return m_parent.at(node); }
    // Children by role (hubs, clusters, industry nodes), then name.
    const QList<int> &children(int node) const { return m_children.at(node); }
    // The node's subtree, itself first, is order()[first(node), end(node)).
    const QList<int> &order() const { return m_order; }
    int first(int node) const { return m_first.at(node); }
    int end(int node) const { return m_end.at(node); }
    int subtreeSize(int node) const { return m_end.at(node) - m_first.at(node); }
    // Whether `node` is in `ancestor`'s subtree (itself included).
    bool contains(int ancestor, int node) const;
    // From the node's root down to the node: where it stands, for a breadcrumb.
    QList<int> path(int node) const;

private:
    QList<int> m_parent;
    QList<QList<int>> m_children;
    QList<int> m_roots;
    QList<int> m_order;
    QList<int> m_first;
    QList<int> m_end;
};

// What one node or one subtree adds up to.
struct SubtreeFigures
{
    int nodes = 0;
    int reporting = 0; // with data newer than the not-reporting limit
    int acceleratorsTotal = 0;
    double acceleratorsBusy = 0;
    int openAlarms = 0;
    double busyWeight = 0; // utilization x weight (accelerators, or CPU cores / 100 without)
    double weight = 0;     // of the reporting nodes
    double utilization() const { return weight > 0 ? busyWeight / weight : 0; }
    int acceleratorsFree() const { return std::max(0, acceleratorsTotal - int(acceleratorsBusy + 0.5)); }
    SubtreeFigures &operator+=(const SubtreeFigures &o);
    friend SubtreeFigures operator-(SubtreeFigures a, const SubtreeFigures &b);
};

// Every subtree's figures from every node's, in one pass: prefix sums over the depth-first order, so a
// subtree's are one difference, however deep or wide it is.
class HierarchyRollup
{
public:
    // `perNode` by directory row (nodeFigures()); the hierarchy must outlive the roll-up.
    void compute(const Hierarchy &tree, const QList<SubtreeFigures> &perNode);
    SubtreeFigures of(int node) const;

private:
    const Hierarchy *m_tree = nullptr;
    QList<SubtreeFigures> m_prefix; // by depth-first position; m_prefix[i] sums positions [0, i)
};

// Each node's own figures in the state now (open alarms left at 0: the caller knows them).
QList<SubtreeFigures> nodeFigures(const FederationState &state);

} // namespace cpn
