// The alarms of a recording, replayed: a live console records a real cpn-nodesim in which a hub goes
// down and comes back, then reviews its own cache. The Alarms dock shows the recording's alarms as
// they stood at the replayed moment (none before the raise, active between, cleared after), read-only
// (no action reaches the live root, which has the same alarm under the same key), and the live alarms
// again once the review closes.
#include "alarms/alarmtablemodel.h"
#include "api/localsimulator.h"
#include "consoleapp.h"
#include "integration/api/simcontrol.h"
#include "offlinesession.h"
#include "snapshotcommands.h"
#include "state/federationstate.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/mainwindow.h"
#include "ui/replay/replaycontroller.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

namespace {
const QString kToken = QStringLiteral("dev-token-of-the-replay-alarms-test");
const QString kGansu = QStringLiteral("gansu-hub");

// The hub's node-down alarm in a store, or null.
const alarms::StoredAlarm *hubDown(const alarms::AlarmStore &store)
{
    for (const alarms::StoredAlarm &s : store.all()) {
        if (s.alarm.kind == Alarm::Kind::NodeDown && s.alarm.source.id == kGansu)
            return &s;
    }
    return nullptr;
}
} // namespace

class TestReplayAlarms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void anAlarmIsReplayedAsItStoodAndReadOnly();
    void cleanupTestCase();

private:
    bool waitForLiveData(ConsoleApp &console, int seconds);
    bool seek(OfflineSession *session, qint64 atMs);
    // The state column the dock's view shows for the hub's alarm; empty when it is not listed.
    QString shownState(AlarmsPanel *panel) const;

    QNetworkAccessManager m_nam;
    api::LocalSimulator m_simulator;
    std::unique_ptr<SimControl> m_control;
};

void TestReplayAlarms::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim not found (CPN_NODESIM)");
    api::LocalSimulator::Options options;
    options.devToken = kToken;
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_control = std::make_unique<SimControl>(&m_nam, m_simulator.baseUrl(), kToken);
}

void TestReplayAlarms::cleanupTestCase()
{
    if (m_control)
        m_control->clearFaults();
    m_simulator.stop();
}

bool TestReplayAlarms::waitForLiveData(ConsoleApp &console, int seconds)
{
    const FederationState *live = console.window()->shownState();
    if (!QTest::qWaitFor([live] { return live->newestSampleMs() > 0; }, 15000))
        return false;
    const qint64 until = live->newestSampleMs() + seconds * 1000;
    return QTest::qWaitFor([live, until] { return live->newestSampleMs() >= until; }, seconds * 1000 + 10000);
}

bool TestReplayAlarms::seek(OfflineSession *session, qint64 atMs)
{
    QSignalSpy shown(session, &OfflineSession::stateShown);
    session->controller()->seek(atMs);
    return QTest::qWaitFor([&] { return !shown.isEmpty() && shown.constLast().at(0).toLongLong() == atMs; },
                           5000);
}

QString TestReplayAlarms::shownState(AlarmsPanel *panel) const
{
    const QAbstractItemModel *view = panel->view()->model();
    for (int row = 0; row < view->rowCount(); ++row) {
        const QModelIndex index = view->index(row, alarms::AlarmTableModel::StateColumn);
        const auto *stored =
            panel->store()->find({index.data(alarms::AlarmTableModel::OriginRole).toString(),
                                  index.data(alarms::AlarmTableModel::AlarmIdRole).toString()});
        if (stored && stored->alarm.kind == Alarm::Kind::NodeDown && stored->alarm.source.id == kGansu)
            return index.data().toString();
    }
    return {};
}

