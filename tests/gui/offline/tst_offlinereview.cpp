#include "consoleapp.h"
#include "offlinesession.h"
#include "recordedfederation.h"
#include "snapshotcommands.h"
#include "support/spoiledfiles.h"
#include "ui/eventspanel.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/replay/changetablemodel.h"
#include "ui/replay/replaybar.h"
#include "ui/replay/replaycontroller.h"
#include "ui/report/handoverreportcommand.h"
#include "widgets/map/mapscene.h"

#include <sqlite3.h>

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace cpn;
using namespace cpn::console;
using namespace cpn::testing;

namespace {

using Spoil = std::function<bool(const QString &file)>;

} // namespace

Q_DECLARE_METATYPE(Spoil)

// The console's offline path end to end: a recording made through CacheWriter, opened with
// --offline, replayed to a moment, compared, and bad files refused through the same path.
class TestOfflineReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replayShowsTheStateRecordedAtT_data();
    void replayShowsTheStateRecordedAtT();
    void bannerAndTitleSayRecording();
    void compareShowsTheChanges();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void rewindsTheLiveCacheAndComesBack();
    void handoverReportFromTheFileMenu();
    void comparesTwoSnapshotFiles();
    void savesAndImportsSnapshots();

private:
    std::unique_ptr<ConsoleApp> openOffline(const QString &file, QSignalSpy **spy = nullptr);
    double cpuOfNode0(const ConsoleApp &console) const;

    QTemporaryDir m_dir;
    QString m_snapshot;
    std::unique_ptr<QSettings> m_settings;
};

void TestOfflineReview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_snapshot = recordSnapshot(m_dir.path());
    QVERIFY(!m_snapshot.isEmpty());
    m_settings =
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
}

std::unique_ptr<ConsoleApp> TestOfflineReview::openOffline(const QString &file, QSignalSpy **spy)
{
    ConsoleOptions options;
    options.offlineFile = file;
    options.cacheDirectory = m_dir.filePath(QStringLiteral("unused-cache")); // never written offline
    auto console = std::make_unique<ConsoleApp>(options, m_settings.get());
    if (spy)
        *spy = new QSignalSpy(console->offlineSession(), &OfflineSession::opened);
    console->start();
    return console;
}

double TestOfflineReview::cpuOfNode0(const ConsoleApp &console) const
{
    const NodeTableModel &nodes = console.nodeModel();
    const QModelIndex index = nodes.nodeIndex(recordedNodes().constFirst().id, NodeTableModel::CpuColumn);
    return index.isValid() ? index.data(NodeTableModel::SortRole).toDouble() : -1;
}

void TestOfflineReview::replayShowsTheStateRecordedAtT_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("snapshot") << QStringLiteral("recording.cpnsnap");
    QTest::newRow("cache file") << QStringLiteral("cache.sqlite");
}

void TestOfflineReview::replayShowsTheStateRecordedAtT()
{
    QFETCH(QString, file);
    QSignalSpy *opened = nullptr;
    auto console = openOffline(m_dir.filePath(file), &opened);
    std::unique_ptr<QSignalSpy> ownedSpy(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 1, 10000);
    QVERIFY2(opened->constFirst().at(0).toBool(), qPrintable(opened->constFirst().at(1).toString()));
    OfflineSession *session = console->offlineSession();
    ReplayController *replay = session->controller();
    QCOMPARE(replay->fromMs(), kT0);
    QCOMPARE(replay->toMs(), kT0 + (kTicks - 1) * 1000);
    // No network: no endpoints in the status bar.
    QVERIFY(console->window()->findChildren<ConnectionIndicator *>().isEmpty());

    QSignalSpy shown(session, &OfflineSession::stateShown);
    // Forward, then back in time: each shows exactly what was recorded at that second.
    for (int tick : {7, 15, 3}) {
        replay->seek(kT0 + tick * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !shown.isEmpty() && shown.constLast().at(0).toLongLong() == kT0 + tick * 1000, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(cpuOfNode0(*console), recordedCpu(tick), 2000);
        const NodeTableModel &nodes = console->nodeModel();
        QCOMPARE(nodes.rowCount(), recordedNodes().size());
        const int row1 = nodes.nodeIndex(recordedNodes().at(1).id).row();
        QCOMPARE(nodes.statusAt(row1), tick >= 10 ? DisplayStatus::Offline : DisplayStatus::Online);
        // The window's clock follows the replay: the data is current for the moment shown.
        QCOMPARE(nodes.dataAgeMsAt(0), 0);
    }
    // Nothing was written: no cache was created for an offline review.
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("unused-cache/cache.sqlite"))));
}

