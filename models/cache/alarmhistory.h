#pragma once

#include "cache/cachetypes.h"

struct sqlite3;

namespace cpn::cache {

// The recorded alarms (schema version 4: alarm_revisions and their summary rows in alarms), read
// synchronously on any connection that holds them: a reader connection to the cache or a verified
// snapshot in memory, like SeriesReader (which fills ReplayState::alarms through it). Bodies are
// re-parsed strictly (protocol::parseAlarm); a row that does not parse, or names another alarm than
// its key, is skipped. The UI calls these through CacheReader or RecordingSource, off its thread.
class AlarmHistory
{
public:
    explicit AlarmHistory(sqlite3 *db) : m_db(db) {}

    // For each (origin, id), the newest revision observed at or before atMs, listed when
    // raisedAt <= atMs and it was active then (clearedAt == 0 or clearedAt > atMs) or cleared
    // within schema::kClearedAlarmListedMs before atMs. As it stood at atMs: a clearance after atMs
    // is not shown (state Active, clearedAtMs 0), nor an acknowledgement that had expired by then.
    // Ordered by origin, then id.
    QList<RecordedAlarm> alarmsAt(qint64 atMs) const;

    // Every alarm whose life overlaps [fromMs, toMs] (raisedAt <= toMs, and active at toMs or
    // cleared at or after fromMs), with its newest revision observed by toMs and its history within
    // the range: raised, acknowledged (by, comment, until), acknowledgement expired, unacknowledged,
    // commented, cleared. For the handover report and the alarm periods on charts. Ordered by
    // raisedAt, then origin and id.
    QList<AlarmPeriod> alarmsBetween(qint64 fromMs, qint64 toMs) const;

    // Brings the summary row (alarms) of one alarm in line with its revisions; schemaName "main" or
    // an attached schema. The writer, importer and exporter call it after adding revisions.
    static bool updateSummary(sqlite3 *db, const QString &origin, const QString &alarmId, QString *error);
    // The same for every alarm with revisions in `schemaName`.
    static bool rebuildSummaries(sqlite3 *db, const char *schemaName, QString *error);

private:
    sqlite3 *m_db;
};

} // namespace cpn::cache
