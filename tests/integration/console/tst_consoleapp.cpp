#include "alarms/alarmtablemodel.h"
#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"
#include "charts/historysource.h"
#include "consoleapp.h"
#include "snapshotcommands.h"
#include "state/federationstate.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/mainwindow.h"
#include "ui/nodespanel.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSet>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QLabel>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

// The console as `cpn-console --demo` runs it: the real simulator as a child process, the real
// protocol client, the real window (offscreen).
class TestConsoleApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoListsTheLiveFederation();
    void demoRunsASyntheticScenario();
    void chartsReachBeforeTheCache();
    void unreachableRootIsShownOffline();
    void eventsAreRecordedInTheCache();
    void liveTotalsAreRecordedAsRegionSeries();
    void aFullCacheIsShownAndTheConsoleGoesOn();
};

void TestConsoleApp::demoListsTheLiveFederation()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions options;
    options.demo = true;
    options.cacheDirectory = dir.path(); // never the user's cache
    ConsoleApp console(options, &settings);
    console.start();
    QVERIFY(console.window()->isVisible());
    // The File menu the parts built: connections, the recording's entries, Quit.
    QStringList file;
    for (const QAction *action : console.window()->fileMenu()->actions()) {
        if (!action->isSeparator())
            file.append(action->objectName().isEmpty()
                            ? action->menu() ? action->menu()->objectName() : action->text()
                            : action->objectName());
    }
    QCOMPARE(file,
             (QStringList{QStringLiteral("connectFederationAction"), QStringLiteral("disconnectMenu"),
                          QStringLiteral("openSnapshotAction"), QStringLiteral("saveSnapshotAction"),
                          QStringLiteral("importSnapshotAction"), QStringLiteral("compareSnapshotsAction"),
                          QStringLiteral("clearCacheAction"), QStringLiteral("handoverReportAction"),
                          QStringLiteral("&Quit")}));

    const NodeTableModel &nodes = console.nodeModel();
    QTRY_VERIFY_WITH_TIMEOUT(nodes.rowCount() >= 30, 15000);
    QSet<int> tiers;
    for (int row = 0; row < nodes.rowCount(); ++row)
        tiers.insert(nodes.index(row, 0).data(NodeTableModel::TierRole).toInt());
    QCOMPARE(tiers.size(), 3);

    // Live: every node reports, and values move from one second to the next.
    auto cpuOf = [&](int row) { return nodes.index(row, NodeTableModel::CpuColumn).data(NodeTableModel::SortRole); };
    QTRY_VERIFY_WITH_TIMEOUT(nodes.index(0, 0).data(NodeTableModel::HasSampleRole).toBool(), 10000);
    QList<QVariant> before;
    for (int row = 0; row < nodes.rowCount(); ++row)
        before << cpuOf(row);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int changed = 0;
            for (int row = 0; row < nodes.rowCount(); ++row)
                changed += cpuOf(row) != before.at(row);
            return changed > nodes.rowCount() / 2;
        }(),
        5000);

    QVERIFY(!console.window()->findChildren<ConnectionIndicator *>().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(console.window()->findChildren<ConnectionIndicator *>().constFirst()->state(),
                              ConnectionIndicator::State::Online, 5000);
    // What the console showed was recorded in the cache it was given.
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("cache.sqlite"))));
    // The demo starts with a link down: its alarm is in the Alarms dock, by name.
    QVERIFY(console.window()->alarmsDock());
    QTRY_VERIFY_WITH_TIMEOUT(
        console.alarmStore()->worstUnacknowledgedForLink(QStringLiteral("l-guizhou-hub-gy-gov")), 10000);
    const QAbstractItemModel *alarms = console.window()->alarmsPanel()->view()->model();
    QVERIFY(alarms->rowCount() >= 1);
    QVERIFY(!alarms
                 ->match(alarms->index(0, alarms::AlarmTableModel::KindColumn), Qt::DisplayRole,
                         QStringLiteral("Link down"))
                 .isEmpty());
    // A double click on it centres the map on the link's first end and selects that node.
    AlarmsPanel *panel = console.window()->alarmsPanel();
    const auto linkDown = [&] {
        for (const alarms::StoredAlarm &s : console.alarmStore()->all()) {
            if (s.isActive() && s.alarm.source.id == QStringLiteral("l-guizhou-hub-gy-gov"))
                return s.key();
        }
        return alarms::AlarmKey();
    };
    QVERIFY(panel->selectAlarm(linkDown()));
    Q_EMIT panel->view()->doubleClicked(panel->view()->selectionModel()->selectedRows().constFirst());
    const QModelIndexList selected = console.window()->nodesPanel()->view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(NodeTableModel::NodeIdRole).toString(),
             QStringLiteral("guizhou-hub"));
}

