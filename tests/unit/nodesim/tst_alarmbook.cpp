#include "alarmbook.h"
#include "alarmdetector.h"
#include "clock.h"
#include "scenariobuilder.h"

#include "domain/alarmjson.h"

#include <QTest>

using namespace cpn;
using namespace cpn::server;
using namespace cpn::sim;
using namespace Qt::StringLiterals;

// AlarmBook and AlarmDetector on a manual clock: raise, update and clear; the revision cursor;
// acknowledgements that expire; comments, silences and history within their caps; one alarm per
// cause; threshold alarms held before they rise.
class TestAlarmBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raisesUpdatesAndClears();
    void cursorReportsChangesOnly();
    void unknownOrOldCursorResets();
    void longAnswersAreCut();
    void acknowledgementExpires();
    void actionsAreChecked();
    void silencesCoverForTheirTime();
    void keyedConditionsAreSeparateAlarms();
    void hubDownIsOneCondition();
    void thresholdsHoldBeforeTheyRaise();

private:
    static AlarmCondition down(const QString &node, const QStringList &affected = {})
    {
        return {Alarm::Kind::NodeDown,
                {AlarmSource::Kind::Node, node},
                Alarm::Severity::Major,
                u"Node %1 is down"_s.arg(node),
                affected.isEmpty() ? QStringList{node} : affected};
    }
    static const auto everything()
    {
        return [](const Alarm &) { return true; };
    }
};

void TestAlarmBook::raisesUpdatesAndClears()
{
    ManualClock clock;
    AlarmBook book(clock);
    book.apply({down(u"guian"_s)});
    QCOMPARE(book.alarms().size(), 1);
    const Alarm raised = book.alarms().first();
    QCOMPARE(raised.state, Alarm::State::Active);
    QCOMPARE(raised.raisedAtMs, clock.nowMs());
    // The same condition again changes nothing; new affected nodes are a change.
    book.apply({down(u"guian"_s)});
    QCOMPARE(book.alarms().first().revision, raised.revision);
    book.apply({down(u"guian"_s, {u"guian"_s, u"x"_s})});
    QVERIFY(book.alarms().first().revision > raised.revision);
    QCOMPARE(book.alarms().size(), 1);
    clock.advanceMs(5000);
    book.apply({});
    QCOMPARE(book.alarms().first().state, Alarm::State::Cleared);
    QCOMPARE(book.alarms().first().clearedAtMs, clock.nowMs());
    // The cause returning is a new alarm.
    book.apply({down(u"guian"_s)});
    QCOMPARE(book.alarms().size(), 2);
    QVERIFY(book.alarms().last().id != raised.id);
}

void TestAlarmBook::cursorReportsChangesOnly()
{
    ManualClock clock;
    AlarmBook book(clock);
    book.apply({down(u"a"_s), down(u"b"_s)});
    const AlarmBatch all = book.since({}, everything(), 100);
    QVERIFY(all.reset);
    QCOMPARE(all.alarms.size(), 2);
    const AlarmBatch none = book.since(all.cursor, everything(), 100);
    QVERIFY(!none.reset);
    QVERIFY(none.alarms.isEmpty());
    QCOMPARE(none.cursor, all.cursor);
    const QString b = all.alarms.last().id;
    QCOMPARE(book.acknowledge(b, u"ana"_s, {u"mine"_s, 0}).status, 200);
    const AlarmBatch changed = book.since(all.cursor, everything(), 100);
    QCOMPARE(changed.alarms.size(), 1);
    QCOMPARE(changed.alarms.first().id, b);
    QCOMPARE(changed.alarms.first().ack->by, u"ana"_s);
    // What a node oversees limits the answer.
    QVERIFY(book.since(
                    {}, [](const Alarm &a) { return a.source.id == u"a"_s; }, 100)
                .alarms.size() == 1);
}

void TestAlarmBook::unknownOrOldCursorResets()
{
    ManualClock clock;
    AlarmBook book(clock);
    book.apply({down(u"a"_s)});
    const QString before = book.since({}, everything(), 100).cursor;
    for (const QString &cursor : {u"garbage"_s, u"1-1"_s, u"%1-999"_s.arg(clock.nowMs())})
        QVERIFY2(book.since(cursor, everything(), 100).reset, qPrintable(cursor));
    // A cleared alarm is listed for an hour, then forgotten: a cursor from before that cannot continue.
    book.apply({});
    clock.advanceMs(AlarmBook::kClearedWindowMs - 1);
    book.update();
    QCOMPARE(book.since({}, everything(), 100).alarms.size(), 1);
    clock.advanceMs(1);
    book.update();
    QVERIFY(book.alarms().isEmpty());
    QVERIFY(book.since(before, everything(), 100).reset);
    const QString after = book.since({}, everything(), 100).cursor;
    QVERIFY(!book.since(after, everything(), 100).reset);
}

