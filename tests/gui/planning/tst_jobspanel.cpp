#include "domain/clock.h"
#include "gui/planning/planningfixture.h"
#include "jobs/joblistmodel.h"
#include "ui/planning/jobspanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace cpn;

// The Jobs dock against the real simulator: live state and progress from the node, Cancel for a
// running job (and only for one), a double click that asks the map to centre on the job's node.
class tst_JobsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void liveStateCancelAndCentre();

private:
    Job submit(const QString &name, const QString &nodeId, double hours);
    PlanningFixture m_fx;
};

void tst_JobsPanel::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    QVERIFY2(m_fx.start(), qPrintable(m_fx.error()));
}

Job tst_JobsPanel::submit(const QString &name, const QString &nodeId, double hours)
{
    QSignalSpy submitted(m_fx.tracker.get(), &jobs::JobTracker::submitted);
    JobRequest r;
    r.name = name;
    r.kind = JobKind::Batch;
    r.requirements.cpuCores = 32;
    r.requirements.memoryGiB = 64;
    r.requirements.durationHours = hours;
    m_fx.tracker->submit(name, nodeId, r);
    if (!submitted.wait(10000))
        return {};
    return submitted.first().at(1).value<Job>();
}

void tst_JobsPanel::liveStateCancelAndCentre()
{
    SystemClock clock;
    JobsPanel panel(m_fx.tracker.get(), clock);
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    const Job quick = submit(QStringLiteral("quick"), QStringLiteral("guian"), 1);
    const Job slow = submit(QStringLiteral("slow"), QStringLiteral("zhongwei"), 600);
    QVERIFY(!quick.id.isEmpty() && !slow.id.isEmpty());
    QCOMPARE(panel.model()->rowCount(), 2);
    QVERIFY(panel.messageLabel()->text().contains(QStringLiteral("slow")));

    // The quick one completes on its own; Cancel is not offered for it.
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->jobAt(panel.model()->rowOf(quick.id)).state, JobState::Completed, 20000);
    QVERIFY(panel.selectJob(quick.id));
    QVERIFY(!panel.cancelButton()->isEnabled());

    // The slow one runs with live progress, and is cancelled from the dock.
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->jobAt(panel.model()->rowOf(slow.id)).progress > 0, 10000);
    QVERIFY(panel.selectJob(slow.id));
    QCOMPARE(panel.selectedJobId(), slow.id);
    QVERIFY(panel.cancelButton()->isEnabled());
    QCOMPARE(panel.cancelButton()->property("cpnRequiresScope").toString(), QStringLiteral("jobs:write"));
    QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->jobAt(panel.model()->rowOf(slow.id)).state, JobState::Cancelled, 10000);
    QVERIFY(!panel.cancelButton()->isEnabled());

    // A double click asks for the job's node on the map.
    QSignalSpy activated(&panel, &JobsPanel::nodeActivated);
    QTableView *view = panel.view();
    const QModelIndex index = view->model()->index(view->currentIndex().row(), jobs::JobListModel::NameColumn);
    const QPoint centre = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toString(), QStringLiteral("zhongwei"));
}

QTEST_MAIN(tst_JobsPanel)
#include "tst_jobspanel.moc"
