#include "domain/clock.h"
#include "ui/replay/replaycontroller.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;

// The transport on a ManualClock with a fetcher the test answers by hand.
class TestReplayController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void seekFetchesTheStateAtT();
    void coalescesSeeksWhileAFetchIsInFlight();
    void playbackFollowsClockAndSpeed_data();
    void playbackFollowsClockAndSpeed();
    void stepsByTheSpeed();
    void staysInsideTheRange();

private:
    void answer()
    {
        const auto pending = m_pending;
        m_pending = {};
        for (const auto &p : pending) {
            cache::ReplayState state;
            state.atMs = p.first;
            p.second(state);
        }
    }

    ManualClock m_clock{0};
    QList<qint64> m_asked;
    QList<std::pair<qint64, ReplayController::Done>> m_pending;
    std::unique_ptr<ReplayController> m_replay;
};

void TestReplayController::init()
{
    m_asked.clear();
    m_pending.clear();
    m_replay = std::make_unique<ReplayController>(
        m_clock, [this](qint64 atMs, QObject *, ReplayController::Done done) {
            m_asked.append(atMs);
            m_pending.append({atMs, std::move(done)});
        });
    m_replay->setRange(100'000, 200'000);
    answer();
    m_asked.clear();
}

void TestReplayController::seekFetchesTheStateAtT()
{
    QSignalSpy ready(m_replay.get(), &ReplayController::stateReady);
    m_replay->seek(150'000);
    QCOMPARE(m_asked, QList<qint64>{150'000});
    answer();
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.constFirst().at(0).value<cache::ReplayState>().atMs, 150'000);
}

void TestReplayController::coalescesSeeksWhileAFetchIsInFlight()
{
    // A slider drag: many seeks, one fetch in flight, then only the newest position.
    for (qint64 t = 110'000; t <= 190'000; t += 1000)
        m_replay->seek(t);
    QCOMPARE(m_asked, QList<qint64>{110'000});
    answer();
    QCOMPARE(m_asked, (QList<qint64>{110'000, 190'000}));
    answer();
    QCOMPARE(m_asked.size(), 2);
    QVERIFY(!m_replay->isFetching());
}

void TestReplayController::playbackFollowsClockAndSpeed_data()
{
    QTest::addColumn<int>("speed");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("1x") << 1 << qint64(100'000 + 500);
    QTest::newRow("10x") << 10 << qint64(100'000 + 5'000);
    QTest::newRow("60x") << 60 << qint64(100'000 + 30'000);
    QTest::newRow("600x: stops at the end") << 600 << qint64(200'000);
}

void TestReplayController::playbackFollowsClockAndSpeed()
{
    QFETCH(int, speed);
    QFETCH(qint64, expected);
    m_replay->setSpeed(speed);
    m_replay->setPlaying(true);
    for (int i = 0; i < 5; ++i) {
        m_clock.advance(100);
        m_replay->advance();
        answer();
    }
    QCOMPARE(m_replay->positionMs(), expected);
    QCOMPARE(m_replay->isPlaying(), expected < 200'000);
}

void TestReplayController::stepsByTheSpeed()
{
    m_replay->seek(180'000);
    m_replay->stepForward();
    QCOMPARE(m_replay->positionMs(), 181'000);
    m_replay->setSpeed(60);
    m_replay->stepBackward();
    QCOMPARE(m_replay->positionMs(), 121'000); // a minute back at 60x
}

void TestReplayController::staysInsideTheRange()
{
    m_replay->seek(0);
    QCOMPARE(m_replay->positionMs(), 100'000);
    m_replay->seek(1'000'000);
    QCOMPARE(m_replay->positionMs(), 200'000);
    // Play at the end starts over.
    m_replay->setPlaying(true);
    QCOMPARE(m_replay->positionMs(), 100'000);
}

QTEST_GUILESS_MAIN(TestReplayController)
#include "tst_replaycontroller.moc"
