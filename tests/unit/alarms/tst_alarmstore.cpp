#include "alarmfixtures.h"
#include "alarms/alarmstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::alarms;
using namespace Qt::StringLiterals;

// The store's merge rules (docs/node-api.md, "Alarms": reset replaces, revisions order the copies,
// cleared alarms are forgotten after the window) and the queries the map, sound and wall build on.
class tst_AlarmStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alarmsAreKeyedByOriginAndId();
    void resetReplacesOnlyThatOriginsAlarms();
    void olderRevisionsNeverReplaceNewerOnes();
    void clearedAlarmsAreForgottenAfterTheWindow();
    void worstUnacknowledgedSeverityPerNodeAndLink();
    void unacknowledgedCriticalsAndAttention();
    void historyKeepsWithdrawnAndExpiredAcknowledgements();
    void manyAlarmsAreAppendedAtOnce();
};

namespace {
const QString kA = u"http://127.0.0.1:1"_s;
const QString kB = u"http://127.0.0.1:2"_s;
} // namespace

void tst_AlarmStore::alarmsAreKeyedByOriginAndId()
{
    AlarmStore store;
    QSignalSpy appended(&store, &AlarmStore::appended);
    const Alarm a = makeAlarm(u"alm-1"_s, Alarm::Kind::NodeDown, Alarm::Severity::Major,
                              AlarmSource::Kind::Node, u"guian"_s);
    store.applyBatch(kA, makeBatch({a}, true));
    store.applyBatch(kB, makeBatch({a}, true)); // another server with the same id
    QCOMPARE(store.size(), 2);
    QCOMPARE(appended.size(), 2);
    QVERIFY(store.find({kA, u"alm-1"_s}));
    QVERIFY(store.find({kB, u"alm-1"_s}));
    QCOMPARE(store.rowOf({kB, u"alm-1"_s}), 1);
}

void tst_AlarmStore::resetReplacesOnlyThatOriginsAlarms()
{
    AlarmStore store;
    const auto alarm = [](const QString &id) {
        return makeAlarm(id, Alarm::Kind::UtilizationHigh, Alarm::Severity::Warning, AlarmSource::Kind::Node,
                         u"guian"_s);
    };
    store.applyBatch(kA, makeBatch({alarm(u"alm-1"_s), alarm(u"alm-2"_s)}, true));
    store.applyBatch(kB, makeBatch({alarm(u"alm-9"_s)}, true));
    QSignalSpy reset(&store, &AlarmStore::reset);
    store.applyBatch(kA, makeBatch({alarm(u"alm-2"_s), alarm(u"alm-3"_s)}, true));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(store.size(), 3);
    QVERIFY(!store.find({kA, u"alm-1"_s}));
    QVERIFY(store.find({kA, u"alm-2"_s}) && store.find({kA, u"alm-3"_s}) && store.find({kB, u"alm-9"_s}));
    store.removeOrigin(kB);
    QCOMPARE(store.size(), 2);
}

