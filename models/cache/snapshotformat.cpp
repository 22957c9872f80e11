#include "cache/snapshotformat.h"

#include "cache/sqlite.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <sqlite3.h>

#include <cstring>

namespace cpn::cache::snapshot {

namespace {

// Format 1. Never edit: a format 2 gets its own text and a reader for both.
const char *const kFormat1 = R"sql(
CREATE TABLE manifest(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE node_versions(node_id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    province TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY(node_id, valid_from)) WITHOUT ROWID;
CREATE TABLE link_versions(link_id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    body TEXT NOT NULL, PRIMARY KEY(link_id, valid_from)) WITHOUT ROWID;
CREATE TABLE series(series_id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, entity_id TEXT NOT NULL,
    metric TEXT NOT NULL, UNIQUE(kind, entity_id, metric));
CREATE TABLE samples(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL,
    PRIMARY KEY(series_id, ts)) WITHOUT ROWID;
CREATE TABLE samples_1m(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(series_id, ts)) WITHOUT ROWID;
CREATE TABLE samples_1h(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(series_id, ts)) WITHOUT ROWID;
CREATE TABLE offers(ts INTEGER NOT NULL, offer_id TEXT NOT NULL, node_id TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY(ts, offer_id)) WITHOUT ROWID;
CREATE TABLE jobs(job_id TEXT PRIMARY KEY NOT NULL, node_id TEXT NOT NULL, updated_at INTEGER NOT NULL,
    body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events(event_id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, severity INTEGER NOT NULL,
    source TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX events_ts ON events(ts);
)sql";

// Format 2: the cache's schema 3 layout, samples by time in blocks of series (sampleblock.h) and
// roll-ups keyed by time first; an hour of a 2,000-node federation is ~0.6 GB rather than ~5 GB.
const char *const kFormat2 = R"sql(
CREATE TABLE manifest(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE node_versions(node_id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    province TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY(node_id, valid_from)) WITHOUT ROWID;
CREATE TABLE link_versions(link_id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    body TEXT NOT NULL, PRIMARY KEY(link_id, valid_from)) WITHOUT ROWID;
CREATE TABLE series(series_id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, entity_id TEXT NOT NULL,
    metric TEXT NOT NULL, UNIQUE(kind, entity_id, metric));
CREATE TABLE sample_blocks(ts INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY(ts, block)) WITHOUT ROWID;
CREATE TABLE sample_ticks(ts INTEGER PRIMARY KEY, samples INTEGER NOT NULL);
CREATE TABLE samples_1m(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(ts, series_id)) WITHOUT ROWID;
CREATE TABLE samples_1h(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(ts, series_id)) WITHOUT ROWID;
CREATE TABLE offers(ts INTEGER NOT NULL, offer_id TEXT NOT NULL, node_id TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY(ts, offer_id)) WITHOUT ROWID;
CREATE TABLE jobs(job_id TEXT PRIMARY KEY NOT NULL, node_id TEXT NOT NULL, updated_at INTEGER NOT NULL,
    body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events(event_id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, severity INTEGER NOT NULL,
    source TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX events_ts ON events(ts);
)sql";

// Format 3: format 2 and the cache's alarm tables of schema 4 (docs/cache.md, "Alarms").
const QByteArray kFormat3 = QByteArray(kFormat2) + R"sql(
CREATE TABLE alarm_revisions(origin TEXT NOT NULL, alarm_id TEXT NOT NULL, revision INTEGER NOT NULL,
    observed_at INTEGER NOT NULL, raised_at INTEGER NOT NULL, cleared_at INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY(origin, alarm_id, revision)) WITHOUT ROWID;
CREATE TABLE alarms(origin TEXT NOT NULL, alarm_id TEXT NOT NULL, first_seen INTEGER NOT NULL,
    listed_until INTEGER NOT NULL, PRIMARY KEY(origin, alarm_id)) WITHOUT ROWID;
CREATE INDEX alarms_listed_until ON alarms(listed_until);
)sql";

void addInt(QCryptographicHash &hash, qint64 v)
{
    const qint64 le = qToLittleEndian(v);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&le), sizeof le));
}

// The storage types a declared column type admits; NULL only where the column allows it.
bool typeFits(int storage, const QByteArray &declared, bool notNull)
{
    if (storage == SQLITE_NULL)
        return !notNull;
    if (declared == "INTEGER")
        return storage == SQLITE_INTEGER;
    if (declared == "REAL")
        return storage == SQLITE_FLOAT;
    if (declared == "TEXT")
        return storage == SQLITE_TEXT;
    if (declared == "BLOB")
        return storage == SQLITE_BLOB;
    return false;
}

} // namespace

const QList<Table> &dataTables(int formatVersion)
{
    static const QList<Table> format3 = {
        {"node_versions", "node_id, valid_from"},
        {"link_versions", "link_id, valid_from"},
        {"series", "series_id"},
        {"sample_blocks", "ts, block"},
        {"sample_ticks", "ts"},
        {"samples_1m", "ts, series_id"},
        {"samples_1h", "ts, series_id"},
        {"offers", "ts, offer_id"},
        {"jobs", "job_id"},
        {"events", "event_id"},
        {"alarm_revisions", "origin, alarm_id, revision"},
        {"alarms", "origin, alarm_id"},
    };
    static const QList<Table> format2 = {
        {"node_versions", "node_id, valid_from"},
        {"link_versions", "link_id, valid_from"},
        {"series", "series_id"},
        {"sample_blocks", "ts, block"},
        {"sample_ticks", "ts"},
        {"samples_1m", "ts, series_id"},
        {"samples_1h", "ts, series_id"},
        {"offers", "ts, offer_id"},
        {"jobs", "job_id"},
        {"events", "event_id"},
    };
    static const QList<Table> format1 = {
        {"node_versions", "node_id, valid_from"},
        {"link_versions", "link_id, valid_from"},
        {"series", "series_id"},
        {"samples", "series_id, ts"},
        {"samples_1m", "series_id, ts"},
        {"samples_1h", "series_id, ts"},
        {"offers", "ts, offer_id"},
        {"jobs", "job_id"},
        {"events", "event_id"},
    };
    return formatVersion == 1 ? format1 : formatVersion == 2 ? format2 : format3;
}

const char *createSql(int formatVersion)
{
    return formatVersion == 1 ? kFormat1 : formatVersion == 2 ? kFormat2 : kFormat3.constData();
}

QByteArray contentChecksum(sqlite3 *db, const char *schemaName, int formatVersion, QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QByteArray schema(schemaName);
    {
        sql::Statement manifest(db, "SELECT key, value FROM " + schema + ".manifest WHERE key <> 'checksum' ORDER BY key");
        while (manifest.step()) {
            const QByteArray k = manifest.utf8(0);
            const QByteArray v = manifest.utf8(1);
            addInt(hash, k.size());
            hash.addData(k);
            addInt(hash, v.size());
            hash.addData(v);
        }
        if (!manifest.done()) {
            *error = QStringLiteral("reading the manifest: %1").arg(manifest.error());
            return {};
        }
    }
    for (const Table &table : dataTables(formatVersion)) {
        const QByteArray name(table.name);
        // Declared types and NOT NULL, to check each value's storage type while hashing it.
        QList<QByteArray> declared;
        QList<bool> notNull;
        {
            sql::Statement info(db, "PRAGMA " + schema + ".table_info(" + name + ")");
            while (info.step()) {
                declared.append(info.utf8(2).toUpper());
                // INTEGER PRIMARY KEY of a rowid table is never NULL, whatever it says.
                notNull.append(info.int64(3) != 0 || info.int64(5) != 0);
            }
        }
        hash.addData(name);
        sql::Statement rows(db, "SELECT * FROM " + schema + "." + name + " ORDER BY " + table.orderBy);
        if (!rows.isValid() || rows.columnCount() != declared.size()) {
            *error = QStringLiteral("table %1 cannot be read").arg(QString::fromLatin1(name));
            return {};
        }
        const int columns = rows.columnCount();
        while (rows.step()) {
            for (int c = 0; c < columns; ++c) {
                sqlite3_stmt *st = rows.raw();
                const int type = sqlite3_column_type(st, c);
                if (!typeFits(type, declared.at(c), notNull.at(c))) {
                    *error = QStringLiteral("table %1, column %2 holds a value of the wrong type")
                                 .arg(QString::fromLatin1(name))
                                 .arg(QString::fromUtf8(sqlite3_column_name(st, c)));
                    return {};
                }
                const char tag = char('0' + type);
                hash.addData(QByteArrayView(&tag, 1));
                switch (type) {
                case SQLITE_INTEGER:
                    addInt(hash, sqlite3_column_int64(st, c));
                    break;
                case SQLITE_FLOAT: {
                    const double d = sqlite3_column_double(st, c);
                    qint64 bits;
                    std::memcpy(&bits, &d, sizeof bits);
                    addInt(hash, bits);
                    break;
                }
                case SQLITE_TEXT: {
                    const QByteArray t = rows.utf8(c);
                    addInt(hash, t.size());
                    hash.addData(t);
                    break;
                }
                case SQLITE_BLOB: {
                    int size = 0;
                    const char *data = rows.blobData(c, &size);
                    addInt(hash, size);
                    hash.addData(QByteArrayView(data, size));
                    break;
                }
                default:
                    break;
                }
            }
        }
        if (!rows.done()) {
            *error = QStringLiteral("reading %1: %2").arg(QString::fromLatin1(name), rows.error());
            return {};
        }
    }
    return hash.result().toHex();
}

} // namespace cpn::cache::snapshot
