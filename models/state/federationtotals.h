#pragma once

#include "state/nodeentry.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <array>

namespace cpn {

struct FreshnessRule;

// Sums over the nodes of one region (the nation, a province, a tier or a 1+M+N subtree) at one
// sample time. Only reporting nodes contribute figures: a node whose newest sample is older than the
// not-reporting limit is counted in `nodes` but adds no load, power or free cards.
struct RegionTotals
{
    int nodes = 0;
    int reporting = 0;
    int acceleratorsTotal = 0;     // installed on every listed node
    int acceleratorsReporting = 0; // installed on reporting nodes
    double acceleratorsBusy = 0;   // cards in use on reporting nodes
    double cpuUtil = 0;            // 0..1, weighted by CPU cores
    double memoryUtil = 0;         // 0..1, weighted by memory size
    double powerKw = 0;
    int runningJobs = 0;
    int queuedJobs = 0;

    // 0..1 over the reporting nodes' cards; 0 without any.
    double acceleratorUtil() const
    {
        return acceleratorsReporting > 0 ? acceleratorsBusy / acceleratorsReporting : 0;
    }
};

// Which regions each node adds into, worked out once per directory: a tick's totals are then sums
// into arrays, not a string lookup per node, province and ancestor.
struct TotalsLayout
{
    QStringList provinces;         // the distinct ISO 3166-2:CN codes
    QList<int> provinceOf;         // by row: index into provinces, -1 for none
    QList<int> subtreeRoots;       // rows of the nodes with children
    QList<QList<int>> ancestorsOf; // by row: indexes into subtreeRoots of the subtrees it is under

    static TotalsLayout of(const QList<NodeEntry> &entries, const QHash<QString, int> &rowById);
};

// Every total the console shows, computed once per tick from the newest sample of each node at that
// tick, so the overview, the map, the charts and the cache agree.
struct FederationTotals
{
    qint64 tsMs = 0; // the tick these totals describe; 0: none yet
    RegionTotals national;
    std::array<RegionTotals, 3> byTier{};    // indexed by int(NodeTier)
    QHash<QString, RegionTotals> byProvince; // ISO 3166-2:CN code
    QHash<QString, RegionTotals> bySubtree;  // node id of every node with children: it and all below it

    static FederationTotals compute(const QList<NodeEntry> &entries, const TotalsLayout &layout, qint64 tsMs,
                                    const FreshnessRule &rule);
};

} // namespace cpn

Q_DECLARE_METATYPE(cpn::FederationTotals)