void TestOfflineReview::bannerAndTitleSayRecording()
{
    QSignalSpy *opened = nullptr;
    auto console = openOffline(m_snapshot, &opened);
    std::unique_ptr<QSignalSpy> ownedSpy(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 1, 10000);
    ReplayBar *bar = console->offlineSession()->bar();
    QVERIFY(bar->isVisibleTo(console->window()));
    QVERIFY2(bar->bannerText().startsWith(QStringLiteral("RECORDING")), qPrintable(bar->bannerText()));
    QVERIFY(bar->bannerText().contains(QStringLiteral("drill")));
    QVERIFY(bar->bannerText().contains(QStringLiteral("not live")));
    QVERIFY(console->window()->windowTitle().contains(QStringLiteral("RECORDING")));

    // Playback at 10x moves through the recording on its own.
    ReplayController *replay = console->offlineSession()->controller();
    replay->seek(kT0);
    replay->setSpeed(10);
    replay->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(replay->positionMs() >= kT0 + 5000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(cpuOfNode0(*console) > recordedCpu(3), 5000);
    replay->setPlaying(false);
}

void TestOfflineReview::compareShowsTheChanges()
{
    QSignalSpy *opened = nullptr;
    auto console = openOffline(m_snapshot, &opened);
    std::unique_ptr<QSignalSpy> ownedSpy(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 1, 10000);
    OfflineSession *session = console->offlineSession();
    QSignalSpy compared(session, &OfflineSession::compared);
    session->compareMoments(kT0 + 2000, kT0 + 12000);
    QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 5000);
    QVERIFY(session->compareDock()->isVisibleTo(console->window()));

    const ChangeTableModel *changes = session->changes();
    const QString node1 = recordedNodes().at(1).id;
    int statusRows = 0;
    int linkRows = 0;
    for (int row = 0; row < changes->rowCount(); ++row) {
        const auto kind =
            ChangeTableModel::Kind(changes->index(row, 0).data(ChangeTableModel::KindRole).toInt());
        if (kind == ChangeTableModel::Kind::NodeStatus) {
            ++statusRows;
            QCOMPARE(changes->index(row, 0).data(ChangeTableModel::EntityIdRole).toString(), node1);
            QCOMPARE(changes->index(row, ChangeTableModel::BeforeColumn).data().toString(),
                     QStringLiteral("online"));
            QCOMPARE(changes->index(row, ChangeTableModel::AfterColumn).data().toString(),
                     QStringLiteral("offline"));
        }
        linkRows += kind == ChangeTableModel::Kind::Link;
    }
    QCOMPARE(statusRows, 1);
    QVERIFY(linkRows > 0); // every link's a->b flow rose by 100 Gbps
    QCOMPARE(changes->changedNodeIds(), QStringList{node1});
    // The map rings the same node and emphasises the moved links.
    const map::MapScene *scene = console->window()->mapPanel()->scene();
    QCOMPARE(scene->highlightedNodeIds(), QSet<QString>{node1});
    QCOMPARE(scene->highlightedLinkIds().size(), linkRows);
}

void TestOfflineReview::refusesBadFiles_data()
{
    QTest::addColumn<Spoil>("spoil");
    QTest::addColumn<QString>("reason");
    QTest::newRow("truncated") << Spoil([](const QString &f) {
        return rewriteFile(f, [](QByteArray b) { return b.left(b.size() / 2); });
    }) << QStringLiteral("damaged");
    QTest::newRow("random bytes") << Spoil([](const QString &f) {
        return rewriteFile(f, [](QByteArray b) { return randomBytes(b.size()); });
    }) << QStringLiteral("not an SQLite database");
    QTest::newRow("newer format") << Spoil([](const QString &f) {
        return execOnFile(f, "UPDATE manifest SET value = '4' WHERE key = 'format_version'");
    }) << QStringLiteral("snapshot format 4 is newer");
    QTest::newRow("a trigger") << Spoil([](const QString &f) {
        return execOnFile(f, "CREATE TRIGGER t AFTER INSERT ON events BEGIN DELETE FROM samples; END");
    }) << QStringLiteral("contains a trigger (t)");
}

