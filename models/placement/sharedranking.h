#pragma once

#include "domain/clock.h"
#include "placement/federationsnapshot.h"
#include "placement/placementresult.h"
#include "placement/workload.h"

#include <QObject>

#include <functional>
#include <optional>

namespace cpn::placement {

// One ranking for every page of a wizard: the requirements page's "best is" and the ranked list are the same
// result, from the same snapshot. The workload is ranked again only when it changed, when the ranking is
// older than kDefaultMaxAgeMs, or when the planner asks (rankAgain); every new ranking is announced, so a page
// that showed the old one follows.
class SharedRanking : public QObject
{
    Q_OBJECT

public:
    using SnapshotSource = std::function<FederationSnapshot()>;

    static constexpr qint64 kDefaultMaxAgeMs = 60'000;

    // `clock` (not owned) ages the ranking; the system clock when null.
    explicit SharedRanking(SnapshotSource source, const Clock *clock = nullptr, QObject *parent = nullptr);

    // The ranking of `workload`: the current one if it was made for this workload and is fresh enough.
    const PlacementResult &rankingFor(const Workload &workload);
    // Ranks `workload` against the federation as it is now, whatever was ranked before.
    const PlacementResult &rankAgain(const Workload &workload);

    const PlacementResult &result() const { return m_result; }
    const FederationSnapshot &snapshot() const { return m_snapshot; }
    // Counts the rankings made, so a view can tell whether it shows the current one.
    int generation() const { return m_generation; }


Q_SIGNALS:
    void ranked();

private:
    SnapshotSource m_source;
    SystemClock m_systemClock;
    const Clock *m_clock;
    std::optional<Workload> m_workload; // what the current result ranks
    FederationSnapshot m_snapshot;
    PlacementResult m_result;
    qint64 m_rankedAtMs = 0;
    int m_generation = 0;
};

} // namespace cpn::placement
