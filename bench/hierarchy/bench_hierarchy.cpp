// How long the 1+M+N tree of cpn-nodesim's synthetic:2000 scenario takes to build and roll up, so that
// choosing a subtree in the Hierarchy dock stays instant at scale:
//   hierarchy.build_ms.2000            the tree from the directory's parentIds (once per directory)
//   hierarchy.rollup_ms.2000           every subtree's figures from every node's (once per tick)
//   hierarchy.rollup_ms.2000_baseline  the same figures, each subtree summed by walking it
// and what the Latency Targets dock costs on the same federation:
//   latency.pairs_ms.2000              every pair under a target with its path (one shortest-path tree a hub;
//                                      when the directory's nodes or links change)
//   latency.pairs_ms.2000_baseline     the same pairs, one shortest-path tree a pair
//   latency.rings_ms.2000              the rings from one hub: its tree and every node's latency now (a tick)
// Medians of several runs.
#include "common/median.h"
#include "scenariobuilder.h"
#include "state/hierarchy.h"
#include "domain/latencytargets.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <functional>

using namespace cpn;
using benchstats::median;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const sim::Scenario scenario = sim::ScenarioBuilder::synthetic(2000, 42);
    const QList<Node> nodes = scenario.nodes();
    QList<SubtreeFigures> perNode(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        perNode[i].nodes = 1;
        perNode[i].reporting = 1;
        perNode[i].acceleratorsTotal = nodes[i].capacity.acceleratorCount();
        perNode[i].acceleratorsBusy = perNode[i].acceleratorsTotal * 0.4;
        perNode[i].weight = perNode[i].acceleratorsTotal;
        perNode[i].busyWeight = perNode[i].acceleratorsBusy;
    }
    constexpr int kRuns = 15;
    QList<double> builds, rollups, baselines;
    double sink = 0;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Hierarchy tree(nodes);
        builds.append(timer.nsecsElapsed() / 1e6);

        timer.restart();
        HierarchyRollup rollup;
        rollup.compute(tree, perNode);
        for (int i = 0; i < tree.size(); ++i)
            sink += rollup.of(i).acceleratorsTotal;
        rollups.append(timer.nsecsElapsed() / 1e6);

        // Baseline: every subtree summed by walking it, as a tree view asking each row would.
        timer.restart();
        const std::function<SubtreeFigures(int)> walk = [&](int at) {
            SubtreeFigures sum = perNode[at];
            for (int child : tree.children(at))
                sum += walk(child);
            return sum;
        };
        for (int i = 0; i < tree.size(); ++i)
            sink -= walk(i).acceleratorsTotal;
        baselines.append(timer.nsecsElapsed() / 1e6);
    }
    std::fprintf(stderr, "bench_hierarchy: %lld nodes, check %g (0 when both agree)\n", qlonglong(nodes.size()), sink);
    std::printf("hierarchy.build_ms.2000: %.3f ms\n", median(builds));
    std::printf("hierarchy.rollup_ms.2000: %.3f ms\n", median(rollups));
    std::printf("hierarchy.rollup_ms.2000_baseline: %.3f ms\n", median(baselines));

    const QList<Link> &links = scenario.links();
    QList<double> pairs, pairsBaseline, rings;
    qsizetype pairCount = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QList<latency::TargetPair> all = latency::targetPairs(nodes, links);
        pairs.append(timer.nsecsElapsed() / 1e6);
        pairCount = all.size();

        // Baseline: a tree for every pair, as asking each cell on its own would.
        timer.restart();
        for (const latency::TargetPair &pair : all)
            sink += latency::PathTree(links, pair.a).pathTo(pair.b).value_or(latency::PathTree::Path{}).baseMs;
        pairsBaseline.append(timer.nsecsElapsed() / 1e6);

        timer.restart();
        const latency::PathTree tree(links, all.first().a);
        const QHash<QString, double> ms =
            latency::pathLatencies(tree, [&](int link) -> std::optional<double> { return links[link].baseLatencyMs * 1.1; });
        sink += ms.size();
        rings.append(timer.nsecsElapsed() / 1e6);
    }
    std::fprintf(stderr, "bench_hierarchy: %lld pairs under a latency target\n", qlonglong(pairCount));
    std::printf("latency.pairs_ms.2000: %.3f ms\n", median(pairs));
    std::printf("latency.pairs_ms.2000_baseline: %.3f ms\n", median(pairsBaseline));
    std::printf("latency.rings_ms.2000: %.3f ms\n", median(rings));
    return sink == 0 ? 0 : 1;
}
