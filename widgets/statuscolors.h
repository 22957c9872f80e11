#pragma once

#include "domain/alarm.h"
#include "itemmodels/eventlogmodel.h"
#include "state/displaystatus.h"

#include <QColor>

// The console's signal colours in one place, so that a status looks the same in the table, the
// overview and the status bar. Mid-saturation tones that hold up on both dark and light backgrounds.
namespace cpn::colors {

QColor status(DisplayStatus status);
QColor severity(EventLogModel::Severity severity);
// An alarm's severity: the map's rings and casings, the wall's problems band and their legends.
QColor alarmSeverity(Alarm::Severity severity);
// Green below 60 %, through amber at 80 %, to red from 95 %.
QColor utilization(double fraction);
// Green share: the reverse sense (more is better), a calm teal ramp.
QColor greenShare(double fraction);

} // namespace cpn::colors
