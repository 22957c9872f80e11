#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "domain/metricnames.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn::cache;

// A writer killed with SIGKILL mid-stream, samples and alarm revisions alike, loses nothing it
// reported committed, and leaves a file that opens and passes integrity_check (WAL,
// synchronous=NORMAL, a transaction per batch).
class TestCrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesSigkill_data();
    void survivesSigkill();
};

void TestCrashRecovery::survivesSigkill_data()
{
    QTest::addColumn<int>("killAfter"); // committed batches seen before the kill
    QTest::newRow("early") << 20;
    QTest::newRow("later") << 300;
    QTest::newRow("much later") << 1500;
}

void TestCrashRecovery::survivesSigkill()
{
    QFETCH(int, killAfter);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QStringLiteral(CPN_INGEST_CHILD), {path});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

    QByteArray output;
    qint64 lastReported = 0;
    static const QRegularExpression line(QStringLiteral("^committed (\\d+)$"));
    QElapsedTimer timer;
    timer.start();
    while (lastReported < killAfter && timer.elapsed() < 60000) {
        child.waitForReadyRead(200);
        output += child.readAllStandardOutput();
        const QList<QByteArray> lines = output.split('\n');
        for (const QByteArray &l : lines) {
            const auto match = line.match(QString::fromLatin1(l));
            if (match.hasMatch())
                lastReported = qMax(lastReported, match.captured(1).toLongLong());
        }
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
    }
    child.kill(); // SIGKILL on Unix: no destructor, no commit, no checkpoint
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    // Lines written before the kill but not yet read still count as reported.
    output += child.readAllStandardOutput();
    for (const QByteArray &l : output.split('\n')) {
        const auto match = line.match(QString::fromLatin1(l));
        if (match.hasMatch())
            lastReported = qMax(lastReported, match.captured(1).toLongLong());
    }
    QVERIFY(lastReported >= killAfter);

    CacheDatabase db;
    QVERIFY2(db.open(path, QStringLiteral("t.crash"), CacheDatabase::Role::Writer), qPrintable(db.errorString()));
    sql::Statement check(db.handle(), "PRAGMA integrity_check");
    QVERIFY(check.step());
    QCOMPARE(check.text(0), QStringLiteral("ok"));
    // Every reported batch is there in full: 40 nodes x 7 metrics at ts = id * 1000.
    SeriesReader reader(db.handle());
    sql::Statement cpu(db.handle(), "SELECT entity_id FROM series WHERE metric = 'cpu'");
    qint64 cpuSamples = 0;
    while (cpu.step())
        cpuSamples +=
            reader.readNodeSeries(cpu.text(0), QStringLiteral("cpu"), 0, lastReported * 1000).points.size();
    QCOMPARE(cpuSamples, lastReported * 40);
    sql::Statement all(db.handle(), "SELECT ifnull(sum(samples), 0) FROM sample_ticks WHERE ts <= ?");
    all.bind(1, lastReported * 1000);
    QVERIFY(all.step());
    QCOMPARE(all.int64(0), lastReported * 40 * cpn::metrics::NodeMetricCount);
    // One alarm revision a tick, each summed up, and every alarm reads back.
    sql::Statement revisions(db.handle(), "SELECT count(*) FROM alarm_revisions WHERE observed_at <= ?");
    revisions.bind(1, lastReported * 1000);
    QVERIFY(revisions.step());
    QCOMPARE(revisions.int64(0), lastReported);
    const QList<RecordedAlarm> listed = AlarmHistory(db.handle()).alarmsAt(lastReported * 1000);
    QCOMPARE(listed.size(), qMin<qint64>(50, lastReported));
    for (const RecordedAlarm &alarm : listed)
        QCOMPARE(alarm.alarm.revision % 50, alarm.alarm.id.mid(2).toLongLong());
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
