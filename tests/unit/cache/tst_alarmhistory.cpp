#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/cachereader.h"
#include "cache/cachestore.h"
#include "cache/cachewriter.h"
#include "cache/recordingsource.h"
#include "cache/retention.h"
#include "cache/seriesreader.h"
#include "cache/sqlite.h"
#include "snapshottestdata.h"

#include <QSignalSpy>

#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::cache;
using namespace cpn::cache::testing;
using Entry = AlarmHistoryEntry::Kind;

namespace {

const QString kOtherOrigin = QStringLiteral("http://127.0.0.1:9090");

// One alarm's life on kAlarmOrigin: raised at kRaised (observed a second later), acknowledged at
// kAcked, commented at kCommented, cleared at kCleared (observed 800 ms later). The other root
// has an alarm of the same id, raised at the same time and never cleared; "brief" is acknowledged
// until kBriefUntil.
constexpr qint64 kRaised = kT0 + 10'000;
constexpr qint64 kAcked = kRaised + 60'000;
constexpr qint64 kCommented = kRaised + 120'000;
constexpr qint64 kCleared = kRaised + 600'000;
constexpr qint64 kBriefUntil = kRaised + 30'000;
constexpr qint64 kHour = 3'600'000;

QList<std::pair<qint64, Alarm>> lifeOfA1()
{
    Alarm raised = makeAlarm(QStringLiteral("a1"), Alarm::Kind::NodeDown, QStringLiteral("guian"), kRaised);
    Alarm acked = raised;
    acked.revision = 2;
    acked.ack = AlarmAck{QStringLiteral("ops"), kAcked, QStringLiteral("looking"), 0};
    Alarm commented = acked;
    commented.revision = 3;
    commented.comments = {{QStringLiteral("ops"), kCommented, QStringLiteral("power feed B")}};
    Alarm cleared = commented;
    cleared.revision = 4;
    cleared.state = Alarm::State::Cleared;
    cleared.clearedAtMs = kCleared;
    return {{kRaised + 1000, raised},
            {kAcked + 500, acked},
            {kCommented + 500, commented},
            {kCleared + 800, cleared}};
}

bool record(const QString &path)
{
    CacheDatabase db;
    if (!db.open(path, CacheDatabase::uniqueConnectionName(QStringLiteral("t.alarms")),
                 CacheDatabase::Role::Writer))
        return false;
    CacheStore store(db.handle());
    if (!store.load())
        return false;
    for (const auto &[observed, alarm] : lifeOfA1()) {
        if (!store.addAlarms(kAlarmOrigin, {alarm}, observed))
            return false;
    }
    Alarm other = makeAlarm(QStringLiteral("a1"), Alarm::Kind::LinkDown, QStringLiteral("wuhu"), kRaised);
    Alarm brief =
        makeAlarm(QStringLiteral("brief"), Alarm::Kind::UtilizationHigh, QStringLiteral("wuhu"), kRaised);
    Alarm briefAcked = brief;
    briefAcked.revision = 2;
    briefAcked.ack = AlarmAck{QStringLiteral("night"), kRaised + 10'000, {}, kBriefUntil};
    return store.addAlarms(kOtherOrigin, {other}, kRaised + 1000) &&
           store.addAlarms(kOtherOrigin, {brief}, kRaised + 1000) &&
           store.addAlarms(kOtherOrigin, {briefAcked}, kRaised + 10'000) && store.commit();
}

const RecordedAlarm *find(const QList<RecordedAlarm> &alarms, const QString &origin, const QString &id)
{
    for (const RecordedAlarm &a : alarms) {
        if (a.origin == origin && a.alarm.id == id)
            return &a;
    }
    return nullptr;
}

QList<Entry> kinds(const AlarmPeriod &period)
{
    QList<Entry> k;
    for (const AlarmHistoryEntry &e : period.history)
        k.append(e.kind);
    return k;
}

} // namespace

// Alarm revisions in a real cache file: each recorded once, read back as they stood at a moment and
// over a range, and purged with the data of their age.
class TestAlarmHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsEachRevisionOnce();
    void alarmsAtAMoment();
    void replayStateCarriesTheAlarms();
    void alarmsBetweenTwoMoments();
    void retentionPurgesAlarmsWithTheirAge();
    void readersDeliverAlarmsOffTheirThread_data();
    void readersDeliverAlarmsOffTheirThread();
};

void TestAlarmHistory::recordsEachRevisionOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const auto life = lifeOfA1();
    {
        CacheWriter::Options options;
        options.path = path;
        options.retentionIntervalMs = 0;
        CacheWriter writer(options);
        QVERIFY(writer.waitUntilOpen());
        // A feed that starts over sends what it sent before: the same revision three times.
        QVERIFY(writer.ingestAlarms(kAlarmOrigin, {life.at(0).second}, life.at(0).first) > 0);
        QVERIFY(writer.ingestAlarms(kAlarmOrigin, {life.at(0).second}, life.at(0).first + 1000) > 0);
        QVERIFY(writer.ingestAlarms(kAlarmOrigin, {life.at(0).second, life.at(1).second}, life.at(1).first) >
                0);
        // The same id from another root is another alarm.
        QVERIFY(writer.ingestAlarms(kOtherOrigin, {life.at(0).second}, life.at(0).first) > 0);
        QVERIFY(writer.flushAndWait());
    }
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.once"), CacheDatabase::Role::Reader));
    sql::Statement rows(
        db.handle(), "SELECT origin, revision, observed_at FROM alarm_revisions ORDER BY origin, revision");
    QList<std::tuple<QString, qint64, qint64>> stored;
    while (rows.step())
        stored.append({rows.text(0), rows.int64(1), rows.int64(2)});
    const QList<std::tuple<QString, qint64, qint64>> expected = {{kAlarmOrigin, 1, life.at(0).first},
                                                                 {kAlarmOrigin, 2, life.at(1).first},
                                                                 {kOtherOrigin, 1, life.at(0).first}};
    QCOMPARE(stored, expected);
    const ContentSummary summary = SeriesReader(db.handle()).summary();
    QCOMPARE(summary.alarms, 2);
    QCOMPARE(summary.alarmRevisions, 3);
}

