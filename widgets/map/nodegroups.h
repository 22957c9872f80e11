#pragma once

#include "state/displaystatus.h"

#include <QList>
#include <QPointF>

#include <array>
#include <climits>
#include <vector>

namespace cpn::map {

struct MapNode;
struct MapLink;

// Nodes that would pile on each other at national zoom, drawn as one symbol with their count (as map
// cluster layers do), and opened as the user zooms in. Only clusters and industry nodes are grouped: the
// national node and the hubs stay themselves. A federation of fewer than kMinNodes nodes is never grouped.
struct NodeGroup
{
    QPointF km;         // the members' centre
    QList<int> members; // node indices, the biggest first
    std::array<int, 5> byStatus{}; // members per DisplayStatus
    DisplayStatus worst = DisplayStatus::Online;
    double utilization = 0; // weighted by capacity, over the members that report
    int acceleratorsTotal = 0;
    int acceleratorsFree = 0;
    int count() const { return int(members.size()); }
};

// The links that end in a group, merged per pair of ends: one line where dozens would be drawn.
struct GroupLink
{
    QPointF aKm;
    QPointF bKm;
    int links = 0;
    double capacityGbps = 0;
    double utilization = 0; // the busiest of them
    bool reported = false;  // any of them
    bool down = false;      // all of them reported down
};

class NodeGroups
{
public:
    static constexpr int kMinNodes = 300;
    // Members sit within this many pixels of their group's first member.
    static constexpr double kRadiusPx = 44;

    // Groups the shown nodes at this scale (px/km); false when the grouping is the one already made.
    // Regroups only when the scale moved by a step (about a fifth) or `force` (new nodes, a new filter).
    bool regroup(const QList<MapNode> &nodes, const QList<MapLink> &links, double pxPerKm, bool force);
    // The groups' figures and links from the nodes' and links' current states (a new tick).
    void refresh(const QList<MapNode> &nodes, const QList<MapLink> &links);

    bool isActive() const { return !m_groups.isEmpty(); }
    bool isGrouped(int node) const { return node >= 0 && size_t(node) < m_groupOf.size() && m_groupOf[size_t(node)] >= 0; }
    int groupOf(int node) const { return isGrouped(node) ? m_groupOf[size_t(node)] : -1; }
    const QList<NodeGroup> &groups() const { return m_groups; }
    const QList<GroupLink> &links() const { return m_links; }

    // The symbol's radius in pixels for a group of `count` members.
    static double radiusPx(int count);

private:
    std::vector<int> m_groupOf; // by node: its group, or -1
    QList<NodeGroup> m_groups;
    QList<GroupLink> m_links;
    int m_scaleStep = INT_MIN;
};

} // namespace cpn::map
