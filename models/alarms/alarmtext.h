#pragma once

#include "alarms/alarmstore.h"
#include "domain/alarm.h"

#include <QString>

#include <functional>

namespace cpn::alarms {

// The name a window shows for an alarm's source (a node's or a link's name, never its id); injected
// by whoever knows the directory, so the alarms need no federation state.
using SourceNamer = std::function<QString(const AlarmSource &)>;

// Translated texts of the alarms: the server's English summary is never shown, the text is built
// from the kind and the source's name.
QString severityName(Alarm::Severity severity);
QString kindName(Alarm::Kind kind);
QString sourceKindName(AlarmSource::Kind kind);
// e.g. "Node down: Guizhou hub, 8 nodes affected".
QString describeAlarm(const Alarm &alarm, const QString &sourceName);
// One line of an alarm's history, e.g. "Acknowledged by operator: Power work (until 14:00)".
QString describeEvent(const AlarmEvent &event);
// "3 h 12 min", "45 s".
QString durationText(qint64 ms);

} // namespace cpn::alarms