void TestAlarmHistory::alarmsAtAMoment()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(record(path));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.at"), CacheDatabase::Role::Reader));
    const AlarmHistory history(db.handle());

    QVERIFY(history.alarmsAt(kRaised - 1).isEmpty());   // before it was raised
    QVERIFY(history.alarmsAt(kRaised + 500).isEmpty()); // raised, but the console had not seen it yet

    // Active and unacknowledged; the same id on the other root is listed beside it.
    QList<RecordedAlarm> at = history.alarmsAt(kRaised + 5000);
    QCOMPARE(at.size(), 3);
    const RecordedAlarm *a1 = find(at, kAlarmOrigin, QStringLiteral("a1"));
    QVERIFY(a1);
    QCOMPARE(a1->alarm.state, Alarm::State::Active);
    QVERIFY(!a1->alarm.ack);
    QCOMPARE(a1->observedAtMs, kRaised + 1000);
    QCOMPARE(a1->alarm, lifeOfA1().at(0).second);
    QCOMPARE(find(at, kOtherOrigin, QStringLiteral("a1"))->alarm.kind, Alarm::Kind::LinkDown);
    // "brief" is acknowledged until kBriefUntil, and no longer after it.
    QVERIFY(find(history.alarmsAt(kBriefUntil - 1), kOtherOrigin, QStringLiteral("brief"))->alarm.ack);
    QVERIFY(!find(history.alarmsAt(kBriefUntil), kOtherOrigin, QStringLiteral("brief"))->alarm.ack);

    // After the acknowledgement.
    at = history.alarmsAt(kAcked + 1000);
    a1 = find(at, kAlarmOrigin, QStringLiteral("a1"));
    QVERIFY(a1 && a1->alarm.ack);
    QCOMPARE(a1->alarm.ack->by, QStringLiteral("ops"));
    QCOMPARE(a1->alarm.ack->comment, QStringLiteral("looking"));
    QCOMPARE(a1->alarm.revision, 2);

    // Cleared at kCleared, seen 800 ms later: in between the console still showed it active.
    const auto beforeSeen = history.alarmsAt(kCleared + 500); // a1 points into it
    a1 = find(beforeSeen, kAlarmOrigin, QStringLiteral("a1"));
    QVERIFY(a1);
    QCOMPARE(a1->alarm.state, Alarm::State::Active);
    QCOMPARE(a1->alarm.comments.size(), 1);

    // After the clearance: listed as cleared for an hour.
    for (const qint64 t : {kCleared + 1000, kCleared + kHour - 1}) {
        const auto listed = history.alarmsAt(t); // a1 points into it
        a1 = find(listed, kAlarmOrigin, QStringLiteral("a1"));
        QVERIFY2(a1, qPrintable(QString::number(t - kCleared)));
        QCOMPARE(a1->alarm.state, Alarm::State::Cleared);
        QCOMPARE(a1->alarm.clearedAtMs, kCleared);
    }
    // An hour after: gone; the other root's alarm is still active.
    at = history.alarmsAt(kCleared + kHour + 1);
    QVERIFY(!find(at, kAlarmOrigin, QStringLiteral("a1")));
    QVERIFY(find(at, kOtherOrigin, QStringLiteral("a1")));
    QCOMPARE(at.size(), 2);
}

