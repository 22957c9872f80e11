#include "cache/snapshotexporter.h"

#include "cache/alarmhistory.h"
#include "cache/cachelogging.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <sqlite3.h>

#include <cstdio>

namespace cpn::cache {

namespace {

// Copies of the range, one statement per table; ?1 = from, ?2 = to. Sample tables are keyed by time
// first: each copy is one range of its key, rows as stored (series ids are kept). Offers are stored
// when they change, so the rows that were current at the range's start come too.
const char *const kCopy[] = {
    "INSERT INTO main.node_versions SELECT node_id, valid_from, valid_to, province, body FROM "
    "cache.node_versions "
    "WHERE valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?1)",
    "INSERT INTO main.link_versions SELECT link_id, valid_from, valid_to, body FROM cache.link_versions "
    "WHERE valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?1)",
    "INSERT INTO main.series SELECT series_id, kind, entity_id, metric FROM cache.series",
    "INSERT INTO main.sample_blocks SELECT ts, block, data FROM cache.sample_blocks WHERE ts >= ?1 AND ts <= "
    "?2",
    "INSERT INTO main.sample_ticks SELECT ts, samples FROM cache.sample_ticks WHERE ts >= ?1 AND ts <= ?2",
    "INSERT INTO main.samples_1m SELECT series_id, ts, min, max, mean, count, last FROM cache.samples_1m "
    "WHERE ts > ?1 - 60000 AND ts <= ?2",
    "INSERT INTO main.samples_1h SELECT series_id, ts, min, max, mean, count, last FROM cache.samples_1h "
    "WHERE ts > ?1 - 3600000 AND ts <= ?2",
    "INSERT INTO main.offers SELECT ts, offer_id, node_id, body FROM cache.offers o WHERE ts <= ?2 AND (ts "
    ">= ?1 "
    "OR ts = (SELECT max(ts) FROM cache.offers l WHERE l.offer_id = o.offer_id AND l.ts < ?1))",
    "INSERT INTO main.jobs SELECT job_id, node_id, updated_at, body FROM cache.jobs WHERE updated_at >= ?1",
    "INSERT INTO main.events SELECT event_id, ts, severity, source, message FROM cache.events "
    "WHERE ts >= ?1 AND ts <= ?2",
    // The alarms listed at some moment of the range (those active at its start included): the
    // revisions observed in it, and the newest one before it, which stood at its start.
    "INSERT INTO main.alarm_revisions SELECT r.origin, r.alarm_id, r.revision, r.observed_at, r.raised_at, "
    "r.cleared_at, r.body FROM cache.alarms a CROSS JOIN cache.alarm_revisions r "
    "ON r.origin = a.origin AND r.alarm_id = a.alarm_id "
    "WHERE a.listed_until > ?1 AND a.first_seen <= ?2 AND r.observed_at <= ?2 AND (r.observed_at >= ?1 "
    "OR r.revision = (SELECT max(x.revision) FROM cache.alarm_revisions x WHERE x.origin = r.origin "
    "AND x.alarm_id = r.alarm_id AND x.observed_at < ?1))",
};

QString cleanEndpoint(const QString &url)
{
    return QUrl(url).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

// Creates the snapshot's schema on its own fresh connection.
bool createSchema(sqlite3 *db, QString *error)
{
    const QByteArray pragmas = QStringLiteral("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; "
                                              "PRAGMA application_id=%1; PRAGMA user_version=%2;")
                                   .arg(snapshot::kApplicationId)
                                   .arg(snapshot::kFormatVersion)
                                   .toUtf8();
    return sql::exec(db, pragmas.constData(), error) && sql::exec(db, "BEGIN", error)
           && sql::exec(db, snapshot::createSql(), error) && sql::exec(db, "COMMIT", error);
}

// Copies the range from the cache, attached read-only, in one read transaction.
bool copyRange(sqlite3 *db, const QString &cachePath, const SnapshotRequest &request, QString *error)
{
    sql::Statement attach(db, "ATTACH DATABASE ? AS cache");
    attach.bindUtf8(1, QUrl::fromLocalFile(cachePath).toEncoded() + "?mode=ro");
    if (!attach.run()) {
        *error = QStringLiteral("opening the cache: %1").arg(attach.error());
        return false;
    }
    bool ok = sql::exec(db, "BEGIN", error);
    for (const char *copy : kCopy) {
        if (!ok)
            break;
        sql::Statement s(db, copy);
        s.bind(1, request.fromMs);
        s.bind(2, request.toMs);
        if (!(ok = s.run()))
            *error = QStringLiteral("copying into the snapshot: %1").arg(s.error());
    }
    // Summed up from the revisions the snapshot holds, not those it left out.
    ok = ok && AlarmHistory::rebuildSummaries(db, "main", error);
    ok = ok && sql::exec(db, "COMMIT", error);
    if (!ok)
        sql::exec(db, "ROLLBACK");
    sql::exec(db, "DETACH DATABASE cache");
    return ok;
}

bool writeManifest(sqlite3 *db, const snapshot::Manifest &m, QString *checksum, QString *error)
{
    bool ok = sql::exec(db, "BEGIN IMMEDIATE", error);
    if (ok) {
        sql::Statement put(db, "INSERT OR REPLACE INTO manifest(key, value) VALUES (?, ?)");
        const QJsonArray endpoints = QJsonArray::fromStringList(m.endpoints);
        const QList<std::pair<const char *, QString>> entries = {
            {snapshot::key::formatVersion, QString::number(m.formatVersion)},
            {snapshot::key::name, m.name},
            {snapshot::key::note, m.note},
            {snapshot::key::createdBy, m.createdBy},
            {snapshot::key::createdAt, QString::number(m.createdAtMs)},
            {snapshot::key::timeFrom, QString::number(m.fromMs)},
            {snapshot::key::timeTo, QString::number(m.toMs)},
            {snapshot::key::endpoints, QString::fromUtf8(QJsonDocument(endpoints).toJson(QJsonDocument::Compact))},
        };
        for (const auto &[key, value] : entries) {
            put.bindUtf8(1, key);
            put.bind(2, value);
            if (!(ok = put.run())) {
                *error = put.error();
                break;
            }
        }
        if (ok) {
            const QByteArray sum = snapshot::contentChecksum(db, "main", snapshot::kFormatVersion, error);
            ok = !sum.isEmpty();
            if (ok) {
                put.bindUtf8(1, snapshot::key::checksum);
                put.bindUtf8(2, sum);
                ok = put.run();
                *checksum = QString::fromLatin1(sum);
            }
        }
        ok = ok && sql::exec(db, "COMMIT", error);
    }
    if (!ok)
        sql::exec(db, "ROLLBACK");
    return ok;
}

} // namespace

bool SnapshotExporter::exportRange(const QString &cachePath, const QString &file, const SnapshotRequest &request,
                                   QString *error, snapshot::Manifest *manifestOut)
{
    if (request.toMs < request.fromMs) {
        *error = QStringLiteral("the time range ends before it starts");
        return false;
    }
    if (!QFile::exists(cachePath)) {
        *error = QStringLiteral("no cache at %1").arg(cachePath);
        return false;
    }
    const QString part = file + QStringLiteral(".part");
    QFile::remove(part);
    QFile::remove(part + QStringLiteral("-journal"));

    snapshot::Manifest manifest;
    manifest.name = request.name;
    manifest.note = request.note;
    manifest.createdBy = request.createdBy;
    manifest.createdAtMs = request.createdAtMs ? request.createdAtMs : QDateTime::currentMSecsSinceEpoch();
    manifest.fromMs = request.fromMs;
    manifest.toMs = request.toMs;
    for (const QString &endpoint : request.endpoints)
        manifest.endpoints.append(cleanEndpoint(endpoint));

    sqlite3 *db = nullptr;
    bool ok = sqlite3_open_v2(QFile::encodeName(part).constData(), &db,
                              SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr)
              == SQLITE_OK;
    if (!ok)
        *error = sql::lastError(db);
    ok = ok && createSchema(db, error) && copyRange(db, cachePath, request, error)
         && writeManifest(db, manifest, &manifest.checksum, error);
    sqlite3_close_v2(db);
    // rename(2) replaces the target atomically; the .part was written with synchronous=FULL.
    if (ok && std::rename(QFile::encodeName(part).constData(), QFile::encodeName(file).constData()) != 0) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(part, file);
        ok = false;
    }
    if (!ok) {
        QFile::remove(part);
        return false;
    }
    qCInfo(lcCache).noquote() << "snapshot saved:" << file;
    if (manifestOut)
        *manifestOut = manifest;
    return true;
}

bool SnapshotExporter::exportMoment(const QString &cachePath, const QString &file, qint64 atMs, SnapshotRequest request,
                                    QString *error, snapshot::Manifest *manifest)
{
    request.fromMs = atMs - SeriesReader::kDefaultLookbackMs;
    request.toMs = atMs;
    return exportRange(cachePath, file, request, error, manifest);
}

} // namespace cpn::cache
