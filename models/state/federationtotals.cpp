#include "state/federationtotals.h"

#include "state/freshness.h"

#include <algorithm>
#include <vector>

namespace cpn {

namespace {

// A parent chain longer than this is a loop in a hostile directory, not a hierarchy.
constexpr int kMaxDepth = 16;

// What one node adds to each region it is in, worked out once per node and tick.
struct Contribution
{
    int accelerators = 0;
    bool reporting = false;
    double busyAccelerators = 0, busyCores = 0, cores = 0, busyMemory = 0, memory = 0, powerKw = 0;
    int runningJobs = 0, queuedJobs = 0;

    Contribution(const NodeEntry &entry, bool reports)
        : accelerators(entry.node.capacity.acceleratorCount()), reporting(reports)
    {
        if (!reporting)
            return;
        const Node &node = entry.node;
        const NodeSample &s = *entry.sample;
        cores = std::max(1, node.capacity.cpuCores);
        busyCores = s.cpuUtil * cores;
        memory = node.capacity.memoryTiB > 0 ? node.capacity.memoryTiB : 1.0;
        busyMemory = s.memoryUtil * memory;
        busyAccelerators = entry.busyAccelerators;
        powerKw = s.powerKw;
        runningJobs = s.runningJobs;
        queuedJobs = s.queuedJobs;
    }
};

// Weighted means need their denominators until the end.
struct Accumulator
{
    RegionTotals totals;
    double busyCores = 0, cores = 0, busyMemory = 0, memory = 0;

    void add(const Contribution &node)
    {
        ++totals.nodes;
        totals.acceleratorsTotal += node.accelerators;
        if (!node.reporting)
            return;
        ++totals.reporting;
        busyCores += node.busyCores;
        cores += node.cores;
        busyMemory += node.busyMemory;
        memory += node.memory;
        totals.acceleratorsReporting += node.accelerators;
        totals.acceleratorsBusy += node.busyAccelerators;
        totals.powerKw += node.powerKw;
        totals.runningJobs += node.runningJobs;
        totals.queuedJobs += node.queuedJobs;
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
        const Contribution node(entry, reportsAt(entry, tsMs, rule));
        national.add(node);
        tiers[std::clamp(int(entry.node.tier), 0, 2)].add(node);
        if (row >= layout.provinceOf.size())
            continue; // a layout of another directory: only the national and tier totals
        if (const int province = layout.provinceOf.at(row); province >= 0)
            provinces[size_t(province)].add(node);
        for (const int subtree : layout.ancestorsOf.at(row))
            subtrees[size_t(subtree)].add(node);
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