void TestAlarmHistory::replayStateCarriesTheAlarms()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(record(path));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.state"), CacheDatabase::Role::Reader));
    const ReplayState state = SeriesReader(db.handle()).stateAt(kAcked + 1000);
    QCOMPARE(state.alarms, AlarmHistory(db.handle()).alarmsAt(kAcked + 1000));
    QCOMPARE(state.alarms.size(), 3);
}

void TestAlarmHistory::alarmsBetweenTwoMoments()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(record(path));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.between"), CacheDatabase::Role::Reader));
    const AlarmHistory history(db.handle());

    // A shift that saw a1 acknowledged, commented on and cleared, but not raised.
    QList<AlarmPeriod> periods = history.alarmsBetween(kRaised + 30'000, kCleared + 30'000);
    QCOMPARE(periods.size(), 3);
    const auto a1 = std::find_if(periods.cbegin(), periods.cend(), [](const AlarmPeriod &p) {
        return p.last.origin == kAlarmOrigin && p.last.alarm.id == QLatin1String("a1");
    });
    QVERIFY(a1 != periods.cend());
    QCOMPARE(a1->last.alarm.state, Alarm::State::Cleared);
    QCOMPARE(a1->last.alarm.revision, 4);
    QCOMPARE(kinds(*a1), (QList<Entry>{Entry::Acknowledged, Entry::Commented, Entry::Cleared}));
    QCOMPARE(a1->history.at(0), (AlarmHistoryEntry{Entry::Acknowledged, kAcked, QStringLiteral("ops"),
                                                   QStringLiteral("looking"), 0}));
    QCOMPARE(a1->history.at(1).text, QStringLiteral("power feed B"));
    QCOMPARE(a1->history.at(2).atMs, kCleared);

    // From before the raise: raised, acknowledged, and the acknowledgement of "brief" expiring.
    periods = history.alarmsBetween(kRaised - 1000, kRaised + 40'000);
    QCOMPARE(periods.size(), 3);
    for (const AlarmPeriod &p : periods) {
        if (p.last.alarm.id == QLatin1String("brief"))
            QCOMPARE(kinds(p),
                     (QList<Entry>{Entry::Raised, Entry::Acknowledged, Entry::AcknowledgementExpired}));
        else
            QCOMPARE(kinds(p), QList<Entry>{Entry::Raised});
        QCOMPARE(p.last.alarm.state, Alarm::State::Active);
    }

    // Long after a1 cleared: only the other root's open alarms, with nothing new in the range.
    periods = history.alarmsBetween(kCleared + 2 * kHour, kCleared + 3 * kHour);
    QCOMPARE(periods.size(), 2);
    for (const AlarmPeriod &p : periods) {
        QCOMPARE(p.last.origin, kOtherOrigin);
        QVERIFY(p.history.isEmpty());
    }
    QVERIFY(history.alarmsBetween(kT0 - 2 * kHour, kRaised - 1).isEmpty());
}

