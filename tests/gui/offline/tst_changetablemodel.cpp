#include "cache/snapshotdiff.h"
#include "support/samplefederation.h"
#include "ui/replay/changetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::cache;

namespace {
// Two known states: node 1 goes offline, node 2 stops reporting, the first link fills up, a job
// starts and another finishes in between.
ReplayState stateAt(qint64 atMs, bool later)
{
    ReplayState s;
    s.atMs = atMs;
    s.nodes = cpn::testing::sampleNodes().mid(0, 4);
    s.links = cpn::testing::sampleLinks(s.nodes);
    for (int i = 0; i < s.nodes.size(); ++i) {
        if (later && i == 2)
            continue; // no sample: stopped reporting
        NodeSample sample = cpn::testing::sampleFor(s.nodes.at(i), atMs);
        sample.status = later && i == 1 ? NodeStatus::Offline : NodeStatus::Online;
        sample.cpuUtil = 0.5;
        s.nodeSamples.insert(sample.nodeId, sample);
    }
    const Link &link = s.links.constFirst();
    LinkSample ls;
    ls.linkId = link.id;
    ls.tsMs = atMs;
    ls.abGbps = later ? link.capacityGbps * 0.9 : link.capacityGbps * 0.1;
    s.linkSamples.insert(link.id, ls);
    Job started;
    started.id = QStringLiteral("job-started");
    started.name = QStringLiteral("training");
    started.nodeId = s.nodes.at(0).id;
    started.state = later ? JobState::Running : JobState::Queued;
    started.submittedAtMs = 500;
    started.startedAtMs = later ? 1500 : 0;
    Job finished = started;
    finished.id = QStringLiteral("job-finished");
    finished.name = QStringLiteral("inference");
    finished.state = later ? JobState::Completed : JobState::Running;
    finished.startedAtMs = 600;
    finished.finishedAtMs = later ? 1800 : 0;
    s.jobs = {started, finished};
    return s;
}
} // namespace

class TestChangeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheDiffOfTwoKnownStates();
    void showsALinkThatWentDownAsAStatusChange();
    void clears();
    void showsAlarmsRaisedBetween();
};

void TestChangeTableModel::showsTheDiffOfTwoKnownStates()
{
    ChangeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const DiffResult diff = SnapshotDiff::compare(stateAt(1000, false), stateAt(2000, true));
    model.setDiff(diff);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.columnCount(), int(ChangeTableModel::ColumnCount));

    QHash<int, QStringList> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto kind =
            ChangeTableModel::Kind(model.index(row, 0).data(ChangeTableModel::KindRole).toInt());
        rows[int(kind)].append(model.index(row, 0).data(ChangeTableModel::EntityIdRole).toString());
        QVERIFY(!model.index(row, ChangeTableModel::KindColumn).data().toString().isEmpty());
        QVERIFY(!model.index(row, ChangeTableModel::ItemColumn).data().toString().isEmpty());
    }
    const QList<Node> nodes = cpn::testing::sampleNodes();
    QCOMPARE(rows.value(int(ChangeTableModel::Kind::NodeStatus)),
             (QStringList{nodes.at(1).id, nodes.at(2).id}));
    QCOMPARE(rows.value(int(ChangeTableModel::Kind::Link)).size(), 1);
    QCOMPARE(rows.value(int(ChangeTableModel::Kind::JobStarted)), QStringList{QStringLiteral("job-started")});
    QCOMPARE(rows.value(int(ChangeTableModel::Kind::JobFinished)),
             QStringList{QStringLiteral("job-finished")});

    // Before and after, in words an operator reads; the link's move in percentage points.
    const int node1 = 0;
    QCOMPARE(model.index(node1, ChangeTableModel::BeforeColumn).data().toString(), QStringLiteral("online"));
    QCOMPARE(model.index(node1, ChangeTableModel::AfterColumn).data().toString(), QStringLiteral("offline"));
    QCOMPARE(model.index(1, ChangeTableModel::AfterColumn).data().toString(), QStringLiteral("no data"));
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(ChangeTableModel::KindRole).toInt() != int(ChangeTableModel::Kind::Link))
            continue;
        QCOMPARE(model.index(row, ChangeTableModel::ChangeColumn).data().toString(),
                 QStringLiteral("+80.0 pp"));
        QCOMPARE(model.index(row, ChangeTableModel::ChangeColumn).data(ChangeTableModel::SortRole).toDouble(),
                 0.8);
    }
    QCOMPARE(model.changedNodeIds(), (QStringList{nodes.at(1).id, nodes.at(2).id}));
    QCOMPARE(model.changedLinkIds().size(), 1);
}

void TestChangeTableModel::showsALinkThatWentDownAsAStatusChange()
{
    ChangeTableModel model;
    DiffResult diff;
    diff.linkStatusChanges.append(
        {QStringLiteral("l-a-b"), QStringLiteral("a - b"), LinkStatus::Up, LinkStatus::Down});
    model.setDiff(diff);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(ChangeTableModel::KindRole).toInt(),
             int(ChangeTableModel::Kind::LinkStatus));
    QCOMPARE(model.index(0, ChangeTableModel::ItemColumn).data().toString(), QStringLiteral("a - b"));
    QCOMPARE(model.index(0, ChangeTableModel::BeforeColumn).data().toString(), QStringLiteral("up"));
    QCOMPARE(model.index(0, ChangeTableModel::AfterColumn).data().toString(), QStringLiteral("down"));
    QCOMPARE(model.changedLinkIds(), QStringList{QStringLiteral("l-a-b")});
}

void TestChangeTableModel::clears()
{
    ChangeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(SnapshotDiff::compare(stateAt(1000, false), stateAt(2000, true)));
    QVERIFY(model.rowCount() > 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.changedNodeIds().isEmpty());
}

// An alarm raised between the two moments is a row named by its kind and source, never by the
// server's English summary; its severity is what it became.
void TestChangeTableModel::showsAlarmsRaisedBetween()
{
    ReplayState before = stateAt(1000, false);
    ReplayState after = stateAt(2000, true);
    RecordedAlarm r;
    r.origin = QStringLiteral("http://127.0.0.1:8080");
    r.alarm.id = QStringLiteral("a1");
    r.alarm.kind = Alarm::Kind::NodeDown;
    r.alarm.severity = Alarm::Severity::Critical;
    r.alarm.source = {AlarmSource::Kind::Node, after.nodes.at(1).id};
    r.alarm.summary = QStringLiteral("English text from the server");
    r.alarm.raisedAtMs = 1500;
    after.alarms = {r};
    ChangeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(SnapshotDiff::compare(before, after));
    int found = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(ChangeTableModel::KindRole).toInt() ==
            int(ChangeTableModel::Kind::AlarmRaised))
            found = row;
    }
    QVERIFY(found >= 0);
    QCOMPARE(model.index(found, ChangeTableModel::KindColumn).data().toString(),
             QStringLiteral("Alarm raised"));
    const QString item = model.index(found, ChangeTableModel::ItemColumn).data().toString();
    QVERIFY2(item.contains(QStringLiteral("Node down")) && item.contains(after.nodes.at(1).name),
             qPrintable(item));
    QVERIFY(!item.contains(QStringLiteral("English")));
    QCOMPARE(model.index(found, ChangeTableModel::AfterColumn).data().toString(), QStringLiteral("Critical"));
    QCOMPARE(model.index(found, 0).data(ChangeTableModel::EntityIdRole).toString(), after.nodes.at(1).id);
}

QTEST_GUILESS_MAIN(TestChangeTableModel)
#include "tst_changetablemodel.moc"
