#include "api/localsimulator.h"
#include "integration/api/simcontrol.h"

#include <sqlite3.h>

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QCryptographicHash>
#include <QTest>

using namespace cpn::api;

namespace {
// A canary: if this string turns up in any file the tool wrote, a secret leaked.
const QString kToken = QStringLiteral("canary-9f3e1d-token-never-stored");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

// cpn-snapshot's exact command lines against a real cpn-nodesim on loopback.
class TestCpnSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsVerifiesDescribesAndDiffs();
    void verifyRefusesWithOneLine();
    void recordsTheEventsTheConsoleTells();
    void usageErrors_data();
    void usageErrors();
    void interruptedRecordingsAreCleanedUp();
    void cleanupTestCase();

private:
    Run snapshot(const QStringList &arguments, const QString &envToken = {}, int timeoutMs = 30000,
                 const QString &tmpDir = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!tmpDir.isEmpty())
            env.insert(QStringLiteral("TMPDIR"), tmpDir);
        env.remove(QStringLiteral("CPN_TOKEN"));
        if (!envToken.isEmpty())
            env.insert(QStringLiteral("CPN_TOKEN"), envToken);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CPN_SNAPSHOT_EXE), arguments);
        Run run;
        if (!p.waitForFinished(timeoutMs))
            return run;
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    QNetworkAccessManager m_nam;
    LocalSimulator m_simulator;
    QTemporaryDir m_dir;
    QString m_a;
    QString m_b;
};

void TestCpnSnapshot::initTestCase()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim not found (CPN_NODESIM)");
    LocalSimulator::Options options;
    options.devToken = kToken;
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_a = m_dir.filePath(QStringLiteral("a.cpnsnap"));
    m_b = m_dir.filePath(QStringLiteral("b.cpnsnap"));
}

void TestCpnSnapshot::cleanupTestCase() { m_simulator.stop(); }

void TestCpnSnapshot::recordsVerifiesDescribesAndDiffs()
{
    const QString url = m_simulator.baseUrl().toString();
    // Token on the command line for A, from the environment for B.
    Run a = snapshot({QStringLiteral("record"), QStringLiteral("--connect"), url, QStringLiteral("--token"), kToken,
                      QStringLiteral("--seconds"), QStringLiteral("3"), QStringLiteral("--out"), m_a});
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    QVERIFY(a.out.contains(QStringLiteral("recorded")));

    SimControl control(&m_nam, m_simulator.baseUrl(), kToken);
    QVERIFY2(control.addFault({{QStringLiteral("kind"), QStringLiteral("node-down")},
                               {QStringLiteral("target"), QStringLiteral("guian")}}),
             qPrintable(control.lastError()));
    QTest::qWait(1500); // past the simulator's last tick from before the fault
    Run b = snapshot({QStringLiteral("record"), QStringLiteral("--connect"), url, QStringLiteral("--seconds"),
                      QStringLiteral("3"), QStringLiteral("--out"), m_b, QStringLiteral("--note"),
                      QStringLiteral("guian down")},
                     kToken);
    QVERIFY(control.clearFaults());
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));

    Run verify = snapshot({QStringLiteral("verify"), m_a});
    QCOMPARE(verify.exitCode, 0);
    QCOMPARE(verify.out.count(QLatin1Char('\n')), 1);
    QVERIFY(verify.out.contains(QStringLiteral(": ok")));
    // Both checksums, named: the content's (the manifest's) and the file's own bytes'.
    QFile file(m_a);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray fileSha = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
    QVERIFY2(verify.out.contains(QStringLiteral("file sha256 ") + QString::fromLatin1(fileSha)), qPrintable(verify.out));
    QVERIFY2(verify.out.contains(QStringLiteral("content sha256 ")), qPrintable(verify.out));

    Run info = snapshot({QStringLiteral("info"), m_b});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains(QStringLiteral("note:           guian down")), qPrintable(info.out));
    QVERIFY(info.out.contains(QStringLiteral("endpoints:      ") + url));
    QVERIFY(info.out.contains(QStringLiteral("format:         3")));
    // guian's node-down alarm, recorded as the console records it.
    static const QRegularExpression alarmsLine(QStringLiteral("alarms: +([0-9]+) \\(([0-9]+) revisions\\)"));
    const QRegularExpressionMatch alarms = alarmsLine.match(info.out);
    QVERIFY2(alarms.hasMatch() && alarms.captured(1).toInt() >= 1, qPrintable(info.out));
    QVERIFY(info.out.contains(QStringLiteral("time range:")));
    QVERIFY(!info.out.contains(QStringLiteral("nodes:          0 ")));
    QVERIFY(!info.out.contains(QStringLiteral("samples:        0 raw")));

    Run diff = snapshot({QStringLiteral("diff"), m_a, m_b});
    QCOMPARE(diff.exitCode, 0);
    // A node that is down stops sending samples (docs/node-api.md, node-down).
    QVERIFY2(diff.out.contains(QStringLiteral("guian: online -> no data")), qPrintable(diff.out));
    // Its links went down with it: a status change, not a fall in utilization.
    static const QRegularExpression linkDown(
        QStringLiteral("\\n  (l-[a-z-]*guian[a-z-]*) \\([^)]*\\): up -> down\\n"));
    const QRegularExpressionMatch down = linkDown.match(diff.out);
    QVERIFY2(down.hasMatch(), qPrintable(diff.out));
    const QString utilization = diff.out.section(QStringLiteral("links whose utilization moved most"), 1);
    QVERIFY2(!utilization.section(QStringLiteral("regions whose"), 0, 0).contains(down.captured(1)),
             qPrintable(diff.out));
    QVERIFY(diff.out.contains(QStringLiteral("regions whose utilization moved most")));

    // The token is in no file the tool wrote, nor in anything it printed.
    QDirIterator files(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int checked = 0;
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(kToken.toUtf8()), qPrintable(f.fileName()));
        ++checked;
    }
    QCOMPARE(checked, 2);
    for (const Run &r : {a, b, verify, info, diff})
        QVERIFY(!r.out.contains(kToken) && !r.err.contains(kToken));
}