void TestOfflineReview::refusesBadFiles()
{
    QFETCH(Spoil, spoil);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bad.cpnsnap"));
    QVERIFY(QFile::copy(m_snapshot, file));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(spoil(file));
    const FileState before = fileState(file);

    QSignalSpy *opened = nullptr;
    auto console = openOffline(file, &opened);
    std::unique_ptr<QSignalSpy> ownedSpy(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 1, 10000);
    QCOMPARE(opened->constFirst().at(0).toBool(), false);
    const QString error = opened->constFirst().at(1).toString();
    QVERIFY2(error.contains(reason), qPrintable(error));

    // The message is shown in a dialog and in the Events log; the window stays empty.
    auto *box = console->window()->findChild<QMessageBox *>(QStringLiteral("offlineError"));
    QVERIFY(box);
    QVERIFY(box->informativeText().contains(reason));
    bool logged = false;
    const QAbstractItemModel *log = console->window()->eventsPanel()->view()->model();
    for (int row = 0; row < log->rowCount() && !logged; ++row) {
        for (int column = 0; column < log->columnCount(); ++column)
            logged = logged || log->index(row, column).data().toString().contains(reason);
    }
    QVERIFY(logged);
    QCOMPARE(console->nodeModel().rowCount(), 0);
    QVERIFY(!console->offlineSession()->isActive());
    QVERIFY(!console->offlineSession()->bar()->isVisibleTo(console->window()));
    box->close();

    console.reset();
    QVERIFY(fileState(file) == before);
}

// A live console (its one root unreachable) rewinds its own cache, then goes back to live.
void TestOfflineReview::rewindsTheLiveCacheAndComesBack()
{
    QTemporaryDir dir;
    QVERIFY(recordFederation(dir.path()));
    ConsoleOptions options;
    options.connectUrls = {QUrl(QStringLiteral("http://127.0.0.1:9"))};
    options.cacheDirectory = dir.path();
    ConsoleApp console(options, nullptr);
    console.start();
    const QString liveTitle = console.window()->windowTitle();
    QCOMPARE(console.cachePath(), dir.filePath(QStringLiteral("cache.sqlite")));
    auto *commands = console.snapshotCommands();
    QVERIFY(commands->reviewAction()->isEnabled());
    QVERIFY(!commands->backToLiveAction()->isEnabled());

    OfflineSession *session = console.offlineSession();
    QSignalSpy opened(session, &OfflineSession::opened);
    QSignalSpy shown(session, &OfflineSession::stateShown);
    session->reviewCache(console.cachePath(), kT0 + 5000);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    QVERIFY2(opened.constFirst().at(0).toBool(), qPrintable(opened.constFirst().at(1).toString()));
    QCOMPARE(session->controller()->fromMs(), kT0 + 5000);
    QVERIFY(session->bar()->bannerText().contains(QStringLiteral("live cache")));
    QVERIFY(commands->backToLiveAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cpuOfNode0(console), recordedCpu(5), 2000);

    commands->backToLiveAction()->trigger();
    QVERIFY(!session->isActive());
    QVERIFY(!session->bar()->isVisibleTo(console.window()));
    QCOMPARE(console.window()->windowTitle(), liveTitle);
    QCOMPARE(console.nodeModel().rowCount(), 0); // the live root never answered
}

