#pragma once

#include "placement/costmodel.h"
#include "placement/placementresult.h"
#include "placement/routes.h"
#include "placement/workload.h"

namespace cpn::placement {

// What one node would make of one share of the job, in raw units, before any normalization.
struct ShareEstimate
{
    Share share;
    double costCny = 0;
    double transferHours = 0;
    double latencyMs = 0;
    double utilizationAfter = 0;
    double kgCo2 = 0;
    double waitHours = 0;
    double greenShare = 0;
};

class ShareEstimator
{
public:
    ShareEstimator(const FederationIndex &index, const Workload &workload, const Routes &data, const Routes &users);

    // `fraction` of the job's CPU, memory, storage and data goes with `cards` accelerators.
    costmodel::Resources resources(const QString &model, int cards, double fraction) const;
    ShareEstimate estimate(int node, const QString &model, int cards, double fraction) const;

private:
    double utilizationAfter(int node, const costmodel::Resources &r) const;

    const FederationIndex &m_index;
    const Workload &m_workload;
    const Routes &m_data;
    const Routes &m_users;
};

// One candidate from its shares: costs and energy add up, the slowest share sets transfer, latency and
// start, headroom and green share are weighted by accelerators.
Candidate assembleCandidate(QList<ShareEstimate> shares, qint64 nowMs, double durationHours);

} // namespace cpn::placement
