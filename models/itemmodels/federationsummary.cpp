#include "itemmodels/federationsummary.h"

#include "state/federationstate.h"

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

void copyFigures(FederationSummary::Totals &t, const RegionTotals &region)
{
    t.reporting = region.reporting;
    t.acceleratorsTotal = region.acceleratorsTotal;
    t.acceleratorsInUse = int(std::lround(region.acceleratorsBusy));
    t.cpuUtil = region.cpuUtil;
    t.powerKw = region.powerKw;
    t.runningJobs = region.runningJobs;
    t.queuedJobs = region.queuedJobs;
}

} // namespace

FederationSummary FederationSummary::compute(const FederationState &state)
{
    FederationSummary s;
    for (const NodeEntry &entry : state.entries()) {
        const int tier = std::clamp(int(entry.node.tier), 0, 2);
        for (Totals *t : {&s.byTier[tier], &s.all}) {
            ++t->nodes;
            switch (entry.status) {
            case DisplayStatus::Online:
                ++t->online;
                break;
            case DisplayStatus::Degraded:
                ++t->online;
                ++t->degraded;
                break;
            case DisplayStatus::Stale:
                ++t->stale;
                break;
            case DisplayStatus::Offline:
            case DisplayStatus::Maintenance:
                ++t->offline;
                break;
            }
        }
    }
    const FederationTotals &totals = state.totals();
    copyFigures(s.all, totals.national);
    for (int tier = 0; tier < 3; ++tier)
        copyFigures(s.byTier[tier], totals.byTier[tier]);
    s.newestSampleMs = totals.tsMs;
    s.recorded = state.feed() == FederationState::Feed::Recording;

    s.links = int(state.links().size());
    for (const std::optional<LinkSample> &sample : state.currentLinkSamples()) {
        if (!sample) {
            ++s.linksUnreported;
            continue;
        }
        switch (sample->status) {
        case LinkStatus::Up:
            ++s.linksUp;
            break;
        case LinkStatus::Congested:
            ++s.linksCongested;
            break;
        case LinkStatus::Down:
            ++s.linksDown;
            break;
        }
    }
    return s;
}

} // namespace cpn
