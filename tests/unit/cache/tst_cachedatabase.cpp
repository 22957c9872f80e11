#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/cachestore.h"
#include "cache/schema.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cstring>

using namespace cpn::cache;

// Opening, pragmas and the stepwise migrations, from an empty file and from each historical
// version kept as a fixture (fixtures/cache_v<N>.sql).
class TestCacheDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migrates_data();
    void migrates();
    void fixtureIsMigrationOne();
    void carriesVersionTwoSamplesOver();
    void carriesVersionThreeOverToAlarms();
    void writerSetsWalAndApplicationId();
    void refuses_data();
    void refuses();
    void readerNeedsTheCurrentSchema();
    void sizeCountsSideFiles();

private:
    static QString fixture(int version)
    {
        return QStringLiteral(CPN_CACHE_FIXTURES "/cache_v%1.sql").arg(version);
    }
    static bool runSqlFile(const QString &db, const QString &sqlFile)
    {
        QFile f(sqlFile);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        sqlite3 *h = nullptr;
        sqlite3_open(QFile::encodeName(db).constData(), &h);
        const bool ok = sql::exec(h, f.readAll().constData());
        sqlite3_close(h);
        return ok;
    }
    static QStringList schemaOf(sqlite3 *db)
    {
        QStringList objects;
        sql::Statement s(db, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema "
                             "WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
        while (s.step())
            objects << s.text(0).simplified();
        return objects;
    }
};

void TestCacheDatabase::migrates_data()
{
    QTest::addColumn<int>("fromFixture"); // 0: an empty file
    QTest::addColumn<int>("target");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<int>("rawSamples");
    QTest::newRow("empty to v1") << 0 << 1 << QStringList{QStringLiteral("samples")} << 0;
    QTest::newRow("empty to current")
        << 0 << schema::kCurrentVersion
        << QStringList{QStringLiteral("sample_blocks"), QStringLiteral("sample_ticks"),
                       QStringLiteral("samples_1m"), QStringLiteral("samples_1h")}
        << 0;
    QTest::newRow("v1 with data to v2") << 1 << 2
                                        << QStringList{QStringLiteral("samples"), QStringLiteral("samples_1m"),
                                                       QStringLiteral("samples_1h")}
                                        << 2;
    QTest::newRow("v1 with data to current")
        << 1 << schema::kCurrentVersion
        << QStringList{QStringLiteral("sample_blocks"), QStringLiteral("sample_ticks"),
                       QStringLiteral("samples_1m"), QStringLiteral("samples_1h")}
        << 2;
}

void TestCacheDatabase::migrates()
{
    QFETCH(int, fromFixture);
    QFETCH(int, target);
    QFETCH(QStringList, tables);
    QFETCH(int, rawSamples);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    if (fromFixture)
        QVERIFY(runSqlFile(path, fixture(fromFixture)));

    CacheDatabase db;
    QVERIFY2(db.open(path, QStringLiteral("t.migrate"), CacheDatabase::Role::Writer, target),
             qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), target);
    sql::Statement meta(db.handle(), "SELECT value FROM meta WHERE key = 'schema_version'");
    QVERIFY(meta.step());
    QCOMPARE(meta.text(0), QString::number(target));
    for (const QString &table : tables) {
        sql::Statement s(db.handle(), "SELECT count(*) FROM " + table.toUtf8());
        QVERIFY2(s.step(), qPrintable(table));
    }
    sql::Statement count(db.handle(), target >= 3 ? "SELECT ifnull(sum(samples), 0) FROM sample_ticks"
                                                  : "SELECT count(*) FROM samples");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), rawSamples);
    if (fromFixture) {
        sql::Statement event(db.handle(), "SELECT message FROM events");
        QVERIFY(event.step());
        QCOMPARE(event.text(0), QStringLiteral("written by version 1"));
    }
}

void TestCacheDatabase::fixtureIsMigrationOne()
{
    // The fixture must be what migration 1 really created, or upgrading it proves nothing.
    QTemporaryDir dir;
    const QString fromFixture = dir.filePath(QStringLiteral("fixture.sqlite"));
    QVERIFY(runSqlFile(fromFixture, fixture(1)));
    CacheDatabase migrated;
    QVERIFY(migrated.open(dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("t.m1"),
                          CacheDatabase::Role::Writer, 1));
    sqlite3 *h = nullptr;
    sqlite3_open(QFile::encodeName(fromFixture).constData(), &h);
    QCOMPARE(schemaOf(h), schemaOf(migrated.handle()));
    sqlite3_close(h);
}

