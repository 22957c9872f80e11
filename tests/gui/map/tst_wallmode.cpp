#include "alarms/alarmannouncer.h"
#include "alarms/alarmstore.h"
#include "alarms/alarmtablemodel.h"
#include "alarms/alarmtext.h"
#include "domain/clock.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/alarms/problemsband.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapscenefeeder.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

using namespace cpn;
using namespace Qt::StringLiterals;

namespace {

const QString kOrigin = u"http://127.0.0.1:1"_s;

class CountingPlayer : public alarms::AlarmSoundPlayer
{
public:
    void play(Alarm::Severity severity) override { played.append(severity); }
    QList<Alarm::Severity> played;
};

Alarm makeAlarm(const QString &id, Alarm::Severity severity, AlarmSource source, qint64 raisedAtMs,
                qint64 revision = 1)
{
    Alarm a;
    a.id = id;
    a.source = source;
    a.kind = source.kind == AlarmSource::Kind::Link ? Alarm::Kind::LinkDown : Alarm::Kind::NodeDown;
    a.severity = severity;
    a.affected = {source.kind == AlarmSource::Kind::Link ? u"guizhou-hub"_s : source.id};
    a.raisedAtMs = raisedAtMs;
    a.revision = revision;
    return a;
}

AlarmBatch batchOf(const QList<Alarm> &alarms, bool reset = false)
{
    AlarmBatch b;
    b.cursor = u"c"_s;
    b.reset = reset;
    b.clearedWindowMs = 3'600'000;
    b.alarms = alarms;
    return b;
}

} // namespace

class tst_WallMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mapIsCentral();
    void wallModeHidesChrome();
    void shortcutsToggle();
    void problemsBandShowsOpenProblemsBiggestFirst();
    void alarmsReachTheMapAndSilencedOnesNeitherBlinkNorSound();

private:
    void openWithAlarms();
    std::unique_ptr<alarms::AlarmStore> m_alarms;
    CountingPlayer m_player;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FederationState> m_state;
    std::unique_ptr<NodeTableModel> m_nodes;
    std::unique_ptr<EventLogModel> m_events;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<MainWindow> m_window;
};

