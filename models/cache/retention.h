#pragma once

#include <QString>

struct sqlite3;

namespace cpn::cache {

// How long each resolution is kept: raw samples for a day, 1-minute roll-ups for a week, 1-hour
// roll-ups for a bit over a year (docs/cache.md has the sizes). A day of raw samples of a 2,000-node
// federation is ~130 GB, so the raw window also shrinks to fit rawByteBudget for the number of
// series actually recorded: small federations keep their day, large ones keep what fits.
struct RetentionPolicy
{
    qint64 rawWindowMs = 24LL * 3600 * 1000;
    qint64 rawByteBudget = 2LL * 1024 * 1024 * 1024; // 0: no budget, the window alone decides
    int sampleIntervalMs = 1000;                      // the federation's refresh interval
    // Never shrink below this: roll-ups need the raw minutes past the lateness, and an hour of
    // detail is what "Review the last hour" replays.
    qint64 minRawWindowMs = 3600LL * 1000;
    // A raw sample row costs about 20-25 bytes on disk with its key (docs/cache.md).
    static constexpr qint64 kBytesPerRawSample = 24;

    // The raw window given seriesCount series sampled every sampleIntervalMs.
    qint64 effectiveRawWindowMs(qint64 seriesCount) const;
    qint64 minuteWindowMs = 7LL * 24 * 3600 * 1000;
    qint64 hourWindowMs = 400LL * 24 * 3600 * 1000;
    // Minutes newer than now - lateness are not rolled up yet: late samples still land in them.
    qint64 latenessMs = 2LL * 60 * 1000;
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
// the meta table (rollup_1m_until, rollup_1h_until), so every bucket is rolled up once. Series are
// walked one by one on the (series_id, ts) key: a time-range scan of the whole table would read
// all of it. The writer thread runs it periodically, in one transaction.
class Retention
{
public:
    explicit Retention(const RetentionPolicy &policy = {}) : m_policy(policy) {}
    const RetentionPolicy &policy() const { return m_policy; }
    RetentionReport run(sqlite3 *db, qint64 nowMs) const;

    static constexpr qint64 kMinuteMs = 60 * 1000;
    static constexpr qint64 kHourMs = 3600 * 1000;

private:
    RetentionPolicy m_policy;
};

} // namespace cpn::cache
