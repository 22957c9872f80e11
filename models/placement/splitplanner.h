#pragma once

#include "placement/constraintchecker.h"
#include "placement/shareestimator.h"

namespace cpn::placement {

// Proposals that spread a splittable job's accelerators over 2..maxSplitNodes nodes, one per part count.
// The nodes are taken best first (each scored as if it took as much of the job as it can), and the cards
// are spread as evenly as their free counts allow (water-filling), so no node is filled up when another
// has room.
class SplitPlanner
{
public:
    SplitPlanner(const Workload &workload, const ConstraintChecker &checker, const ShareEstimator &estimator,
                 qint64 nowMs);

    // `pool`: nodes that passed ConstraintChecker::checkNode(), in index order.
    QList<Candidate> propose(const QList<int> &pool) const;

private:
    struct Part
    {
        int node = -1;
        QString model;
        int freeCards = 0;
    };
    QList<Part> orderedParts(const QList<int> &pool) const;
    // The k parts of a k-way proposal: the k best, swapping the smallest for the next best larger node
    // until their free cards cover the job.
    QList<Part> chooseParts(const QList<Part> &ordered, int k) const;
    std::optional<Candidate> spread(QList<Part> parts) const;

    const Workload &m_workload;
    const ConstraintChecker &m_checker;
    const ShareEstimator &m_estimator;
    qint64 m_nowMs = 0;
};

} // namespace cpn::placement
