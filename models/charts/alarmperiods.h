#pragma once

#include "charts/chartspec.h"
#include "domain/alarm.h"

#include <QList>
#include <QString>

#include <functional>

namespace cpn::charts {

// An alarm as a chart reads it: from the live alarms or from the recorded history
// (HistorySource::readAlarms). origin is the base URL of the root it came from.
struct ChartAlarm
{
    QString origin;
    Alarm alarm;
};

// A stretch of a chart's time axis under an alarm: from its raise to its clear.
struct AlarmPeriod
{
    QString origin;
    QString alarmId;
    Alarm::Severity severity = Alarm::Severity::Info;
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0: still active, the period runs to now
    friend bool operator==(const AlarmPeriod &, const AlarmPeriod &) = default;
};

// Says in which province (ISO code) a node lies; empty when unknown.
using NodeProvince = std::function<QString(const QString &nodeId)>;

// Whether a chart marks the alarm: a node's chart the alarms whose source is the node (as node,
// endpoint or subtree) or that list it among their affected nodes; a link's chart the link's
// alarms; the national chart the critical and major alarms of any source; a province's chart the
// critical and major alarms of a node in it.
bool chartMarks(const ChartSpec &spec, const Alarm &alarm, const NodeProvince &nodeProvince);

// The periods of the alarms a chart marks, from the recorded history of its window and the live
// alarms; the live copy of an alarm is the newer one and wins. The most severe come last, so that
// they are drawn on top.
QList<AlarmPeriod> periodsToMark(const ChartSpec &spec, const QList<ChartAlarm> &history,
                                 const QList<ChartAlarm> &live, const NodeProvince &nodeProvince);

} // namespace cpn::charts
