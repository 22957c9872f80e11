#include "domain/clock.h"
#include "gui/planning/planningfixture.h"
#include "jobs/joblistmodel.h"
#include "ui/planning/jobkindpage.h"
#include "ui/planning/jobspanel.h"
#include "ui/planning/jobwizard.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/reviewpage.h"
#include "ui/planning/submitpage.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace cpn;

// The job placement wizard end to end against the real simulator: kind, requirements, the engine's
// proposals (splits where allowed), review with cost and ETA, submission through the node API, and
// the job followed in the Jobs dock until it completes; refusals keep the entries and say why.
class tst_JobWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void placeSubmitAndFollowToCompletion();
    void trainingNeverSplitsButBatchMay();
    void readOnlyAccountIsRefusedAndEntriesKept();
    void nodeRefusingTheJobIsShown();
    void vanishedOfferStopsBeforeAnyJob();

private:
    void fillJob(JobWizard &wizard, const QString &name, JobKind kind, const QString &model, int cards, double hours);
    PlanningFixture m_fx;
};

void tst_JobWizard::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    QVERIFY2(m_fx.start(), qPrintable(m_fx.error()));
}

void tst_JobWizard::cleanup()
{
    QVERIFY(m_fx.control->clearFaults());
}

void tst_JobWizard::fillJob(JobWizard &wizard, const QString &name, JobKind kind, const QString &model, int cards,
                            double hours)
{
    QCOMPARE(wizard.currentId(), int(JobWizard::KindPageId));
    JobKindPage *kindPage = wizard.kindPage();
    QTest::keyClicks(kindPage->nameEdit(), QString()); // focus; the text is set below
    kindPage->nameEdit()->setText(name);
    kindPage->kindCombo()->setCurrentIndex(kindPage->kindCombo()->findData(int(kind)));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(JobWizard::RequirementsPageId));
    RequirementsPage *req = wizard.requirementsPage();
    req->acceleratorCombo()->setCurrentIndex(req->acceleratorCombo()->findData(model));
    req->acceleratorCount()->setValue(cards);
    req->durationHours()->setValue(hours);
    req->cpuCores()->setValue(16);
    req->memoryGiB()->setValue(64);
}

void tst_JobWizard::placeSubmitAndFollowToCompletion()
{
    SystemClock clock;
    JobsPanel panel(m_fx.tracker.get(), clock);
    JobWizard wizard(&m_fx.services);
    QSignalSpy submitted(&wizard, &JobWizard::submitted);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    fillJob(wizard, QStringLiteral("llm-finetune-7b"), JobKind::FineTuning, QStringLiteral("ascend-910b"), 16, 1);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(JobWizard::ProposalsPageId));
    RankedOffersPage *proposals = wizard.proposalsPage();
    QVERIFY(proposals->candidatesTable()->rowCount() > 0);
    QVERIFY(proposals->selectCandidate(0));
    const placement::Candidate chosen = *proposals->selectedCandidate();

    wizard.next();
    QCOMPARE(wizard.currentId(), int(JobWizard::ReviewPageId));
    const QString review = wizard.reviewPage()->summaryLabel()->text();
    QVERIFY(review.contains(QStringLiteral("llm-finetune-7b")));
    QVERIFY(review.contains(QStringLiteral("Estimated cost")));
    QVERIFY(review.contains(QStringLiteral("Done by")));
    // The node by its name, not its id.
    const QString nodeName = proposals->nodeNames().name(chosen.nodeId());
    QVERIFY(nodeName != chosen.nodeId());
    QVERIFY2(review.contains(nodeName), qPrintable(review));
    QVERIFY2(!review.contains(u'>' + chosen.nodeId() + u'<'), qPrintable(review));
    QCOMPARE(wizard.button(QWizard::NextButton)->text(), QStringLiteral("&Submit"));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(JobWizard::SubmitPageId));
    QVERIFY(submitted.wait(15000));
    const QList<Job> jobs = submitted.first().at(0).value<QList<Job>>();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().nodeId, chosen.nodeId());
    QCOMPARE(jobs.first().name, QStringLiteral("llm-finetune-7b"));
    QCOMPARE(jobs.first().requirements.accelerators, 16);
    QVERIFY(wizard.submitPage()->statusLabel()->text().contains(jobs.first().id));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    wizard.accept();

    // The Jobs dock follows it to the end with live state from the node.
    const int row = panel.model()->rowOf(jobs.first().id);
    QVERIFY(row >= 0);
    // The dock's "done by" is the review's until the node starts the job, then its start plus its hours.
    const Job shown = panel.model()->jobAt(row);
    const qint64 doneBy = panel.model()->index(row, jobs::JobListModel::EtaColumn).data(jobs::JobListModel::SortRole).toLongLong();
    QCOMPARE(doneBy, shown.startedAtMs > 0 ? shown.startedAtMs + 3'600'000 : chosen.estimatedFinishMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->jobAt(row).state, JobState::Completed, 20000);
    QCOMPARE(panel.model()->index(row, jobs::JobListModel::ProgressColumn).data().toString(), QStringLiteral("100 %"));
}

