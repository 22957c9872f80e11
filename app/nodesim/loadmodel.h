#pragma once

#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"

#include <QMap>

namespace cpn::sim {

// What the simulator's own jobs hold on a node at one moment.
struct NodeUsage
{
    QMap<QString, int> accelerators; // by model
    int cpuCores = 0;
    double memoryGiB = 0;
    double storageTB = 0;
    int queuedJobs = 0;
    int runningJobs = 0;
    friend bool operator==(const NodeUsage &, const NodeUsage &) = default;
};

// Utilization by other tenants, as fractions of capacity.
struct BackgroundLoad
{
    double cpu = 0;
    double memory = 0;
    double storage = 0;
    QMap<QString, double> accelerators;
    int runningJobs = 0; // other tenants' jobs behind that load
    int queuedJobs = 0;
};

// Synthesizes measurements. Every value is a pure function of (seed, entity, time) and the
// inputs passed in, so a federation replays identically for the same --seed: a daily cycle in
// Beijing time (eastern nodes peak in the afternoon and evening, western training sites run
// flatter), deterministic bursts per five-minute bucket, and a little per-tick noise.
class LoadModel
{
public:
    explicit LoadModel(quint64 seed) : m_seed(seed) {}
    quint64 seed() const { return m_seed; }

    // Overall activity of a node in [0, 1].
    double activity(const Node &node, qint64 tsMs) const;
    BackgroundLoad background(const Node &node, qint64 tsMs) const;
    NodeSample nodeSample(const Node &node, qint64 tsMs, const NodeUsage &usage) const;
    // Throughput follows the activity of both ends; latency adds queueing when busy; loss rises
    // above 90 % utilization. `congested` pins the link at 95-100 %; `down` means an end is down;
    // `addedMs` is latency a fault adds (link-latency).
    LinkSample linkSample(const Link &link, const Node &a, const Node &b, qint64 tsMs, bool congested,
                          bool down, int addedMs = 0) const;

    static bool isEastern(const Node &node) { return node.lon >= 110.0; }

private:
    double noise(quint64 entity, qint64 tsMs, quint64 salt) const;
    double burst(quint64 entity, qint64 tsMs) const;

    quint64 m_seed;
};

} // namespace cpn::sim
