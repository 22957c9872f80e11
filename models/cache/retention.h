#pragma once

#include <QString>

struct sqlite3;

namespace cpn::cache {

// How long each resolution is kept: raw samples for a day, 1-minute roll-ups for a week, 1-hour
// roll-ups for a bit over a year (docs/cache.md has the sizes). The whole cache also fits a byte
// budget: for the number of series actually recorded, windows that would not fit shrink (roll-ups
// first to their share, raw samples never below minRawWindowMs), so small federations keep their
// full windows and large ones keep what fits.
struct RetentionPolicy
{
    qint64 rawWindowMs = 24LL * 3600 * 1000;
    qint64 minuteWindowMs = 7LL * 24 * 3600 * 1000;
    qint64 hourWindowMs = 400LL * 24 * 3600 * 1000;
    qint64 byteBudget = 2LL * 1024 * 1024 * 1024; // the whole file; 0: no budget, the windows alone decide
    int sampleIntervalMs = 1000;                  // the federation's refresh interval
    // Never shrink below this: roll-ups need the raw minutes past the lateness, and an hour of
    // detail is what "Review the last hour" replays. The one thing the budget gives way to.
    qint64 minRawWindowMs = 3600LL * 1000;
    // Minutes newer than now - lateness are not rolled up yet: late samples still land in them.
    qint64 latenessMs = 2LL * 60 * 1000;

    // Measured on disk (bench_cache, docs/cache.md): a raw sample in a full block, and a roll-up row.
    static constexpr double kBytesPerRawSample = 2.9;
    static constexpr double kBytesPerRollup = 46;
    // Kept out of the windows' arithmetic for directory versions, offers, jobs, events, alarms and free
    // pages.
    static constexpr double kReservedShare = 1.0 / 16;

    struct Windows
    {
        qint64 rawMs;
        qint64 minuteMs;
        qint64 hourMs;
    };
    // The windows given seriesCount series sampled every sampleIntervalMs.
    Windows effectiveWindows(qint64 seriesCount) const;
    // The bytes those windows hold when full.
    double bytesFor(const Windows &windows, qint64 seriesCount) const;
};

struct RetentionReport
{
    bool ok = true;
    QString error;
    qint64 minuteBuckets = 0; // roll-up rows written
    qint64 hourBuckets = 0;
    qint64 rawDeleted = 0;
    qint64 minuteDeleted = 0;
    qint64 hourDeleted = 0;
};

// Rolls raw samples up into 1-minute buckets and those into 1-hour buckets (min, max, mean
// weighted by count, count, last), then purges what fell out of each window. Progress is kept in
// the meta table (rollup_1m_until, rollup_1h_until), so every bucket is rolled up once. Every
// sample table is keyed by time first: a roll-up reads its range in key order and appends all
// series' buckets, a purge deletes from the front. The writer thread runs it periodically, in one
// transaction.
class Retention
{
public:
    explicit Retention(const RetentionPolicy &policy = {}) : m_policy(policy) {}
    const RetentionPolicy &policy() const { return m_policy; }
    RetentionReport run(sqlite3 *db, qint64 nowMs) const;

    static constexpr qint64 kMinuteMs = 60 * 1000;
    static constexpr qint64 kHourMs = 3600 * 1000;
    // The start of the bucket of `step` holding ts (also for times before 1970).
    static qint64 floorTo(qint64 ts, qint64 step);

private:
    RetentionPolicy m_policy;
};

} // namespace cpn::cache
