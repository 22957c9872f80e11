#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct sqlite3;

// The .cpnsnap file format: one SQLite database in rollback-journal mode (never WAL, so the file
// is the whole of it) with a manifest table and the cache's data tables. Its schema is frozen per
// format version, separately from the cache schema, because files outlive programs; all of its
// SQL is here. docs/cache.md describes it.
namespace cpn::cache::snapshot {

// 'CPNS' (PRAGMA application_id); the cache is 'CPNC'.
inline constexpr int kApplicationId = 0x43504E53;
// Format 1: samples one row each (schema 2); format 2: samples in blocks (schema 3); format 3:
// format 2 and the alarms (schema 4). The reader reads all three; the exporter writes kFormatVersion.
inline constexpr int kFormatVersion = 3;

// Bounds on a snapshot's alarms, checked before anything reads them (SnapshotReader): an alarm is
// at most 100 comments of 1,000 characters and its affected nodes (alarmjson.h), far below a MiB.
inline constexpr qint64 kMaxAlarmRevisions = 500000;
inline constexpr qint64 kMaxAlarmBodyBytes = 1024 * 1024;
inline constexpr auto kSuffix = ".cpnsnap";

// The data tables in checksum order, with the ORDER BY that makes the row order canonical.
struct Table
{
    const char *name;
    const char *orderBy;
};
const QList<Table> &dataTables(int formatVersion = kFormatVersion);

// The statements creating a format (manifest included).
const char *createSql(int formatVersion = kFormatVersion);

// Manifest keys.
namespace key {
inline constexpr auto formatVersion = "format_version";
inline constexpr auto name = "name";
inline constexpr auto note = "note";
inline constexpr auto createdBy = "created_by";
inline constexpr auto createdAt = "created_at";
inline constexpr auto timeFrom = "time_from";
inline constexpr auto timeTo = "time_to";
inline constexpr auto endpoints = "endpoints"; // a JSON array of URLs
inline constexpr auto checksum = "checksum";   // hex SHA-256, see contentChecksum()
} // namespace key

struct Manifest
{
    int formatVersion = kFormatVersion;
    QString name;
    QString note;
    QString createdBy;
    qint64 createdAtMs = 0;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QStringList endpoints;
    QString checksum;
};

// SHA-256 over the canonical content: every manifest entry but the checksum (by key), then every
// data table (in dataTables() order, rows in key order, each value as a type tag and its bytes;
// a BLOB as its length and bytes).
// While hashing it checks each value's storage type against the column's declared type, so a file
// whose REAL columns hold text is refused. `schemaName` is "main" or an attached schema.
// Returns an empty array with *error set on failure.
QByteArray contentChecksum(sqlite3 *db, const char *schemaName, int formatVersion, QString *error);

} // namespace cpn::cache::snapshot
