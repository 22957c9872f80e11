#include "cache/alarmhistory.h"

#include "cache/cachelogging.h"
#include "cache/schema.h"
#include "cache/sqlite.h"
#include "domain/alarmjson.h"

#include <algorithm>
#include <optional>

namespace cpn::cache {

namespace {

struct Revision
{
    qint64 observedAtMs = 0;
    Alarm alarm;
};

// The alarm of a stored row, if its body parses and agrees with the row's key and columns: a
// snapshot from elsewhere may hold anything.
std::optional<Alarm> parseRow(const sql::Statement &row, int idColumn, int revisionColumn, int raisedColumn,
                              int clearedColumn, int bodyColumn)
{
    auto parsed = protocol::parseAlarm(row.utf8(bodyColumn));
    if (!parsed.ok()) {
        qCWarning(lcCache).noquote() << "skipping a stored alarm:" << parsed.error();
        return std::nullopt;
    }
    const Alarm &a = parsed.value();
    if (a.id != row.text(idColumn) || a.revision != row.int64(revisionColumn) ||
        a.raisedAtMs != row.int64(raisedColumn) || a.clearedAtMs != row.int64(clearedColumn)) {
        qCWarning(lcCache).noquote() << "skipping a stored alarm whose body does not match its row";
        return std::nullopt;
    }
    return a;
}

// The alarm as it stood at atMs: a clearance reported with a later time (the server's clock ahead
// of the console's) had not happened yet, an acknowledgement that had expired no longer held.
Alarm asOf(Alarm alarm, qint64 atMs)
{
    if (alarm.clearedAtMs > atMs) {
        alarm.clearedAtMs = 0;
        alarm.state = Alarm::State::Active;
    }
    if (alarm.ack && (alarm.ack->atMs > atMs || (alarm.ack->untilMs > 0 && alarm.ack->untilMs <= atMs)))
        alarm.ack.reset();
    alarm.comments.removeIf([atMs](const AlarmComment &c) { return c.atMs > atMs; });
    return alarm;
}

// What happened to an alarm, from its revisions in order; the caller keeps the range.
QList<AlarmHistoryEntry> historyOf(const QList<Revision> &revisions, qint64 toMs)
{
    using Kind = AlarmHistoryEntry::Kind;
    QList<AlarmHistoryEntry> history;
    const Alarm &last = revisions.constLast().alarm;
    history.append({Kind::Raised, last.raisedAtMs, {}, {}, 0});
    std::optional<AlarmAck> previous;
    for (const Revision &r : revisions) {
        const std::optional<AlarmAck> &ack = r.alarm.ack;
        if (ack && (!previous || previous->atMs != ack->atMs || previous->by != ack->by))
            history.append({Kind::Acknowledged, ack->atMs, ack->by, ack->comment, ack->untilMs});
        else if (!ack && previous) {
            // Gone: it expired, or someone took it back (the server does not say who).
            if (previous->untilMs > 0 && previous->untilMs <= r.observedAtMs)
                history.append({Kind::AcknowledgementExpired, previous->untilMs, {}, {}, 0});
            else
                history.append({Kind::Unacknowledged, r.observedAtMs, {}, {}, 0});
        }
        previous = ack;
    }
    if (previous && previous->untilMs > 0 && previous->untilMs <= toMs)
        history.append({Kind::AcknowledgementExpired, previous->untilMs, {}, {}, 0});
    for (const AlarmComment &c : last.comments)
        history.append({Kind::Commented, c.atMs, c.by, c.text, 0});
    if (last.clearedAtMs > 0)
        history.append({Kind::Cleared, last.clearedAtMs, {}, {}, 0});
    return history;
}

QByteArray summarySql(const QByteArray &schema, bool oneAlarm)
{
    // The newest revision decides: open, it is listed at every later moment; cleared, until an hour
    // after its clearance, and at least until that revision was observed (before then the console
    // still had it active). "S." stands for the schema.
    QByteArray sql(
        "INSERT OR REPLACE INTO S.alarms(origin, alarm_id, first_seen, listed_until) "
        "SELECT n.origin, n.alarm_id, (SELECT min(f.observed_at) FROM S.alarm_revisions f "
        "WHERE f.origin = n.origin AND f.alarm_id = n.alarm_id), "
        "CASE WHEN n.cleared_at = 0 THEN ?1 ELSE max(min(n.cleared_at, ?1 - ?2) + ?2, n.observed_at) END "
        "FROM S.alarm_revisions n WHERE n.revision = (SELECT max(x.revision) FROM S.alarm_revisions x "
        "WHERE x.origin = n.origin AND x.alarm_id = n.alarm_id)");
    if (oneAlarm)
        sql += " AND n.origin = ?3 AND n.alarm_id = ?4";
    return sql.replace("S.", schema + '.');
}

bool runSummary(sql::Statement &s, QString *error)
{
    s.bind(1, schema::kListedForever);
    s.bind(2, schema::kClearedAlarmListedMs);
    if (s.run())
        return true;
    *error = QStringLiteral("summing up alarms: %1").arg(s.error());
    return false;
}

} // namespace

bool AlarmHistory::updateSummary(sqlite3 *db, const QString &origin, const QString &alarmId, QString *error)
{
    sql::Statement s(db, summarySql("main", true));
    s.bind(3, origin);
    s.bind(4, alarmId);
    return runSummary(s, error);
}

bool AlarmHistory::rebuildSummaries(sqlite3 *db, const char *schemaName, QString *error)
{
    sql::Statement s(db, summarySql(schemaName, false));
    return runSummary(s, error);
}

QList<RecordedAlarm> AlarmHistory::alarmsAt(qint64 atMs) const
{
    QList<RecordedAlarm> alarms;
    // The summary's index finds the alarms that can be listed at atMs; for each, the newest
    // revision observed by then.
    sql::Statement s(
        m_db, "SELECT r.origin, r.alarm_id, r.revision, r.raised_at, r.cleared_at, r.body, r.observed_at "
              "FROM alarms a CROSS JOIN alarm_revisions r ON r.origin = a.origin AND r.alarm_id = a.alarm_id "
              "WHERE a.listed_until > ?1 AND a.first_seen <= ?1 AND r.revision = (SELECT max(x.revision) "
              "FROM alarm_revisions x WHERE x.origin = a.origin AND x.alarm_id = a.alarm_id "
              "AND x.observed_at <= ?1) ORDER BY a.origin, a.alarm_id");
    s.bind(1, atMs);
    while (s.step()) {
        const std::optional<Alarm> alarm = parseRow(s, 1, 2, 3, 4, 5);
        if (!alarm || alarm->raisedAtMs > atMs)
            continue;
        if (alarm->clearedAtMs != 0 && alarm->clearedAtMs <= atMs - schema::kClearedAlarmListedMs)
            continue;
        alarms.append({s.text(0), s.int64(6), asOf(*alarm, atMs)});
    }
    if (!s.done())
        qCWarning(lcCache).noquote() << "reading the alarms at a moment:" << s.error();
    return alarms;
}

QList<AlarmPeriod> AlarmHistory::alarmsBetween(qint64 fromMs, qint64 toMs) const
{
    QList<AlarmPeriod> periods;
    if (toMs < fromMs)
        return periods;
    sql::Statement candidates(m_db, "SELECT origin, alarm_id FROM alarms WHERE listed_until > ?1 "
                                    "AND first_seen <= ?2 ORDER BY origin, alarm_id");
    candidates.bind(1, fromMs);
    candidates.bind(2, toMs);
    sql::Statement revisions(m_db,
                             "SELECT observed_at, alarm_id, revision, raised_at, cleared_at, body "
                             "FROM alarm_revisions WHERE origin = ? AND alarm_id = ? AND observed_at <= ? "
                             "ORDER BY revision");
    while (candidates.step()) {
        const QString origin = candidates.text(0);
        revisions.bind(1, origin);
        revisions.bind(2, candidates.text(1));
        revisions.bind(3, toMs);
        QList<Revision> seen;
        while (revisions.step()) {
            if (const std::optional<Alarm> alarm = parseRow(revisions, 1, 2, 3, 4, 5))
                seen.append({revisions.int64(0), *alarm});
        }
        revisions.reset();
        if (seen.isEmpty())
            continue;
        const Alarm last = asOf(seen.constLast().alarm, toMs);
        if (last.raisedAtMs > toMs || (last.clearedAtMs != 0 && last.clearedAtMs < fromMs))
            continue;
        AlarmPeriod period{{origin, seen.constLast().observedAtMs, last}, {}};
        for (const AlarmHistoryEntry &entry : historyOf(seen, toMs)) {
            if (entry.atMs >= fromMs && entry.atMs <= toMs)
                period.history.append(entry);
        }
        std::stable_sort(period.history.begin(), period.history.end(),
                         [](const auto &x, const auto &y) { return x.atMs < y.atMs; });
        periods.append(period);
    }
    std::stable_sort(periods.begin(), periods.end(), [](const AlarmPeriod &x, const AlarmPeriod &y) {
        return x.last.alarm.raisedAtMs < y.last.alarm.raisedAtMs;
    });
    return periods;
}

} // namespace cpn::cache