// File > Handover Report… in the live console, over its own cache: without an alarm history wired
// the report is still written (and says so).
void TestOfflineReview::handoverReportFromTheFileMenu()
{
    QTemporaryDir dir;
    QVERIFY(recordFederation(dir.path()));
    ConsoleOptions options;
    options.connectUrls = {QUrl(QStringLiteral("http://127.0.0.1:9"))};
    options.cacheDirectory = dir.path();
    ConsoleApp console(options, nullptr);
    console.start();
    HandoverReportCommand *report = console.handoverReport();
    QVERIFY(report);
    QVERIFY(console.window()->fileMenu()->actions().contains(report->action()));
    QVERIFY(report->action()->isEnabled());
    QSignalSpy finished(report, &HandoverReportCommand::finished);
    const QString file = dir.filePath(QStringLiteral("handover.pdf"));
    QVERIFY(report->createReport(kT0, kT0 + 10'000, file));
    QVERIFY(!report->action()->isEnabled()); // one report at a time
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(finished.constFirst().at(1).toString()));
    QFile pdf(file);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
    QVERIFY(report->action()->isEnabled());
}

// File > Compare Snapshots: the first half of the drill against all of it.
void TestOfflineReview::comparesTwoSnapshotFiles()
{
    cache::SnapshotRequest request;
    request.name = QStringLiteral("first half");
    request.fromMs = kT0;
    request.toMs = kT0 + 5000;
    const QString half = m_dir.filePath(QStringLiteral("half.cpnsnap"));
    QString error;
    QVERIFY2(cache::SnapshotExporter::exportRange(m_dir.filePath(QStringLiteral("cache.sqlite")), half,
                                                  request, &error),
             qPrintable(error));
    QSignalSpy *opened = nullptr;
    auto console = openOffline(m_snapshot, &opened);
    std::unique_ptr<QSignalSpy> ownedSpy(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 1, 10000);
    QSignalSpy compared(console->offlineSession(), &OfflineSession::compared);
    console->snapshotCommands()->compareFiles(half, m_snapshot);
    QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
    const QStringList node1{recordedNodes().at(1).id};
    QCOMPARE(console->offlineSession()->changes()->changedNodeIds(), node1);

    // A comparison that arrives while another recording is still opening is newer than it: the
    // opening keeps the comparison and its highlights.
    OfflineSession *session = console->offlineSession();
    const cache::DiffResult diff = session->changes()->diff();
    session->openFile(half);
    session->showComparison(diff, {}, {});
    QCOMPARE(opened->size(), 1); // the file is verified off the UI thread: not opened yet
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 2, 10000);
    QVERIFY(opened->constLast().at(0).toBool());
    QCOMPARE(session->changes()->changedNodeIds(), node1);
    QCOMPARE(console->window()->mapPanel()->scene()->highlightedNodeIds(), QSet<QString>{node1.constFirst()});

    // A bad file on either side is refused with its reason.
    const QString bad = m_dir.filePath(QStringLiteral("bad-compare.cpnsnap"));
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray(4096, 'x')) == 4096);
    }
    const qsizetype comparisons = compared.size();
    console->snapshotCommands()->compareFiles(half, bad);
    QTRY_VERIFY_WITH_TIMEOUT(console->window()->findChild<QMessageBox *>(QStringLiteral("compareError")),
                             10000);
    QCOMPARE(compared.size(), comparisons);
}

// File > Save Snapshot's export from a live console's cache, opened offline afterwards; File >
// Import of a bad file refused with its reason, the cache untouched.
void TestOfflineReview::savesAndImportsSnapshots()
{
    QTemporaryDir dir;
    QVERIFY(recordFederation(dir.path()));
    ConsoleOptions options;
    options.connectUrls = {QUrl(QStringLiteral("http://127.0.0.1:9"))};
    options.cacheDirectory = dir.path();
    {
        ConsoleApp console(options, nullptr);
        console.start();
        SnapshotCommands *commands = console.snapshotCommands();
        QSignalSpy saved(commands, &SnapshotCommands::snapshotSaved);
        cache::SnapshotRequest request;
        request.name = QStringLiteral("saved from the console");
        request.fromMs = kT0;
        request.toMs = kT0 + 9000;
        const QString file = dir.filePath(QStringLiteral("saved.cpnsnap"));
        commands->exportSnapshot(file, request);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        QVERIFY2(saved.constFirst().at(0).toBool(), qPrintable(saved.constFirst().at(1).toString()));

        QSignalSpy imported(commands, &SnapshotCommands::snapshotImported);
        const QString bad = dir.filePath(QStringLiteral("newer.cpnsnap"));
        QVERIFY(QFile::copy(m_snapshot, bad));
        QVERIFY(QFile::setPermissions(bad, QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(execOnFile(bad, "UPDATE manifest SET value = '4' WHERE key = 'format_version'"));
        const FileState before = fileState(bad);
        commands->importFile(bad);
        QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 10000);
        QCOMPARE(imported.constFirst().at(0).toBool(), false);
        QVERIFY2(imported.constFirst().at(1).toString().contains(QStringLiteral("newer")),
                 qPrintable(imported.constFirst().at(1).toString()));
        QVERIFY(console.window()->findChild<QMessageBox *>(QStringLiteral("importError")));
        QVERIFY(fileState(bad) == before);
    }

    QSignalSpy *opened = nullptr;
    auto console = openOffline(dir.filePath(QStringLiteral("saved.cpnsnap")), &opened);
    std::unique_ptr<QSignalSpy> ownedSpy(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->size(), 1, 10000);
    QVERIFY2(opened->constFirst().at(0).toBool(), qPrintable(opened->constFirst().at(1).toString()));
    QVERIFY(
        console->offlineSession()->bar()->bannerText().contains(QStringLiteral("saved from the console")));
    console->offlineSession()->controller()->seek(kT0 + 4000);
    QTRY_COMPARE_WITH_TIMEOUT(cpuOfNode0(*console), recordedCpu(4), 5000);
}

QTEST_MAIN(TestOfflineReview)
#include "tst_offlinereview.moc"