void tst_WallMode::init()
{
    m_clock = std::make_unique<ManualClock>(1764064800000);
    m_state = std::make_unique<FederationState>(*m_clock);
    m_nodes = std::make_unique<NodeTableModel>(m_state.get());
    m_events = std::make_unique<EventLogModel>();
    m_eventLog = std::make_unique<EventLog>(m_events.get(), *m_clock);
    MainWindow::Dependencies deps;
    deps.state = m_state.get();
    deps.nodes = m_nodes.get();
    deps.events = m_eventLog.get();
    deps.clock = m_clock.get();
    m_window = std::make_unique<MainWindow>(deps);
    const QList<Node> nodes = testing::sampleNodes();
    m_state->setDirectory(nodes, testing::sampleLinks(nodes));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_WallMode::cleanup()
{
    m_window.reset();
    m_alarms.reset();
    m_eventLog.reset();
    m_events.reset();
    m_nodes.reset();
    m_state.reset();
    m_clock.reset();
}

void tst_WallMode::mapIsCentral()
{
    QCOMPARE(m_window->centralWidget(), m_window->mapPanel());
    QVERIFY(m_window->overviewDock()->isVisible() || m_window->eventsDock()->isVisible());
    QVERIFY(m_window->detailsDock());
}

void tst_WallMode::wallModeHidesChrome()
{
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(m_window->nodesDock()->isVisible());
    m_window->setWallMode(true);
    QVERIFY(m_window->isWallMode());
    QVERIFY(m_window->isFullScreen());
    QVERIFY(!m_window->menuBar()->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(!m_window->mapPanel()->toolBar()->isVisible());
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
    QVERIFY(m_window->mapPanel()->mapWidget()->isVisible());
    QVERIFY(m_window->mapPanel()->mapWidget()->wallMode());
    QVERIFY(m_window->mapPanel()->mapWidget()->renderer().overlay().textScale() > 1.2);

    m_window->setWallMode(false);
    QVERIFY(!m_window->isFullScreen());
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    QVERIFY(m_window->nodesDock()->isVisible());
    QVERIFY(m_window->mapPanel()->toolBar()->isVisible());
    QVERIFY(!m_window->mapPanel()->mapWidget()->wallMode());
}

void tst_WallMode::shortcutsToggle()
{
    QVERIFY(m_window->wallModeAction());
    QCOMPARE(m_window->wallModeAction()->shortcut(), QKeySequence(Qt::Key_F11));
    m_window->wallModeAction()->trigger();
    QVERIFY(m_window->isWallMode());
    QVERIFY(m_window->wallModeAction()->isChecked());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window->mapPanel()->mapWidget(), Qt::Key_Escape);
    QVERIFY(!m_window->isWallMode());
    QTest::keyClick(m_window->mapPanel()->mapWidget(), Qt::Key_F11);
    QVERIFY(m_window->isWallMode());
}

// The window again, with an alarm store (the Alarms dock, the band, the map's alarms and the sounds).
void tst_WallMode::openWithAlarms()
{
    m_window.reset();
    m_player.played.clear();
    m_alarms = std::make_unique<alarms::AlarmStore>();
    MainWindow::Dependencies deps;
    deps.state = m_state.get();
    deps.nodes = m_nodes.get();
    deps.events = m_eventLog.get();
    deps.clock = m_clock.get();
    deps.alarms = m_alarms.get();
    deps.alarmFeeds = [](const QString &) { return nullptr; };
    deps.alarmSounds = &m_player;
    m_window = std::make_unique<MainWindow>(deps);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->mapPanel()->feeder()->flush(); // the directory on the map now, not after the coalescing timer
}

// Wall mode's band: open problems biggest first, with severity, source name, what and age, in big
// type; nothing when all is well, and nothing outside wall mode.
void tst_WallMode::problemsBandShowsOpenProblemsBiggestFirst()
{
    openWithAlarms();
    ProblemsBand *band = m_window->problemsBand();
    QVERIFY(band);
    const qint64 now = m_clock->nowMs();
    Alarm acknowledged = makeAlarm(u"a-ack"_s, Alarm::Severity::Critical,
                                   {AlarmSource::Kind::Node, u"guian"_s}, now - 600'000);
    acknowledged.ack = AlarmAck{u"operator"_s, now, u"crew on site"_s, 0};
    Alarm silenced = makeAlarm(u"a-silenced"_s, Alarm::Severity::Critical,
                               {AlarmSource::Kind::Node, u"national"_s}, now - 60'000);
    silenced.silenced = true;
    m_alarms->applyBatch(kOrigin,
                         batchOf({makeAlarm(u"a-major"_s, Alarm::Severity::Major,
                                            {AlarmSource::Kind::Node, u"guian"_s}, now - 120'000),
                                  acknowledged, silenced,
                                  makeAlarm(u"a-critical"_s, Alarm::Severity::Critical,
                                            {AlarmSource::Kind::Subtree, u"guizhou-hub"_s}, now - 5'000)},
                                 true));
    QVERIFY(!band->isVisible()); // not in wall mode

    m_window->setWallMode(true);
    QVERIFY(band->isVisible());
    QCOMPARE(band->rows().size(), 3); // the silenced one is maintenance, not a problem
    QCOMPARE(band->rows().at(0).severity, Alarm::Severity::Critical);
    QVERIFY(band->rows().at(0).source.startsWith(u"Guizhou hub"_s)); // by name, never the id
    QCOMPARE(band->rows().at(0).what, alarms::kindName(Alarm::Kind::NodeDown));
    QCOMPARE(band->rows().at(0).age, alarms::durationText(5'000));
    QVERIFY(band->rows().at(1).source.startsWith(u"Gui'an cluster"_s));
    QCOMPARE(band->rows().at(1).severity, Alarm::Severity::Major);
    QVERIFY(band->rows().at(2).acknowledged);
    QVERIFY(band->height() >= 3 * 30); // big type: a row is taller than 30 px
    QVERIFY(band->geometry().bottom() < m_window->mapPanel()->mapWidget()->geometry().top());

    // All is well: no band.
    m_alarms->applyBatch(kOrigin, batchOf({}, true));
    QVERIFY(!band->isVisible());
    m_alarms->applyBatch(kOrigin, batchOf({makeAlarm(u"a-new"_s, Alarm::Severity::Minor,
                                                     {AlarmSource::Kind::Node, u"guian"_s}, now)},
                                          true));
    QVERIFY(band->isVisible());
    m_window->setWallMode(false);
    QVERIFY(!band->isVisible());
}

// The store's worst severities reach the map's scene, its unacknowledged criticals blink, and a
// silenced alarm neither shows, blinks nor sounds, while it stays listed in the dock.
void tst_WallMode::alarmsReachTheMapAndSilencedOnesNeitherBlinkNorSound()
{
    openWithAlarms();
    map::MapScene *scene = m_window->mapPanel()->scene();
    map::NodeMapWidget *map = m_window->mapPanel()->mapWidget();
    QVERIFY(!scene->links().isEmpty());
    const QString linkId = scene->links().constFirst().id;
    const qint64 now = m_clock->nowMs();
    Alarm critical =
        makeAlarm(u"a-1"_s, Alarm::Severity::Critical, {AlarmSource::Kind::Node, u"guian"_s}, now);
    Alarm link = makeAlarm(u"a-2"_s, Alarm::Severity::Major, {AlarmSource::Kind::Link, linkId}, now);
    Alarm silenced =
        makeAlarm(u"a-3"_s, Alarm::Severity::Critical, {AlarmSource::Kind::Node, u"national"_s}, now);
    silenced.silenced = true;
    m_alarms->applyBatch(kOrigin, batchOf({critical, link, silenced}, true));

    QVERIFY(scene->nodes().at(scene->nodeIndex(u"guian"_s)).alarm == Alarm::Severity::Critical);
    QVERIFY(scene->links().at(scene->linkIndex(linkId)).alarm == Alarm::Severity::Major);
    QVERIFY(!scene->nodes().at(scene->nodeIndex(u"national"_s)).alarm);
    QVERIFY(scene->blinkingNodeIds() == QSet<QString>{u"guian"_s});
    QVERIFY(map->isBlinking());
    QVERIFY(m_player.played == QList<Alarm::Severity>{Alarm::Severity::Critical}); // once, the worst
    QCOMPARE(m_window->alarmsPanel()->model()->rowCount(), 3); // the silenced one stays listed

    // Acknowledged: no ring, no blink.
    critical.revision = 2;
    critical.ack = AlarmAck{u"operator"_s, now, u"on it"_s, 0};
    m_alarms->applyBatch(kOrigin, batchOf({critical}));
    QVERIFY(!scene->nodes().at(scene->nodeIndex(u"guian"_s)).alarm);
    QVERIFY(!map->isBlinking());
    QCOMPARE(m_player.played.size(), 1);

    // Mute from the status bar: a new critical alarm blinks, silently.
    m_window->muteButton()->click();
    QVERIFY(m_window->alarmAnnouncer()->isMuted());
    m_alarms->applyBatch(kOrigin, batchOf({makeAlarm(u"a-4"_s, Alarm::Severity::Critical,
                                                     {AlarmSource::Kind::Node, u"guizhou-hub"_s}, now)}));
    QVERIFY(map->isBlinking());
    QCOMPARE(m_player.played.size(), 1);
    // Snooze: the button says until when.
    m_window->snoozeButton()->click();
    QVERIFY(m_window->alarmAnnouncer()->isSnoozed());
    QVERIFY(m_window->snoozeButton()->text() != MainWindow::tr("Snooze 15 min"));
}

QTEST_MAIN(tst_WallMode)
#include "tst_wallmode.moc"
