// How long PlacementEngine::rank() takes on a federation of 2,000 nodes and 10,000 links:
//   placement.rank_ms.2000               one training workload, shortest paths computed once per location
//   placement.rank_ms.2000_split4        a splittable batch workload (up to 4 parts)
//   placement.rank_ms.2000_no_path_cache the first workload, recomputing shortest paths for every node asked
// Medians of several runs. The federation is synthetic and deterministic (fixed seed): nodes spread over
// China's land area, the west cheaper and greener, each node linked to its nearest neighbours plus long
// backbone links, with samples and offers for every node.
#include "placement/geodistance.h"
#include "placement/placementengine.h"

#include "domain/provinces.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace cpn;
using namespace cpn::placement;

namespace {

constexpr int kNodes = 2000;
constexpr int kLinks = 10000;
constexpr qint64 kNow = 1'767'225'600'000; // 2026-01-01

// Provinces that host data centres; their capitals come from the domain's province table.
const char *const kHostProvinces[] = {
    "CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-NM", "CN-LN", "CN-JL", "CN-HL", "CN-SH", "CN-JS",
    "CN-ZJ", "CN-AH", "CN-FJ", "CN-JX", "CN-SD", "CN-HA", "CN-HB", "CN-HN", "CN-GD", "CN-GX",
    "CN-HI", "CN-CQ", "CN-SC", "CN-GZ", "CN-YN", "CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ",
};

const char *const kModels[] = {"ascend-910b", "h800", "a800", "hygon-dcu", "mlu370"};

FederationSnapshot makeFederation()
{
    std::mt19937 rng(20261125);
    std::uniform_real_distribution<double> unit(0, 1);
    std::normal_distribution<double> jitter(0, 1.2);
    FederationSnapshot s;
    s.nowMs = kNow;
    for (int i = 0; i < kNodes; ++i) {
        const Province &c = *provinceByIso(QString::fromLatin1(kHostProvinces[rng() % std::size(kHostProvinces)]));
        Node n;
        n.id = QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0'));
        n.name = n.id;
        n.province = QString::fromLatin1(c.isoCode);
        n.lat = c.capitalLat + jitter(rng);
        n.lon = c.capitalLon + jitter(rng);
        const double west = std::clamp((122.0 - n.lon) / 35.0, 0.0, 1.0); // 0 on the coast, 1 far west
        n.capacity.cpuCores = 2000 + int(rng() % 60000);
        n.capacity.memoryTiB = 10 + rng() % 300;
        n.capacity.storagePB = 1 + rng() % 50;
        n.pue = 1.1 + 0.4 * (1 - west) * unit(rng);
        n.greenShare = std::clamp(0.15 + 0.6 * west + 0.2 * (unit(rng) - 0.5), 0.0, 1.0);
        n.prices.cpuCoreHour = 0.06 + 0.04 * (1 - west);
        n.prices.memoryGiBHour = 0.004;
        n.prices.storageTBHour = 0.02;
        NodeSample sample;
        sample.nodeId = n.id;
        sample.tsMs = kNow - 500;
        sample.cpuUtil = unit(rng);
        sample.queuedJobs = int(rng() % 6);
        for (const char *m : kModels) {
            if (unit(rng) < 0.5)
                continue;
            const QString model = QString::fromLatin1(m);
            const int cards = 64 * (1 + int(rng() % 40));
            const double util = unit(rng);
            const double price = (6.0 + 8.0 * unit(rng)) * (1.25 - 0.35 * west);
            n.capacity.accelerators.append({model, cards});
            n.prices.acceleratorHour.insert(model, price);
            sample.acceleratorUtil.insert(model, util);
            s.offers.append({n.id + u'.' + model, n.id, Offer::Resource::Accelerator, model,
                             double(int(cards * (1 - util))), price, kNow + 30'000});
        }
        s.offers.append({n.id + QStringLiteral(".cpu"), n.id, Offer::Resource::Cpu, {},
                         double(int(n.capacity.cpuCores * (1 - sample.cpuUtil))), n.prices.cpuCoreHour, kNow + 30'000});
        s.offers.append({n.id + QStringLiteral(".memory"), n.id, Offer::Resource::Memory, {},
                         n.capacity.memoryTiB * 1024 * unit(rng), n.prices.memoryGiBHour, kNow + 30'000});
        s.offers.append({n.id + QStringLiteral(".storage"), n.id, Offer::Resource::Storage, {},
                         n.capacity.storagePB * 1000 * unit(rng), n.prices.storageTBHour, kNow + 30'000});
        s.nodeSamples.insert(n.id, sample);
        s.nodes.append(n);
    }
    // Each node to its four nearest neighbours, then long backbone links up to kLinks.
    QSet<QPair<int, int>> pairs;
    const auto addLink = [&](int a, int b) {
        if (a == b || pairs.contains({std::min(a, b), std::max(a, b)}))
            return;
        pairs.insert({std::min(a, b), std::max(a, b)});
        const double km = greatCircleKm({s.nodes[a].lat, s.nodes[a].lon}, {s.nodes[b].lat, s.nodes[b].lon});
        Link l;
        l.id = QStringLiteral("l%1").arg(s.links.size());
        l.a = s.nodes[a].id;
        l.b = s.nodes[b].id;
        l.kind = km > 500 ? LinkKind::Backbone : LinkKind::Regional;
        l.capacityGbps = km > 500 ? 800 : 100 + 100 * int(rng() % 4);
        l.distanceKm = km;
        l.baseLatencyMs = 0.2 + km * kRouteFactor / kFibreKmPerMs;
        LinkSample ls;
        ls.linkId = l.id;
        ls.tsMs = kNow - 500;
        ls.abGbps = l.capacityGbps * unit(rng);
        ls.baGbps = l.capacityGbps * unit(rng);
        s.linkSamples.insert(l.id, ls);
        s.links.append(l);
    };
    std::vector<std::pair<double, int>> byDistance(kNodes);
    for (int i = 0; i < kNodes; ++i) {
        for (int j = 0; j < kNodes; ++j)
            byDistance[size_t(j)] = {greatCircleKm({s.nodes[i].lat, s.nodes[i].lon}, {s.nodes[j].lat, s.nodes[j].lon}), j};
        std::partial_sort(byDistance.begin(), byDistance.begin() + 5, byDistance.end());
        for (int k = 1; k < 5; ++k)
            addLink(i, byDistance[size_t(k)].second);
    }
    while (s.links.size() < kLinks)
        addLink(int(rng() % kNodes), int(rng() % kNodes));
    return s;
}

Workload trainingWorkload()
{
    Workload w;
    w.name = QStringLiteral("llm-pretrain");
    w.kind = JobKind::Training;
    w.acceleratorModels = acceleratorModelsOfClass(AcceleratorClass::Training);
    w.requirements = {{}, 64, 512, 2048, 10, 12};
    w.dataLocation = Location::atNode(QStringLiteral("n0042"));
    w.dataTB = 50;
    w.usersLocation = Location::inProvince(QStringLiteral("CN-GD"));
    w.maxLatencyMs = 60;
    w.budgetCny = 20'000;
    w.deadlineMs = kNow + 36 * 3'600'000LL;
    w.preferGreen = true;
    return w;
}

Workload splitWorkload()
{
    Workload w = trainingWorkload();
    w.kind = JobKind::Batch;
    w.requirements.accelerators = 1500;
    w.budgetCny = 0;
    w.splittable = true;
    w.maxSplitNodes = 4;
    return w;
}

double medianMs(const PlacementEngine &engine, const Workload &w, const FederationSnapshot &s, int runs,
                PlacementResult *last)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        *last = engine.rank(w, s);
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const FederationSnapshot s = makeFederation();
    PlacementResult cached;
    PlacementResult split;
    PlacementResult uncached;
    const double fast = medianMs(PlacementEngine(), trainingWorkload(), s, 21, &cached);
    const double splitMs = medianMs(PlacementEngine(), splitWorkload(), s, 11, &split);
    const double slow = medianMs(PlacementEngine({false}), trainingWorkload(), s, 3, &uncached);
    if (!(cached == uncached)) {
        std::fprintf(stderr, "bench_placement: the baseline ranked differently\n");
        return 1;
    }
    std::printf("federation: %lld nodes, %lld links, %lld offers\n", qlonglong(s.nodes.size()),
                qlonglong(s.links.size()), qlonglong(s.offers.size()));
    std::printf("training workload: %lld ranked, %lld rejected; split workload: %lld ranked (%lld splits)\n",
                qlonglong(cached.ranked.size()), qlonglong(cached.rejected.size()), qlonglong(split.ranked.size()),
                qlonglong(std::count_if(split.ranked.cbegin(), split.ranked.cend(),
                                        [](const Candidate &c) { return c.isSplit(); })));
    std::printf("placement.rank_ms.2000: %.2f ms\n", fast);
    std::printf("placement.rank_ms.2000_split4: %.2f ms\n", splitMs);
    std::printf("placement.rank_ms.2000_no_path_cache: %.2f ms\n", slow);
    std::printf("placement.path_cache_speedup.2000: %.1f x\n", slow / fast);
    return 0;
}