// `cpn-console --demo --scenario synthetic:N` starts its simulator too: the default federation's
// opening fault names a link the synthetic ones lack, and the simulator refuses such a fault.
void TestConsoleApp::demoRunsASyntheticScenario()
{
    QTemporaryDir dir;
    ConsoleOptions options;
    options.demo = true;
    options.demoScenario = QStringLiteral("synthetic:60");
    options.cacheDirectory = dir.path();
    ConsoleApp console(options, nullptr);
    console.start();
    const auto indicators = [&] { return console.window()->findChildren<ConnectionIndicator *>(); };
    QTRY_VERIFY_WITH_TIMEOUT(!indicators().isEmpty() &&
                                 indicators().constFirst()->state() == ConnectionIndicator::State::Online,
                             20000);
    QTRY_COMPARE_WITH_TIMEOUT(console.nodeModel().rowCount(), 60, 10000);

    // Its secret went by environment: every user of the machine reads every command line (ps).
    int children = 0;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = stat.readAll().split(')').value(1).trimmed().split(' ');
        if (fields.value(1).toLongLong() != QCoreApplication::applicationPid())
            continue;
        ++children;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        QVERIFY(cmdline.open(QIODevice::ReadOnly) && environ.open(QIODevice::ReadOnly));
        const QByteArray arguments = cmdline.readAll();
        QByteArray token;
        for (const QByteArray &variable : environ.readAll().split('\0')) {
            if (variable.startsWith("CPN_DEV_TOKEN="))
                token = variable.mid(int(qstrlen("CPN_DEV_TOKEN=")));
        }
        QVERIFY2(token.size() >= 32, "the simulator got no token of its own by environment");
        QVERIFY2(!arguments.contains(token), arguments.constData());
        QVERIFY2(!arguments.contains("token"), arguments.constData());
    }
    QCOMPARE(children, 1);
}

// A console started now, its cache empty, charts the hour before it from the root (GET /history),
// then its own cache's samples.
void TestConsoleApp::chartsReachBeforeTheCache()
{
    QTemporaryDir dir;
    ConsoleOptions options;
    options.demo = true;
    options.cacheDirectory = dir.path();
    ConsoleApp console(options, nullptr);
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    console.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.nodeModel().rowCount() >= 30, 20000);
    QTest::qWait(3000); // a few ticks in the cache

    QVERIFY(console.history());
    std::optional<charts::HistorySeries> read;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    console.history()->readSeries({charts::SeriesKey::Kind::Node, QStringLiteral("guizhou-hub"), QStringLiteral("cpu")},
                                  now - 3'600'000, now, &console,
                                  [&read](const charts::HistorySeries &series) { read = series; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY(!read->points.isEmpty());
    QVERIFY2(read->points.constFirst().tsMs < startedMs - 50 * 60'000,
             qPrintable(QString::number(startedMs - read->points.constFirst().tsMs)));
    QVERIFY(read->points.constLast().tsMs >= startedMs); // and the console's own samples after them
    for (qsizetype i = 1; i < read->points.size(); ++i)
        QVERIFY(read->points.at(i).tsMs > read->points.at(i - 1).tsMs);
    for (const charts::HistoryPoint &p : std::as_const(read->points))
        QVERIFY(p.mean >= 0 && p.mean <= 1);
}

void TestConsoleApp::eventsAreRecordedInTheCache()
{
    QTemporaryDir dir;
    {
        ConsoleOptions options;
        options.demo = true;
        options.cacheDirectory = dir.path();
        ConsoleApp console(options, nullptr);
        console.start();
        const auto indicators = [&] { return console.window()->findChildren<ConnectionIndicator *>(); };
        QTRY_VERIFY_WITH_TIMEOUT(!indicators().isEmpty() &&
                                     indicators().constFirst()->state() == ConnectionIndicator::State::Online,
                                 15000);
    } // the writer thread drains its queue as the console closes

    const QString connection = QStringLiteral("tst_consoleapp_events");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dir.filePath(QStringLiteral("cache.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT source, message FROM events")));
        QStringList messages;
        while (query.next())
            messages << query.value(1).toString();
        // The demo logs its start and the endpoint going online.
        QVERIFY2(messages.size() >= 2, qPrintable(messages.join(u'|')));
        QVERIFY2(messages.filter(QStringLiteral("Simulator listening on")).size() == 1,
                 qPrintable(messages.join(u'|')));
    }
    QSqlDatabase::removeDatabase(connection);
}

