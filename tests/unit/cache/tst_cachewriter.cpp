#include "cache/cachewriter.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "cachetestdata.h"
#include "domain/clock.h"

#include <QFile>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include <sqlite3.h>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;

// The writer thread: posted batches reach the file, share transactions, and report commits.
class TestCacheWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ingestsOnItsThread();
    void burstsShareTransactions_data();
    void burstsShareTransactions();
    void keepsDirectoryVersions();
    void clearEmptiesTheCache();
    void reportsAFileItCannotOpen();
    void runsRetention();
    void dropsPastItsBound();
    void fullCacheStopsThenResumesRecording();
    void storesOffersWhenTheyChange();
};

void TestCacheWriter::ingestsOnItsThread()
{
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    CacheWriter writer(options);
    QSignalSpy opened(&writer, &CacheWriter::opened);
    QSignalSpy committed(&writer, &CacheWriter::committed);
    const QList<Node> nodes = directoryAt(kT0);
    writer.ingestDirectory(nodes, cpn::testing::sampleLinks(nodes), kT0);
    qint64 last = 0;
    for (int i = 0; i < 3; ++i)
        last = writer.ingestMetrics(tick(i));
    writer.ingestJobs(sampleJobs(), kT0);
    last = writer.ingestEvent({kT0, 1, QStringLiteral("test"), QStringLiteral("hello")});
    QTRY_COMPARE(writer.lastCommittedId(), last);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(0).toBool(), true);
    QVERIFY(!committed.isEmpty());
    QCOMPARE(committed.last().at(0).toLongLong(), last);

    CacheDatabase reader;
    QVERIFY(reader.open(options.path, QStringLiteral("t.w.reader"), CacheDatabase::Role::Reader));
    const ReplayState state = SeriesReader(reader.handle()).stateAt(kT0 + 2000);
    QList<Node> expected = nodes;
    std::sort(expected.begin(), expected.end(), [](const Node &x, const Node &y) { return x.id < y.id; });
    QCOMPARE(state.nodes, expected); // by id
    for (const NodeSample &s : tick(2).nodes)
        QCOMPARE(state.nodeSamples.value(s.nodeId), s);
    QCOMPARE(SeriesReader(reader.handle()).summary().events, 1);
}

void TestCacheWriter::burstsShareTransactions_data()
{
    QTest::addColumn<qint64>("maxRows");
    QTest::addColumn<int>("maxCommits");
    // Batches waiting behind each other share transactions. The writer is held (another
    // connection has the write lock) while they are posted, so all ten wait whatever the timing.
    QTest::newRow("a burst shares transactions") << qint64(1'000'000) << 1;
    QTest::newRow("capped at 1,000 rows") << qint64(1000) << 4;
}

void TestCacheWriter::burstsShareTransactions()
{
    QFETCH(qint64, maxRows);
    QFETCH(int, maxCommits);
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    options.maxRowsPerTransaction = maxRows;
    CacheWriter writer(options);
    QVERIFY(writer.waitUntilOpen());
    QSignalSpy committed(&writer, &CacheWriter::committed);
    sqlite3 *blocker = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(options.path).constData(), &blocker), SQLITE_OK);
    QVERIFY(sql::exec(blocker, "BEGIN IMMEDIATE"));
    qint64 last = 0;
    for (int i = 0; i < 10; ++i)
        last = writer.ingestMetrics(tick(i)); // ~ 35 * 8 + 34 * 5 rows each
    QVERIFY(sql::exec(blocker, "COMMIT"));
    sqlite3_close(blocker);
    QVERIFY(writer.flushAndWait());
    QCOMPARE(writer.lastCommittedId(), last);
    QTRY_VERIFY(!committed.isEmpty());
    // Capped: a commit each time ~1,000 rows are in (after batches 3, 6 and 9), then the rest.
    QVERIFY2(committed.size() == maxCommits, qPrintable(QString::number(committed.size())));
}

void TestCacheWriter::keepsDirectoryVersions()
{
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    {
        CacheWriter writer(options);
        for (qint64 ts : {kT0, kT0 + 1000, kT0 + 5000, kT0 + 6000}) {
            const QList<Node> nodes = directoryAt(ts);
            writer.ingestDirectory(nodes, cpn::testing::sampleLinks(nodes), ts);
        }
    } // the destructor commits
    CacheDatabase db;
    QVERIFY(db.open(options.path, QStringLiteral("t.w.versions"), CacheDatabase::Role::Reader));
    sql::Statement s(db.handle(), "SELECT valid_from, valid_to FROM node_versions WHERE node_id = 'guian' ORDER BY valid_from");
    QVERIFY(s.step());
    QCOMPARE(s.int64(0), kT0);
    QCOMPARE(s.int64(1), kT0 + 5000);
    QVERIFY(s.step());
    QCOMPARE(s.int64(0), kT0 + 5000);
    QVERIFY(s.isNull(1));
    QVERIFY(!s.step());
    sql::Statement wuhu(db.handle(), "SELECT valid_to FROM node_versions WHERE node_id = 'wuhu'");
    QVERIFY(wuhu.step());
    QCOMPARE(wuhu.int64(0), kT0 + 5000);
    // Reopening continues the open versions rather than starting new ones.
    {
        CacheWriter writer(options);
        const QList<Node> nodes = directoryAt(kT0 + 7000);
        writer.ingestDirectory(nodes, cpn::testing::sampleLinks(nodes), kT0 + 7000);
    }
    sql::Statement count(db.handle(), "SELECT count(*) FROM node_versions");
    QVERIFY(count.step());
    QCOMPARE(count.int64(0), 36);
}

