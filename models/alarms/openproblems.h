#pragma once

#include "alarms/alarmstore.h"

#include <QList>

namespace cpn::alarms {

// The open problems a wall shows, biggest first: active alarms that are not under a silence (a
// maintenance window is not a problem), unacknowledged before acknowledged, then most severe, then
// oldest.
QList<StoredAlarm> openProblems(const QList<StoredAlarm> &alarms);

} // namespace cpn::alarms