void TestReplayAlarms::anAlarmIsReplayedAsItStoodAndReadOnly()
{
    QTemporaryDir cache;
    ConsoleOptions options;
    options.connectUrls = {m_simulator.baseUrl()};
    options.token = kToken;
    options.cacheDirectory = cache.path();
    ConsoleApp console(options, nullptr);
    console.start();
    MainWindow *window = console.window();
    AlarmsPanel *panel = window->alarmsPanel();
    QVERIFY(panel);
    alarms::AlarmStore *live = console.alarmStore();
    QCOMPARE(panel->store(), live);

    // Recorded: a few seconds before the hub goes down, the alarm while it is down, its clear, after.
    QVERIFY(waitForLiveData(console, 3));
    QVERIFY(!hubDown(*live));
    QVERIFY2(m_control->addFault(
                 {{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), kGansu}}),
             qPrintable(m_control->lastError()));
    QVERIFY(QTest::qWaitFor([&] { return hubDown(*live) && hubDown(*live)->isActive(); }, 15000));
    const qint64 raisedAt = hubDown(*live)->alarm.raisedAtMs;
    QVERIFY(waitForLiveData(console, 2));
    QVERIFY(m_control->clearFaults());
    QVERIFY(QTest::qWaitFor([&] { return !hubDown(*live)->isActive(); }, 15000));
    const qint64 clearedAt = hubDown(*live)->alarm.clearedAtMs;
    QVERIFY(clearedAt > raisedAt);
    // Recorded past the moment the console saw the clear (the alarm's revision is dated then).
    const qint64 seenCleared = QDateTime::currentMSecsSinceEpoch();
    const FederationState *liveState = window->shownState();
    QVERIFY(QTest::qWaitFor([&] { return liveState->newestSampleMs() >= seenCleared + 2000; }, 15000));

    OfflineSession *session = console.offlineSession();
    QSignalSpy opened(session, &OfflineSession::opened);
    console.snapshotCommands()->reviewAction()->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !opened.isEmpty(); }, 10000));
    QVERIFY2(opened.constFirst().at(0).toBool(), qPrintable(opened.constFirst().at(1).toString()));
    QVERIFY(session->controller()->fromMs() < raisedAt);
    QVERIFY(session->controller()->toMs() > clearedAt);

    // The dock shows the recording's store, read-only.
    QVERIFY(panel->store() == session->alarms());
    QVERIFY(panel->isReadOnly());

    // Before the raise: not listed.
    const qint64 before = std::max(session->controller()->fromMs(), raisedAt - 1000);
    QVERIFY(before < raisedAt);
    QVERIFY(seek(session, before));
    QVERIFY(!hubDown(*session->alarms()));
    QCOMPARE(shownState(panel), QString());

    // While the hub was down (before its clear, after the console had seen the raise): active.
    QVERIFY(seek(session, clearedAt - 1));
    QVERIFY(hubDown(*session->alarms()));
    QCOMPARE(shownState(panel), QStringLiteral("Active"));

    // Every action disabled, saying why, with the alarm selected; none reaches the live root.
    QVERIFY(panel->selectAlarm(hubDown(*session->alarms())->key()));
    for (QPushButton *button : {panel->acknowledgeButton(), panel->unacknowledgeButton(),
                                panel->commentButton(), panel->silenceButton(), panel->unsilenceButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
        QVERIFY2(button->toolTip().contains(QStringLiteral("recording")), qPrintable(button->toolTip()));
    }
    QSignalSpy reported(panel, &AlarmsPanel::actionReported);
    panel->acknowledgeSelected(QStringLiteral("from a replay"), 0);
    panel->commentSelected(QStringLiteral("from a replay"));
    panel->silenceSelected(QStringLiteral("from a replay"), 60000);
    QVERIFY(reported.isEmpty());
    QVERIFY(panel->messageLabel()->text().isEmpty());

    // After the clear: listed as cleared.
    QVERIFY(seek(session, session->controller()->toMs()));
    QVERIFY(hubDown(*session->alarms()));
    QCOMPARE(shownState(panel), QStringLiteral("Cleared"));

    // Back to live: the live store again, actions as the selection allows.
    Q_EMIT session->backToLiveRequested();
    QVERIFY(!session->isActive());
    QCOMPARE(panel->store(), live);
    QVERIFY(!panel->isReadOnly());
    QVERIFY(panel->selectAlarm(hubDown(*live)->key()));
    QVERIFY(panel->commentButton()->isEnabled());
    QVERIFY(!hubDown(*live)->alarm.ack);
    QVERIFY(hubDown(*live)->alarm.comments.isEmpty());
}

QTEST_MAIN(TestReplayAlarms)
#include "tst_replayalarms.moc"
