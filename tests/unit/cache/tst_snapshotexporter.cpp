#include "cache/seriesreader.h"
#include "cache/snapshotexporter.h"
#include "cache/snapshotreader.h"
#include "cache/sqlite.h"
#include "snapshottestdata.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;

class TestSnapshotExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAStandaloneFile();
    void keepsTheRange_data();
    void keepsTheRange();
    void refusesABadRange();
};

void TestSnapshotExporter::writesAStandaloneFile()
{
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    QVERIFY(QFile::exists(file));
    // Nothing beside it: no .part, no journal, no -wal.
    const QStringList entries = QDir(dir.path()).entryList({QStringLiteral("good.cpnsnap*")}, QDir::Files);
    QCOMPARE(entries, QStringList{QStringLiteral("good.cpnsnap")});
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray header = f.read(100);
    QVERIFY(header.startsWith("SQLite format 3"));
    QCOMPARE(int(header[18]), 1); // rollback journal, not WAL: the file is the whole snapshot
    QCOMPARE(int(header[19]), 1);

    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    const snapshot::Manifest &m = reader.manifest();
    QCOMPARE(m.formatVersion, snapshot::kFormatVersion);
    QCOMPARE(m.name, QStringLiteral("sample"));
    QCOMPARE(m.note, QStringLiteral("guian goes into maintenance"));
    QCOMPARE(m.createdBy, QStringLiteral("tst"));
    QCOMPARE(m.fromMs, kT0);
    QCOMPARE(m.toMs, kT0 + 9000);
    QVERIFY(m.createdAtMs > kT0);
    QCOMPARE(m.checksum.size(), 64);
    // Credentials in an endpoint URL never reach the file.
    QCOMPARE(m.endpoints, QStringList{QStringLiteral("http://127.0.0.1:8080/")});
    f.seek(0);
    const QByteArray all = f.readAll();
    QVERIFY(!all.contains("secret"));
    QVERIFY(!all.contains("token=abc"));
}

void TestSnapshotExporter::keepsTheRange_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("ticks");
    QTest::addColumn<qint64>("nodeVersions");
    QTest::newRow("all") << kT0 << kT0 + 9000 << 10LL << 36LL;
    QTest::newRow("first directory only") << kT0 << kT0 + 2000 << 3LL << 35LL;
    QTest::newRow("second directory only") << kT0 + 6000 << kT0 + 9000 << 4LL << 34LL;
}

void TestSnapshotExporter::keepsTheRange()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, ticks);
    QFETCH(qint64, nodeVersions);
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordSampleFederation(cache));
    SnapshotRequest request;
    request.fromMs = from;
    request.toMs = to;
    QString error;
    snapshot::Manifest manifest;
    const QString file = dir.filePath(QStringLiteral("part.cpnsnap"));
    QVERIFY2(SnapshotExporter::exportRange(cache, file, request, &error, &manifest), qPrintable(error));
    SnapshotReader reader;
    QVERIFY2(reader.open(file), qPrintable(reader.errorString()));
    QCOMPARE(reader.manifest().checksum, manifest.checksum);
    const ContentSummary c = reader.summary();
    QCOMPARE(c.fromMs, from);
    QCOMPARE(c.toMs, to);
    QCOMPARE(c.nodeVersions, nodeVersions);
    sql::Statement s(reader.handle(),
                     "SELECT kind FROM series WHERE entity_id = 'national' AND metric = 'cpu'");
    QVERIFY(s.step());
    const Series national = SeriesReader(reader.handle())
                                .readSeries(schema::SeriesKind(s.int64(0)), QStringLiteral("national"),
                                            QStringLiteral("cpu"), from - 60000, to + 60000, Resolution::Raw);
    QCOMPARE(national.points.size(), ticks);
}

void TestSnapshotExporter::refusesABadRange()
{
    QTemporaryDir dir;
    SnapshotRequest request;
    request.fromMs = 10;
    request.toMs = 5;
    QString error;
    QVERIFY(!SnapshotExporter::exportRange(dir.filePath(QStringLiteral("cache.sqlite")),
                                           dir.filePath(QStringLiteral("x.cpnsnap")), request, &error));
    QVERIFY(!error.isEmpty());
    request.toMs = 20;
    QVERIFY(!SnapshotExporter::exportRange(dir.filePath(QStringLiteral("missing.sqlite")),
                                           dir.filePath(QStringLiteral("x.cpnsnap")), request, &error));
    QVERIFY(error.contains(QStringLiteral("no cache")));
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestSnapshotExporter)
#include "tst_snapshotexporter.moc"
