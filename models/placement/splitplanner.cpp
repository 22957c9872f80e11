#include "placement/splitplanner.h"

#include "placement/scorer.h"

#include <algorithm>
#include <numeric>

namespace cpn::placement {

SplitPlanner::SplitPlanner(const Workload &workload, const ConstraintChecker &checker,
                           const ShareEstimator &estimator, qint64 nowMs)
    : m_workload(workload), m_checker(checker), m_estimator(estimator), m_nowMs(nowMs)
{
}

QList<SplitPlanner::Part> SplitPlanner::orderedParts(const QList<int> &pool) const
{
    const int wanted = m_workload.requirements.accelerators;
    QList<Part> parts;
    QList<Candidate> alone;
    for (int node : pool) {
        const auto choice = m_checker.chooseModel(node, 1);
        if (!std::holds_alternative<ConstraintChecker::ModelChoice>(choice))
            continue;
        const auto &model = std::get<ConstraintChecker::ModelChoice>(choice);
        const int cards = std::min(model.freeCards, wanted);
        parts.append({node, model.model, model.freeCards});
        alone.append(assembleCandidate({m_estimator.estimate(node, model.model, cards, double(cards) / wanted)},
                                       m_nowMs, m_workload.requirements.durationHours));
    }
    Scorer(m_workload.effectiveWeights()).score(alone);
    QList<int> order(parts.size());
    std::iota(order.begin(), order.end(), 0);
    // pool is in id order, so equal scores keep the lower id first.
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return alone[a].totalScore > alone[b].totalScore; });
    QList<Part> ordered;
    ordered.reserve(parts.size());
    for (int i : order)
        ordered.append(parts[i]);
    return ordered;
}

std::optional<Candidate> SplitPlanner::spread(QList<Part> parts) const
{
    const int wanted = m_workload.requirements.accelerators;
    // Water-filling: the node with the fewest free cards takes its even share first, capped by what it
    // has, and the rest is shared among the others.
    std::stable_sort(parts.begin(), parts.end(), [](const Part &a, const Part &b) { return a.freeCards < b.freeCards; });
    int remaining = wanted;
    QList<ShareEstimate> shares;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const int left = int(parts.size() - i);
        const int even = (remaining + left - 1) / left;
        const int cards = std::min(parts[i].freeCards, even);
        if (cards <= 0)
            return std::nullopt;
        remaining -= cards;
        const double fraction = double(cards) / wanted;
        if (m_checker.checkResources(parts[i].node, m_estimator.resources(parts[i].model, cards, fraction)))
            return std::nullopt;
        shares.append(m_estimator.estimate(parts[i].node, parts[i].model, cards, fraction));
    }
    if (remaining > 0)
        return std::nullopt;
    Candidate c = assembleCandidate(shares, m_nowMs, m_workload.requirements.durationHours);
    if (!m_checker.withinBudgetAndDeadline(c))
        return std::nullopt;
    return c;
}

QList<SplitPlanner::Part> SplitPlanner::chooseParts(const QList<Part> &ordered, int k) const
{
    const int wanted = m_workload.requirements.accelerators;
    QList<Part> chosen = ordered.mid(0, k);
    const auto freeSum = [&] {
        return std::accumulate(chosen.cbegin(), chosen.cend(), 0, [](int sum, const Part &p) { return sum + p.freeCards; });
    };
    // While the k best cannot hold the job together, the one with the fewest free cards (the later one on a
    // tie) gives way to the next best node that has more.
    for (qsizetype next = k; next < ordered.size() && freeSum() < wanted; ++next) {
        qsizetype smallest = 0;
        for (qsizetype i = 1; i < chosen.size(); ++i) {
            if (chosen[i].freeCards <= chosen[smallest].freeCards)
                smallest = i;
        }
        if (ordered[next].freeCards > chosen[smallest].freeCards)
            chosen[smallest] = ordered[next];
    }
    return chosen;
}

QList<Candidate> SplitPlanner::propose(const QList<int> &pool) const
{
    QList<Candidate> proposals;
    if (!m_workload.mayBeSplit())
        return proposals;
    const QList<Part> ordered = orderedParts(pool);
    const int maxParts = std::min(m_workload.maxSplitNodes, m_workload.requirements.accelerators);
    for (int k = 2; k <= maxParts && k <= ordered.size(); ++k) {
        if (auto c = spread(chooseParts(ordered, k)))
            proposals.append(*c);
    }
    return proposals;
}

} // namespace cpn::placement
