// The synthetic scenario: a large, deterministic federation for scale tests (2,000 nodes and
// 10,000 links by default). Nothing in it is real except China's rough extent and its provinces.

#include "prng.h"
#include "scenariobuilder.h"

#include "domain/provinces.h"

#include <QSet>

namespace cpn::sim {
namespace {

// The province whose capital is nearest gives a generated node the province it most plausibly sits in
// (Taiwan is left out: the simulated federation has no nodes there).
QString nearestProvince(double lat, double lon)
{
    const Province *best = nullptr;
    double bestD = 1e18;
    for (const Province &p : provinces()) {
        if (qstrcmp(p.isoCode, "CN-TW") == 0)
            continue;
        const double d = (p.capitalLat - lat) * (p.capitalLat - lat) + (p.capitalLon - lon) * (p.capitalLon - lon);
        if (d < bestD) {
            bestD = d;
            best = &p;
        }
    }
    return QString::fromLatin1(best->isoCode);
}

const char *const kSectors[] = {"FIN", "MED", "MFG", "ENE", "TRN", "RES", "GOV", "EDU", "TEL"};
const char *const kModels[] = {"ascend-910b", "h800", "a800", "hygon-dcu", "mlu370"};

double round2(double v) { return std::round(v * 100) / 100; }

} // namespace

Scenario ScenarioBuilder::synthetic(int nodeCount, quint64 seed)
{
    prng::Rng rng(prng::mix(seed, 0x5eed5ce7a210ULL));
    ComputeIdAllocator ids;
    const int hubCount = std::max(1, nodeCount / 50);
    QList<Node> nodes;
    nodes.reserve(nodeCount);

    const auto fill = [&](Node &n, double lat, double lon, double scale) {
        n.lat = round2(std::clamp(lat, 18.0, 53.0));
        n.lon = round2(std::clamp(lon, 73.0, 135.0));
        n.province = nearestProvince(n.lat, n.lon);
        n.computeId = ids.next(n.tier, n.province, n.sector);
        const bool west = n.lon < 110;
        n.capacity.cpuCores = int(scale * rng.uniform(5000, 50000));
        n.capacity.memoryTiB = std::round(n.capacity.cpuCores / 250.0);
        n.capacity.storagePB = std::round(n.capacity.cpuCores / 1000.0);
        const int pools = 1 + rng.below(2);
        for (int p = 0; p < pools; ++p) {
            const QString model = QString::fromLatin1(kModels[rng.below(5)]);
            if (std::none_of(n.capacity.accelerators.begin(), n.capacity.accelerators.end(),
                             [&](const AcceleratorPool &x) { return x.model == model; }))
                n.capacity.accelerators.append({model, int(scale * (128 << rng.below(5)))});
        }
        n.prices = prices(n.capacity.accelerators, west ? rng.uniform(0.65, 0.9) : rng.uniform(1.0, 1.3));
        n.pue = round2(west ? rng.uniform(1.12, 1.22) : rng.uniform(1.28, 1.42));
        n.greenShare = round2(west ? rng.uniform(0.5, 0.8) : rng.uniform(0.15, 0.4));
    };

    Node national;
    national.id = QStringLiteral("national");
    national.name = QStringLiteral("Synthetic national node");
    national.nameZh = QStringLiteral("合成国家节点");
    national.tier = NodeTier::National;
    national.role = NodeRole::National;
    national.city = QStringLiteral("Beijing");
    national.cityZh = QStringLiteral("北京");
    national.sector = QStringLiteral("GEN");
    fill(national, 39.93, 116.33, 1);
    nodes.append(national);

    // Hubs spread over the country, weighted toward the east where the users are.
    for (int h = 1; h <= hubCount; ++h) {
        Node n;
        n.id = QStringLiteral("hub-%1").arg(h, 4, 10, QLatin1Char('0'));
        n.name = QStringLiteral("Synthetic hub %1").arg(h);
        n.nameZh = QStringLiteral("合成枢纽 %1").arg(h);
        n.tier = NodeTier::Regional;
        n.role = NodeRole::Hub;
        n.parentId = national.id;
        n.city = n.name;
        n.cityZh = n.nameZh;
        n.sector = QStringLiteral("GEN");
        const double u = rng.uniform();
        fill(n, 18 + 35 * (rng.uniform() + rng.uniform()) / 2, 73 + 62 * (1 - u * u), 2);
        nodes.append(n);
    }

    // The rest: clusters (40 %) and industry nodes near their hub.
    for (int i = hubCount + 1; i < nodeCount; ++i) {
        const Node &hub = nodes[1 + rng.below(hubCount)];
        Node n;
        const bool cluster = rng.uniform() < 0.4;
        n.id = QStringLiteral("%1-%2").arg(cluster ? u"c" : u"i").arg(i, 5, 10, QLatin1Char('0'));
        n.name = QStringLiteral("Synthetic %1 %2").arg(cluster ? u"cluster" : u"industry node").arg(i);
        n.nameZh = QStringLiteral("合成%1 %2").arg(cluster ? u"集群" : u"行业节点").arg(i);
        n.tier = cluster ? NodeTier::Regional : NodeTier::Industry;
        n.role = cluster ? NodeRole::Cluster : NodeRole::Industry;
        n.parentId = hub.id;
        n.city = hub.city;
        n.cityZh = hub.cityZh;
        n.sector = cluster ? QStringLiteral("GEN") : QString::fromLatin1(kSectors[rng.below(9)]);
        fill(n, hub.lat + rng.uniform(-3, 3), hub.lon + rng.uniform(-3, 3), cluster ? 1.5 : 0.5);
        nodes.append(n);
    }

    // Tree links first, then extra links (mostly within a region) up to five per node.
    QList<Link> links;
    QSet<QString> seen;
    const auto addLink = [&](const Node &a, const Node &b, LinkKind kind, double capacity) {
        const QString key = a.id < b.id ? a.id + u'|' + b.id : b.id + u'|' + a.id;
        if (a.id == b.id || seen.contains(key))
            return;
        seen.insert(key);
        links.append(makeLink(a, b, kind, capacity));
    };
    QHash<QString, QList<int>> members; // hub id -> node indices in its region
    for (int i = 1; i < nodes.size(); ++i) {
        const Node &n = nodes[i];
        if (n.role == NodeRole::Hub) {
            addLink(nodes[0], n, LinkKind::Backbone, 400 * (1 + rng.below(4)));
            members[n.id].append(i);
        } else {
            const int hubIndex = n.parentId.mid(4).toInt(); // hub-0001 is nodes[1]
            addLink(nodes[hubIndex], n, n.role == NodeRole::Cluster ? LinkKind::Regional : LinkKind::Access,
                    n.role == NodeRole::Cluster ? 400 * (1 + rng.below(2)) : 100 * (1 + rng.below(4)));
            members[n.parentId].append(i);
        }
    }
    const qsizetype target = qsizetype(nodeCount) * 5;
    int attempts = 0;
    while (links.size() < target && attempts++ < nodeCount * 50) {
        const Node &a = nodes[rng.below(int(nodes.size()))];
        const QString region = a.role == NodeRole::Hub ? a.id : a.parentId;
        const QList<int> &local = members[region.isEmpty() ? nodes[1].id : region];
        const bool nearby = rng.uniform() < 0.7 && local.size() > 1;
        const Node &b = nodes[nearby ? local[rng.below(int(local.size()))] : rng.below(int(nodes.size()))];
        const bool bothHubs = a.role != NodeRole::Cluster && a.role != NodeRole::Industry
                              && b.role != NodeRole::Cluster && b.role != NodeRole::Industry;
        addLink(a, b, bothHubs || !nearby ? LinkKind::Backbone : LinkKind::Regional, 100 * (1 + rng.below(8)));
    }
    return Scenario(std::move(nodes), std::move(links));
}

} // namespace cpn::sim
