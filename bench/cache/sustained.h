#pragma once

#include <QString>

// bench_cache's sustained run (sustained.cpp): the 2,000-node federation's shape through the
// console's own CacheWriter tick after tick, beside the schema-2 layout written with raw SQL.
namespace cpn::cache::bench {

struct SustainedFigures
{
    int ticks = 0;
    qint64 series = 0;
    double writeAmplification = 0; // bytes written (/proc/self/io write_bytes) per byte of growth on disk
    double worstLagTicks = 0;      // at one tick a second, from each tick's measured commit time
    double firstMinuteSamplesPerS = 0;
    double lastMinuteSamplesPerS = 0;
    qint64 bytesOnDisk = 0;
    // Pages of the tables over what they hold (SQLite's dbstat): the sizes the budget counts with.
    double bytesPerRawSample = 0;
    double bytesPerRollupRow = 0;
    // The whole run saved as a snapshot (SnapshotExporter), and opened by SnapshotReader.
    qint64 snapshotBytes = 0;
    double snapshotOpenMs = 0;
    bool snapshotOpens = false;
    // On the opened snapshot: a replay's stateAt() in the middle of the run, and one node's CPU
    // over the whole run (medians of five).
    double stateAtMs = 0;
    double readSeriesMs = 0;
};

// The new layout through CacheWriter (with retention every 60 ticks, on a clock at the ticks' time).
SustainedFigures runSustained(const QString &dir, int ticks);
// The schema-2 layout: one row per sample keyed (series_id, ts), 100-row INSERTs, a transaction a
// tick, as CacheStore wrote it before schema 3. No retention (it would only add to its cost).
SustainedFigures runSustainedOldLayout(const QString &dir, int ticks);

} // namespace cpn::cache::bench
