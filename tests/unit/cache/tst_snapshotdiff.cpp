#include "cache/seriesreader.h"
#include "cache/snapshotdiff.h"
#include "cachetestdata.h"

#include <QTemporaryDir>

#include <QTest>

using namespace cpn;
using namespace cpn::cache;

namespace {

Node node(const char *id, const char *province, NodeStatus status = NodeStatus::Online)
{
    Node n;
    n.id = QString::fromLatin1(id);
    n.name = n.id.toUpper();
    n.province = QString::fromLatin1(province);
    n.status = status;
    return n;
}

Link link(const char *id, const char *a, const char *b, double capacity)
{
    Link l;
    l.id = QString::fromLatin1(id);
    l.a = QString::fromLatin1(a);
    l.b = QString::fromLatin1(b);
    l.capacityGbps = capacity;
    return l;
}

void sample(ReplayState &s, const char *nodeId, double cpu, NodeStatus status = NodeStatus::Online)
{
    NodeSample n;
    n.nodeId = QString::fromLatin1(nodeId);
    n.tsMs = s.atMs;
    n.cpuUtil = cpu;
    n.status = status;
    s.nodeSamples.insert(n.nodeId, n);
}

void linkSample(ReplayState &s, const char *linkId, double ab, double ba)
{
    LinkSample l;
    l.linkId = QString::fromLatin1(linkId);
    l.abGbps = ab;
    l.baGbps = ba;
    s.linkSamples.insert(l.linkId, l);
}

Job job(const char *id, qint64 started, qint64 finished)
{
    Job j;
    j.id = QString::fromLatin1(id);
    j.submittedAtMs = 1;
    j.startedAtMs = started;
    j.finishedAtMs = finished;
    return j;
}

// Two known moments, 1,000 ms and 2,000 ms:
//   a (GZ) online -> offline by sample; b (GZ) online both; c (BJ) degraded -> online by directory;
//   d only before, e only after; f (SC) reports before only; links l1 30 % -> 80 %, l2 10 % -> 12 %, l3 50 % -> 50 %;
//   CN-GZ cpu mean (0.2 + 0.4) / 2 = 0.3 -> (0.9 + 0.5) / 2 = 0.7, CN-BJ 0.5 -> 0.5;
//   j1 starts at 1,500, j2 ends at 1,800, j3 started before 1,000, j4 starts after 2,000.
std::pair<ReplayState, ReplayState> knownStates()
{
    ReplayState before;
    before.atMs = 1000;
    before.nodes = {node("a", "CN-GZ"), node("b", "CN-GZ"), node("c", "CN-BJ", NodeStatus::Degraded),
                    node("d", "CN-BJ")};
    before.links = {link("l1", "a", "b", 100), link("l2", "a", "c", 100), link("l3", "b", "c", 10)};
    sample(before, "a", 0.2);
    sample(before, "b", 0.4);
    linkSample(before, "l1", 30, 10);
    linkSample(before, "l2", 5, 10);
    linkSample(before, "l3", 5, 1);
    ReplayState after;
    after.atMs = 2000;
    after.nodes = {node("a", "CN-GZ"), node("b", "CN-GZ"), node("c", "CN-BJ"), node("e", "CN-BJ")};
    after.links = before.links;
    sample(after, "a", 0.9, NodeStatus::Offline);
    sample(after, "b", 0.5);
    sample(after, "e", 0.5);
    before.nodes.append(node("f", "CN-SC"));
    after.nodes.append(node("f", "CN-SC"));
    sample(before, "f", 0.1); // f stops reporting
    linkSample(after, "l1", 10, 80);
    linkSample(after, "l2", 12, 0);
    linkSample(after, "l3", 5, 5);
    after.jobs = {job("j1", 1500, 0), job("j2", 500, 1800), job("j3", 500, 0), job("j4", 2500, 0)};
    return {before, after};
}

} // namespace

class TestSnapshotDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusChanges();
    void utilizationMovesMost_data();
    void utilizationMovesMost();
    void jobsAndMembership();
    void linkThatWentDownIsAStatusChange();
    void identicalStatesDiffer_not();
    void alarmRaisedAndAcknowledgedBetweenRecordedMoments();
    void alarmsClearedAndUnacknowledged();
};