// A cache of schema 2 (one row per sample), filled with the old layout's own SQL, moves to blocks:
// every value reads back bit for bit, roll-ups and their order survive, and the old table is gone.
void TestCacheDatabase::carriesVersionTwoSamplesOver()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(runSqlFile(path, fixture(1)));
    constexpr qint64 kT0 = 1'767'225'600'000;
    constexpr int kSeries = 300; // two blocks and a part
    constexpr int kTicks = 150;  // three conversion windows of a minute
    auto valueOf = [](int series, int tick) {
        switch (series % 4) {
        case 0:
            return double((series + tick) % 10000) / 10000; // a utilization to 4 decimals
        case 1:
            return 0.1 * tick + 1.0 / 3 * series; // a double of no short decimal
        case 2:
            return double(tick % 7); // a count
        default:
            return -1234.5 * (tick + 1); // large, negative
        }
    };
    {
        CacheDatabase v2;
        QVERIFY2(v2.open(path, QStringLiteral("t.v2"), CacheDatabase::Role::Writer, 2),
                 qPrintable(v2.errorString()));
        sqlite3 *h = v2.handle();
        QVERIFY(sql::exec(h, "BEGIN; DELETE FROM samples; DELETE FROM series;"));
        sql::Statement series(
            h, "INSERT INTO series(series_id, kind, entity_id, metric) VALUES (?, 0, ?, 'cpu')");
        sql::Statement sample(h, "INSERT INTO samples(series_id, ts, value) VALUES (?, ?, ?)");
        for (int s = 1; s <= kSeries; ++s) {
            series.bind(1, qint64(s));
            series.bind(2, QStringLiteral("node-%1").arg(s));
            QVERIFY(series.run());
            for (int t = 0; t < kTicks; ++t) {
                if (s == 7 && t == 3)
                    continue; // a gap stays a gap
                sample.bind(1, qint64(s));
                sample.bind(2, kT0 + t * 1000);
                sample.bind(3, valueOf(s, t));
                QVERIFY(sample.run());
            }
        }
        QVERIFY(sql::exec(h,
                          "INSERT INTO samples_1m VALUES (1, 1767225540000, 0.1, 0.9, 0.5, 60, 0.2), "
                          "(2, 1767225540000, 1, 2, 1.5, 60, 2), (1, 1767225480000, 0, 1, 0.5, 60, 1);"
                          "INSERT INTO samples_1h VALUES (1, 1767222000000, 0, 1, 0.5, 3600, 1); COMMIT;"));
    }
    CacheDatabase db;
    QVERIFY2(db.open(path, QStringLiteral("t.v3"), CacheDatabase::Role::Writer),
             qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), schema::kCurrentVersion);
    sql::Statement old(db.handle(), "SELECT count(*) FROM sqlite_schema WHERE name = 'samples'");
    QVERIFY(old.step());
    QCOMPARE(old.int64(0), 0);
    SeriesReader reader(db.handle());
    QCOMPARE(reader.summary().rawSamples, qint64(kSeries) * kTicks - 1);
    for (int s = 1; s <= kSeries; ++s) {
        const Series read = reader.readNodeSeries(QStringLiteral("node-%1").arg(s), QStringLiteral("cpu"),
                                                  kT0, kT0 + kTicks * 1000, Resolution::Raw);
        QCOMPARE(read.points.size(), s == 7 ? kTicks - 1 : kTicks);
        for (const SeriesPoint &p : read.points) {
            const int t = int((p.tsMs - kT0) / 1000);
            const double expected = valueOf(s, t);
            QVERIFY2(std::memcmp(&p.mean, &expected, sizeof expected) == 0,
                     qPrintable(QStringLiteral("series %1 tick %2: %3").arg(s).arg(t).arg(p.mean)));
        }
    }
    const Series minutes = reader.readNodeSeries(QStringLiteral("node-1"), QStringLiteral("cpu"),
                                                 1767225480000, 1767225599999, Resolution::Minute);
    QCOMPARE(minutes.points.size(), 2);
    QCOMPARE(minutes.points.at(1), (SeriesPoint{1767225540000, 0.1, 0.9, 0.5, 60, 0.2}));
    const Series hours = reader.readNodeSeries(QStringLiteral("node-1"), QStringLiteral("cpu"), 1767222000000,
                                               1767225599999, Resolution::Hour);
    QCOMPARE(hours.points.size(), 1);
}

