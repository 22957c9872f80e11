#include "cache/retention.h"

#include "cache/cachelogging.h"
#include "cache/sampleblock.h"
#include "cache/sqlite.h"

#include <QList>

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace cpn::cache {

namespace {

constexpr qint64 kNoMarker = std::numeric_limits<qint64>::min();

struct Bucket
{
    double min = 0;
    double max = 0;
    double sum = 0; // of mean * count
    qint64 count = 0;
    double last = 0;
};

// Accumulates rows in time order (any series order within a bucket) into one bucket of `step` per
// series, and appends each bucket's rows, by series id, when the next bucket begins.
class Roller
{
public:
    Roller(sqlite3 *db, const char *table, qint64 step)
        : m_step(step),
          m_put(db, QByteArray("INSERT OR REPLACE INTO ") + table +
                        "(series_id, ts, min, max, mean, count, last) VALUES (?, ?, ?, ?, ?, ?, ?)")
    {
    }
    bool add(qint64 ts, qint64 series, double min, double max, double mean, qint64 count, double last)
    {
        const qint64 bucket = Retention::floorTo(ts, m_step);
        if (bucket != m_bucketTs && !finish())
            return false;
        m_bucketTs = bucket;
        if (series < 0)
            return true;
        if (size_t(series) >= m_buckets.size())
            m_buckets.resize(size_t(series) + 1);
        Bucket &b = m_buckets[size_t(series)];
        if (b.count == 0) {
            b = {min, max, 0, 0, last};
            m_used.push_back(series);
        }
        b.min = qMin(b.min, min);
        b.max = qMax(b.max, max);
        b.sum += mean * double(count);
        b.count += count;
        b.last = last;
        return true;
    }
    // Writes the open bucket's rows.
    bool finish()
    {
        std::sort(m_used.begin(), m_used.end());
        for (const qint64 series : m_used) {
            Bucket &b = m_buckets[size_t(series)];
            m_put.bind(1, series);
            m_put.bind(2, m_bucketTs);
            m_put.bind(3, b.min);
            m_put.bind(4, b.max);
            m_put.bind(5, b.sum / double(b.count));
            m_put.bind(6, b.count);
            m_put.bind(7, b.last);
            if (!m_put.run())
                return false;
            b = Bucket();
            ++m_written;
        }
        m_used.clear();
        return true;
    }
    qint64 written() const { return m_written; }

private:
    qint64 m_step;
    sql::Statement m_put;
    qint64 m_bucketTs = kNoMarker;
    std::vector<Bucket> m_buckets; // by series id: ids are dense
    std::vector<qint64> m_used;
    qint64 m_written = 0;
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

// Deletes the rows of `table` before cutoff (a range at the front of its key); the rows deleted.
bool purge(sqlite3 *db, const char *table, qint64 cutoff, qint64 *deleted)
{
    sql::Statement del(db, QByteArray("DELETE FROM ") + table + " WHERE ts < ?");
    del.bind(1, cutoff);
    if (!del.run())
        return false;
    if (deleted)
        *deleted += sqlite3_changes(db);
    return true;
}

} // namespace

qint64 Retention::floorTo(qint64 ts, qint64 step)
{
    const qint64 q = ts / step;
    return (ts % step != 0 && ts < 0 ? q - 1 : q) * step;
}

double RetentionPolicy::bytesFor(const Windows &w, qint64 seriesCount) const
{
    const double perMs = double(seriesCount) / qMax(1, sampleIntervalMs);
    return double(seriesCount) * kBytesPerRollup *
               (double(w.minuteMs) / Retention::kMinuteMs + double(w.hourMs) / Retention::kHourMs) +
           perMs * kBytesPerRawSample * double(w.rawMs);
}

RetentionPolicy::Windows RetentionPolicy::effectiveWindows(qint64 seriesCount) const
{
    const Windows configured{rawWindowMs, minuteWindowMs, hourWindowMs};
    const double usable = double(byteBudget) * (1 - kReservedShare);
    if (byteBudget <= 0 || seriesCount <= 0 || sampleIntervalMs <= 0 ||
        bytesFor(configured, seriesCount) <= usable)
        return configured;
    // Bytes one millisecond of each window costs across all series.
    const double rawRate = double(seriesCount) * kBytesPerRawSample / sampleIntervalMs;
    const double minuteRate = double(seriesCount) * kBytesPerRollup / Retention::kMinuteMs;
    const double hourRate = double(seriesCount) * kBytesPerRollup / Retention::kHourMs;
    // The raw floor first; of the rest, a quarter at most for hours, two thirds of what remains
    // for minutes, and whatever the roll-ups leave back to raw samples.
    const qint64 rawFloor = qMin(rawWindowMs, minRawWindowMs);
    double left = qMax(0.0, usable - rawRate * double(rawFloor));
    Windows w;
    w.hourMs = qMin(hourWindowMs, qint64(left / 4 / hourRate));
    left -= hourRate * double(w.hourMs);
    w.minuteMs = qMin(minuteWindowMs, qint64(left * 2 / 3 / minuteRate));
    left -= minuteRate * double(w.minuteMs);
    w.rawMs = qMin(rawWindowMs, rawFloor + qint64(left / rawRate));
    return w;
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

    qint64 seriesCount = 0;
    {
        sql::Statement s(db, "SELECT count(*) FROM series");
        seriesCount = s.step() ? s.int64(0) : 0;
    }
    const RetentionPolicy::Windows windows = m_policy.effectiveWindows(seriesCount);
    const qint64 rawCutoff = qMin(nowMs - windows.rawMs, to1m);
    const qint64 minuteCutoff = qMin(nowMs - windows.minuteMs, to1h);
    const qint64 hourCutoff = nowMs - windows.hourMs;

    // Minutes from the raw blocks, read in key order.
    {
        Roller minutes(db, "samples_1m", kMinuteMs);
        sql::Statement raw(db, "SELECT ts, block, data FROM sample_blocks WHERE ts >= ? AND ts < ?");
        raw.bind(1, from1m);
        raw.bind(2, to1m);
        sampleblock::Values values;
        while (raw.step()) {
            int size = 0;
            const char *data = raw.blobData(2, &size);
            values.present.reset();
            if (!sampleblock::decode(data, size, &values))
                continue;
            const qint64 ts = raw.int64(0);
            const qint64 block = raw.int64(1);
            for (int slot = 0; slot < sampleblock::kSeriesPerBlock; ++slot) {
                if (!values.present[size_t(slot)])
                    continue;
                const double v = values.value[size_t(slot)];
                if (!minutes.add(ts, sampleblock::seriesIdOf(block, slot), v, v, v, 1, v))
                    return failed(QStringLiteral("writing 1-minute roll-ups"));
            }
        }
        if (!raw.done() || !minutes.finish())
            return failed(QStringLiteral("writing 1-minute roll-ups"));
        report.minuteBuckets = minutes.written();
    }
    // Hours from the minutes.
    {
        Roller hours(db, "samples_1h", kHourMs);
        sql::Statement rows(db, "SELECT ts, series_id, min, max, mean, count, last FROM samples_1m "
                                "WHERE ts >= ? AND ts < ?");
        rows.bind(1, from1h);
        rows.bind(2, to1h);
        while (rows.step()) {
            if (!hours.add(rows.int64(0), rows.int64(1), rows.real(2), rows.real(3), rows.real(4),
                           rows.int64(5), rows.real(6)))
                return failed(QStringLiteral("writing 1-hour roll-ups"));
        }
        if (!rows.done() || !hours.finish())
            return failed(QStringLiteral("writing 1-hour roll-ups"));
        report.hourBuckets = hours.written();
    }

    {
        sql::Statement counted(db, "SELECT ifnull(sum(samples), 0) FROM sample_ticks WHERE ts < ?");
        counted.bind(1, rawCutoff);
        report.rawDeleted = counted.step() ? counted.int64(0) : 0;
    }
    if (!purge(db, "sample_blocks", rawCutoff, nullptr) || !purge(db, "sample_ticks", rawCutoff, nullptr) ||
        !purge(db, "samples_1m", minuteCutoff, &report.minuteDeleted) ||
        !purge(db, "samples_1h", hourCutoff, &report.hourDeleted))
        return failed(QStringLiteral("purging"));

    // Directory versions, jobs, events and alarms live as long as the coarsest samples: an alarm
    // goes with all its revisions once no moment still kept lists it (its summary's listed_until,
    // an hour after its clearance, through the index). Offers are stored when they change: of the
    // rows older than the raw window only each offer's newest stays, and every row past the hour
    // window goes.
    const char *const others[] = {
        "DELETE FROM node_versions WHERE valid_to IS NOT NULL AND valid_to < ?",
        "DELETE FROM link_versions WHERE valid_to IS NOT NULL AND valid_to < ?",
        "DELETE FROM jobs WHERE updated_at < ?",
        "DELETE FROM events WHERE ts < ?",
        "DELETE FROM offers WHERE ts < ?",
        "DELETE FROM alarm_revisions WHERE (origin, alarm_id) IN "
        "(SELECT origin, alarm_id FROM alarms WHERE listed_until < ?)",
        "DELETE FROM alarms WHERE listed_until < ?",
    };
    for (const char *sqlText : others) {
        sql::Statement s(db, sqlText);
        s.bind(1, hourCutoff);
        if (!s.run())
            return failed(QStringLiteral("purging"));
    }
    // Of the rows past the raw window, the newest of each offer stays (it was current then). No
    // index by offer: its random inserts cost a page write per offer and poll (docs/cache.md).
    sql::Statement offers(db, "DELETE FROM offers WHERE ts < ?1 AND (offer_id, ts) NOT IN "
                              "(SELECT offer_id, max(ts) FROM offers WHERE ts < ?1 GROUP BY offer_id)");
    offers.bind(1, nowMs - windows.rawMs);
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