void tst_AlarmStore::olderRevisionsNeverReplaceNewerOnes()
{
    AlarmStore store;
    Alarm a = makeAlarm(u"alm-1"_s, Alarm::Kind::LinkDown, Alarm::Severity::Critical, AlarmSource::Kind::Link,
                        u"l1"_s, {}, 5);
    store.applyBatch(kA, makeBatch({a}, true));
    QSignalSpy changed(&store, &AlarmStore::rowsChanged);
    Alarm older = a;
    older.revision = 4;
    older.severity = Alarm::Severity::Minor;
    store.applyAlarm(kA, older, 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(store.at(0).alarm.severity, Alarm::Severity::Critical);
    Alarm newer = a;
    newer.revision = 6;
    newer.ack = AlarmAck{u"operator"_s, 1'500'000, u"on it"_s, 0};
    store.applyBatch(kA, makeBatch({newer}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QList<int>>(), QList<int>{0});
    QVERIFY(store.at(0).isAcknowledged());
}

void tst_AlarmStore::clearedAlarmsAreForgottenAfterTheWindow()
{
    AlarmStore store;
    Alarm old = makeAlarm(u"alm-1"_s, Alarm::Kind::NodeDown, Alarm::Severity::Major, AlarmSource::Kind::Node,
                          u"guian"_s);
    old.state = Alarm::State::Cleared;
    old.clearedAtMs = 1'000'000;
    Alarm recent = old;
    recent.id = u"alm-2"_s;
    recent.clearedAtMs = 4'000'000;
    store.applyBatch(kA, makeBatch({old, recent}, true, 5'000'000)); // window: one hour
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.at(0).alarm.id, u"alm-2"_s);
}

void tst_AlarmStore::worstUnacknowledgedSeverityPerNodeAndLink()
{
    AlarmStore store;
    Alarm hub = makeAlarm(u"alm-1"_s, Alarm::Kind::NodeDown, Alarm::Severity::Critical,
                          AlarmSource::Kind::Subtree, u"hub"_s, {u"hub"_s, u"leaf"_s});
    Alarm busy = makeAlarm(u"alm-2"_s, Alarm::Kind::UtilizationHigh, Alarm::Severity::Warning,
                           AlarmSource::Kind::Node, u"leaf"_s);
    Alarm other = makeAlarm(u"alm-3"_s, Alarm::Kind::UtilizationHigh, Alarm::Severity::Warning,
                            AlarmSource::Kind::Node, u"other"_s);
    Alarm link = makeAlarm(u"alm-4"_s, Alarm::Kind::LinkCongested, Alarm::Severity::Major,
                           AlarmSource::Kind::Link, u"l1"_s, {u"a"_s, u"b"_s});
    Alarm silenced = makeAlarm(u"alm-5"_s, Alarm::Kind::LinkDown, Alarm::Severity::Critical,
                               AlarmSource::Kind::Link, u"l2"_s);
    silenced.silenced = true;
    store.applyBatch(kA, makeBatch({hub, busy, other, link, silenced}, true));
    QCOMPARE(store.worstUnacknowledgedForNode(u"hub"_s), Alarm::Severity::Critical);
    QCOMPARE(store.worstUnacknowledgedForNode(u"leaf"_s), Alarm::Severity::Critical); // under the hub
    QCOMPARE(store.worstUnacknowledgedForNode(u"other"_s), Alarm::Severity::Warning);
    QCOMPARE(store.worstUnacknowledgedForLink(u"l1"_s), Alarm::Severity::Major);
    QCOMPARE(store.worstUnacknowledgedForNode(u"a"_s), Alarm::Severity::Major);
    QVERIFY(!store.worstUnacknowledgedForLink(u"l2"_s)); // silenced: listed, not marked
    QVERIFY(!store.worstUnacknowledgedForNode(u"nowhere"_s));

    hub.revision = 2;
    hub.ack = AlarmAck{u"operator"_s, 1'100'000, u"crew on site"_s, 0};
    QSignalSpy changed(&store, &AlarmStore::changed);
    store.applyBatch(kA, makeBatch({hub}));
    QCOMPARE(changed.size(), 1);
    QVERIFY(!store.worstUnacknowledgedForNode(u"hub"_s));
    QCOMPARE(store.worstUnacknowledgedForNode(u"leaf"_s), Alarm::Severity::Warning);
    QCOMPARE(store.worstUnacknowledgedByNode().size(), 4); // leaf, other, a, b

    busy.revision = 2;
    busy.state = Alarm::State::Cleared;
    busy.clearedAtMs = 1'900'000;
    store.applyBatch(kA, makeBatch({busy}));
    QVERIFY(!store.worstUnacknowledgedForNode(u"leaf"_s));
    QCOMPARE(store.active().size(), 4);
}

void tst_AlarmStore::unacknowledgedCriticalsAndAttention()
{
    AlarmStore store;
    QSignalSpy attention(&store, &AlarmStore::attentionNeeded);
    Alarm down = makeAlarm(u"alm-1"_s, Alarm::Kind::LinkDown, Alarm::Severity::Critical,
                           AlarmSource::Kind::Link, u"l1"_s);
    Alarm minor = makeAlarm(u"alm-2"_s, Alarm::Kind::EndpointSlow, Alarm::Severity::Minor,
                            AlarmSource::Kind::Endpoint, u"n"_s);
    store.applyBatch(kA, makeBatch({down, minor}, true));
    QCOMPARE(store.unacknowledgedCriticals(), (QList<AlarmKey>{{kA, u"alm-1"_s}}));
    QCOMPARE(attention.size(), 1);
    QCOMPARE(attention.at(0).at(0).value<QList<AlarmKey>>().size(), 2);

    down.revision = 2;
    down.ack = AlarmAck{u"operator"_s, 1'100'000, u"seen"_s, 1'200'000};
    store.applyBatch(kA, makeBatch({down}));
    QVERIFY(store.unacknowledgedCriticals().isEmpty());
    QCOMPARE(attention.size(), 1);
    // The acknowledgement expired on the server: the alarm needs attention again.
    down.revision = 3;
    down.ack.reset();
    store.applyBatch(kA, makeBatch({down}, false, 1'300'000));
    QCOMPARE(store.unacknowledgedCriticals().size(), 1);
    QCOMPARE(attention.size(), 2);
    QCOMPARE(attention.at(1).at(0).value<QList<AlarmKey>>(), (QList<AlarmKey>{{kA, u"alm-1"_s}}));
}

void tst_AlarmStore::historyKeepsWithdrawnAndExpiredAcknowledgements()
{
    AlarmStore store;
    Alarm a = makeAlarm(u"alm-1"_s, Alarm::Kind::LinkDown, Alarm::Severity::Critical, AlarmSource::Kind::Link,
                        u"l1"_s);
    store.applyBatch(kA, makeBatch({a}, true));
    a.revision = 2;
    a.ack = AlarmAck{u"ops1"_s, 1'100'000, u"first"_s, 1'200'000};
    store.applyAlarm(kA, a, 1'100'000);
    a.revision = 3;
    a.ack.reset(); // expired
    store.applyBatch(kA, makeBatch({a}, false, 1'250'000));
    a.revision = 4;
    a.ack = AlarmAck{u"ops2"_s, 1'300'000, u"second"_s, 0};
    a.comments = {{u"ops2"_s, 1'310'000, u"crew called"_s}};
    store.applyBatch(kA, makeBatch({a}, false, 1'310'000));
    a.revision = 5;
    a.ack.reset(); // withdrawn
    store.applyBatch(kA, makeBatch({a}, false, 1'400'000));

    QList<AlarmEvent::Kind> kinds;
    for (const AlarmEvent &e : historyOf(*store.find({kA, u"alm-1"_s})))
        kinds.append(e.kind);
    QCOMPARE(kinds, (QList<AlarmEvent::Kind>{AlarmEvent::Kind::Raised, AlarmEvent::Kind::Acknowledged,
                                             AlarmEvent::Kind::AckExpired, AlarmEvent::Kind::Acknowledged,
                                             AlarmEvent::Kind::Commented, AlarmEvent::Kind::Unacknowledged}));
}

// A replayed moment's alarms (AlarmStore::applyAlarms): one append for all, the newer of two copies
// of an alarm kept, each origin's alarms apart.
void tst_AlarmStore::manyAlarmsAreAppendedAtOnce()
{
    AlarmStore store;
    QSignalSpy appended(&store, &AlarmStore::appended);
    QList<AlarmStore::Observed> observed;
    for (int i = 0; i < 1000; ++i)
        observed.append({i % 2 ? kA : kB,
                         makeAlarm(u"alm-%1"_s.arg(i / 2), Alarm::Kind::NodeDown, Alarm::Severity::Major,
                                   AlarmSource::Kind::Node, u"guian"_s),
                         1'500'000});
    Alarm newer = observed.at(1).alarm;
    newer.revision = 2;
    newer.severity = Alarm::Severity::Critical;
    observed.append({kA, newer, 1'600'000});
    store.applyAlarms(observed);
    QCOMPARE(appended.size(), 1);
    QCOMPARE(appended.constFirst().at(0).toInt(), 0);
    QCOMPARE(appended.constFirst().at(1).toInt(), 999);
    QCOMPARE(store.size(), 1000);
    QCOMPARE(store.find({kA, u"alm-0"_s})->alarm.severity, Alarm::Severity::Critical);
    QCOMPARE(store.find({kB, u"alm-0"_s})->alarm.severity, Alarm::Severity::Major);
}

QTEST_GUILESS_MAIN(tst_AlarmStore)
#include "tst_alarmstore.moc"
