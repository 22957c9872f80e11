#pragma once

#include "domain/nodenames.h"
#include "placement/federationsnapshot.h"

#include <functional>

namespace cpn {
namespace jobs {
class JobTracker;
class OfferBook;
} // namespace jobs

// What the planning UI (wizards, Jobs dock, workload queue) needs from the console, built once in the
// composition root. snapshot() returns the federation as the console sees it now (directory, newest
// node and link samples, offers), ready for PlacementEngine::rank().
struct PlanningServices
{
    jobs::JobTracker *jobs = nullptr;
    jobs::OfferBook *offers = nullptr;
    std::function<placement::FederationSnapshot()> snapshot;

    // The names of the directory's nodes, for every place planning shows a node (ids stay in tooltips).
    NodeNames nodeNames() const;
};

} // namespace cpn
