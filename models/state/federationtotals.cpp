#include "state/federationtotals.h"

#include "state/freshness.h"

#include <algorithm>

namespace cpn {

namespace {

// A parent chain longer than this is a loop in a hostile directory, not a hierarchy.
constexpr int kMaxDepth = 16;

void addReporting(RegionTotals &t, const Node &node, const NodeSample &s, double &busyCores, double &cores,
                  double &busyMemory, double &memory)
{
    ++t.reporting;
    const double nodeCores = std::max(1, node.capacity.cpuCores);
    busyCores += s.cpuUtil * nodeCores;
    cores += nodeCores;
    const double nodeMemory = node.capacity.memoryTiB > 0 ? node.capacity.memoryTiB : 1.0;
    busyMemory += s.memoryUtil * nodeMemory;
    memory += nodeMemory;
    for (const AcceleratorPool &pool : node.capacity.accelerators) {
        t.acceleratorsReporting += pool.count;
        t.acceleratorsBusy += pool.count * std::clamp(s.acceleratorUtil.value(pool.model, 0.0), 0.0, 1.0);
    }
    t.powerKw += s.powerKw;
    t.runningJobs += s.runningJobs;
    t.queuedJobs += s.queuedJobs;
}

// Weighted means need their denominators until the end.
struct Accumulator
{
    RegionTotals totals;
    double busyCores = 0, cores = 0, busyMemory = 0, memory = 0;

    void add(const Node &node, const NodeSample *sample)
    {
        ++totals.nodes;
        totals.acceleratorsTotal += node.capacity.acceleratorCount();
        if (sample)
            addReporting(totals, node, *sample, busyCores, cores, busyMemory, memory);
    }
    RegionTotals finish() const
    {
        RegionTotals t = totals;
        t.cpuUtil = cores > 0 ? busyCores / cores : 0;
        t.memoryUtil = memory > 0 ? busyMemory / memory : 0;
        return t;
    }
};

// The sample a node contributes at tsMs: its newest one if that is not after the tick and not too old
// for it; none while it does not report.
const NodeSample *reportingSample(const NodeEntry &entry, qint64 tsMs, const FreshnessRule &rule)
{
    if (!entry.sample || entry.sample->tsMs > tsMs || entry.sample->status == NodeStatus::Offline ||
        rule.of(tsMs - entry.sample->tsMs) == Freshness::NotReporting)
        return nullptr;
    return &*entry.sample;
}

} // namespace

FederationTotals FederationTotals::compute(const QList<NodeEntry> &entries,
                                           const QHash<QString, int> &rowById, qint64 tsMs,
                                           const FreshnessRule &rule)
{
    Accumulator national;
    std::array<Accumulator, 3> tiers;
    QHash<QString, Accumulator> provinces;
    QHash<QString, Accumulator> subtrees;
    for (const NodeEntry &entry : entries) {
        const Node &node = entry.node;
        const NodeSample *sample = reportingSample(entry, tsMs, rule);
        national.add(node, sample);
        tiers[std::clamp(int(node.tier), 0, 2)].add(node, sample);
        if (!node.province.isEmpty())
            provinces[node.province].add(node, sample);
        // Every ancestor's subtree; a subtree's own root is added below.
        QString parent = node.parentId;
        for (int depth = 0; depth < kMaxDepth && !parent.isEmpty(); ++depth) {
            const auto it = rowById.constFind(parent);
            if (it == rowById.constEnd())
                break;
            subtrees[parent].add(node, sample);
            parent = entries.at(*it).node.parentId;
        }
    }
    FederationTotals totals;
    totals.tsMs = tsMs;
    totals.national = national.finish();
    for (int tier = 0; tier < 3; ++tier)
        totals.byTier[tier] = tiers[tier].finish();
    for (auto it = provinces.cbegin(); it != provinces.cend(); ++it)
        totals.byProvince.insert(it.key(), it->finish());
    // A subtree includes its root node.
    for (auto it = subtrees.begin(); it != subtrees.end(); ++it) {
        const NodeEntry &root = entries.at(rowById.value(it.key()));
        it->add(root.node, reportingSample(root, tsMs, rule));
        totals.bySubtree.insert(it.key(), it->finish());
    }
    return totals;
}

} // namespace cpn
