#include "placement/sharedranking.h"

#include "placement/placementengine.h"

namespace cpn::placement {

SharedRanking::SharedRanking(SnapshotSource source, const Clock *clock, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_clock(clock ? clock : &m_systemClock)
{
}

const PlacementResult &SharedRanking::rankingFor(const Workload &workload)
{
    const bool fresh = m_workload && m_clock->monotonicMs() - m_rankedAtMs <= kDefaultMaxAgeMs;
    if (fresh && *m_workload == workload)
        return m_result;
    return rankAgain(workload);
}

const PlacementResult &SharedRanking::rankAgain(const Workload &workload)
{
    m_snapshot = m_source ? m_source() : FederationSnapshot{};
    m_result = PlacementEngine().rank(workload, m_snapshot);
    m_workload = workload;
    m_rankedAtMs = m_clock->monotonicMs();
    ++m_generation;
    Q_EMIT ranked();
    return m_result;
}

} // namespace cpn::placement
