#include "placement/placementengine.h"

#include "placement/constraintchecker.h"
#include "placement/federationindex.h"
#include "placement/routes.h"
#include "placement/scorer.h"
#include "placement/shareestimator.h"
#include "placement/splitplanner.h"

namespace cpn::placement {

namespace {

// The snapshot with the job's held units given back to their offer: the node took them out of what it
// offers to everyone else, but they are this job's to use. A node that stopped listing the offer (all of
// it held) still has them.
FederationSnapshot withHeldUnits(const FederationSnapshot &snapshot, const Reservation &held)
{
    FederationSnapshot copy = snapshot;
    bool listed = false;
    for (Offer &offer : copy.offers) {
        if (offer.id == held.offerId && offer.nodeId == held.nodeId) {
            offer.available += held.count;
            listed = true;
        }
    }
    if (!listed)
        copy.offers.append({held.offerId, held.nodeId, held.resource, held.model, double(held.count), held.priceCnyPerHour, 0});
    return copy;
}

} // namespace

PlacementResult PlacementEngine::rank(const Workload &workload, const FederationSnapshot &snapshot) const
{
    if (workload.held)
        return rankOn(workload, withHeldUnits(snapshot, *workload.held));
    return rankOn(workload, snapshot);
}

PlacementResult PlacementEngine::rankOn(const Workload &workload, const FederationSnapshot &snapshot) const
{
    const FederationIndex index(snapshot);
    // One shortest-path tree per location, shared by every node asked about.
    const Routes data(index, workload.dataLocation, m_options.cacheShortestPaths);
    const Routes users(index, workload.usersLocation, m_options.cacheShortestPaths);
    const ConstraintChecker checker(index, workload, users);
    const ShareEstimator estimator(index, workload, data, users);
    const int cards = workload.requirements.accelerators;

    PlacementResult result;
    QList<int> splitPool;
    for (int node = 0; node < index.size(); ++node) {
        if (auto rejection = checker.checkNode(node)) {
            result.rejected.append(*rejection);
            continue;
        }
        splitPool.append(node);
        const auto choice = checker.chooseModel(node, cards);
        if (const auto *rejection = std::get_if<Rejection>(&choice)) {
            result.rejected.append(*rejection);
            continue;
        }
        const QString model = std::get<ConstraintChecker::ModelChoice>(choice).model;
        if (auto rejection = checker.checkResources(node, estimator.resources(model, cards, 1.0))) {
            result.rejected.append(*rejection);
            continue;
        }
        Candidate c = assembleCandidate({estimator.estimate(node, model, cards, 1.0)}, snapshot.nowMs,
                                        workload.requirements.durationHours);
        auto rejection = checker.checkBudget(node, c);
        if (!rejection)
            rejection = checker.checkDeadline(node, c);
        if (rejection) {
            result.rejected.append(*rejection);
            continue;
        }
        result.ranked.append(std::move(c));
    }
    result.ranked += SplitPlanner(workload, checker, estimator, snapshot.nowMs).propose(splitPool);

    const Scorer scorer(workload.effectiveWeights());
    scorer.score(result.ranked);
    Scorer::sort(result.ranked);
    return result;
}

} // namespace cpn::placement