void TestSnapshotDiff::statusChanges()
{
    const auto [before, after] = knownStates();
    const DiffResult d = SnapshotDiff::compare(before, after);
    QCOMPARE(d.fromMs, 1000);
    QCOMPARE(d.toMs, 2000);
    QCOMPARE(d.statusChanges.size(), 3);
    QCOMPARE(d.statusChanges[0].nodeId, QStringLiteral("a"));
    QCOMPARE(d.statusChanges[0].before, NodeStatus::Online);
    QCOMPARE(d.statusChanges[0].after, NodeStatus::Offline);
    QCOMPARE(d.statusChanges[1].nodeId, QStringLiteral("c"));
    QCOMPARE(d.statusChanges[1].before, NodeStatus::Degraded);
    QCOMPARE(d.statusChanges[1].after, NodeStatus::Online);
    QCOMPARE(d.statusChanges[1].reportedBefore, false); // from the directory, both times
    QCOMPARE(d.statusChanges[2].nodeId, QStringLiteral("f"));
    QCOMPARE(d.statusChanges[2].reportedBefore, true);
    QCOMPARE(d.statusChanges[2].reportedAfter, false);
}

void TestSnapshotDiff::utilizationMovesMost_data()
{
    QTest::addColumn<int>("top");
    QTest::addColumn<QStringList>("links");
    QTest::addColumn<QStringList>("regions");
    QTest::newRow("top 10") << 10 << QStringList{QStringLiteral("l1"), QStringLiteral("l2")}
                            << QStringList{QStringLiteral("CN-GZ")};
    QTest::newRow("top 1") << 1 << QStringList{QStringLiteral("l1")} << QStringList{QStringLiteral("CN-GZ")};
}

void TestSnapshotDiff::utilizationMovesMost()
{
    QFETCH(int, top);
    QFETCH(QStringList, links);
    QFETCH(QStringList, regions);
    const auto [before, after] = knownStates();
    const DiffResult d = SnapshotDiff::compare(before, after, top);
    QStringList gotLinks;
    for (const auto &c : d.linkChanges)
        gotLinks << c.id;
    QCOMPARE(gotLinks, links);
    QCOMPARE(d.linkChanges[0].before, 0.3);
    QCOMPARE(d.linkChanges[0].after, 0.8);
    QCOMPARE(d.linkChanges[0].label, QStringLiteral("a - b"));
    QStringList gotRegions;
    for (const auto &c : d.regionChanges)
        gotRegions << c.id;
    QCOMPARE(gotRegions, regions); // CN-BJ did not move
    QVERIFY(qFuzzyCompare(d.regionChanges[0].before, 0.3));
    QVERIFY(qFuzzyCompare(d.regionChanges[0].after, 0.7));
}

void TestSnapshotDiff::jobsAndMembership()
{
    const auto [before, after] = knownStates();
    const DiffResult d = SnapshotDiff::compare(before, after);
    QCOMPARE(d.nodesAdded, QStringList{QStringLiteral("e")});
    QCOMPARE(d.nodesRemoved, QStringList{QStringLiteral("d")});
    QCOMPARE(d.jobsStarted.size(), 1);
    QCOMPARE(d.jobsStarted[0].id, QStringLiteral("j1"));
    QCOMPARE(d.jobsFinished.size(), 1);
    QCOMPARE(d.jobsFinished[0].id, QStringLiteral("j2"));
}

void TestSnapshotDiff::linkThatWentDownIsAStatusChange()
{
    auto [before, after] = knownStates();
    // l1 carried 30 % and then nothing: its end node went down, as the simulator reports it.
    LinkSample down = after.linkSamples.value(QStringLiteral("l1"));
    down.status = LinkStatus::Down;
    down.abGbps = down.baGbps = 0;
    after.linkSamples.insert(down.linkId, down);
    const DiffResult d = SnapshotDiff::compare(before, after);
    QCOMPARE(d.linkStatusChanges.size(), 1);
    QCOMPARE(d.linkStatusChanges[0].id, QStringLiteral("l1"));
    QCOMPARE(d.linkStatusChanges[0].label, QStringLiteral("a - b"));
    QCOMPARE(d.linkStatusChanges[0].before, LinkStatus::Up);
    QCOMPARE(d.linkStatusChanges[0].after, LinkStatus::Down);
    for (const auto &c : d.linkChanges)
        QVERIFY2(c.id != QStringLiteral("l1"), "a link that went down is no utilization change");
}

