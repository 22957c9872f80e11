#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"
#include "cache/snapshotformat.h"
#include "cache/snapshotimporter.h"
#include "cache/snapshotreader.h"
#include "cache/sqlite.h"
#include "snapshottestdata.h"
#include "support/spoiledfiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <functional>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;
using namespace cpn::testing;

namespace {

// Each spoils a copy of a good snapshot in its own way.
using Spoil = std::function<bool(const QString &file)>;

// Changes a snapshot as its author could and signs it again: the checksum holds, so only the
// reader's own checks stand between the file and the console.
bool editAndResign(const QString &file, const char *sqlText)
{
    if (!execOnFile(file, sqlText))
        return false;
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(file).constData(), &db);
    QString error;
    // A schema the checksum cannot read is left unsigned: the reader refuses it before the checksum.
    const QByteArray sum = snapshot::contentChecksum(db, "main", snapshot::kFormatVersion, &error);
    const bool ok =
        sum.isEmpty() || sql::exec(db, "UPDATE manifest SET value = '" + sum + "' WHERE key = 'checksum'");
    sqlite3_close(db);
    return ok;
}

} // namespace

Q_DECLARE_METATYPE(Spoil)

// Snapshot files from elsewhere: each bad one is refused with its own one-line reason, and
// nothing on disk changes (bytes, modification time, the files in its directory).
class TestSnapshotReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsAGoodSnapshot();
    void refuses_data();
    void refuses();
    void enforcesAQueryDeadline();
    void readsFormatOne();
    void readsTheAlarms();
    void readsFormatTwoWithoutAlarms();
    void refusesHostileAlarms_data();
    void refusesHostileAlarms();
    void skipsAnAlarmThatDoesNotParse();
};

void TestSnapshotReader::acceptsAGoodSnapshot()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    const FileState before = fileState(file);
    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    QCOMPARE(reader.summary().jobs, 3);
    // Read-only in memory: writes are refused.
    QVERIFY(!sql::exec(reader.handle(), "DELETE FROM sample_blocks"));
    reader.close();
    const FileState after = fileState(file);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modified, before.modified);
    QCOMPARE(after.directory, before.directory);
}

