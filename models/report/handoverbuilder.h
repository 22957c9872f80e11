#pragma once

#include "report/handoverdata.h"

#include <functional>

struct sqlite3;

namespace cpn::report {

// Fills a HandoverData from the console's cache, everything but the alarms (the caller's): the
// national figures at the range's start and end, a timeline of them at a fixed step (the
// federation's state at each moment, as a replay shows it), the outages seen on that timeline, the
// jobs that failed, and the nation's recorded totals for the charts. Synchronous: run it off the
// UI thread, on a reader connection (CacheDatabase::Role::Reader) or a snapshot's handle.
class HandoverBuilder
{
public:
    // Moments on the timeline: enough for a chart, cheap enough at 2,000 nodes (one replay state each).
    static constexpr int kTimelineSteps = 120;
    // Never finer than this, so a short range does not read the same seconds many times.
    static constexpr qint64 kMinStepMs = 10'000;

    explicit HandoverBuilder(sqlite3 *db) : m_db(db) {}

    // progress(done, total) after each moment of the timeline.
    HandoverData build(qint64 fromMs, qint64 toMs,
                       const std::function<void(int done, int total)> &progress = {}) const;

    // Opens a reader connection to the cache file for the calling thread and builds; false with
    // *error set when the cache cannot be opened.
    static bool buildFromFile(const QString &cachePath, qint64 fromMs, qint64 toMs, HandoverData *data,
                              QString *error, const std::function<void(int done, int total)> &progress = {});

    static qint64 stepFor(qint64 fromMs, qint64 toMs);
    static NationalFigures figuresOf(const cache::ReplayState &state);

private:
    sqlite3 *m_db;
};

} // namespace cpn::report