// A cache of schema 3, with samples in blocks, a directory and an event, gains the alarm tables:
// everything it held reads back as before, and alarms are recorded and read from then on.
void TestCacheDatabase::carriesVersionThreeOverToAlarms()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(runSqlFile(path, fixture(1)));
    constexpr qint64 kT0 = 1'767'225'600'000;
    {
        CacheDatabase v3;
        QVERIFY2(v3.open(path, QStringLiteral("t.v3"), CacheDatabase::Role::Writer, 3),
                 qPrintable(v3.errorString()));
        QVERIFY(sql::exec(v3.handle(), "SELECT count(*) FROM sample_blocks"));
        QVERIFY(!sql::exec(v3.handle(), "SELECT count(*) FROM alarm_revisions"));
        // Rows as schema 3 writes them, with its own SQL.
        QVERIFY(
            sql::exec(v3.handle(),
                      "BEGIN; INSERT INTO node_versions VALUES ('guian', 1767225600000, NULL, 'CN-GZ', '{}');"
                      "INSERT INTO events(ts, severity, source, message) VALUES (1767225601000, 2, 'guian', "
                      "'written by version 3'); COMMIT;"));
    }
    const ContentSummary before = [&] {
        CacheDatabase v3;
        v3.open(path, QStringLiteral("t.v3r"), CacheDatabase::Role::Writer, 3);
        ContentSummary c;
        sql::Statement s(v3.handle(), "SELECT (SELECT ifnull(sum(samples), 0) FROM sample_ticks), "
                                      "(SELECT count(*) FROM node_versions), (SELECT count(*) FROM events)");
        if (s.step()) {
            c.rawSamples = s.int64(0);
            c.nodeVersions = s.int64(1);
            c.events = s.int64(2);
        }
        return c;
    }();
    QCOMPARE(before.events, 2);

    CacheDatabase db;
    QVERIFY2(db.open(path, QStringLiteral("t.v4"), CacheDatabase::Role::Writer),
             qPrintable(db.errorString()));
    QCOMPARE(db.schemaVersion(), 4);
    const ContentSummary after = SeriesReader(db.handle()).summary();
    QCOMPARE(after.rawSamples, before.rawSamples);
    QCOMPARE(after.nodeVersions, before.nodeVersions);
    QCOMPARE(after.events, before.events);
    QCOMPARE(after.alarms, 0);
    sql::Statement event(db.handle(), "SELECT message FROM events ORDER BY ts");
    QVERIFY(event.step() && event.step());
    QCOMPARE(event.text(0), QStringLiteral("written by version 3"));

    cpn::Alarm alarm;
    alarm.id = QStringLiteral("a1");
    alarm.source = {cpn::AlarmSource::Kind::Node, QStringLiteral("guian")};
    alarm.summary = QStringLiteral("node guian is down");
    alarm.raisedAtMs = kT0;
    alarm.revision = 1;
    CacheStore store(db.handle());
    QVERIFY(store.load());
    QVERIFY(store.addAlarms(QStringLiteral("http://127.0.0.1:8080"), {alarm}, kT0 + 500));
    QVERIFY(store.commit());
    const QList<RecordedAlarm> listed = AlarmHistory(db.handle()).alarmsAt(kT0 + 1000);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).alarm, alarm);
}

void TestCacheDatabase::writerSetsWalAndApplicationId()
{
    QTemporaryDir dir;
    CacheDatabase db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("sub/dir/cache.sqlite")), QStringLiteral("t.wal"),
                    CacheDatabase::Role::Writer));
    {
        // Finalized before close(): the driver's sqlite3_close leaves a connection with open
        // statements allocated (a leak under LeakSanitizer).
        sql::Statement mode(db.handle(), "PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        sql::Statement sync(db.handle(), "PRAGMA synchronous");
        QVERIFY(sync.step());
        QCOMPARE(sync.int64(0), 1); // NORMAL
        sql::Statement id(db.handle(), "PRAGMA application_id");
        QVERIFY(id.step());
        QCOMPARE(int(id.int64(0)), schema::kApplicationId);
    }
    db.close();
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("t.wal")));
}

void TestCacheDatabase::refuses_data()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<QString>("message");
    QTest::newRow("newer schema") << QByteArray("PRAGMA application_id=1129336387; CREATE TABLE meta(k); "
                                                "PRAGMA user_version=99;")
                                  << QStringLiteral("newer");
    QTest::newRow("another application's database")
        << QByteArray("CREATE TABLE notes(x); PRAGMA user_version=3;") << QStringLiteral("not a CPN cache");
}

void TestCacheDatabase::refuses()
{
    QFETCH(QByteArray, setup);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    sqlite3 *h = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &h);
    QVERIFY(sql::exec(h, setup.constData()));
    sqlite3_close(h);
    CacheDatabase db;
    QVERIFY(!db.open(path, QStringLiteral("t.refuse"), CacheDatabase::Role::Writer));
    QVERIFY2(db.errorString().contains(message), qPrintable(db.errorString()));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("t.refuse")));
}

void TestCacheDatabase::readerNeedsTheCurrentSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(runSqlFile(path, fixture(1)));
    CacheDatabase reader;
    QVERIFY(!reader.open(path, QStringLiteral("t.reader"), CacheDatabase::Role::Reader));
    QVERIFY(reader.errorString().contains(QStringLiteral("version 1")));
    CacheDatabase writer;
    QVERIFY(writer.open(path, QStringLiteral("t.writer"), CacheDatabase::Role::Writer));
    QVERIFY(reader.open(path, QStringLiteral("t.reader"), CacheDatabase::Role::Reader));
    QVERIFY(!sql::exec(reader.handle(), "DELETE FROM samples")); // query_only
}

void TestCacheDatabase::sizeCountsSideFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.size"), CacheDatabase::Role::Writer));
    QVERIFY(sql::exec(db.handle(), "INSERT INTO events(ts, severity, source, message) VALUES (1, 0, 'a', 'b')"));
    const qint64 size = CacheDatabase::sizeOnDisk(path);
    QVERIFY(size >= QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size());
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
}

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_cachedatabase.moc"
