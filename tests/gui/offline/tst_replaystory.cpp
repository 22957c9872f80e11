// Replay tells the recorded story: a live console records a real cpn-nodesim with a node down, then
// reviews its own cache. The review starts on the recorded federation (never an empty frame), a node
// without data at the moment shown is never online, the figures' time reads as recorded, and no
// event is told of what only the replay did.
#include "api/localsimulator.h"
#include "consoleapp.h"
#include "integration/api/simcontrol.h"
#include "offlinesession.h"
#include "snapshotcommands.h"
#include "state/federationstate.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/overviewpanel.h"
#include "ui/replay/replaycontroller.h"
#include "widgets/keyfiguretile.h"
#include "widgets/map/nodemapwidget.h"

#include <QDockWidget>
#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

namespace {
const QString kToken = QStringLiteral("dev-token-of-the-replay-story-test");
const QString kGansu = QStringLiteral("gansu-hub");
} // namespace

class TestReplayStory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void reviewStartsOnTheRecordedFederation();
    void aNodeWithoutDataIsNeverShownOnline();
    void cleanupTestCase();

private:
    std::unique_ptr<ConsoleApp> startLive(const QString &cacheDirectory);
    // Waits until the live state holds `seconds` more of samples.
    bool waitForLiveData(ConsoleApp &console, int seconds);
    // Review the Last Hour, and the first moment it shows.
    bool reviewLastHour(ConsoleApp &console);
    DisplayStatus shownStatus(const ConsoleApp &console, const QString &nodeId) const;
    bool loggedRecovery(const ConsoleApp &console, const QString &nodeName) const;

    QNetworkAccessManager m_nam;
    api::LocalSimulator m_simulator;
    std::unique_ptr<SimControl> m_control;
};

void TestReplayStory::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim not found (CPN_NODESIM)");
    api::LocalSimulator::Options options;
    options.devToken = kToken;
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_control = std::make_unique<SimControl>(&m_nam, m_simulator.baseUrl(), kToken);
}

void TestReplayStory::cleanup()
{
    if (m_control)
        QVERIFY(m_control->clearFaults());
}

void TestReplayStory::cleanupTestCase()
{
    m_simulator.stop();
}

std::unique_ptr<ConsoleApp> TestReplayStory::startLive(const QString &cacheDirectory)
{
    ConsoleOptions options;
    options.connectUrls = {m_simulator.baseUrl()};
    options.token = kToken;
    options.cacheDirectory = cacheDirectory;
    auto console = std::make_unique<ConsoleApp>(options, nullptr);
    console->start();
    return console;
}

bool TestReplayStory::waitForLiveData(ConsoleApp &console, int seconds)
{
    const FederationState *live = console.window()->shownState();
    if (!QTest::qWaitFor([live] { return live->newestSampleMs() > 0; }, 15000))
        return false;
    const qint64 until = live->newestSampleMs() + seconds * 1000;
    return QTest::qWaitFor([live, until] { return live->newestSampleMs() >= until; }, seconds * 1000 + 10000);
}

bool TestReplayStory::reviewLastHour(ConsoleApp &console)
{
    OfflineSession *session = console.offlineSession();
    QSignalSpy opened(session, &OfflineSession::opened);
    QSignalSpy shown(session, &OfflineSession::stateShown);
    console.snapshotCommands()->reviewAction()->trigger();
    if (!QTest::qWaitFor([&] { return !opened.isEmpty(); }, 10000))
        return false;
    if (!opened.constFirst().at(0).toBool()) {
        qWarning("not opened: %s", qPrintable(opened.constFirst().at(1).toString()));
        return false;
    }
    return QTest::qWaitFor([&] { return !shown.isEmpty(); }, 10000);
}

DisplayStatus TestReplayStory::shownStatus(const ConsoleApp &console, const QString &nodeId) const
{
    const FederationState *shown = console.window()->shownState();
    const int row = shown->rowOf(nodeId);
    return row < 0 ? DisplayStatus::Online : shown->entryAt(row).status;
}

bool TestReplayStory::loggedRecovery(const ConsoleApp &console, const QString &nodeName) const
{
    const EventLogModel &events = console.eventModel();
    for (int row = 0; row < events.rowCount(); ++row) {
        const QString message = events.eventAt(row).message;
        if (message.startsWith(nodeName) && message.contains(QStringLiteral("recovered")))
            return true;
    }
    return false;
}