void TestSnapshotReader::refuses_data()
{
    QTest::addColumn<Spoil>("spoil");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << Spoil([](const QString &f) { return QFile::remove(f); })
                             << QStringLiteral("no such file");
    QTest::newRow("a directory") << Spoil([](const QString &f) { return QFile::remove(f) && QDir().mkdir(f); })
                                 << QStringLiteral("not a regular file");
    QTest::newRow("empty") << Spoil([](const QString &f) { return rewriteFile(f, [](QByteArray) { return QByteArray(); }); })
                           << QStringLiteral("too small");
    QTest::newRow("random bytes")
        << Spoil([](const QString &f) { return rewriteFile(f, [](QByteArray b) { return randomBytes(b.size()); }); })
        << QStringLiteral("not an SQLite database");
    QTest::newRow("truncated")
        << Spoil([](const QString &f) { return rewriteFile(f, [](QByteArray b) { return b.left(b.size() / 2); }); })
        << QStringLiteral("damaged");
    QTest::newRow("header only")
        << Spoil([](const QString &f) { return rewriteFile(f, [](QByteArray b) { return b.left(1024); }); })
        << QStringLiteral("damaged");
    QTest::newRow("bad format bytes")
        << Spoil([](const QString &f) {
               return rewriteFile(f, [](QByteArray b) {
                   b[18] = 7;
                   return b;
               });
           })
        << QStringLiteral("unknown SQLite file format");
    QTest::newRow("a -wal beside it")
        << Spoil([](const QString &f) {
               QFile wal(f + QStringLiteral("-wal"));
               return wal.open(QIODevice::WriteOnly) && wal.write(randomBytes(4096)) == 4096;
           })
        << QStringLiteral("-wal file lies beside it");
    QTest::newRow("a -journal beside it")
        << Spoil([](const QString &f) {
               QFile journal(f + QStringLiteral("-journal"));
               return journal.open(QIODevice::WriteOnly) && journal.write(randomBytes(512)) == 512;
           })
        << QStringLiteral("-journal file lies beside it");
    QTest::newRow("another application's database")
        << Spoil([](const QString &f) { return execOnFile(f, "PRAGMA application_id=42"); })
        << QStringLiteral("not a CPN snapshot");
    QTest::newRow("a cache, not a snapshot")
        << Spoil([](const QString &f) {
               QFile::remove(f);
               CacheDatabase db;
               return db.open(f, QStringLiteral("t.r.cache"), CacheDatabase::Role::Writer);
           })
        << QStringLiteral("not a CPN snapshot");
    QTest::newRow("newer format") << Spoil([](const QString &f) {
        return execOnFile(f, "UPDATE manifest SET value = '4' WHERE key = 'format_version'");
    }) << QStringLiteral("snapshot format 4 is newer");
    QTest::newRow("times beyond what the readers can count")
        << Spoil([](const QString &f) {
               return execOnFile(f, "UPDATE manifest SET value = '-9223372036854775807' WHERE key = 'time_from';"
                                    "UPDATE manifest SET value = '9223372036854775807' WHERE key = 'time_to'");
           })
        << QStringLiteral("times lie outside 1970 to 9999");
    QTest::newRow("no format version")
        << Spoil([](const QString &f) { return execOnFile(f, "DELETE FROM manifest WHERE key = 'format_version'"); })
        << QStringLiteral("no valid format version");
    QTest::newRow("a trigger") << Spoil([](const QString &f) {
        return execOnFile(f, "CREATE TRIGGER t AFTER INSERT ON events BEGIN DELETE FROM sample_blocks; END");
    }) << QStringLiteral("contains a trigger (t)");
    QTest::newRow("a view")
        << Spoil([](const QString &f) { return execOnFile(f, "CREATE VIEW v AS SELECT fts3_tokenizer('simple')"); })
        << QStringLiteral("contains a view (v)");
    QTest::newRow("an unknown table")
        << Spoil([](const QString &f) { return execOnFile(f, "CREATE TABLE extra(x)"); })
        << QStringLiteral("unknown table extra");
    QTest::newRow("an unknown index")
        << Spoil([](const QString &f) { return execOnFile(f, "CREATE INDEX jobs_node ON jobs(node_id)"); })
        << QStringLiteral("unknown index jobs_node");
    QTest::newRow("wrong column type") << Spoil([](const QString &f) {
        return execOnFile(f, "DROP TABLE sample_ticks; CREATE TABLE sample_ticks(ts INTEGER PRIMARY KEY, "
                             "samples TEXT NOT NULL)");
    }) << QStringLiteral("column samples has type TEXT, expected INTEGER");
    QTest::newRow("a missing table")
        << Spoil([](const QString &f) { return execOnFile(f, "DROP TABLE offers"); })
        << QStringLiteral("missing table offers");
    QTest::newRow("same columns, other definition")
        << Spoil([](const QString &f) {
               // Without its UNIQUE constraint: a replay could no longer tell one series from another.
               return execOnFile(f, "DROP TABLE series; CREATE TABLE series(series_id INTEGER PRIMARY KEY, "
                                      "kind INTEGER NOT NULL, entity_id TEXT NOT NULL, metric TEXT NOT NULL)");
           })
        << QStringLiteral("table series differs");
    QTest::newRow("text in a BLOB column") << Spoil([](const QString &f) {
        return execOnFile(f, "UPDATE sample_blocks SET data = 'x' "
                             "WHERE (ts, block) IN (SELECT ts, block FROM sample_blocks LIMIT 1)");
    }) << QStringLiteral("column data holds a value of the wrong type");
    QTest::newRow("checksum mismatch") << Spoil([](const QString &f) {
        return execOnFile(f, "UPDATE sample_ticks SET samples = samples + 1 "
                             "WHERE ts = (SELECT min(ts) FROM sample_ticks)");
    }) << QStringLiteral("checksum mismatch");
    QTest::newRow("manifest edited")
        << Spoil([](const QString &f) { return execOnFile(f, "UPDATE manifest SET value = 'x' WHERE key = 'note'"); })
        << QStringLiteral("checksum mismatch");
}

void TestSnapshotReader::refuses()
{
    QFETCH(Spoil, spoil);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("cache.sqlite"))));
    QVERIFY(spoil(file));
    const FileState before = fileState(file);

    // A refusal frees what reading took, even when it came in the middle of a query (the in-memory copy
    // of a damaged file was leaked whole each time).
    const sqlite3_int64 memoryBefore = sqlite3_memory_used();
    {
        SnapshotReader reader;
        QVERIFY(!reader.open(file));
        QVERIFY2(reader.errorString().contains(reason), qPrintable(reader.errorString()));
        QVERIFY(!reader.errorString().contains(QLatin1Char('\n')));
        QVERIFY(!reader.isOpen());
    }
    QCOMPARE(sqlite3_memory_used(), memoryBefore);

    const FileState after = fileState(file);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modified, before.modified);
    QCOMPARE(after.directory, before.directory);
}

