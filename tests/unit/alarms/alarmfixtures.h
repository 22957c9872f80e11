#pragma once

#include "domain/alarm.h"

// Hand-made alarms for the store and model tests.
inline cpn::Alarm makeAlarm(const QString &id, cpn::Alarm::Kind kind, cpn::Alarm::Severity severity,
                            cpn::AlarmSource::Kind sourceKind, const QString &sourceId,
                            const QStringList &affected = {}, qint64 revision = 1)
{
    cpn::Alarm a;
    a.id = id;
    a.kind = kind;
    a.severity = severity;
    a.source = {sourceKind, sourceId};
    a.summary = QStringLiteral("English summary of ") + id;
    a.affected = affected.isEmpty() ? QStringList{sourceId} : affected;
    a.raisedAtMs = 1'000'000;
    a.revision = revision;
    return a;
}

inline cpn::AlarmBatch makeBatch(const QList<cpn::Alarm> &alarms, bool reset = false,
                                 qint64 serverTimeMs = 2'000'000)
{
    cpn::AlarmBatch b;
    b.cursor = QStringLiteral("c");
    b.serverTimeMs = serverTimeMs;
    b.reset = reset;
    b.clearedWindowMs = 3'600'000;
    b.alarms = alarms;
    return b;
}
