#include "state/freshness.h"

#include <QCoreApplication>

#include <algorithm>

namespace cpn {

Freshness FreshnessRule::of(qint64 ageMs) const
{
    if (ageMs > notReportingAfterMs)
        return Freshness::NotReporting;
    if (ageMs > staleAfterMs())
        return Freshness::Stale;
    return Freshness::Fresh;
}

QString durationText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 60)
        return QCoreApplication::translate("cpn::Duration", "%n s", nullptr, int(s));
    if (s < 3600)
        return s % 60 ? QCoreApplication::translate("cpn::Duration", "%1 min %2 s").arg(s / 60).arg(s % 60)
                      : QCoreApplication::translate("cpn::Duration", "%1 min").arg(s / 60);
    if (s < 86400)
        return (s % 3600) / 60
                   ? QCoreApplication::translate("cpn::Duration", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
                   : QCoreApplication::translate("cpn::Duration", "%1 h").arg(s / 3600);
    return QCoreApplication::translate("cpn::Duration", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

} // namespace cpn