void TestSnapshotReader::enforcesAQueryDeadline()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    SnapshotReader reader;
    SnapshotReader::Options options;
    options.deadlineMs = 0; // every query is interrupted at once
    QVERIFY(!reader.open(file, options));
    QVERIFY2(!reader.errorString().isEmpty(), qPrintable(reader.errorString()));
}

// A snapshot written before samples were stored in blocks (format 1, one row per sample) still opens,
// and reads back the same values.
void TestSnapshotReader::readsFormatOne()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("format1.cpnsnap"));
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(file).constData(), &db), SQLITE_OK);
        QByteArray fill = QStringLiteral("PRAGMA journal_mode=DELETE; PRAGMA application_id=%1; BEGIN;")
                              .arg(snapshot::kApplicationId)
                              .toUtf8();
        fill += snapshot::createSql(1);
        fill += "INSERT INTO series VALUES (1, 0, 'guian', 'cpu'), (2, 1, 'l1', 'ab_gbps');"
                "INSERT INTO samples VALUES (1, 1000, 0.5371), (1, 2000, 0.1 + 0.2), (2, 1000, 812.5);"
                "INSERT INTO manifest VALUES ('format_version', '1'), ('name', 'old'), ('note', ''), "
                "('created_by', 'tst'), ('created_at', '0'), ('time_from', '1000'), ('time_to', '2000'), "
                "('endpoints', '[]');";
        QVERIFY(sql::exec(db, fill.constData()));
        QString error;
        const QByteArray sum = snapshot::contentChecksum(db, "main", 1, &error);
        QVERIFY2(!sum.isEmpty(), qPrintable(error));
        QVERIFY(sql::exec(db, "INSERT INTO manifest VALUES ('checksum', '" + sum + "'); COMMIT;"));
        sqlite3_close(db);
    }
    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    QCOMPARE(reader.manifest().formatVersion, 1);
    QCOMPARE(reader.summary().rawSamples, 3);
    const Series cpu =
        SeriesReader(reader.handle()).readNodeSeries(QStringLiteral("guian"), QStringLiteral("cpu"), 0, 5000);
    QCOMPARE(cpu.points.size(), 2);
    QCOMPARE(cpu.points.at(0).mean, 0.5371);
    QCOMPARE(cpu.points.at(1).mean, 0.1 + 0.2);
    QCOMPARE(reader.stateAt(2000).linkSamples.value(QStringLiteral("l1")).abGbps, 812.5);
}

// The alarms of the range travel with it: those active at its start, and those raised in it with
// their acknowledgement; an alarm that ended hours before stays behind.
void TestSnapshotReader::readsTheAlarms()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    QCOMPARE(reader.manifest().formatVersion, 3);
    QCOMPARE(reader.summary().alarms, 2);
    QCOMPARE(reader.summary().alarmRevisions, 3);
    const QList<RecordedAlarm> start = reader.stateAt(kT0).alarms;
    QCOMPARE(start.size(), 1);
    QCOMPARE(start.at(0).alarm.id, QStringLiteral("slow"));
    QCOMPARE(start.at(0).origin, kAlarmOrigin);
    const QList<RecordedAlarm> end = reader.stateAt(kT0 + 9000).alarms;
    QCOMPARE(end.size(), 2);
    QCOMPARE(end.at(0).alarm.id, QStringLiteral("down"));
    QVERIFY(end.at(0).alarm.ack);
    QCOMPARE(end.at(0).alarm.ack->comment, QStringLiteral("on it"));
    // The same as the cache it came from.
    CacheDatabase cache;
    QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("t.r.alarms"),
                       CacheDatabase::Role::Reader));
    QCOMPARE(end, AlarmHistory(cache.handle()).alarmsAt(kT0 + 9000));
    const QList<AlarmPeriod> shift = AlarmHistory(reader.handle()).alarmsBetween(kT0, kT0 + 9000);
    QCOMPARE(shift.size(), 2);
    QCOMPARE(shift.at(1).history.size(), 2); // "down" raised, then acknowledged
}

