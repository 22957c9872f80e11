#include "widgets/map/nodegroups.h"

#include "widgets/map/mapscene.h"
#include "widgets/map/spatialgrid.h"

#include <QHash>

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

namespace cpn::map {

namespace {

bool groupable(const MapNode &node)
{
    return node.visible && (node.role == NodeRole::Cluster || node.role == NodeRole::Industry);
}

} // namespace

double NodeGroups::radiusPx(int count)
{
    return std::min(22.0, 9 + 2.2 * std::log2(std::max(2, count)));
}

bool NodeGroups::regroup(const QList<MapNode> &nodes, const QList<MapLink> &links, double pxPerKm, bool force)
{
    // Steps of a fifth in scale: a small zoom keeps the groups, and so the picture, as they were.
    const int step = pxPerKm > 0 ? int(std::floor(std::log2(pxPerKm) * 4)) : INT_MIN;
    if (!force && step == m_scaleStep && m_groupOf.size() == size_t(nodes.size()))
        return false;
    m_scaleStep = step;
    const bool wasActive = isActive();
    m_groupOf.assign(size_t(nodes.size()), -1);
    m_groups.clear();
    m_links.clear();
    if (nodes.size() < kMinNodes || pxPerKm <= 0) {
        refresh(nodes, links);
        return wasActive;
    }
    const double radiusKm = kRadiusPx / pxPerKm;
    QList<int> order;
    QRectF bounds;
    for (int i = 0; i < nodes.size(); ++i) {
        if (!groupable(nodes[i]))
            continue;
        order.append(i);
        bounds = bounds.isNull() ? QRectF(nodes[i].km, QSizeF(1e-6, 1e-6)) : bounds.united(QRectF(nodes[i].km, QSizeF(1e-6, 1e-6)));
    }
    // The biggest first: they anchor the groups, and a group is listed biggest member first.
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return nodes[a].capacityWeight > nodes[b].capacityWeight; });
    SpatialGrid grid;
    grid.reset(bounds.adjusted(-radiusKm, -radiusKm, radiusKm, radiusKm), std::max(radiusKm, 1e-6));
    for (int i : std::as_const(order))
        grid.addPoint(i, nodes[i].km);
    grid.build();
    std::vector<char> taken(size_t(nodes.size()), 0);
    for (int seed : std::as_const(order)) {
        if (taken[size_t(seed)])
            continue;
        QList<int> members;
        for (const SpatialGrid::Hit &hit : grid.within(nodes[seed].km, radiusKm)) {
            if (!taken[size_t(hit.id)])
                members.append(hit.id);
        }
        if (members.size() < 2)
            continue; // alone: drawn as itself
        std::stable_sort(members.begin(), members.end(),
                         [&](int a, int b) { return nodes[a].capacityWeight > nodes[b].capacityWeight; });
        NodeGroup group;
        group.members = members;
        for (int m : std::as_const(members)) {
            taken[size_t(m)] = 1;
            m_groupOf[size_t(m)] = int(m_groups.size());
            group.km += nodes[m].km;
        }
        group.km /= double(members.size());
        m_groups.append(group);
    }
    refresh(nodes, links);
    return true;
}

void NodeGroups::refresh(const QList<MapNode> &nodes, const QList<MapLink> &links)
{
    for (NodeGroup &group : m_groups) {
        group.byStatus.fill(0);
        group.worst = DisplayStatus::Online;
        group.acceleratorsTotal = group.acceleratorsFree = 0;
        double busy = 0, weight = 0;
        for (int m : std::as_const(group.members)) {
            const MapNode &node = nodes[m];
            ++group.byStatus[size_t(node.status)];
            group.worst = std::max(group.worst, node.status); // declared from best to worst
            group.acceleratorsTotal += node.acceleratorsTotal;
            group.acceleratorsFree += node.acceleratorsFree;
            if (node.hasSample) {
                busy += node.utilization * node.capacityWeight;
                weight += node.capacityWeight;
            }
        }
        group.utilization = weight > 0 ? busy / weight : 0;
    }
    m_links.clear();
    if (m_groups.isEmpty())
        return;
    // An end is a shown node (its index) or a group (-1 - its index); a link inside one group is not drawn.
    QHash<QPair<int, int>, int> byEnds;
    for (const MapLink &link : links) {
        if (link.a < 0 || link.b < 0 || !nodes[link.a].visible || !nodes[link.b].visible)
            continue;
        const int a = isGrouped(link.a) ? -1 - groupOf(link.a) : link.a;
        const int b = isGrouped(link.b) ? -1 - groupOf(link.b) : link.b;
        if (a >= 0 && b >= 0)
            continue; // between two nodes shown as themselves: drawn as it is
        if (a == b)
            continue;
        const QPair<int, int> key(std::min(a, b), std::max(a, b));
        auto it = byEnds.find(key);
        if (it == byEnds.end()) {
            const auto at = [&](int end) { return end >= 0 ? nodes[end].km : m_groups[-1 - end].km; };
            GroupLink merged;
            merged.aKm = at(key.first);
            merged.bKm = at(key.second);
            merged.down = true;
            it = byEnds.insert(key, int(m_links.size()));
            m_links.append(merged);
        }
        GroupLink &merged = m_links[*it];
        ++merged.links;
        merged.capacityGbps += link.capacityGbps;
        if (link.reported) {
            merged.reported = true;
            merged.utilization = std::max(merged.utilization, link.utilization());
        }
        merged.down = merged.down && link.reported && link.status == LinkStatus::Down;
    }
}

} // namespace cpn::map
