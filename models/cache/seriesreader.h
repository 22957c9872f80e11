#pragma once

#include "cache/cachetypes.h"
#include "cache/schema.h"

#include <QHash>

struct sqlite3;

namespace cpn::cache {

// Synchronous queries over the cache schema, on any connection that holds it: a reader
// connection to the cache, or a verified snapshot in memory (SnapshotReader::handle()). Bodies
// and values are re-validated on the way out (strict protocol parsers, value ranges), so a row
// that does not parse is skipped rather than shown. The UI calls these through CacheReader, on a
// worker thread; tests and the command line call them directly.
class SeriesReader
{
public:
    explicit SeriesReader(sqlite3 *db) : m_db(db) {}

    // Auto picks the finest resolution whose points for the range stay few enough to draw and
    // fetch quickly: raw up to 26 h, 1-minute roll-ups up to 31 days, then 1-hour roll-ups;
    // when that resolution holds nothing for the range (raw samples already purged, say), the
    // next coarser one is tried.
    Series readNodeSeries(const QString &nodeId, const QString &metric, qint64 fromMs, qint64 toMs,
                          Resolution resolution = Resolution::Auto) const;
    Series readLinkSeries(const QString &linkId, const QString &metric, qint64 fromMs, qint64 toMs,
                          Resolution resolution = Resolution::Auto) const;
    Series readSeries(schema::SeriesKind kind, const QString &entityId, const QString &metric, qint64 fromMs,
                      qint64 toMs, Resolution resolution = Resolution::Auto) const;
    static Resolution chooseResolution(qint64 fromMs, qint64 toMs);

    // A region's totals over time: region "" is the nation, else a province's ISO code as in the
    // directory or schema::subtreeEntity(); metric one of metrics::regionMetricNames(). Reads the
    // region series recorded at ingest (CacheStore::addTotals: the totals the console computed, as
    // FederationTotals defines them); from roll-ups, each bucket's min, max and mean of those. For
    // the nation and provinces, the part of the range before the first of them (a cache recorded
    // before region series existed) comes from computeRegionSeries, so that history is not lost.
    // Values are stored units (utilizations as fractions).
    Series readRegionSeries(const QString &region, const QString &metric, qint64 fromMs, qint64 toMs,
                            Resolution resolution = Resolution::Auto) const;

    // A region's totals computed from the stored node series: for "cpu", "memory" and "accel" (each
    // node's mean over its accelerator models) the plain mean over the nodes that reported in that
    // second, for "power_kw" their sum. From roll-ups, each bucket's value is the mean (sum) of the
    // node means and its bounds the mean (sum) of the node minima and maxima: never narrower than
    // the true range, so a spike still shows. One read per node series: what readRegionSeries
    // avoids, and bench_cache's baseline.
    Series computeRegionSeries(const QString &province, const QString &metric, qint64 fromMs, qint64 toMs,
                               Resolution resolution = Resolution::Auto) const;

    // The directory valid at atMs, the alarms then (AlarmHistory::alarmsAt) and, per entity in it, the latest
    // sample at or before atMs no older than lookbackMs (raw first, else the last value of a roll-up bucket,
    // looking back at least one bucket). An entity without one had no data then, as the live console would
    // show.
    ReplayState stateAt(qint64 atMs, qint64 lookbackMs = kDefaultLookbackMs) const;
    // The console shows data older than twice the 1 s refresh interval as stale; one more tick
    // of slack for poll jitter.
    static constexpr qint64 kDefaultLookbackMs = 3 * 1000;

    ContentSummary summary() const;
    sqlite3 *handle() const { return m_db; }

private:
    qint64 findSeries(schema::SeriesKind kind, const QString &entityId, const QString &metric) const;
    Series readResolution(qint64 seriesId, qint64 fromMs, qint64 toMs, Resolution resolution) const;
    Series readRegionResolution(qint64 seriesId, const QString &region, const QString &metric, qint64 fromMs,
                                qint64 toMs, Resolution resolution) const;
    bool hasNodeSamples(const QString &metric, qint64 fromMs, qint64 toMs, Resolution resolution) const;
    // metric empty: any accelerator series.
    bool hasRawNodeSamples(const QString &metric, qint64 afterMs, qint64 toMs) const;
    Series computeRegionResolution(const QString &province, const QString &metric, qint64 fromMs, qint64 toMs,
                                   Resolution resolution) const;

    // Blocks of series a tick holds at most (sampleblock.h), read once: reads choose how to seek by it.
    qint64 blocksPerTick() const;

    sqlite3 *m_db;
    // The directory changes seldom: stateAt() parses each stored node and link version once, not at
    // every moment a report or a replay asks for (by body; bounded, cleared when full).
    static constexpr qsizetype kParsedVersionsKept = 50'000;
    mutable QHash<QByteArray, Node> m_parsedNodes;
    mutable QHash<QByteArray, Link> m_parsedLinks;
    mutable qint64 m_blocksPerTick = -1;
};

} // namespace cpn::cache