// A cache that cannot grow (its cap, as a full disk): recording stops once, visibly, with the reason; the
// console's calls keep returning; once room returns (a clear) the next batch is recorded and the lost
// ones are counted.
void TestCacheWriter::fullCacheStopsThenResumesRecording()
{
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    options.maxBytes = 160 * 1024;
    options.resumeAfterQuietMs = 300; // small batches that still fit near the cap must not count as resumed
    CacheWriter writer(options);
    QVERIFY(writer.waitUntilOpen());
    QSignalSpy stopped(&writer, &CacheWriter::recordingStopped);
    QSignalSpy resumed(&writer, &CacheWriter::recordingResumed);
    bool full = false;
    for (int i = 0; i < 5000 && !full; ++i) {
        MetricsBatch batch = tick(i % 10);
        for (NodeSample &s : batch.nodes) {
            s.tsMs += i * 10000;
            s.cpuUtil = QRandomGenerator::global()->generateDouble(); // values that do not compress away
        }
        for (LinkSample &s : batch.links)
            s.tsMs += i * 10000;
        QVERIFY(writer.ingestMetrics(batch) > 0);
        full = !writer.flushAndWait();
    }
    QVERIFY2(full, "5,000 batches fitted under the cap");
    QTRY_COMPARE(stopped.size(), 1); // queued from the writer's thread
    QVERIFY2(stopped.first().at(0).toString().contains(QStringLiteral("full")), qPrintable(stopped.first().at(0).toString()));
    // Still failing: said once, not per batch.
    QSignalSpy failed(&writer, &CacheWriter::failed);
    for (int i = 0; i < 5; ++i)
        writer.ingestMetrics(tick(i));
    writer.flushAndWait();
    QTRY_VERIFY(!failed.isEmpty());
    QCOMPARE(stopped.size(), 1);
    QVERIFY(resumed.isEmpty());

    QSignalSpy cleared(&writer, &CacheWriter::cleared);
    writer.clear();
    QTRY_COMPARE(cleared.size(), 1);
    // Resumed at the first commit once writes have been quiet for 300 ms: not before.
    QElapsedTimer sinceClear;
    sinceClear.start();
    const qint64 early = writer.ingestMetrics(tick(0));
    QVERIFY(writer.flushAndWait());
    QCoreApplication::processEvents();
    QVERIFY(resumed.isEmpty() || sinceClear.elapsed() >= 300);
    QTest::qWait(350); // the quiet period the policy asks for, not a synchronisation
    const qint64 id = writer.ingestMetrics(tick(1));
    QVERIFY(writer.flushAndWait());
    QTRY_COMPARE(resumed.size(), 1);
    QVERIFY(id > early);
    QCOMPARE(writer.lastCommittedId(), id);
    // The first failing batch and each that failed after it (a small one may still have fitted).
    QVERIFY2(resumed.first().at(0).toLongLong() >= 1 + failed.size(),
             qPrintable(QStringLiteral("%1 lost, %2 failures").arg(resumed.first().at(0).toLongLong()).arg(failed.size())));
}

void TestCacheWriter::clearEmptiesTheCache()
{
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    CacheWriter writer(options);
    for (int i = 0; i < 200; ++i) {
        MetricsBatch batch = tick(i % 10);
        for (NodeSample &s : batch.nodes)
            s.tsMs += i * 10000;
        for (LinkSample &s : batch.links)
            s.tsMs += i * 10000;
        writer.ingestMetrics(batch);
    }
    QVERIFY(writer.flushAndWait());
    const qint64 before = CacheDatabase::sizeOnDisk(options.path);
    QSignalSpy cleared(&writer, &CacheWriter::cleared);
    writer.clear();
    QTRY_COMPARE(cleared.size(), 1);
    QCOMPARE(cleared.first().at(0).toBool(), true);
    QVERIFY2(CacheDatabase::sizeOnDisk(options.path) < before / 4,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(CacheDatabase::sizeOnDisk(options.path))));
    // Still usable afterwards.
    const qint64 id = writer.ingestMetrics(tick(0));
    QVERIFY(writer.flushAndWait());
    QCOMPARE(writer.lastCommittedId(), id);
}

