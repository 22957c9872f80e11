#include "loadmodel.h"

#include "prng.h"

#include <QtMath>
#include <algorithm>

namespace cpn::sim {
namespace {

constexpr qint64 kBurstBucketMs = 5 * 60 * 1000;
constexpr double kCardKw = 1.0;  // an accelerator with its share of the host, at full load
constexpr double kCoreKw = 0.008;

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }
double round4(double v) { return std::round(v * 10000) / 10000; }
double round1(double v) { return std::round(v * 10) / 10; }

// 0 at 05:00 Beijing time, 1 at 17:00.
double dailyCycle(qint64 tsMs)
{
    const double hours = std::fmod((double(tsMs) / 1000.0 + 8 * 3600) / 3600.0, 24.0);
    return 0.5 - 0.5 * std::cos(2 * M_PI * (hours - 5) / 24.0);
}

} // namespace

double LoadModel::noise(quint64 entity, qint64 tsMs, quint64 salt) const
{
    return prng::unit(prng::mix(m_seed ^ salt, entity, quint64(tsMs / 1000))) - 0.5;
}

double LoadModel::burst(quint64 entity, qint64 tsMs) const
{
    const quint64 h = prng::mix(m_seed, entity ^ 0xb0b5, quint64(tsMs / kBurstBucketMs));
    if (prng::unit(h) >= 0.12)
        return 0;
    return 0.1 + 0.25 * prng::unit(prng::splitmix64(h));
}

double LoadModel::activity(const Node &node, qint64 tsMs) const
{
    const quint64 entity = prng::hashString(node.id);
    const double offset = (prng::unit(prng::mix(m_seed, entity)) - 0.5) * 0.2;
    const double cycle = dailyCycle(tsMs);
    const double diurnal = isEastern(node) ? 0.35 + 0.4 * cycle : 0.42 + 0.12 * cycle;
    return std::clamp(diurnal + offset + burst(entity, tsMs) + 0.06 * noise(entity, tsMs, 1), 0.02, 0.98);
}

BackgroundLoad LoadModel::background(const Node &node, qint64 tsMs) const
{
    const quint64 entity = prng::hashString(node.id);
    const double a = activity(node, tsMs);
    BackgroundLoad load;
    load.cpu = clamp01(0.05 + 0.85 * a + 0.04 * noise(entity, tsMs, 2));
    load.memory = clamp01(0.15 + 0.65 * a + 0.02 * noise(entity, tsMs, 3));
    // Storage fills slowly: a per-node level that does not follow the daily cycle.
    load.storage = clamp01(0.4 + 0.35 * prng::unit(prng::mix(m_seed, entity, 7)) + 0.005 * noise(entity, tsMs, 4));
    for (const auto &pool : node.capacity.accelerators) {
        const quint64 model = prng::hashString(pool.model);
        const double bias = (prng::unit(prng::mix(m_seed, entity, model)) - 0.5) * 0.15;
        load.accelerators.insert(pool.model, clamp01(0.08 + 0.9 * a + bias + 0.05 * noise(entity ^ model, tsMs, 5)));
    }
    // Other tenants' jobs: about one per 16 busy cards or 2,048 busy cores; a queue forms when the
    // node runs hot, as it does on real clusters.
    double busyCards = 0;
    for (const auto &pool : node.capacity.accelerators)
        busyCards += load.accelerators.value(pool.model) * pool.count;
    load.runningJobs = int(busyCards / 16 + load.cpu * node.capacity.cpuCores / 2048);
    load.queuedJobs = a > 0.75 ? int((a - 0.75) * 2 * load.runningJobs) : 0;
    return load;
}

NodeSample LoadModel::nodeSample(const Node &node, qint64 tsMs, const NodeUsage &usage) const
{
    const BackgroundLoad load = background(node, tsMs);
    const auto share = [](double used, double capacity) { return capacity > 0 ? used / capacity : 0.0; };
    NodeSample s;
    s.nodeId = node.id;
    s.tsMs = tsMs;
    s.status = NodeStatus::Online;
    s.cpuUtil = round4(clamp01(load.cpu + share(usage.cpuCores, node.capacity.cpuCores)));
    s.memoryUtil = round4(clamp01(load.memory + share(usage.memoryGiB, node.capacity.memoryTiB * 1024)));
    s.storageUtil = round4(clamp01(load.storage + share(usage.storageTB, node.capacity.storagePB * 1000)));
    double itKw = node.capacity.cpuCores * kCoreKw * (0.3 + 0.7 * s.cpuUtil);
    for (const auto &pool : node.capacity.accelerators) {
        const double u = round4(clamp01(load.accelerators.value(pool.model) + share(usage.accelerators.value(pool.model), pool.count)));
        s.acceleratorUtil.insert(pool.model, u);
        itKw += pool.count * kCardKw * (0.25 + 0.75 * u);
    }
    s.powerKw = round1(itKw * node.pue);
    s.queuedJobs = load.queuedJobs + usage.queuedJobs;
    s.runningJobs = load.runningJobs + usage.runningJobs;
    return s;
}

LinkSample LoadModel::linkSample(const Link &link, const Node &a, const Node &b, qint64 tsMs, bool congested,
                                 bool down, int addedMs) const
{
    LinkSample s;
    s.linkId = link.id;
    s.tsMs = tsMs;
    if (down) {
        s.status = LinkStatus::Down;
        s.latencyMs = link.baseLatencyMs;
        s.lossPct = 100;
        return s;
    }
    const quint64 entity = prng::hashString(link.id);
    const double actA = activity(a, tsMs);
    const double actB = activity(b, tsMs);
    const double extra = burst(entity, tsMs);
    double ab = clamp01(0.08 + 0.6 * (0.65 * actA + 0.35 * actB) + extra + 0.04 * noise(entity, tsMs, 11));
    double ba = clamp01(0.06 + 0.6 * (0.35 * actA + 0.65 * actB) + 0.5 * extra + 0.04 * noise(entity, tsMs, 12));
    if (congested) {
        ab = 0.95 + 0.05 * (noise(entity, tsMs, 13) + 0.5);
        ba = std::max(ba, 0.9 + 0.05 * (noise(entity, tsMs, 14) + 0.5));
    }
    const double u = std::min(std::max(ab, ba), 0.999);
    // M/M/1-like queueing delay, plus a little jitter.
    const double queueingMs = std::min(50.0, 0.2 * u / (1 - u));
    s.abGbps = round1(ab * link.capacityGbps);
    s.baGbps = round1(ba * link.capacityGbps);
    s.latencyMs =
        std::round((link.baseLatencyMs * (1 + 0.02 * (noise(entity, tsMs, 15) + 0.5)) + queueingMs + addedMs) * 100) / 100;
    s.lossPct = u > 0.9 ? std::round((u - 0.9) * 30 * 1000) / 1000 : 0.0;
    s.status = (u > 0.9 || s.lossPct > 1) ? LinkStatus::Congested : LinkStatus::Up;
    return s;
}

} // namespace cpn::sim
