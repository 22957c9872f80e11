#pragma once

#include <QList>
#include <QString>

struct sqlite3;

// The cache file's schema, all of its SQL in one place. Each version is a step from the one
// before, applied in its own transaction; the SQL of a step never changes once released, so the
// tests keep each historical version as a fixture (tests/unit/cache/fixtures/) and upgrade it.
namespace cpn::cache::schema {

// 'CPNC': tells a cache file from any other SQLite file (PRAGMA application_id).
inline constexpr int kApplicationId = 0x43504E43;
inline constexpr int kCurrentVersion = 3;

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
const QList<Migration> &migrations();

// Kinds of the series table. Region series hold the totals the console computes once per tick
// (FederationTotals): entity "" for the nation, a province's ISO code as in the directory, or
// subtreeEntity(). The column takes any integer, so a kind needs no migration: caches recorded
// before region series simply lack them.
enum class SeriesKind { Node = 0, Link = 1, Region = 2 };

// The entity of a 1+M+N subtree's series: its root node's id behind a prefix no ISO code has.
inline QString subtreeEntity(const QString &rootNodeId)
{
    return QStringLiteral("subtree:") + rootNodeId;
}

} // namespace cpn::cache::schema