void TestCacheWriter::reportsAFileItCannotOpen()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("file/cache.sqlite")); // under a plain file
    CacheWriter writer(options);
    QSignalSpy opened(&writer, &CacheWriter::opened);
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(0).toBool(), false);
    QVERIFY(!opened.first().at(1).toString().isEmpty());
    writer.ingestMetrics(tick(0)); // dropped, not a crash
    QVERIFY(!writer.flushAndWait());
}

void TestCacheWriter::runsRetention()
{
    QTemporaryDir dir;
    ManualClock clock(kT0 + 3600'000);
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    options.clock = &clock;
    options.retention.rawWindowMs = 60'000;
    CacheWriter writer(options);
    for (int i = 0; i < 10; ++i)
        writer.ingestMetrics(tick(i));
    const RetentionReport report = writer.runRetentionAndWait();
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.minuteBuckets > 0);
    QVERIFY(report.rawDeleted > 0);
}

// A writer that cannot write (another connection holds the write lock) lets at most
// maxBatchesInFlight batches wait: further metrics batches are dropped, counted and announced,
// a directory still queues, and once the lock goes everything queued is committed.
void TestCacheWriter::dropsPastItsBound()
{
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    options.maxBatchesInFlight = 3;
    CacheWriter writer(options);
    QVERIFY(writer.waitUntilOpen());
    QSignalSpy dropped(&writer, &CacheWriter::batchesDropped);
    QSignalSpy failed(&writer, &CacheWriter::failed);

    sqlite3 *blocker = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(options.path).constData(), &blocker), SQLITE_OK);
    QVERIFY(sql::exec(blocker, "BEGIN IMMEDIATE")); // the writer's next transaction waits for it
    QList<qint64> ids;
    for (int i = 0; i < 10; ++i)
        ids << writer.ingestMetrics(tick(i));
    // The worker holds at most one batch (waiting for the lock) and at most three wait.
    const qint64 refused = ids.count(0);
    QVERIFY2(refused >= 6, qPrintable(QString::number(refused)));
    QCOMPARE(writer.droppedBatches(), refused);
    QCOMPARE(dropped.size(), refused);
    QCOMPARE(dropped.last().at(0).toLongLong(), refused);
    const QList<Node> nodes = directoryAt(kT0);
    const qint64 directory = writer.ingestDirectory(nodes, cpn::testing::sampleLinks(nodes), kT0);
    QVERIFY(directory > 0); // never dropped
    QVERIFY(sql::exec(blocker, "COMMIT"));
    sqlite3_close(blocker);

    QVERIFY(writer.flushAndWait());
    QCOMPARE(writer.lastCommittedId(), directory);
    QCOMPARE(writer.batchesInFlight(), 0);
    CacheDatabase reader;
    QVERIFY(reader.open(options.path, QStringLiteral("t.w.bound"), CacheDatabase::Role::Reader));
    const ContentSummary c = SeriesReader(reader.handle()).summary();
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
    qint64 lastAccepted = -1;
    for (int i = 0; i < ids.size(); ++i)
        lastAccepted = ids.at(i) ? i : lastAccepted;
    QCOMPARE(c.toMs, kT0 + lastAccepted * 1000);
}

// The offers list is polled every few seconds and rarely changes: a row is stored when an offer
// appears or changes, and the offers current at a moment stay through retention.
void TestCacheWriter::storesOffersWhenTheyChange()
{
    QTemporaryDir dir;
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("cache.sqlite"));
    CacheWriter writer(options);
    Offer a;
    a.id = QStringLiteral("offer-a");
    a.nodeId = QStringLiteral("guian");
    a.available = 64;
    a.pricePerHour = 2.5;
    Offer b = a;
    b.id = QStringLiteral("offer-b");
    for (int poll = 0; poll < 10; ++poll)
        writer.ingestOffers({a, b}, kT0 + poll * 5000);
    a.available = 32; // free units: kept once a minute
    writer.ingestOffers({a, b}, kT0 + 50000);
    writer.ingestOffers({a, b}, kT0 + 60000);
    b.pricePerHour = 3; // a new price: at once
    writer.ingestOffers({a, b}, kT0 + 65000);
    QVERIFY(writer.flushAndWait());
    CacheDatabase reader;
    QVERIFY(reader.open(options.path, QStringLiteral("t.w.offers"), CacheDatabase::Role::Reader));
    sql::Statement rows(reader.handle(), "SELECT offer_id, ts FROM offers ORDER BY offer_id, ts");
    QStringList stored;
    while (rows.step())
        stored << QStringLiteral("%1@%2").arg(rows.text(0)).arg(rows.int64(1) - kT0);
    QCOMPARE(stored, (QStringList{QStringLiteral("offer-a@0"), QStringLiteral("offer-a@60000"),
                                  QStringLiteral("offer-b@0"), QStringLiteral("offer-b@65000")}));
}

QTEST_GUILESS_MAIN(TestCacheWriter)
#include "tst_cachewriter.moc"