void TestCpnSnapshot::verifyRefusesWithOneLine()
{
    if (!QFile::exists(m_a))
        QSKIP("needs the recording of the previous test");
    const QString bad = m_dir.filePath(QStringLiteral("bad.cpnsnap"));
    QFile::remove(bad);
    QVERIFY(QFile::copy(m_a, bad));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QByteArray original = f.readAll();
    f.resize(original.size() / 2); // truncated
    f.close();
    const QByteArray truncated = original.left(original.size() / 2);
    Run verify = snapshot({QStringLiteral("verify"), bad});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY(verify.out.isEmpty());
    QCOMPARE(verify.err.count(QLatin1Char('\n')), 1);
    QVERIFY(verify.err.startsWith(bad + QStringLiteral(": ")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), truncated);
    QVERIFY(!QFile::exists(bad + QStringLiteral("-journal")));
    QVERIFY(!QFile::exists(bad + QStringLiteral("-wal")));
    QCOMPARE(snapshot({QStringLiteral("info"), bad}).exitCode, 1);
    QCOMPARE(snapshot({QStringLiteral("diff"), m_a, bad}).exitCode, 1);
}

// A node down for the whole recording is one event, as the console's Events log tells it, kept in
// the snapshot with the client's own problems.
void TestCpnSnapshot::recordsTheEventsTheConsoleTells()
{
    SimControl control(&m_nam, m_simulator.baseUrl(), kToken);
    QVERIFY2(control.addFault({{QStringLiteral("kind"), QStringLiteral("node-down")},
                               {QStringLiteral("target"), QStringLiteral("gansu-hub")}}),
             qPrintable(control.lastError()));
    const QString file = m_dir.filePath(QStringLiteral("events.cpnsnap"));
    // The 10 s a problem must last before it is told, and samples after it (a snapshot spans its samples).
    const Run run =
        snapshot({QStringLiteral("record"), QStringLiteral("--connect"), m_simulator.baseUrl().toString(),
                  QStringLiteral("--token"), kToken, QStringLiteral("--seconds"), QStringLiteral("15"),
                  QStringLiteral("--out"), file},
                 {}, 60000);
    QVERIFY(control.clearFaults());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *query = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT source, message FROM events ORDER BY ts", -1, &query, nullptr),
             SQLITE_OK);
    QStringList gansu;
    int events = 0;
    while (sqlite3_step(query) == SQLITE_ROW) {
        ++events;
        if (QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(query, 0))) ==
            QLatin1String("gansu-hub"))
            gansu << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(query, 1)));
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
    QCOMPARE(gansu.size(), 1);
    QVERIFY2(gansu.constFirst().startsWith(QStringLiteral("Gansu hub is not reporting")),
             qPrintable(gansu.constFirst()));
    QVERIFY2(run.out.contains(QStringLiteral(" series, %1 event").arg(events)), qPrintable(run.out));
    // The hub's alarm is in it too: one node-down alarm about the Gansu hub.
    QCOMPARE(sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT body FROM alarm_revisions", -1, &query, nullptr), SQLITE_OK);
    int hubDown = 0;
    while (sqlite3_step(query) == SQLITE_ROW) {
        const QByteArray body(reinterpret_cast<const char *>(sqlite3_column_text(query, 0)));
        hubDown += body.contains("\"node-down\"") && body.contains("\"gansu-hub\"");
    }
    sqlite3_finalize(query);
    sqlite3_close(db);
    QVERIFY2(hubDown >= 1, "no node-down alarm about gansu-hub in the snapshot");
}

