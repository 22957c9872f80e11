#pragma once

#include "domain/metricnames.h"

#include <QList>
#include <QString>

#include <limits>

struct sqlite3;

// The cache file's schema, all of its SQL in one place. Each version is a step from the one
// before, applied in its own transaction; the SQL of a step never changes once released, so the
// tests keep each historical version as a fixture (tests/unit/cache/fixtures/) and upgrade it.
namespace cpn::cache::schema {

// 'CPNC': tells a cache file from any other SQLite file (PRAGMA application_id).
inline constexpr int kApplicationId = 0x43504E43;
inline constexpr int kCurrentVersion = 4;

struct Migration
{
    int toVersion;
    const char *sql; // one or more statements
    // Runs after sql in the same transaction, for what SQL alone cannot do; nullptr: nothing.
    bool (*convert)(sqlite3 *db, QString *error);
};

// Version 1: directory versions, series and raw samples, offers, jobs, events.
// Version 2: the 1-minute and 1-hour roll-up tables that retention fills.
// Version 3: raw samples by time in blocks of series (sampleblock.h), roll-ups keyed by time first.
// Version 4: alarm revisions as the console observed them, and one summary row per alarm.
const QList<Migration> &migrations();

// An alarm cleared this long before a moment T is still listed at T, as cleared (docs/cache.md).
inline constexpr qint64 kClearedAlarmListedMs = 3600LL * 1000;
// alarms.listed_until of an alarm whose newest revision is active: listed at every later moment.
inline constexpr qint64 kListedForever = std::numeric_limits<qint64>::max();

// Kinds of the series table. Region series hold the totals the console computes once per tick
// (FederationTotals): entity "" for the nation, a province's ISO code as in the directory, or
// subtreeEntity(). The column takes any integer, so a kind needs no migration: caches recorded
// before region series simply lack them.
enum class SeriesKind { Node = 0, Link = 1, Region = 2 };

// The entity of a 1+M+N subtree's series: its root node's id behind a prefix no ISO code has.
inline QString subtreeEntity(const QString &rootNodeId)
{
    return metrics::subtreeRegion(rootNodeId);
}

} // namespace cpn::cache::schema