void tst_JobWizard::trainingNeverSplitsButBatchMay()
{
    JobWizard wizard(&m_fx.services);
    wizard.show();
    JobKindPage *kindPage = wizard.kindPage();
    kindPage->kindCombo()->setCurrentIndex(kindPage->kindCombo()->findData(int(JobKind::Training)));
    QVERIFY(!kindPage->splitCheck()->isEnabled());
    kindPage->kindCombo()->setCurrentIndex(kindPage->kindCombo()->findData(int(JobKind::Batch)));
    QVERIFY(kindPage->splitCheck()->isEnabled());
    kindPage->splitCheck()->setChecked(true);
    kindPage->maxNodes()->setValue(4);
    QVERIFY(wizard.draft().splittable);
    QCOMPARE(wizard.draft().maxSplitNodes, 4);
    wizard.next();
    // More H800 cards than any one node has free: only splits can take it.
    double most = 0;
    for (const Offer &o : m_fx.offers->offers())
        if (o.model == QStringLiteral("h800"))
            most = std::max(most, o.available);
    RequirementsPage *req = wizard.requirementsPage();
    req->acceleratorCombo()->setCurrentIndex(req->acceleratorCombo()->findData(QStringLiteral("h800")));
    req->acceleratorCount()->setValue(int(most) + 8);
    req->cpuCores()->setValue(8);
    req->memoryGiB()->setValue(32);
    req->durationHours()->setValue(1);
    wizard.next();
    const placement::PlacementResult &result = wizard.proposalsPage()->result();
    QVERIFY(!result.ranked.isEmpty());
    for (const placement::Candidate &c : result.ranked)
        QVERIFY(c.isSplit());
    QVERIFY(wizard.proposalsPage()->candidatesTable()->item(0, 0)->text().contains(QStringLiteral(" + ")));
    // Each part becomes its own job request with its share of the cards.
    const QList<JobRequest> requests = SubmitPage::requestsFor(wizard.draft(), result.ranked.first());
    QCOMPARE(requests.size(), result.ranked.first().shares.size());
    int cards = 0;
    for (const JobRequest &r : requests)
        cards += r.requirements.accelerators;
    QCOMPARE(cards, int(most) + 8);
}

void tst_JobWizard::readOnlyAccountIsRefusedAndEntriesKept()
{
    // A console signed in with the read scopes only.
    api::ClientOptions options;
    options.token = PlanningFixture::kReadToken;
    jobs::JobTracker readOnly(&m_fx.nam, options);
    readOnly.setDirectory(m_fx.nodes);
    PlanningServices services = m_fx.services;
    services.jobs = &readOnly;
    JobWizard wizard(&services);
    QSignalSpy failed(&wizard, &JobWizard::submissionFailed);
    wizard.show();
    fillJob(wizard, QStringLiteral("not-allowed"), JobKind::Training, QStringLiteral("h800"), 8, 1);
    wizard.next();
    QVERIFY(wizard.proposalsPage()->selectCandidate(0));
    wizard.next();
    wizard.reviewPage()->reserveCheck()->setChecked(false);
    wizard.next();
    QVERIFY(failed.wait(10000));
    SubmitPage *submit = wizard.submitPage();
    QVERIFY2(submit->statusLabel()->text().contains(QStringLiteral("without permission to submit jobs")),
             qPrintable(submit->statusLabel()->text()));
    QCOMPARE(submit->parts().first().httpStatus, 403);
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(submit->retryButton()->isVisible());
    // Nothing is lost: back on the review page the entries are all there.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(JobWizard::ReviewPageId));
    QCOMPARE(wizard.draft().name, QStringLiteral("not-allowed"));
    QCOMPARE(wizard.draft().requirements.accelerators, 8);
    QCOMPARE(wizard.requirementsPage()->acceleratorCount()->value(), 8);
}

void tst_JobWizard::nodeRefusingTheJobIsShown()
{
    JobWizard wizard(&m_fx.services);
    QSignalSpy failed(&wizard, &JobWizard::submissionFailed);
    QSignalSpy submitted(&wizard, &JobWizard::submitted);
    wizard.show();
    fillJob(wizard, QStringLiteral("refused"), JobKind::Training, QStringLiteral("h800"), 8, 1);
    wizard.next();
    QVERIFY(wizard.proposalsPage()->selectCandidate(0));
    const QString nodeId = wizard.proposalsPage()->selectedCandidate()->nodeId();
    wizard.next();
    wizard.reviewPage()->reserveCheck()->setChecked(false);
    QVERIFY(m_fx.nodeDown(nodeId));
    wizard.next();
    QVERIFY(failed.wait(10000));
    QCOMPARE(wizard.submitPage()->parts().first().httpStatus, 503);
    QVERIFY(wizard.submitPage()->statusLabel()->text().contains(nodeId));
    // The node comes back: Try Again sends the same job, once.
    QVERIFY(m_fx.control->clearFaults());
    QTest::mouseClick(wizard.submitPage()->retryButton(), Qt::LeftButton);
    QVERIFY(submitted.wait(10000));
    QCOMPARE(submitted.first().at(0).value<QList<Job>>().size(), 1);
    QVERIFY(wizard.submitPage()->allSubmitted());
}

void tst_JobWizard::vanishedOfferStopsBeforeAnyJob()
{
    JobWizard wizard(&m_fx.services);
    QSignalSpy failed(&wizard, &JobWizard::submissionFailed);
    wizard.show();
    fillJob(wizard, QStringLiteral("vanished"), JobKind::Training, QStringLiteral("ascend-910b"), 8, 1);
    wizard.next();
    QVERIFY(wizard.proposalsPage()->selectCandidate(0));
    const QString nodeId = wizard.proposalsPage()->selectedCandidate()->nodeId();
    wizard.next();
    QVERIFY(wizard.reviewPage()->reserveFirst());
    const int jobsBefore = int(m_fx.tracker->jobs().size());
    QVERIFY(m_fx.nodeDown(nodeId));
    wizard.next();
    QVERIFY(failed.wait(10000));
    QCOMPARE(wizard.submitPage()->parts().first().httpStatus, 409);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("no longer available")),
             qPrintable(failed.first().at(0).toString()));
    QCOMPARE(int(m_fx.tracker->jobs().size()), jobsBefore); // no job was created
}

QTEST_MAIN(tst_JobWizard)
#include "tst_jobwizard.moc"