// A recording killed with -9 leaves its working cache in $TMPDIR: the next record removes it, and leaves
// the working files of a recording still running alone.
void TestCpnSnapshot::interruptedRecordingsAreCleanedUp()
{
    QTemporaryDir tmp;
    const auto makeWork = [&](const QString &name, qint64 pid) {
        QDir(tmp.path()).mkpath(name);
        QFile owner(tmp.filePath(name + QStringLiteral("/owner.pid")));
        QFile cache(tmp.filePath(name + QStringLiteral("/cache.sqlite")));
        return owner.open(QIODevice::WriteOnly) && owner.write(QByteArray::number(pid)) > 0 &&
               cache.open(QIODevice::WriteOnly) && cache.write(QByteArray(1 << 20, 'x')) > 0;
    };
    // A process that has ended: its pid is free (and not reused within this test).
    QProcess gone;
    gone.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(makeWork(QStringLiteral("cpn-snapshot-record-dead01"), deadPid));
    QVERIFY(makeWork(QStringLiteral("cpn-snapshot-record-live01"), QCoreApplication::applicationPid()));

    const QString out = m_dir.filePath(QStringLiteral("after-kill.cpnsnap"));
    const Run run = snapshot({QStringLiteral("record"), QStringLiteral("--connect"), m_simulator.baseUrl().toString(),
                              QStringLiteral("--seconds"), QStringLiteral("2"), QStringLiteral("--out"), out},
                             kToken, 30000, tmp.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(QStringLiteral("removed the working files of an interrupted recording")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("cpn-snapshot-record-dead01"))));
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("cpn-snapshot-record-live01/cache.sqlite"))));
    // Its own working files go with it.
    QCOMPARE(QDir(tmp.path()).entryList({QStringLiteral("cpn-snapshot-record-*")}, QDir::Dirs).size(), 1);
}

void TestCpnSnapshot::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("explode")};
    QTest::newRow("verify without a file") << QStringList{QStringLiteral("verify")};
    QTest::newRow("diff with one file") << QStringList{QStringLiteral("diff"), QStringLiteral("a")};
    QTest::newRow("record without --out")
        << QStringList{QStringLiteral("record"), QStringLiteral("--connect"), QStringLiteral("http://127.0.0.1:1"),
                       QStringLiteral("--seconds"), QStringLiteral("3")};
    QTest::newRow("record with zero seconds")
        << QStringList{QStringLiteral("record"), QStringLiteral("--connect"), QStringLiteral("http://127.0.0.1:1"),
                       QStringLiteral("--seconds"), QStringLiteral("0"), QStringLiteral("--out"), QStringLiteral("x")};
}

void TestCpnSnapshot::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = snapshot(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("Usage:")));
}

QTEST_GUILESS_MAIN(TestCpnSnapshot)
#include "tst_cpnsnapshot.moc"