void TestSnapshotDiff::identicalStatesDiffer_not()
{
    const auto [before, after] = knownStates();
    const DiffResult d = SnapshotDiff::compare(after, after);
    QVERIFY(d.statusChanges.isEmpty());
    QVERIFY(d.linkChanges.isEmpty());
    QVERIFY(d.linkStatusChanges.isEmpty());
    QVERIFY(d.regionChanges.isEmpty());
    QVERIFY(d.nodesAdded.isEmpty() && d.nodesRemoved.isEmpty());
    QVERIFY(d.jobsStarted.isEmpty() && d.jobsFinished.isEmpty());
}

// Two moments of a recorded cache: "down" was raised on guian between them and acknowledged;
// "slow", active at both, did not change.
void TestSnapshotDiff::alarmRaisedAndAcknowledgedBetweenRecordedMoments()
{
    using namespace cpn::cache::testing;
    using What = DiffResult::AlarmChange::What;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QVERIFY(recordSampleFederation(path));
    CacheDatabase db;
    QVERIFY(db.open(path, QStringLiteral("t.d.alarms"), CacheDatabase::Role::Reader));
    const SeriesReader reader(db.handle());
    const DiffResult d = SnapshotDiff::compare(reader.stateAt(kT0 + 2000), reader.stateAt(kT0 + 9000));
    QCOMPARE(d.alarmChanges.size(), 2);
    const DiffResult::AlarmChange &raised = d.alarmChanges.at(0);
    QCOMPARE(raised.what, What::Raised);
    QCOMPARE(raised.alarm.id, QStringLiteral("down"));
    QCOMPARE(raised.origin, kAlarmOrigin);
    QCOMPARE(raised.atMs, kT0 + 5000);
    QVERIFY(!raised.sourceName.isEmpty()); // guian's name in the directory
    QCOMPARE(d.alarmChanges.at(1).what, What::Acknowledged);
    QCOMPARE(d.alarmChanges.at(1).atMs, kT0 + 7000);
    QCOMPARE(d.alarmChanges.at(1).alarm.ack->by, QStringLiteral("operator"));
    // Nothing changed between two moments after it.
    QVERIFY(
        SnapshotDiff::compare(reader.stateAt(kT0 + 8000), reader.stateAt(kT0 + 9000)).alarmChanges.isEmpty());
}

void TestSnapshotDiff::alarmsClearedAndUnacknowledged()
{
    using What = DiffResult::AlarmChange::What;
    auto recorded = [](const char *id, Alarm::Severity severity) {
        RecordedAlarm r;
        r.origin = QStringLiteral("http://root");
        r.alarm.id = QString::fromLatin1(id);
        r.alarm.severity = severity;
        r.alarm.source = {AlarmSource::Kind::Link, QStringLiteral("l1")};
        r.alarm.raisedAtMs = 100;
        return r;
    };
    ReplayState before;
    before.atMs = 1000;
    before.links = {link("l1", "a", "b", 10)};
    RecordedAlarm cleared = recorded("cleared", Alarm::Severity::Minor);
    RecordedAlarm unacked = recorded("unacked", Alarm::Severity::Major);
    unacked.alarm.ack = AlarmAck{QStringLiteral("ops"), 500, {}, 0};
    RecordedAlarm gone = recorded("gone", Alarm::Severity::Critical);
    before.alarms = {cleared, gone, unacked};
    ReplayState after = before;
    after.atMs = 2000;
    cleared.alarm.state = Alarm::State::Cleared;
    cleared.alarm.clearedAtMs = 1500;
    unacked.alarm.ack.reset();
    after.alarms = {cleared, unacked}; // "gone" cleared over an hour before: no longer listed
    const DiffResult d = SnapshotDiff::compare(before, after);
    QCOMPARE(d.alarmChanges.size(), 3);
    // Most severe first.
    QCOMPARE(d.alarmChanges.at(0).alarm.id, QStringLiteral("gone"));
    QCOMPARE(d.alarmChanges.at(0).what, What::Cleared);
    QCOMPARE(d.alarmChanges.at(0).sourceName, QStringLiteral("a - b"));
    QCOMPARE(d.alarmChanges.at(1).what, What::Unacknowledged);
    QCOMPARE(d.alarmChanges.at(2).what, What::Cleared);
    QCOMPARE(d.alarmChanges.at(2).atMs, 1500);
    QVERIFY(SnapshotDiff::compare(after, after).alarmChanges.isEmpty());
}

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
