#include "state/federationtotals.h"

#include "state/freshness.h"

#include <algorithm>
#include <vector>

namespace cpn {

namespace {

// A parent chain longer than this is a loop in a hostile directory, not a hierarchy.
constexpr int kMaxDepth = 16;

void addReporting(RegionTotals &t, const NodeEntry &entry, double &busyCores, double &cores, double &busyMemory,
                  double &memory)
{
    const Node &node = entry.node;
    const NodeSample &s = *entry.sample;
    ++t.reporting;
    const double nodeCores = std::max(1, node.capacity.cpuCores);
    busyCores += s.cpuUtil * nodeCores;
    cores += nodeCores;
    const double nodeMemory = node.capacity.memoryTiB > 0 ? node.capacity.memoryTiB : 1.0;
    busyMemory += s.memoryUtil * nodeMemory;
    memory += nodeMemory;
    t.acceleratorsReporting += node.capacity.acceleratorCount();
    t.acceleratorsBusy += entry.busyAccelerators;
    t.powerKw += s.powerKw;
    t.runningJobs += s.runningJobs;
    t.queuedJobs += s.queuedJobs;
}

// Weighted means need their denominators until the end.
struct Accumulator
{
    RegionTotals totals;
    double busyCores = 0, cores = 0, busyMemory = 0, memory = 0;

    void add(const NodeEntry &entry, bool reporting)
    {
        ++totals.nodes;
        totals.acceleratorsTotal += entry.node.capacity.acceleratorCount();
        if (reporting)
            addReporting(totals, entry, busyCores, cores, busyMemory, memory);
    }
    RegionTotals finish() const
    {
        RegionTotals t = totals;
        t.cpuUtil = cores > 0 ? busyCores / cores : 0;
        t.memoryUtil = memory > 0 ? busyMemory / memory : 0;
        return t;
    }
};

// Whether a node's newest sample counts at tsMs: not after the tick and not too old for it.
bool reportsAt(const NodeEntry &entry, qint64 tsMs, const FreshnessRule &rule)
{
    return entry.sample && entry.sample->tsMs <= tsMs && entry.sample->status != NodeStatus::Offline
           && rule.of(tsMs - entry.sample->tsMs) != Freshness::NotReporting;
}

} // namespace

TotalsLayout TotalsLayout::of(const QList<NodeEntry> &entries, const QHash<QString, int> &rowById)
{
    TotalsLayout layout;
    QHash<QString, int> provinceIndex;
    QHash<int, int> subtreeIndex; // by root row
    layout.provinceOf.reserve(entries.size());
    layout.ancestorsOf.reserve(entries.size());
    for (const NodeEntry &entry : entries) {
        const Node &node = entry.node;
        int province = -1;
        if (!node.province.isEmpty()) {
            province = int(provinceIndex.value(node.province, layout.provinces.size()));
            if (province == layout.provinces.size()) {
                provinceIndex.insert(node.province, province);
                layout.provinces.append(node.province);
            }
        }
        layout.provinceOf.append(province);
        // Every ancestor's subtree; a subtree's own root is added as its own ancestor below.
        QList<int> ancestors;
        QString parent = node.parentId;
        for (int depth = 0; depth < kMaxDepth && !parent.isEmpty(); ++depth) {
            const auto it = rowById.constFind(parent);
            if (it == rowById.constEnd())
                break;
            int subtree = subtreeIndex.value(*it, -1);
            if (subtree < 0) {
                subtree = int(layout.subtreeRoots.size());
                subtreeIndex.insert(*it, subtree);
                layout.subtreeRoots.append(*it);
            }
            if (ancestors.contains(subtree))
                break; // a loop in a hostile directory
            ancestors.append(subtree);
            parent = entries.at(*it).node.parentId;
        }
        layout.ancestorsOf.append(ancestors);
    }
    // A subtree includes its root node.
    for (qsizetype subtree = 0; subtree < layout.subtreeRoots.size(); ++subtree) {
        QList<int> &ofRoot = layout.ancestorsOf[layout.subtreeRoots.at(subtree)];
        if (!ofRoot.contains(int(subtree)))
            ofRoot.append(int(subtree));
    }
    return layout;
}

FederationTotals FederationTotals::compute(const QList<NodeEntry> &entries, const TotalsLayout &layout, qint64 tsMs,
                                           const FreshnessRule &rule)
{
    Accumulator national;
    std::array<Accumulator, 3> tiers;
    std::vector<Accumulator> provinces(size_t(layout.provinces.size()));
    std::vector<Accumulator> subtrees(size_t(layout.subtreeRoots.size()));
    for (qsizetype row = 0; row < entries.size(); ++row) {
        const NodeEntry &entry = entries.at(row);
        const bool reporting = reportsAt(entry, tsMs, rule);
        national.add(entry, reporting);
        tiers[std::clamp(int(entry.node.tier), 0, 2)].add(entry, reporting);
        if (row >= layout.provinceOf.size())
            continue; // a layout of another directory: only the national and tier totals
        if (const int province = layout.provinceOf.at(row); province >= 0)
            provinces[size_t(province)].add(entry, reporting);
        for (const int subtree : layout.ancestorsOf.at(row))
            subtrees[size_t(subtree)].add(entry, reporting);
    }
    FederationTotals totals;
    totals.tsMs = tsMs;
    totals.national = national.finish();
    for (int tier = 0; tier < 3; ++tier)
        totals.byTier[tier] = tiers[tier].finish();
    totals.byProvince.reserve(layout.provinces.size());
    for (qsizetype i = 0; i < layout.provinces.size(); ++i)
        totals.byProvince.insert(layout.provinces.at(i), provinces[size_t(i)].finish());
    totals.bySubtree.reserve(layout.subtreeRoots.size());
    for (qsizetype i = 0; i < layout.subtreeRoots.size(); ++i)
        totals.bySubtree.insert(entries.at(layout.subtreeRoots.at(i)).node.id, subtrees[size_t(i)].finish());
    return totals;
}

} // namespace cpn
