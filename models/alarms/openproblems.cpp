#include "alarms/openproblems.h"

#include <algorithm>
#include <tuple>

namespace cpn::alarms {

QList<StoredAlarm> openProblems(const QList<StoredAlarm> &alarms)
{
    QList<StoredAlarm> open;
    for (const StoredAlarm &stored : alarms) {
        if (stored.isActive() && !stored.alarm.silenced)
            open.append(stored);
    }
    // Severity's enum runs from the most severe: ascending order is biggest first.
    std::stable_sort(open.begin(), open.end(), [](const StoredAlarm &a, const StoredAlarm &b) {
        return std::tuple(a.isAcknowledged(), int(a.alarm.severity), a.alarm.raisedAtMs) <
               std::tuple(b.isAcknowledged(), int(b.alarm.severity), b.alarm.raisedAtMs);
    });
    return open;
}

} // namespace cpn::alarms
