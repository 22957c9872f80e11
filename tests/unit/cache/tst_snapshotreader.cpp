#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"
#include "cache/snapshotformat.h"
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
        return execOnFile(f, "UPDATE manifest SET value = '3' WHERE key = 'format_version'");
    }) << QStringLiteral("snapshot format 3 is newer");
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

    SnapshotReader reader;
    QVERIFY(!reader.open(file));
    QVERIFY2(reader.errorString().contains(reason), qPrintable(reader.errorString()));
    QVERIFY(!reader.errorString().contains(QLatin1Char('\n')));
    QVERIFY(!reader.isOpen());

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

QTEST_GUILESS_MAIN(TestSnapshotReader)
#include "tst_snapshotreader.moc"