// Gansu hub is down before the console connects; the review of the last hour starts on the
// recorded federation, with the hub offline, and its figures dated as recorded.
void TestReplayStory::reviewStartsOnTheRecordedFederation()
{
    QVERIFY2(m_control->addFault(
                 {{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), kGansu}}),
             qPrintable(m_control->lastError()));
    QTemporaryDir cache;
    auto console = startLive(cache.path());
    QVERIFY(waitForLiveData(*console, 3));
    const int liveNodes = console->nodeModel().rowCount();

    QVERIFY(liveNodes > 0);

    QVERIFY(reviewLastHour(*console));
    OfflineSession *session = console->offlineSession();
    // The first moment shown is the recorded federation, not an empty frame.
    QCOMPARE(console->nodeModel().rowCount(), liveNodes);
    QCOMPARE(shownStatus(*console, kGansu), DisplayStatus::Offline);

    // The figures' time is the recorded one, not an age against the replay's own clock.
    console->window()->overviewDock()->raise();
    const QString detail = console->window()->overviewPanel()->tile(OverviewPanel::NewestDataTile)->detail();
    QVERIFY2(detail.startsWith(QStringLiteral("recorded")) && !detail.contains(QStringLiteral("ago")),
             qPrintable(detail));
    // The map shows the totals with the nodes they go with, once its feeder hands them over.
    const auto overlay = [&] { return console->window()->mapPanel()->mapWidget()->renderer().overlay().dataTimeText(); };
    QTRY_VERIFY2(overlay().startsWith(QStringLiteral("Recorded")) && !overlay().contains(QStringLiteral("ago")),
                 qPrintable(overlay()));

    // To the end and back to the start: still offline, and nothing recovered.
    QSignalSpy shown(session, &OfflineSession::stateShown);
    for (qint64 at : {session->controller()->toMs(), session->controller()->fromMs()}) {
        session->controller()->seek(at);
        QVERIFY(QTest::qWaitFor(
            [&] { return !shown.isEmpty() && shown.constLast().at(0).toLongLong() == at; }, 5000));
        QCOMPARE(shownStatus(*console, kGansu), DisplayStatus::Offline);
    }
    QVERIFY(!loggedRecovery(*console, QStringLiteral("Gansu hub")));
}

// Gansu hub goes down while the console records: its directory still says online. Replayed at a
// moment after it went down, with no sample of it there, it has no data; it is never online.
void TestReplayStory::aNodeWithoutDataIsNeverShownOnline()
{
    QTemporaryDir cache;
    auto console = startLive(cache.path());
    QVERIFY(waitForLiveData(*console, 2));
    const FederationState *live = console->window()->shownState();
    QCOMPARE(shownStatus(*console, kGansu), DisplayStatus::Online);
    QVERIFY2(m_control->addFault(
                 {{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), kGansu}}),
             qPrintable(m_control->lastError()));
    QVERIFY(waitForLiveData(*console, 7));
    const NodeEntry &hub = live->entryAt(live->rowOf(kGansu));
    QVERIFY(hub.sample && hub.sample->tsMs < live->newestSampleMs());
    const qint64 lastSample = hub.sample->tsMs;

    QVERIFY(reviewLastHour(*console));
    OfflineSession *session = console->offlineSession();
    QSignalSpy shown(session, &OfflineSession::stateShown);
    // To the end, then back to a moment after the hub's last sample: the replay starts afresh there,
    // and the moment's look-back (3 s) holds no sample of the hub.
    const qint64 moment = lastSample + 4000;
    QVERIFY(moment < session->controller()->toMs());
    for (qint64 at : {session->controller()->toMs(), moment}) {
        session->controller()->seek(at);
        QVERIFY(QTest::qWaitFor(
            [&] { return !shown.isEmpty() && shown.constLast().at(0).toLongLong() == at; }, 5000));
        QVERIFY(console->window()->shownState()->rowOf(kGansu) >= 0);
        QVERIFY2(shownStatus(*console, kGansu) != DisplayStatus::Online,
                 qPrintable(displayStatusName(shownStatus(*console, kGansu))));
    }
    QCOMPARE(shownStatus(*console, kGansu), DisplayStatus::Stale);
    QVERIFY(!loggedRecovery(*console, QStringLiteral("Gansu hub")));
}

QTEST_MAIN(TestReplayStory)
#include "tst_replaystory.moc"
