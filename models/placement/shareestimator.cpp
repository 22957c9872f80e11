#include "placement/shareestimator.h"

#include <algorithm>
#include <cmath>

namespace cpn::placement {

ShareEstimator::ShareEstimator(const FederationIndex &index, const Workload &workload, const Routes &data,
                               const Routes &users)
    : m_index(index), m_workload(workload), m_data(data), m_users(users)
{
}

costmodel::Resources ShareEstimator::resources(const QString &model, int cards, double fraction) const
{
    const JobRequirements &req = m_workload.requirements;
    costmodel::Resources r;
    r.acceleratorModel = model;
    r.accelerators = cards;
    // Whole cores: a share never gets less than its fraction.
    r.cpuCores = int(std::ceil(req.cpuCores * fraction - 1e-9));
    r.memoryGiB = req.memoryGiB * fraction;
    r.storageTB = req.storageTB * fraction;
    r.hours = req.durationHours;
    return r;
}

double ShareEstimator::utilizationAfter(int node, const costmodel::Resources &r) const
{
    const Node &n = m_index.node(node);
    const NodeSample *sample = m_index.sample(node);
    double now = 0;
    double added = 0;
    if (r.accelerators > 0) {
        now = sample ? sample->acceleratorUtil.value(r.acceleratorModel, 0) : 0;
        int capacity = 0;
        for (const auto &pool : n.capacity.accelerators) {
            if (pool.model == r.acceleratorModel)
                capacity += pool.count;
        }
        added = capacity > 0 ? double(r.accelerators) / capacity : 1.0;
    } else {
        now = sample ? sample->cpuUtil : 0;
        added = n.capacity.cpuCores > 0 ? double(r.cpuCores) / n.capacity.cpuCores : 0.0;
    }
    return std::clamp(now + added, 0.0, 1.0);
}

ShareEstimate ShareEstimator::estimate(int node, const QString &model, int cards, double fraction) const
{
    const Node &n = m_index.node(node);
    const costmodel::Resources r = resources(model, cards, fraction);
    const NodeSample *sample = m_index.sample(node);
    ShareEstimate e;
    e.share = {n.id, model, cards, fraction};
    e.costCny = costmodel::costCny(n, m_index.offers(node), r);
    e.transferHours = m_data.transferHoursTo(node, m_workload.dataTB * fraction);
    e.latencyMs = m_users.latencyMsTo(node);
    e.utilizationAfter = utilizationAfter(node, r);
    e.kgCo2 = costmodel::kgCo2(n, r);
    e.waitHours = costmodel::queueWaitHours(sample ? sample->queuedJobs : 0);
    e.greenShare = n.greenShare;
    return e;
}

namespace {

qint64 hoursToMs(double hours) { return qint64(std::llround(hours * 3'600'000.0)); }

} // namespace

Candidate assembleCandidate(QList<ShareEstimate> shares, qint64 nowMs, double durationHours)
{
    std::sort(shares.begin(), shares.end(),
              [](const ShareEstimate &a, const ShareEstimate &b) { return a.share.nodeId < b.share.nodeId; });
    Candidate c;
    double cards = 0;
    double weightedUtil = 0;
    double weightedGreen = 0;
    double startHours = 0;
    for (const ShareEstimate &s : shares) {
        c.shares.append(s.share);
        c.parts.cost.raw += s.costCny;
        c.parts.energy.raw += s.kgCo2;
        c.parts.transfer.raw = std::max(c.parts.transfer.raw, s.transferHours);
        c.parts.latency.raw = std::max(c.parts.latency.raw, s.latencyMs);
        c.queueWaitHours = std::max(c.queueWaitHours, s.waitHours);
        startHours = std::max(startHours, s.waitHours + s.transferHours);
        // A CPU-only share weighs as one card, so the mean is still defined.
        const double weight = std::max(1, s.share.accelerators);
        cards += weight;
        weightedUtil += weight * s.utilizationAfter;
        weightedGreen += weight * s.greenShare;
    }
    if (cards > 0) {
        c.parts.headroom.raw = weightedUtil / cards;
        c.greenShare = weightedGreen / cards;
    }
    c.estimatedCostCny = c.parts.cost.raw;
    c.estimatedStartMs = nowMs + hoursToMs(startHours);
    c.estimatedFinishMs = c.estimatedStartMs + hoursToMs(durationHours);
    return c;
}

} // namespace cpn::placement