// The cache capped just above its empty size fills as a full disk would: an error event says recording
// stopped and why, the status bar says "not recording", and the console keeps showing the federation.
void TestConsoleApp::aFullCacheIsShownAndTheConsoleGoesOn()
{
    QTemporaryDir dir;
    ConsoleOptions options;
    options.demo = true;
    options.cacheDirectory = dir.path();
    options.cacheMaxBytes = 160 * 1024;
    ConsoleApp console(options, nullptr);
    console.start();
    const auto stoppedEvent = [&] {
        const EventLogModel &events = console.eventModel();
        for (int row = 0; row < events.rowCount(); ++row) {
            const EventLogModel::Event &e = events.eventAt(row);
            if (e.severity == EventLogModel::Severity::Error && e.message.startsWith(QStringLiteral("Recording stopped")))
                return e.message;
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!stoppedEvent().isEmpty(), 60000);
    QVERIFY2(stoppedEvent().contains(QStringLiteral("full")), qPrintable(stoppedEvent()));
    QLabel *label = console.snapshotCommands()->cacheSizeLabel();
    QTRY_VERIFY2(label->text().endsWith(QStringLiteral("not recording")), qPrintable(label->text()));
    QVERIFY(label->toolTip().contains(QStringLiteral("full")));
    // The live view goes on.
    const int before = console.nodeModel().rowCount();
    QVERIFY(before > 0);
    FederationState *live = console.window()->shownState();
    QSignalSpy ticks(live, &FederationState::tickComputed);
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 2, 10000);
}

void TestConsoleApp::unreachableRootIsShownOffline()
{
    // Port 9 on loopback (discard) is closed here: connections are refused at once.
    QTemporaryDir dir;
    ConsoleOptions options;
    options.connectUrls = {QUrl(QStringLiteral("http://127.0.0.1:9"))};
    options.cacheDirectory = dir.path();
    ConsoleApp console(options, nullptr);
    console.start();
    auto indicators = console.window()->findChildren<ConnectionIndicator *>();
    QCOMPARE(indicators.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(indicators.constFirst()->state(), ConnectionIndicator::State::Offline, 20000);
    QCOMPARE(console.nodeModel().rowCount(), 0);
}

// The totals the live state computes each tick reach the cache as region series, value for value.
void TestConsoleApp::liveTotalsAreRecordedAsRegionSeries()
{
    QTemporaryDir dir;
    QList<FederationTotals> computed;
    {
        ConsoleOptions options;
        options.demo = true;
        options.cacheDirectory = dir.path();
        ConsoleApp console(options, nullptr);
        console.start();
        FederationState *live = console.window()->shownState();
        connect(live, &FederationState::tickComputed, live,
                [&computed](const FederationTotals &totals) { computed.append(totals); });
        QTRY_VERIFY_WITH_TIMEOUT(computed.size() >= 3 && computed.constLast().national.reporting > 0, 20000);
    } // the writer thread drains its queue as the console closes

    cache::CacheDatabase db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("tst_consoleapp_totals"),
                    cache::CacheDatabase::Role::Reader));
    const cache::SeriesReader reader(db.handle());
    const QString province = computed.constLast().byProvince.keys().constFirst();
    auto stored = [&](const QString &region) {
        QHash<qint64, double> values;
        const cache::Series series =
            reader.readSeries(cache::schema::SeriesKind::Region, region, QStringLiteral("cpu"),
                              computed.constFirst().tsMs, computed.constLast().tsMs, cache::Resolution::Raw);
        for (const cache::SeriesPoint &p : series.points)
            values.insert(p.tsMs, p.mean);
        return values;
    };
    const QHash<qint64, double> national = stored(QString());
    const QHash<qint64, double> inProvince = stored(province);
    int compared = 0;
    for (const FederationTotals &totals : std::as_const(computed)) {
        if (totals.national.reporting > 0) {
            QVERIFY2(national.contains(totals.tsMs), qPrintable(QString::number(totals.tsMs)));
            QCOMPARE(national.value(totals.tsMs), totals.national.cpuUtil);
            ++compared;
        }
        if (totals.byProvince.value(province).reporting > 0) {
            QVERIFY2(inProvince.contains(totals.tsMs), qPrintable(province));
            QCOMPARE(inProvince.value(totals.tsMs), totals.byProvince.value(province).cpuUtil);
        }
    }
    QVERIFY(compared >= 1);
}

QTEST_MAIN(TestConsoleApp)
#include "tst_consoleapp.moc"
