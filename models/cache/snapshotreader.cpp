#include "cache/snapshotreader.h"

#include "cache/cachelogging.h"
#include "cache/sampleblock.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "domain/protocoljson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <sqlite3.h>

#include <cstring>

namespace cpn::cache {

namespace {

// SQLite's check answers in lines ("*** in database main ***", then one per problem): the first
// problem, in one line, is what a person can read in a message.
QString firstFinding(const QString &verdict)
{
    for (const QString &line : verdict.split(u'\n', Qt::SkipEmptyParts)) {
        const QString finding = line.trimmed();
        if (!finding.startsWith(QLatin1String("***")))
            return finding.left(160);
    }
    return verdict.simplified().left(160);
}

constexpr char kHeader[] = "SQLite format 3"; // 16 bytes with its NUL
constexpr qint64 kMinBytes = 512;             // the smallest page size

struct SchemaObject
{
    QString type;
    QString name;
    QString table;
    QString sql;
    bool operator==(const SchemaObject &) const = default;
};

QList<SchemaObject> readObjects(sqlite3 *db, QString *error)
{
    QList<SchemaObject> objects;
    sql::Statement s(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema ORDER BY name");
    while (s.step())
        objects.append({s.text(0), s.text(1), s.text(2), s.text(3)});
    if (!s.done() && error)
        *error = s.error();
    return objects;
}

struct Column
{
    QString name;
    QString type;
    bool notNull;
    int pk;
    bool operator==(const Column &) const = default;
};

QList<Column> readColumns(sqlite3 *db, const QString &table)
{
    QList<Column> columns;
    sql::Statement s(db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)");
    s.bind(1, table);
    while (s.step())
        columns.append({s.text(0), s.text(1).toUpper(), s.int64(2) != 0, int(s.int64(3))});
    return columns;
}

// A format's reference schema, built in memory from the same SQL the exporter uses.
sqlite3 *referenceDatabase(int formatVersion)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sql::exec(db, snapshot::createSql(formatVersion));
    return db;
}

} // namespace

SnapshotReader::SnapshotReader() = default;
SnapshotReader::~SnapshotReader() { close(); }

void SnapshotReader::close()
{
    // close_v2: fail() runs while a check's statement is still open, and plain close then refuses
    // (SQLITE_BUSY), leaking the whole in-memory copy; v2 frees it once the statement is finalized.
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool SnapshotReader::fail(const QString &message)
{
    m_error = message;
    close();
    return false;
}

int SnapshotReader::progress(void *self)
{
    auto *reader = static_cast<SnapshotReader *>(self);
    return reader->m_clock.elapsed() > reader->m_deadlineMs ? 1 : 0; // non-zero interrupts the query
}

bool SnapshotReader::open(const QString &file) { return open(file, Options()); }

bool SnapshotReader::open(const QString &file, const Options &options)
{
    close();
    m_file = file;
    m_options = options;
    m_error.clear();
    m_manifest = {};
    m_clock.start();
    m_deadlineMs = options.deadlineMs;

    SqliteBytes bytes;
    if (!load(&bytes) || !openInMemory(&bytes))
        return false;
    QString error;
    sql::Statement check(m_db, "PRAGMA quick_check");
    const QString verdict = check.step() ? check.text(0) : check.error();
    if (verdict != QLatin1String("ok"))
        return fail(QStringLiteral("the file is damaged (SQLite's check found: %1)").arg(firstFinding(verdict)));
    if (!checkIdentity() || !readManifest() || !checkObjects() || !checkColumns() || !checkAlarms() ||
        !verifyChecksum() || !upgradeOldFormat())
        return false;
    qCInfo(lcCache).noquote() << "snapshot verified:" << file;
    return true;
}

SnapshotReader::SqliteBytes::~SqliteBytes() { sqlite3_free(data); }

bool SnapshotReader::load(SqliteBytes *bytes)
{
    const QFileInfo info(m_file);
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (!info.isFile())
        return fail(QStringLiteral("not a regular file"));
    if (info.size() < kMinBytes)
        return fail(QStringLiteral("too small to be a snapshot (%1 bytes)").arg(info.size()));
    if (info.size() > m_options.maxBytes)
        return fail(QStringLiteral("too large (%1 bytes; the limit is %2)").arg(info.size()).arg(m_options.maxBytes));
    // A side file would hold changes that are not in the file itself: what we could verify would
    // not be what the snapshot's author meant, so neither is used.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        if (QFileInfo::exists(m_file + suffix))
            return fail(QStringLiteral("a %1 file lies beside it: a snapshot is a single file; "
                                       "it may be incomplete")
                            .arg(suffix));
    }
    QFile f(m_file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read: %1").arg(f.errorString()));
    bytes->data = static_cast<unsigned char *>(sqlite3_malloc64(sqlite3_uint64(info.size())));
    if (!bytes->data)
        return fail(QStringLiteral("out of memory"));
    bytes->size = f.read(reinterpret_cast<char *>(bytes->data), info.size());
    char extra = 0;
    if (bytes->size != info.size() || f.read(&extra, 1) != 0)
        return fail(QStringLiteral("the file changed while it was read"));
    if (std::memcmp(bytes->data, kHeader, sizeof kHeader) != 0)
        return fail(QStringLiteral("not an SQLite database (no \"SQLite format 3\" header)"));
    // Bytes 18 and 19 are the write and read format versions: 2 means WAL. The memory database
    // has no WAL, so it is read as a rollback-journal file; anything else is unknown.
    unsigned char &write = bytes->data[18];
    unsigned char &read = bytes->data[19];
    if ((write != 1 && write != 2) || (read != 1 && read != 2))
        return fail(QStringLiteral("unknown SQLite file format version (%1/%2)").arg(int(write)).arg(int(read)));
    write = read = 1;
    return true;
}

bool SnapshotReader::openInMemory(SqliteBytes *bytes)
{
    if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        return fail(QStringLiteral("cannot open an in-memory database: %1").arg(sql::lastError(m_db)));
    // Before the first query: the file may carry a schema written to attack its reader.
    int unused = 0;
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &unused);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &unused);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, &unused);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &unused);
    sqlite3_enable_load_extension(m_db, 0);
    sqlite3_limit(m_db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
    sqlite3_limit(m_db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_progress_handler(m_db, 1000, &SnapshotReader::progress, this);

    // SQLite owns the bytes from here, whether it succeeds or not (FREEONCLOSE).
    unsigned char *data = std::exchange(bytes->data, nullptr);
    const auto size = sqlite3_int64(bytes->size);
    // Writable in memory only so that a format 1 file can be given format 2's sample tables once
    // verified (upgradeFormat1); query_only until then. The file itself is never written.
    if (sqlite3_deserialize(m_db, "main", data, size, size,
                            SQLITE_DESERIALIZE_RESIZEABLE | SQLITE_DESERIALIZE_FREEONCLOSE) != SQLITE_OK)
        return fail(QStringLiteral("cannot load the database: %1").arg(sql::lastError(m_db)));
    sql::exec(m_db, "PRAGMA query_only=ON");
    return true;
}

bool SnapshotReader::checkIdentity()
{
    {
        sql::Statement id(m_db, "PRAGMA application_id");
        if (!id.step())
            return fail(QStringLiteral("not a readable SQLite database: %1").arg(id.error()));
        if (id.int64(0) != snapshot::kApplicationId)
            return fail(QStringLiteral("not a CPN snapshot (application_id %1)").arg(id.int64(0)));
    }
    QString error;
    const QList<SchemaObject> objects = readObjects(m_db, &error);
    if (!error.isEmpty())
        return fail(QStringLiteral("cannot read the schema: %1").arg(error));
    for (const SchemaObject &o : objects) {
        if (o.type == QLatin1String("trigger"))
            return fail(QStringLiteral("refused: contains a trigger (%1)").arg(o.name.left(64)));
        if (o.type == QLatin1String("view"))
            return fail(QStringLiteral("refused: contains a view (%1)").arg(o.name.left(64)));
    }
    return true;
}

bool SnapshotReader::upgradeOldFormat()
{
    if (m_manifest.formatVersion >= snapshot::kFormatVersion)
        return true;
    // Older formats get what they lack in memory, so every query reads them all: format 1 its
    // samples in blocks (the migration's conversion), formats 1 and 2 empty alarm tables.
    QString error;
    bool ok = sql::exec(m_db, "PRAGMA query_only=OFF; BEGIN;", &error);
    if (ok && m_manifest.formatVersion == 1) {
        ok = sql::exec(m_db,
                       "CREATE TABLE sample_blocks(ts INTEGER NOT NULL, block INTEGER NOT NULL, "
                       "data BLOB NOT NULL, PRIMARY KEY(ts, block)) WITHOUT ROWID;"
                       "CREATE TABLE sample_ticks(ts INTEGER PRIMARY KEY, samples INTEGER NOT NULL);",
                       &error) &&
             sampleblock::convertRowSamples(m_db, &error);
    }
    ok = ok &&
         sql::exec(
             m_db,
             "CREATE TABLE alarm_revisions(origin TEXT NOT NULL, alarm_id TEXT NOT NULL, "
             "revision INTEGER NOT NULL, observed_at INTEGER NOT NULL, raised_at INTEGER NOT NULL, "
             "cleared_at INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY(origin, alarm_id, revision)) "
             "WITHOUT ROWID;"
             "CREATE TABLE alarms(origin TEXT NOT NULL, alarm_id TEXT NOT NULL, first_seen INTEGER NOT NULL, "
             "listed_until INTEGER NOT NULL, PRIMARY KEY(origin, alarm_id)) WITHOUT ROWID;"
             "COMMIT;",
             &error);
    if (!ok)
        sql::exec(m_db, "ROLLBACK");
    sql::exec(m_db, "PRAGMA query_only=ON");
    return ok || fail(QStringLiteral("reading format %1: %2").arg(m_manifest.formatVersion).arg(error));
}

bool SnapshotReader::checkAlarms()
{
    if (m_manifest.formatVersion < 3)
        return true;
    sql::Statement s(m_db,
                     "SELECT count(*), ifnull(max(length(CAST(body AS BLOB))), 0) FROM alarm_revisions");
    if (!s.step())
        return fail(QStringLiteral("cannot read the alarms: %1").arg(s.error()));
    if (s.int64(0) > m_options.maxAlarmRevisions)
        return fail(QStringLiteral("refused: too many alarm revisions (%1; the limit is %2)")
                        .arg(s.int64(0))
                        .arg(m_options.maxAlarmRevisions));
    if (s.int64(1) > m_options.maxAlarmBodyBytes)
        return fail(QStringLiteral("refused: an alarm of %1 bytes (the limit is %2)")
                        .arg(s.int64(1))
                        .arg(m_options.maxAlarmBodyBytes));
    return true;
}

bool SnapshotReader::checkObjects()
{
    QString error;
    const QList<SchemaObject> objects = readObjects(m_db, &error);
    if (!error.isEmpty())
        return fail(QStringLiteral("cannot read the schema: %1").arg(error));
    sqlite3 *reference = referenceDatabase(m_manifest.formatVersion);
    const QList<SchemaObject> expected = readObjects(reference, nullptr);
    sqlite3_close_v2(reference);
    QSet<QString> expectedNames;
    for (const SchemaObject &o : expected)
        expectedNames.insert(o.name);
    for (const SchemaObject &o : objects) {
        if (o.type == QLatin1String("trigger"))
            return fail(QStringLiteral("refused: contains a trigger (%1)").arg(o.name.left(64)));
        if (o.type == QLatin1String("view"))
            return fail(QStringLiteral("refused: contains a view (%1)").arg(o.name.left(64)));
        if (!expectedNames.contains(o.name))
            return fail(QStringLiteral("refused: unknown %1 %2").arg(o.type.left(16), o.name.left(64)));
    }
    return true;
}

bool SnapshotReader::readManifest()
{
    if (readColumns(m_db, QStringLiteral("manifest")).size() != 2)
        return fail(QStringLiteral("no manifest table"));
    QHash<QString, QString> values;
    sql::Statement s(m_db, "SELECT key, value FROM manifest");
    while (s.step())
        values.insert(s.text(0).left(64), s.text(1));
    if (!s.done())
        return fail(QStringLiteral("cannot read the manifest: %1").arg(s.error()));

    bool ok = false;
    const int version = values.value(QString::fromLatin1(snapshot::key::formatVersion)).toInt(&ok);
    if (!ok || version < 1)
        return fail(QStringLiteral("the manifest has no valid format version"));
    if (version > snapshot::kFormatVersion)
        return fail(QStringLiteral("snapshot format %1 is newer than this program reads (up to %2): "
                                   "open it with a newer CPN Control Center")
                        .arg(version)
                        .arg(snapshot::kFormatVersion));
    auto number = [&](const char *key, qint64 *out) {
        bool isNumber = false;
        *out = values.value(QString::fromLatin1(key)).toLongLong(&isNumber);
        return isNumber;
    };
    snapshot::Manifest &m = m_manifest;
    m.formatVersion = version;
    m.name = values.value(QString::fromLatin1(snapshot::key::name)).left(256);
    m.note = values.value(QString::fromLatin1(snapshot::key::note)).left(4096);
    m.createdBy = values.value(QString::fromLatin1(snapshot::key::createdBy)).left(256);
    m.checksum = values.value(QString::fromLatin1(snapshot::key::checksum));
    if (!number(snapshot::key::createdAt, &m.createdAtMs) || !number(snapshot::key::timeFrom, &m.fromMs)
        || !number(snapshot::key::timeTo, &m.toMs) || m.toMs < m.fromMs)
        return fail(QStringLiteral("the manifest's times are missing or invalid"));
    // Beyond these, arithmetic on the times overflows in the readers that trust a verified snapshot.
    for (const qint64 t : {m.fromMs, m.toMs, m.createdAtMs}) {
        if (t < 0 || t > protocol::kMaxEpochMs)
            return fail(QStringLiteral("the manifest's times lie outside 1970 to 9999"));
    }
    const QJsonDocument endpoints =
        QJsonDocument::fromJson(values.value(QString::fromLatin1(snapshot::key::endpoints)).toUtf8());
    if (!endpoints.isArray() || endpoints.array().size() > 1000)
        return fail(QStringLiteral("the manifest's endpoints are not a list"));
    for (const QJsonValue &v : endpoints.array())
        m.endpoints.append(v.toString().left(2048));
    if (m.checksum.size() != 64)
        return fail(QStringLiteral("the manifest has no checksum"));
    return true;
}

bool SnapshotReader::checkColumns()
{
    sqlite3 *reference = referenceDatabase(m_manifest.formatVersion);
    const QList<SchemaObject> expected = readObjects(reference, nullptr);
    QString problem;
    for (const SchemaObject &o : expected) {
        if (o.type != QLatin1String("table"))
            continue;
        const QList<Column> want = readColumns(reference, o.name);
        const QList<Column> have = readColumns(m_db, o.name);
        if (have.isEmpty()) {
            problem = QStringLiteral("missing table %1").arg(o.name);
            break;
        }
        for (int i = 0; i < want.size() && problem.isEmpty(); ++i) {
            if (i >= have.size())
                problem = QStringLiteral("table %1 lacks column %2").arg(o.name, want.at(i).name);
            else if (have.at(i).name != want.at(i).name)
                problem = QStringLiteral("table %1: column %2 is %3, expected %4")
                              .arg(o.name)
                              .arg(i + 1)
                              .arg(have.at(i).name.left(64), want.at(i).name);
            else if (have.at(i).type != want.at(i).type)
                problem = QStringLiteral("table %1: column %2 has type %3, expected %4")
                              .arg(o.name, want.at(i).name, have.at(i).type.left(32), want.at(i).type);
            else if (!(have.at(i) == want.at(i)))
                problem = QStringLiteral("table %1: column %2 has other constraints").arg(o.name, want.at(i).name);
        }
        if (problem.isEmpty() && have.size() != want.size())
            problem = QStringLiteral("table %1 has %2 columns, expected %3").arg(o.name).arg(have.size()).arg(want.size());
        if (!problem.isEmpty())
            break;
    }
    // Columns alike is not enough (WITHOUT ROWID, UNIQUE, index definitions): the definitions
    // must be the format's own, word for word.
    if (problem.isEmpty()) {
        const QList<SchemaObject> objects = readObjects(m_db, nullptr);
        for (const SchemaObject &o : expected) {
            if (!objects.contains(o)) {
                problem = QStringLiteral("%1 %2 differs from the format's definition").arg(o.type, o.name);
                break;
            }
        }
    }
    sqlite3_close_v2(reference);
    return problem.isEmpty() || fail(QStringLiteral("unexpected schema: %1").arg(problem));
}

bool SnapshotReader::verifyChecksum()
{
    QString error;
    const QByteArray sum = snapshot::contentChecksum(m_db, "main", m_manifest.formatVersion, &error);
    if (sum.isEmpty())
        return fail(m_clock.elapsed() > m_deadlineMs ? QStringLiteral("verification took too long")
                                                     : QStringLiteral("refused: %1").arg(error));
    if (QString::fromLatin1(sum) != m_manifest.checksum)
        return fail(QStringLiteral("checksum mismatch: the content is not what the manifest describes"));
    return true;
}

sqlite3 *SnapshotReader::handle()
{
    m_clock.restart();
    m_deadlineMs = m_options.deadlineMs;
    return m_db;
}

ContentSummary SnapshotReader::summary()
{
    return m_db ? SeriesReader(handle()).summary() : ContentSummary{};
}

ReplayState SnapshotReader::stateAt(qint64 atMs)
{
    return m_db ? SeriesReader(handle()).stateAt(atMs) : ReplayState{};
}

} // namespace cpn::cache