void TestAlarmBook::longAnswersAreCut()
{
    ManualClock clock;
    AlarmBook book(clock);
    QList<AlarmCondition> five;
    for (int i = 0; i < 5; ++i)
        five.append(down(u"n%1"_s.arg(i)));
    book.apply(five);
    const AlarmBatch first = book.since({}, everything(), 2);
    QVERIFY(first.more);
    QCOMPARE(first.alarms.size(), 2);
    const AlarmBatch second = book.since(first.cursor, everything(), 2);
    const AlarmBatch third = book.since(second.cursor, everything(), 2);
    QVERIFY(!second.reset && second.more && !third.more);
    QCOMPARE(second.alarms.size() + third.alarms.size(), 3);
    QCOMPARE(third.alarms.last().id, book.alarms().last().id);
}

void TestAlarmBook::acknowledgementExpires()
{
    ManualClock clock;
    AlarmBook book(clock);
    book.apply({down(u"a"_s)});
    const QString id = book.alarms().first().id;
    QCOMPARE(book.acknowledge(id, u"ana"_s, {u"an hour"_s, clock.nowMs() + 1000}).status, 200);
    const QString cursor = book.since({}, everything(), 100).cursor;
    clock.advanceMs(999);
    book.update();
    QVERIFY(book.alarm(id)->ack);
    clock.advanceMs(1);
    book.update();
    QVERIFY(!book.alarm(id)->ack);
    const AlarmBatch changed = book.since(cursor, everything(), 100);
    QCOMPARE(changed.alarms.size(), 1);
    QVERIFY(!changed.alarms.first().ack);
    // A cleared alarm keeps its acknowledgement, even past until.
    QCOMPARE(book.acknowledge(id, u"bo"_s, {u"again"_s, clock.nowMs() + 1000}).status, 200);
    book.apply({});
    clock.advanceMs(5000);
    book.update();
    QCOMPARE(book.alarm(id)->ack->by, u"bo"_s);
}

void TestAlarmBook::actionsAreChecked()
{
    ManualClock clock;
    AlarmBook book(clock);
    book.apply({down(u"a"_s)});
    const QString id = book.alarms().first().id;
    QCOMPARE(book.acknowledge(u"alm-999999"_s, u"x"_s, {u"c"_s, 0}).status, 404);
    QCOMPARE(book.acknowledge(id, u"x"_s, {u"c"_s, clock.nowMs()}).status, 400); // not in the future
    QCOMPARE(book.unacknowledge(id).status, 409);                                // not acknowledged
    for (int i = 0; i < protocol::kMaxAlarmComments; ++i)
        QCOMPARE(book.comment(id, u"x"_s, u"t"_s).status, 201);
    QCOMPARE(book.comment(id, u"x"_s, u"t"_s).status, 409);
    book.apply({});
    QCOMPARE(book.acknowledge(id, u"x"_s, {u"c"_s, 0}).status, 409); // cleared
}

void TestAlarmBook::keyedConditionsAreSeparateAlarms()
{
    // Two Alertmanager alerts of one site: same kind and source, told apart by their fingerprints.
    ManualClock clock;
    AlarmBook book(clock);
    AlarmCondition gpu7{Alarm::Kind::SiteAlert, {AlarmSource::Kind::Node, u"site"_s}, Alarm::Severity::Warning,
                        u"GPU 7 hot"_s, {u"site"_s}, u"f7"_s};
    AlarmCondition gpu3 = gpu7;
    gpu3.key = u"f3"_s;
    gpu3.summary = u"GPU 3 hot"_s;
    book.apply({gpu7, gpu3});
    QCOMPARE(book.alarms().size(), 2);
    book.apply({gpu7});
    QCOMPARE(book.alarms().first().state, Alarm::State::Active);
    QCOMPARE(book.alarms().last().state, Alarm::State::Cleared);

    // Silenced where it was raised, or by a silence kept elsewhere and handed to the book.
    gpu7.silencedAtSource = true;
    const qint64 before = book.alarms().first().revision;
    book.apply({gpu7});
    QVERIFY(book.alarms().first().silenced);
    QVERIFY(book.alarms().first().revision > before);
    gpu7.silencedAtSource = false;
    book.apply({gpu7});
    QVERIFY(!book.alarms().first().silenced);
    book.replaceSilences({{u"am-1"_s, {AlarmSource::Kind::Subtree, u"site"_s}, 0, clock.nowMs() + 1000, u"r"_s, u"ana"_s, 0}});
    QVERIFY(book.alarms().first().silenced);
    QCOMPARE(book.silences().first().id, u"am-1"_s);
    book.replaceSilences({});
    QVERIFY(!book.alarms().first().silenced);
}

