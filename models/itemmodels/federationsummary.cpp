#include "itemmodels/federationsummary.h"

#include "itemmodels/nodetablemodel.h"

#include <cmath>

namespace cpn {

FederationSummary FederationSummary::compute(const NodeTableModel &nodes, const QList<Link> &links,
                                             const QHash<QString, LinkSample> &linkSamples)
{
    FederationSummary s;
    std::array<double, 4> busyCores{}; // [tier 0..2, all]
    std::array<double, 4> reportingCores{};
    for (int row = 0; row < nodes.rowCount(); ++row) {
        const Node &node = nodes.nodeAt(row);
        const auto figures = nodes.figuresAt(row);
        const DisplayStatus status = nodes.statusAt(row);
        const int tier = int(node.tier);
        for (int slot : {tier, 3}) {
            Totals &t = slot == 3 ? s.all : s.byTier[slot];
            ++t.nodes;
            switch (status) {
            case DisplayStatus::Online:
                ++t.online;
                break;
            case DisplayStatus::Degraded:
                ++t.online;
                ++t.degraded;
                break;
            case DisplayStatus::Stale:
                ++t.stale;
                break;
            case DisplayStatus::Offline:
            case DisplayStatus::Maintenance:
                ++t.offline;
                break;
            }
            t.acceleratorsTotal += figures.acceleratorsTotal;
            if (!figures.hasSample)
                continue;
            ++t.reporting;
            t.acceleratorsInUse += figures.acceleratorsTotal - figures.acceleratorsFree;
            t.powerKw += figures.powerKw;
            t.runningJobs += figures.runningJobs;
            t.queuedJobs += figures.queuedJobs;
            // A node without a core count still counts once, so a lone small node is not invisible.
            const double cores = std::max(1, node.capacity.cpuCores);
            busyCores[slot] += figures.cpuUtil * cores;
            reportingCores[slot] += cores;
        }
    }
    for (int slot = 0; slot < 4; ++slot) {
        Totals &t = slot == 3 ? s.all : s.byTier[slot];
        t.cpuUtil = reportingCores[slot] > 0 ? busyCores[slot] / reportingCores[slot] : 0;
    }
    s.newestSampleMs = nodes.newestSampleMs();

    s.links = int(links.size());
    for (const Link &link : links) {
        const auto it = linkSamples.constFind(link.id);
        if (it == linkSamples.constEnd()) {
            ++s.linksUnreported;
            continue;
        }
        s.newestSampleMs = std::max(s.newestSampleMs, it->tsMs);
        switch (it->status) {
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