// A snapshot written before alarms were recorded (format 2) opens, and has none.
void TestSnapshotReader::readsFormatTwoWithoutAlarms()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("format2.cpnsnap"));
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(file).constData(), &db), SQLITE_OK);
        QByteArray fill = QStringLiteral("PRAGMA journal_mode=DELETE; PRAGMA application_id=%1; BEGIN;")
                              .arg(snapshot::kApplicationId)
                              .toUtf8();
        fill += snapshot::createSql(2);
        fill +=
            "INSERT INTO series VALUES (1, 0, 'guian', 'status');"
            "INSERT INTO sample_ticks VALUES (1000, 1);"
            "INSERT INTO events(ts, severity, source, message) VALUES (1000, 1, 'guian', 'old');"
            "INSERT INTO manifest VALUES ('format_version', '2'), ('name', 'before alarms'), ('note', ''), "
            "('created_by', 'tst'), ('created_at', '0'), ('time_from', '1000'), ('time_to', '2000'), "
            "('endpoints', '[]');";
        QVERIFY(sql::exec(db, fill.constData()));
        QString error;
        const QByteArray sum = snapshot::contentChecksum(db, "main", 2, &error);
        QVERIFY2(!sum.isEmpty(), qPrintable(error));
        QVERIFY(sql::exec(db, "INSERT INTO manifest VALUES ('checksum', '" + sum + "'); COMMIT;"));
        sqlite3_close(db);
    }
    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    QCOMPARE(reader.manifest().formatVersion, 2);
    QCOMPARE(reader.summary().events, 1);
    QCOMPARE(reader.summary().alarms, 0);
    QVERIFY(reader.stateAt(2000).alarms.isEmpty());
    QVERIFY(AlarmHistory(reader.handle()).alarmsBetween(0, 2000).isEmpty());
    // And imports into a cache of today.
    CacheDatabase cache;
    QVERIFY(cache.open(dir.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("t.r.f2"),
                       CacheDatabase::Role::Writer));
    QString error;
    QVERIFY2(SnapshotImporter::importInto(reader, cache.handle(), &error), qPrintable(error));
}

void TestSnapshotReader::refusesHostileAlarms_data()
{
    QTest::addColumn<QByteArray>("edit");
    QTest::addColumn<qint64>("maxRevisions");
    QTest::addColumn<QString>("reason");
    QTest::newRow("an alarm of 2 MiB")
        << QByteArray(
               "UPDATE alarm_revisions SET body = body || hex(zeroblob(1048576)) WHERE alarm_id = 'slow'")
        << snapshot::kMaxAlarmRevisions << QStringLiteral("an alarm of 2");
    QTest::newRow("more alarms than allowed")
        << QByteArray("SELECT 1") << qint64(2)
        << QStringLiteral("too many alarm revisions (3; the limit is 2)");
    QTest::newRow("a foreign alarm table") << QByteArray("DROP TABLE alarms; CREATE TABLE alarms(x)")
                                           << snapshot::kMaxAlarmRevisions << QStringLiteral("table alarms");
}

void TestSnapshotReader::refusesHostileAlarms()
{
    QFETCH(QByteArray, edit);
    QFETCH(qint64, maxRevisions);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    QVERIFY(editAndResign(file, edit.constData()));
    const FileState before = fileState(file);
    SnapshotReader reader;
    SnapshotReader::Options options;
    options.maxAlarmRevisions = maxRevisions;
    QVERIFY(!reader.open(file, options));
    QVERIFY2(reader.errorString().contains(reason), qPrintable(reader.errorString()));
    QVERIFY(!reader.isOpen());
    QCOMPARE(fileState(file), before);
}

// Signed by its author but not an alarm the protocol allows: the snapshot opens, the alarm is skipped.
void TestSnapshotReader::skipsAnAlarmThatDoesNotParse()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    QVERIFY(editAndResign(file, "UPDATE alarm_revisions SET body = '{\"id\": 1}' WHERE alarm_id = 'slow';"
                                "UPDATE alarm_revisions SET body = replace(body, '\"id\":\"down\"', "
                                "'\"id\":\"evil\"') WHERE alarm_id = 'down' AND revision = 2"));
    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    const QList<RecordedAlarm> end = reader.stateAt(kT0 + 9000).alarms;
    QCOMPARE(end.size(), 0); // "slow" does not parse; "down" rev 2 names another alarm than its row
    QCOMPARE(AlarmHistory(reader.handle()).alarmsBetween(kT0, kT0 + 9000).size(), 1); // "down" rev 1
}

QTEST_GUILESS_MAIN(TestSnapshotReader)
#include "tst_snapshotreader.moc"