void TestAlarmBook::silencesCoverForTheirTime()
{
    ManualClock clock;
    AlarmBook book(clock);
    book.apply({down(u"a"_s), down(u"b"_s)});
    const qint64 now = clock.nowMs();
    const auto added =
        book.addSilence(u"ana"_s, {{AlarmSource::Kind::Node, u"a"_s}, now + 1000, now + 2000, u"work"_s});
    QCOMPARE(added.status, 201);
    QCOMPARE(added.silence.createdBy, u"ana"_s);
    QVERIFY(!book.alarms().first().silenced); // not yet
    clock.advanceMs(1000);
    book.update();
    QVERIFY(book.alarms().first().silenced);
    QVERIFY(!book.alarms().last().silenced);
    clock.advanceMs(1000);
    book.update();
    QVERIFY(!book.alarms().first().silenced);
    QVERIFY(book.silences().isEmpty()); // ended
    // Deleting one ends it at once; the caps hold.
    const auto open =
        book.addSilence(u"ana"_s, {{AlarmSource::Kind::Node, u"b"_s}, 0, clock.nowMs() + 1000, u"r"_s});
    QVERIFY(book.alarms().last().silenced);
    QVERIFY(book.removeSilence(open.silence.id));
    QVERIFY(!book.alarms().last().silenced);
    QVERIFY(!book.removeSilence(open.silence.id));
    QCOMPARE(
        book.addSilence(
                u"x"_s,
                {{AlarmSource::Kind::Node, u"b"_s}, 0, clock.nowMs() + AlarmBook::kMaxSilenceMs + 1, u"r"_s})
            .status,
        400);
    QCOMPARE(book.addSilence(u"x"_s, {{AlarmSource::Kind::Node, u"b"_s}, 0, clock.nowMs(), u"r"_s}).status,
             400);
    for (int i = 0; i < protocol::kMaxSilences; ++i)
        QCOMPARE(book.addSilence(u"x"_s, {{AlarmSource::Kind::Link, u"l"_s}, 0, clock.nowMs() + 1000, u"r"_s})
                     .status,
                 201);
    QCOMPARE(
        book.addSilence(u"x"_s, {{AlarmSource::Kind::Link, u"l"_s}, 0, clock.nowMs() + 1000, u"r"_s}).status,
        409);
}

void TestAlarmBook::hubDownIsOneCondition()
{
    QString error;
    const auto scenario = ScenarioBuilder::fromSpec(u"default"_s, 42, &error);
    QVERIFY2(scenario, qPrintable(error));
    AlarmDetector detector(*scenario, 60000);
    AlarmInputs inputs;
    inputs.downNodes = {u"guizhou-hub"_s, u"guian"_s};
    const QList<AlarmCondition> conditions = detector.evaluate(inputs);
    QCOMPARE(conditions.size(), 1);
    const AlarmCondition &c = conditions.first();
    QCOMPARE(c.source.id, u"guizhou-hub"_s);
    QCOMPARE(c.source.kind, AlarmSource::Kind::Subtree);
    QCOMPARE(c.severity, Alarm::Severity::Critical);
    QCOMPARE(c.affected.size(), scenario->directory(u"guizhou-hub"_s).size());
    QVERIFY(c.affected.contains(u"guian"_s));
    // A link to a node that is down is part of that node's alarm.
    inputs.downLinks = {u"l-guizhou-hub-guian"_s};
    QCOMPARE(detector.evaluate(inputs).size(), 1);
}

void TestAlarmBook::thresholdsHoldBeforeTheyRaise()
{
    QString error;
    const auto scenario = ScenarioBuilder::fromSpec(u"default"_s, 42, &error);
    QVERIFY(scenario);
    AlarmDetector detector(*scenario, 3000);
    const auto tick = [&](qint64 ts, double utilization) {
        AlarmInputs in;
        in.tsMs = ts;
        in.links = {{u"l-guizhou-hub-guian"_s, false, utilization, 1.0}};
        return detector.evaluate(in);
    };
    QVERIFY(tick(0, 0.95).isEmpty());
    QVERIFY(tick(2000, 0.95).isEmpty());
    QVERIFY(tick(2500, 0.85).isEmpty()); // between the lines: the run is broken
    QVERIFY(tick(3000, 0.95).isEmpty());
    QVERIFY(tick(5000, 0.95).isEmpty());
    const QList<AlarmCondition> raised = tick(6000, 0.95);
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.first().kind, Alarm::Kind::LinkCongested);
    QCOMPARE(tick(7000, 0.85).size(), 1); // raised: holds until below 80 %
    QVERIFY(tick(8000, 0.79).isEmpty());
}

QTEST_GUILESS_MAIN(TestAlarmBook)
#include "tst_alarmbook.moc"
