#include "cache/cachewriter.h"
#include "cache/seriesreader.h"
#include "cache/snapshotimporter.h"
#include "cache/snapshotreader.h"
#include "snapshottestdata.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;

// Export, then import into another cache: the same moments replay the same.
class TestSnapshotImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsEqual_data();
    void roundTripIsEqual();
    void importingTwiceAddsNothing();
    void importsThroughTheWriter();
};

void TestSnapshotImporter::roundTripIsEqual_data()
{
    QTest::addColumn<int>("tick");
    for (int tick : {0, 4, 5, 9})
        QTest::addRow("tick %d", tick) << tick;
}

void TestSnapshotImporter::roundTripIsEqual()
{
    QFETCH(int, tick);
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    CacheDatabase original;
    QVERIFY(original.open(dir.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("t.i.original"),
                          CacheDatabase::Role::Reader));
    CacheDatabase target;
    QVERIFY(target.open(dir.filePath(QStringLiteral("other.sqlite")), QStringLiteral("t.i.target"),
                        CacheDatabase::Role::Writer));
    SnapshotReader snapshot;
    QVERIFY2(snapshot.open(file), qPrintable(snapshot.errorString()));
    QString error;
    QVERIFY2(SnapshotImporter::importInto(snapshot, target.handle(), &error), qPrintable(error));

    const qint64 at = kT0 + tick * 1000;
    const ReplayState a = SeriesReader(original.handle()).stateAt(at);
    const ReplayState b = SeriesReader(target.handle()).stateAt(at);
    QCOMPARE(b.nodes, a.nodes);
    QCOMPARE(b.links, a.links);
    QCOMPARE(b.nodeSamples, a.nodeSamples);
    QCOMPARE(b.linkSamples, a.linkSamples);
    QCOMPARE(b.jobs, a.jobs);
    QCOMPARE(b.alarms, a.alarms);
    QVERIFY(!a.alarms.isEmpty());
    // And as the snapshot itself replays it.
    const ReplayState c = snapshot.stateAt(at);
    QCOMPARE(c.nodeSamples, a.nodeSamples);
    QCOMPARE(c.alarms, a.alarms);

    const Series sa = SeriesReader(original.handle()).readNodeSeries(QStringLiteral("guian"), QStringLiteral("cpu"), kT0, kT0 + 9000);
    const Series sb = SeriesReader(target.handle()).readNodeSeries(QStringLiteral("guian"), QStringLiteral("cpu"), kT0, kT0 + 9000);
    QCOMPARE(sb.points, sa.points);
    const ContentSummary ca = SeriesReader(original.handle()).summary();
    const ContentSummary cb = SeriesReader(target.handle()).summary();
    QCOMPARE(cb.rawSamples, ca.rawSamples);
    QCOMPARE(cb.nodeVersions, ca.nodeVersions);
    QCOMPARE(cb.linkVersions, ca.linkVersions);
    QCOMPARE(cb.events, ca.events);
    QCOMPARE(cb.jobs, ca.jobs);
}

void TestSnapshotImporter::importingTwiceAddsNothing()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    CacheDatabase target;
    QVERIFY(target.open(dir.filePath(QStringLiteral("other.sqlite")), QStringLiteral("t.i.twice"),
                        CacheDatabase::Role::Writer));
    SnapshotReader snapshot;
    QVERIFY(snapshot.open(file));
    QString error;
    QVERIFY(SnapshotImporter::importInto(snapshot, target.handle(), &error));
    const ContentSummary once = SeriesReader(target.handle()).summary();
    QVERIFY(SnapshotImporter::importInto(snapshot, target.handle(), &error));
    const ContentSummary twice = SeriesReader(target.handle()).summary();
    QCOMPARE(twice.rawSamples, once.rawSamples);
    QCOMPARE(twice.series, once.series);
    QCOMPARE(twice.events, once.events);
    QCOMPARE(twice.alarmRevisions, once.alarmRevisions);
    QCOMPARE(once.alarms, 2);
    QCOMPARE(twice.nodeVersions, once.nodeVersions);
}

void TestSnapshotImporter::importsThroughTheWriter()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    CacheWriter::Options options;
    options.path = dir.filePath(QStringLiteral("live.sqlite"));
    CacheWriter writer(options);
    QSignalSpy imported(&writer, &CacheWriter::imported);
    writer.importSnapshot(file);
    QTRY_COMPARE(imported.size(), 1);
    QVERIFY2(imported.first().at(0).toBool(), qPrintable(imported.first().at(1).toString()));
    // The writer keeps going after the import, with the imported series known to it.
    writer.ingestMetrics(tick(9));
    QVERIFY(writer.flushAndWait());
    writer.importSnapshot(dir.filePath(QStringLiteral("missing.cpnsnap")));
    QTRY_COMPARE(imported.size(), 2);
    QCOMPARE(imported.last().at(0).toBool(), false);
}

QTEST_GUILESS_MAIN(TestSnapshotImporter)
#include "tst_snapshotimporter.moc"
