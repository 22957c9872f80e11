#include "domain/clock.h"
#include "jobs/joblistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::jobs;

class tst_JobListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAppearAndUpdateInPlace();
    void doneByIsItsStartPlusItsHours();
    void rolesAndSorting();
};

namespace {
Job job(const QString &id, JobState state, double progress = 0)
{
    Job j;
    j.id = id;
    j.name = QStringLiteral("name-") + id;
    j.kind = JobKind::Training;
    j.nodeId = QStringLiteral("guian");
    j.state = state;
    j.progress = progress;
    j.estimatedCostCny = 1234;
    j.submittedAtMs = 1'000'000;
    return j;
}
} // namespace

void tst_JobListModel::rowsAppearAndUpdateInPlace()
{
    ManualClock clock(2'000'000);
    JobListModel model(nullptr, clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setJob(job(QStringLiteral("job-1"), JobState::Queued));
    model.setJob(job(QStringLiteral("job-2"), JobState::Running, 0.5));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 2);
    model.setJob(job(QStringLiteral("job-1"), JobState::Completed, 1));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, JobListModel::StateColumn).data().toString(), JobListModel::stateName(JobState::Completed));
    QCOMPARE(model.index(1, JobListModel::ProgressColumn).data().toString(), QStringLiteral("50 %"));
    QCOMPARE(model.rowOf(QStringLiteral("job-2")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("job-3")), -1);
}

void tst_JobListModel::doneByIsItsStartPlusItsHours()
{
    ManualClock clock(10'000);
    JobListModel model(nullptr, clock);
    Job j = job(QStringLiteral("job-1"), JobState::Queued);
    j.requirements.durationHours = 2;
    const qint64 twoHours = 7'200'000;
    QCOMPARE(model.finishByMs(j), 10'000 + twoHours); // queued, no plan known: from now
    QCOMPARE(finishByMs(j, 60'000, clock.nowMs()), 60'000 + twoHours); // from the planned start
    QCOMPARE(finishByMs(j, 5'000, clock.nowMs()), 10'000 + twoHours);  // a planned start that passed: now
    j.state = JobState::Running;
    j.startedAtMs = 6'000;
    j.progress = 0.9; // progress does not move it: the node stops it at its hours at the latest
    QCOMPARE(model.finishByMs(j), 6'000 + twoHours);
    QCOMPARE(model.index(0, JobListModel::EtaColumn).data(), QVariant()); // no row yet
    model.setJob(j);
    QVERIFY(model.index(0, JobListModel::EtaColumn).data().toString().startsWith(QStringLiteral("by ")));
    j.state = JobState::Completed;
    j.finishedAtMs = 900'000;
    QCOMPARE(model.finishByMs(j), 900'000);
}

void tst_JobListModel::rolesAndSorting()
{
    ManualClock clock(2'000'000);
    JobListModel model(nullptr, clock);
    Job failed = job(QStringLiteral("job-9"), JobState::Failed, 0.3);
    failed.message = QStringLiteral("node 'guian' went down");
    failed.finishedAtMs = 1'500'000;
    model.setJob(failed);
    const QModelIndex state = model.index(0, JobListModel::StateColumn);
    QVERIFY(state.data().toString().contains(failed.message));
    QCOMPARE(state.data(JobListModel::StateRole).toInt(), int(JobState::Failed));
    QCOMPARE(state.data(JobListModel::JobIdRole).toString(), QStringLiteral("job-9"));
    QCOMPARE(state.data(JobListModel::NodeIdRole).toString(), QStringLiteral("guian"));
    QCOMPARE(model.index(0, JobListModel::CostColumn).data(JobListModel::SortRole).toDouble(), 1234.0);
    QCOMPARE(model.index(0, JobListModel::EtaColumn).data(JobListModel::SortRole).toLongLong(), 1'500'000);
    QCOMPARE(model.headerData(JobListModel::NodeColumn, Qt::Horizontal).toString(), QStringLiteral("Node"));
}

QTEST_GUILESS_MAIN(tst_JobListModel)
#include "tst_joblistmodel.moc"
