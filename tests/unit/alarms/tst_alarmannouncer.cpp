#include "alarmfixtures.h"
#include "alarms/alarmannouncer.h"
#include "alarms/alarmstore.h"
#include "domain/clock.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::alarms;
using namespace Qt::StringLiterals;

namespace {

const QString kOrigin = u"http://127.0.0.1:1"_s;

// Counts what would be played: there is no audio device where the tests run.
class CountingPlayer : public AlarmSoundPlayer
{
public:
    void play(Alarm::Severity severity) override { played.append(severity); }
    QList<Alarm::Severity> played;
};

Alarm alarm(const QString &id, Alarm::Severity severity, qint64 revision = 1)
{
    return makeAlarm(id, Alarm::Kind::LinkDown, severity, AlarmSource::Kind::Link,
                     u"l-national-guizhou-hub"_s, {u"guizhou-hub"_s}, revision);
}

} // namespace

// When alarms are announced (sound and notification): only alarms that need attention, never a
// silenced one; per severity; not while muted (sound) or snoozed (both).
class tst_AlarmAnnouncer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newCriticalSoundsOnceWithTheWorstOfTheAnswer();
    void silencedAlarmsNeverSound();
    void acknowledgedAndQuietSeveritiesDoNotSound();
    void muteHoldsTheSoundButNotTheNotification();
    void snoozeHoldsBothUntilItEnds();
    void anEndedSilenceSoundsAgain();

private:
    ManualClock m_clock{10'000'000};
    std::unique_ptr<AlarmStore> m_store;
    std::unique_ptr<CountingPlayer> m_player;
    std::unique_ptr<AlarmAnnouncer> m_announcer;
};

void tst_AlarmAnnouncer::init()
{
    m_announcer.reset();
    m_store = std::make_unique<AlarmStore>();
    m_player = std::make_unique<CountingPlayer>();
    m_announcer = std::make_unique<AlarmAnnouncer>(m_store.get(), m_player.get(), m_clock);
}

void tst_AlarmAnnouncer::newCriticalSoundsOnceWithTheWorstOfTheAnswer()
{
    QSignalSpy announced(m_announcer.get(), &AlarmAnnouncer::announced);
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-1"_s, Alarm::Severity::Major),
                                            alarm(u"a-2"_s, Alarm::Severity::Critical)},
                                           true));
    QVERIFY(m_player->played == QList<Alarm::Severity>{Alarm::Severity::Critical});
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.at(0).at(0).value<QList<AlarmKey>>().size(), 2);
    // The same alarms again (a later poll): nothing new needs attention.
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-2"_s, Alarm::Severity::Critical, 2)}));
    QCOMPARE(m_player->played.size(), 1);
}

void tst_AlarmAnnouncer::silencedAlarmsNeverSound()
{
    Alarm silenced = alarm(u"a-1"_s, Alarm::Severity::Critical);
    silenced.silenced = true;
    QSignalSpy announced(m_announcer.get(), &AlarmAnnouncer::announced);
    m_store->applyBatch(kOrigin, makeBatch({silenced}, true));
    QVERIFY(m_player->played.isEmpty());
    QCOMPARE(announced.size(), 0);
    // Even when the store is asked about it directly (an answer that brought it with another one).
    m_announcer->announce({{kOrigin, u"a-1"_s}});
    QVERIFY(m_player->played.isEmpty());
    QVERIFY(m_store->unacknowledgedCriticals().isEmpty()); // and so it does not blink either
}

void tst_AlarmAnnouncer::acknowledgedAndQuietSeveritiesDoNotSound()
{
    Alarm acknowledged = alarm(u"a-1"_s, Alarm::Severity::Critical);
    acknowledged.ack = AlarmAck{u"operator"_s, 9'000'000, u"on it"_s, 0};
    m_store->applyBatch(kOrigin, makeBatch({acknowledged, alarm(u"a-2"_s, Alarm::Severity::Minor)}, true));
    QVERIFY(m_player->played.isEmpty()); // minor is off by default
    m_announcer->setAnnounced(Alarm::Severity::Minor, true);
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-3"_s, Alarm::Severity::Minor)}));
    QVERIFY(m_player->played == QList<Alarm::Severity>{Alarm::Severity::Minor});
    m_announcer->setAnnounced(Alarm::Severity::Critical, false);
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-4"_s, Alarm::Severity::Critical)}));
    QCOMPARE(m_player->played.size(), 1);
}

void tst_AlarmAnnouncer::muteHoldsTheSoundButNotTheNotification()
{
    QSignalSpy announced(m_announcer.get(), &AlarmAnnouncer::announced);
    m_announcer->setMuted(true);
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-1"_s, Alarm::Severity::Critical)}, true));
    QVERIFY(m_player->played.isEmpty());
    QCOMPARE(announced.size(), 1);
    m_announcer->setMuted(false);
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-2"_s, Alarm::Severity::Major)}));
    QVERIFY(m_player->played == QList<Alarm::Severity>{Alarm::Severity::Major});
}

void tst_AlarmAnnouncer::snoozeHoldsBothUntilItEnds()
{
    QSignalSpy announced(m_announcer.get(), &AlarmAnnouncer::announced);
    m_announcer->snooze(15 * 60 * 1000);
    QVERIFY(m_announcer->isSnoozed());
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-1"_s, Alarm::Severity::Critical)}, true));
    QVERIFY(m_player->played.isEmpty());
    QCOMPARE(announced.size(), 0);
    m_clock.advance(15 * 60 * 1000);
    QVERIFY(!m_announcer->isSnoozed());
    m_store->applyBatch(kOrigin, makeBatch({alarm(u"a-2"_s, Alarm::Severity::Critical)}));
    QCOMPARE(m_player->played.size(), 1);
    QCOMPARE(announced.size(), 1);
}

void tst_AlarmAnnouncer::anEndedSilenceSoundsAgain()
{
    Alarm silenced = alarm(u"a-1"_s, Alarm::Severity::Critical);
    silenced.silenced = true;
    m_store->applyBatch(kOrigin, makeBatch({silenced}, true));
    QVERIFY(m_player->played.isEmpty());
    Alarm unsilenced = alarm(u"a-1"_s, Alarm::Severity::Critical, 2);
    m_store->applyBatch(kOrigin, makeBatch({unsilenced}));
    QVERIFY(m_player->played == QList<Alarm::Severity>{Alarm::Severity::Critical});
}

QTEST_MAIN(tst_AlarmAnnouncer)
#include "tst_alarmannouncer.moc"
