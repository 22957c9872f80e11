#include "state/freshness.h"

namespace cpn {

Freshness FreshnessRule::of(qint64 ageMs) const
{
    if (ageMs > notReportingAfterMs)
        return Freshness::NotReporting;
    if (ageMs > staleAfterMs())
        return Freshness::Stale;
    return Freshness::Fresh;
}

} // namespace cpn
