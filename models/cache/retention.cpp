#include "cache/retention.h"

#include "cache/cachelogging.h"
#include "cache/sqlite.h"

#include <QList>

#include <sqlite3.h>

#include <limits>

namespace cpn::cache {

namespace {

constexpr qint64 kNoMarker = std::numeric_limits<qint64>::min();

qint64 floorTo(qint64 ts, qint64 step)
{
    const qint64 q = ts / step;
    return (ts % step != 0 && ts < 0 ? q - 1 : q) * step;
}

struct Bucket
{
    qint64 ts = 0;
    double min = 0;
    double max = 0;
    double sum = 0; // of mean * count
    qint64 count = 0;
    double last = 0;
};

// Accumulates rows of one series, in time order, into buckets of `step`.
class Roller
{
public:
    explicit Roller(qint64 step) : m_step(step) {}
    void add(qint64 ts, double min, double max, double mean, qint64 count, double last)
    {
        const qint64 bucket = floorTo(ts, m_step);
        if (m_buckets.isEmpty() || m_buckets.last().ts != bucket)
            m_buckets.append({bucket, min, max, 0, 0, last});
        Bucket &b = m_buckets.last();
        b.min = qMin(b.min, min);
        b.max = qMax(b.max, max);
        b.sum += mean * double(count);
        b.count += count;
        b.last = last;
    }
    const QList<Bucket> &buckets() const { return m_buckets; }
    void clear() { m_buckets.clear(); }

private:
    qint64 m_step;
    QList<Bucket> m_buckets;
};

qint64 readMarker(sqlite3 *db, const char *key)
{
    sql::Statement s(db, "SELECT value FROM meta WHERE key = ?");
    s.bindUtf8(1, key);
    return s.step() ? s.text(0).toLongLong() : kNoMarker;
}

bool writeMarker(sqlite3 *db, const char *key, qint64 value)
{
    sql::Statement s(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    s.bindUtf8(1, key);
    s.bind(2, QString::number(value));
    return s.run();
}

} // namespace

qint64 RetentionPolicy::effectiveRawWindowMs(qint64 seriesCount) const
{
    if (rawByteBudget <= 0 || seriesCount <= 0 || sampleIntervalMs <= 0)
        return rawWindowMs;
    // Bytes one millisecond of raw samples costs across all series; the budget buys that many ms.
    const double bytesPerMs = double(seriesCount) * kBytesPerRawSample / sampleIntervalMs;
    const double fits = double(rawByteBudget) / bytesPerMs;
    if (fits >= double(rawWindowMs))
        return rawWindowMs;
    return qMin(rawWindowMs, qMax(minRawWindowMs, qint64(fits)));
}

RetentionReport Retention::run(sqlite3 *db, qint64 nowMs) const
{
    RetentionReport report;
    auto failed = [&](const QString &what) {
        report.ok = false;
        report.error = QStringLiteral("retention: %1: %2").arg(what, sql::lastError(db));
        qCWarning(lcCache).noquote() << report.error;
        return report;
    };

    sql::Transaction transaction(db);
    if (!transaction.isActive())
        return failed(QStringLiteral("begin"));

    const qint64 from1m = readMarker(db, "rollup_1m_until");
    const qint64 from1h = readMarker(db, "rollup_1h_until");
    const qint64 to1m = qMax(floorTo(nowMs - m_policy.latenessMs, kMinuteMs), from1m);
    const qint64 to1h = qMax(floorTo(to1m, kHourMs), from1h);
    const qint64 minuteCutoff = qMin(nowMs - m_policy.minuteWindowMs, to1h);
    const qint64 hourCutoff = nowMs - m_policy.hourWindowMs;

    QList<qint64> seriesIds;
    {
        sql::Statement s(db, "SELECT series_id FROM series");
        while (s.step())
            seriesIds.append(s.int64(0));
    }
    const qint64 rawCutoff = qMin(nowMs - m_policy.effectiveRawWindowMs(seriesIds.size()), to1m);

    sql::Statement readRaw(db, "SELECT ts, value FROM samples WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts");
    sql::Statement readMinutes(db, "SELECT ts, min, max, mean, count, last FROM samples_1m "
                                   "WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts");
    sql::Statement putMinute(db, "INSERT OR REPLACE INTO samples_1m(series_id, ts, min, max, mean, count, last) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
    sql::Statement putHour(db, "INSERT OR REPLACE INTO samples_1h(series_id, ts, min, max, mean, count, last) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)");
    sql::Statement purgeRaw(db, "DELETE FROM samples WHERE series_id = ? AND ts < ?");
    sql::Statement purgeMinutes(db, "DELETE FROM samples_1m WHERE series_id = ? AND ts < ?");
    sql::Statement purgeHours(db, "DELETE FROM samples_1h WHERE series_id = ? AND ts < ?");

    auto store = [](sql::Statement &put, qint64 series, const QList<Bucket> &buckets) {
        for (const Bucket &b : buckets) {
            put.bind(1, series);
            put.bind(2, b.ts);
            put.bind(3, b.min);
            put.bind(4, b.max);
            put.bind(5, b.sum / double(b.count));
            put.bind(6, b.count);
            put.bind(7, b.last);
            if (!put.run())
                return false;
        }
        return true;
    };
    auto purge = [db](sql::Statement &del, qint64 series, qint64 cutoff, qint64 *deleted) {
        del.bind(1, series);
        del.bind(2, cutoff);
        if (!del.run())
            return false;
        *deleted += sqlite3_changes(db);
        return true;
    };

    Roller minutes(kMinuteMs);
    Roller hours(kHourMs);
    for (const qint64 series : std::as_const(seriesIds)) {
        minutes.clear();
        readRaw.bind(1, series);
        readRaw.bind(2, from1m);
        readRaw.bind(3, to1m);
        while (readRaw.step()) {
            const double v = readRaw.real(1);
            minutes.add(readRaw.int64(0), v, v, v, 1, v);
        }
        readRaw.reset();
        if (!store(putMinute, series, minutes.buckets()))
            return failed(QStringLiteral("writing 1-minute roll-ups"));
        report.minuteBuckets += minutes.buckets().size();

        hours.clear();
        readMinutes.bind(1, series);
        readMinutes.bind(2, from1h);
        readMinutes.bind(3, to1h);
        while (readMinutes.step())
            hours.add(readMinutes.int64(0), readMinutes.real(1), readMinutes.real(2), readMinutes.real(3),
                      readMinutes.int64(4), readMinutes.real(5));
        readMinutes.reset();
        if (!store(putHour, series, hours.buckets()))
            return failed(QStringLiteral("writing 1-hour roll-ups"));
        report.hourBuckets += hours.buckets().size();

        if (!purge(purgeRaw, series, rawCutoff, &report.rawDeleted)
            || !purge(purgeMinutes, series, minuteCutoff, &report.minuteDeleted)
            || !purge(purgeHours, series, hourCutoff, &report.hourDeleted))
            return failed(QStringLiteral("purging"));
    }

    // Directory versions, jobs and events live as long as the coarsest samples; offers only as
    // long as the raw ones (they are a full list per poll).
    const char *const others[] = {
        "DELETE FROM node_versions WHERE valid_to IS NOT NULL AND valid_to < ?",
        "DELETE FROM link_versions WHERE valid_to IS NOT NULL AND valid_to < ?",
        "DELETE FROM jobs WHERE updated_at < ?",
        "DELETE FROM events WHERE ts < ?",
    };
    for (const char *sqlText : others) {
        sql::Statement s(db, sqlText);
        s.bind(1, hourCutoff);
        if (!s.run())
            return failed(QStringLiteral("purging"));
    }
    sql::Statement offers(db, "DELETE FROM offers WHERE ts < ?");
    offers.bind(1, nowMs - m_policy.effectiveRawWindowMs(seriesIds.size()));
    if (!offers.run())
        return failed(QStringLiteral("purging offers"));

    if (!writeMarker(db, "rollup_1m_until", to1m) || !writeMarker(db, "rollup_1h_until", to1h))
        return failed(QStringLiteral("saving progress"));
    QString error;
    if (!transaction.commit(&error))
        return failed(QStringLiteral("commit"));
    qCDebug(lcCache) << "retention:" << report.minuteBuckets << "minute and" << report.hourBuckets
                     << "hour buckets," << report.rawDeleted << "raw samples purged";
    return report;
}

} // namespace cpn::cache
