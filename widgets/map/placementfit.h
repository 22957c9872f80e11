#pragma once

#include "placement/placementresult.h"
#include "placement/workload.h"
#include "widgets/map/mapfitlayer.h"

#include <QCoreApplication>

namespace cpn::map {

// Turns the placement engine's answer into the map's fit shading:
// - green (Good): a single-node candidate in the top third of the ranking (at least the top 3) with a
//   score of at least 75 % of the best, a queue wait under 2 h and, with a budget, a cost under 80 % of it;
// - amber (Poor): any other candidate, with what makes it poor (low score, long queue, most of the budget);
// - red (Cannot): the node is rejected, with the engine's reason.
// Split proposals do not shade nodes: a drop places the whole workload on one node.
class PlacementFit
{
    Q_DECLARE_TR_FUNCTIONS(cpn::map::PlacementFit)

public:
    static FitShading shadingFor(const placement::Workload &workload, const placement::PlacementResult &result);
};

namespace fitrules {
constexpr double kGoodScoreShare = 0.75;
constexpr double kLongQueueHours = 2.0;
constexpr double kBudgetShare = 0.8;
} // namespace fitrules

} // namespace cpn::map