void TestAlarmHistory::retentionPurgesAlarmsWithTheirAge()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(record(path));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.retention"), CacheDatabase::Role::Writer));
    RetentionPolicy policy;
    policy.hourWindowMs = 2 * kHour;
    policy.minuteWindowMs = kHour;
    policy.rawWindowMs = kHour;
    // Three hours after a1 cleared the oldest data kept is an hour after it: no moment lists it.
    QVERIFY(Retention(policy).run(db.handle(), kCleared + kHour + policy.hourWindowMs - 1).ok);
    QCOMPARE(SeriesReader(db.handle()).summary().alarmRevisions, 4 + 3);
    QVERIFY(Retention(policy).run(db.handle(), kCleared + kHour + policy.hourWindowMs + 1).ok);
    const ContentSummary summary = SeriesReader(db.handle()).summary();
    QCOMPARE(summary.alarms, 2); // the other root's, still open
    QCOMPARE(summary.alarmRevisions, 3);
}

void TestAlarmHistory::readersDeliverAlarmsOffTheirThread_data()
{
    QTest::addColumn<bool>("snapshot");
    QTest::newRow("cache") << false;
    QTest::newRow("snapshot") << true;
}

// What a review (RecordingSource, on a cache or a snapshot) and the live console's reads
// (CacheReader) hand over: the alarms of a moment with its state, and the alarms of a range.
void TestAlarmHistory::readersDeliverAlarmsOffTheirThread()
{
    QFETCH(bool, snapshot);
    QTemporaryDir dir;
    const QString file = makeSnapshot(dir.path());
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    RecordingSource source;
    QSignalSpy opened(&source, &RecordingSource::opened);
    source.open(snapshot ? file : cache,
                snapshot ? RecordingSource::Kind::Detect : RecordingSource::Kind::Cache);
    QVERIFY(opened.wait());
    QVERIFY2(opened.constFirst().at(0).toBool(), qPrintable(opened.constFirst().at(1).toString()));
    QCOMPARE(source.info().summary.alarms, snapshot ? 2 : 3); // "old" ended hours before the snapshot

    std::optional<ReplayState> state;
    source.readStateAt(kT0 + 9000, this, [&state](const ReplayState &s) { state = s; });
    QTRY_VERIFY(state.has_value());
    QCOMPARE(state->alarms.size(), 2);
    QCOMPARE(state->alarms.at(0).alarm.id, QStringLiteral("down"));
    QCOMPARE(state->alarms.at(0).alarm.ack->by, QStringLiteral("operator"));
    std::optional<QList<AlarmPeriod>> periods;
    source.readAlarmsBetween(kT0, kT0 + 9000, this, [&periods](const QList<AlarmPeriod> &p) { periods = p; });
    QTRY_VERIFY(periods.has_value());
    QCOMPARE(periods->size(), 2);
    QCOMPARE(kinds(periods->at(1)), (QList<Entry>{Entry::Raised, Entry::Acknowledged}));

    if (snapshot)
        return;
    CacheReader reader(cache);
    std::optional<QList<RecordedAlarm>> at;
    reader.readAlarmsAt(kT0 + 9000, this, [&at](const QList<RecordedAlarm> &a) { at = a; });
    QTRY_VERIFY(at.has_value());
    QCOMPARE(*at, state->alarms);
    periods.reset();
    reader.readAlarmsBetween(kT0 - 4 * kHour, kT0, this,
                             [&periods](const QList<AlarmPeriod> &p) { periods = p; });
    QTRY_VERIFY(periods.has_value());
    QCOMPARE(periods->size(), 2); // "old", raised and cleared three hours before, and "slow"
}

QTEST_GUILESS_MAIN(TestAlarmHistory)
#include "tst_alarmhistory.moc"
