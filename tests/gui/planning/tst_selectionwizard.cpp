#include "domain/clock.h"
#include "gui/planning/planningfixture.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/reservationpage.h"
#include "ui/planning/selectionwizard.h"
#include "widgets/map/mapscene.h"

#include <QAction>
#include <QMenu>

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace cpn;

// The resource selection wizard end to end against the real simulator: requirements with validation
// and a live count, the ranked offers with their score parts and rejections, the map highlights, a
// reservation made through the node API and a job that runs on it until it completes; and a vanished
// offer shown as the node's reason.
class tst_SelectionWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void validationShowsTheReason();
    void liveCountFollowsTheEntries();
    void rankReserveAndRunToCompletion();
    void vanishedOfferIsShownAndNothingIsHeld();
    void fromTheMainWindowTheMapRingsTheCandidates();

private:
    static void chooseModel(SelectionWizard &wizard, const QString &model, int cards);
    PlanningFixture m_fx;
};

void tst_SelectionWizard::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    QVERIFY2(m_fx.start(), qPrintable(m_fx.error()));
}

void tst_SelectionWizard::cleanup()
{
    QVERIFY(m_fx.control->clearFaults());
}

void tst_SelectionWizard::chooseModel(SelectionWizard &wizard, const QString &model, int cards)
{
    RequirementsPage *page = wizard.requirementsPage();
    const int index = page->acceleratorCombo()->findData(model);
    QVERIFY2(index >= 0, qPrintable(model));
    page->acceleratorCombo()->setCurrentIndex(index);
    page->acceleratorCount()->setValue(cards);
}

void tst_SelectionWizard::validationShowsTheReason()
{
    SelectionWizard wizard(&m_fx.services);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    RequirementsPage *page = wizard.requirementsPage();
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QVERIFY(next->isEnabled()); // the defaults are valid

    page->durationHours()->setValue(0);
    QVERIFY(!next->isEnabled());
    QVERIFY(page->problemLabel()->text().contains(QStringLiteral("how long")));

    page->durationHours()->setValue(3);
    QVERIFY(next->isEnabled());
    page->residency()->setText(QStringLiteral("CN-GZ, CN-XX"));
    QVERIFY(!next->isEnabled());
    QVERIFY(page->problemLabel()->text().contains(QStringLiteral("CN-XX")));
    page->residency()->setText(QStringLiteral("CN-GZ, cn-nx"));
    QVERIFY(next->isEnabled());
    QCOMPARE(wizard.draft().residencyProvinces, (QSet<QString>{QStringLiteral("CN-GZ"), QStringLiteral("CN-NX")}));

    page->deadlineCheck()->setChecked(true);
    page->deadline()->setDateTime(QDateTime::currentDateTime().addSecs(3600)); // sooner than 3 h of work
    QVERIFY(!next->isEnabled());
    QVERIFY(page->problemLabel()->text().contains(QStringLiteral("deadline")));
    page->deadlineCheck()->setChecked(false);

    page->maxLatency()->setValue(20);
    QVERIFY(!next->isEnabled()); // latency without a place for the users
    page->usersLocation()->setCurrentIndex(page->usersLocation()->findData(QStringLiteral("province:CN-SH")));
    QVERIFY(next->isEnabled());
    QCOMPARE(wizard.draft().usersLocation.province, QStringLiteral("CN-SH"));
    QCOMPARE(wizard.draft().maxLatencyMs, 20.0);

    // Next stays on the page when the entries are refused.
    page->durationHours()->setValue(0);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SelectionWizard::RequirementsPageId));
}

void tst_SelectionWizard::liveCountFollowsTheEntries()
{
    SelectionWizard wizard(&m_fx.services);
    wizard.show();
    RequirementsPage *page = wizard.requirementsPage();
    QSignalSpy counted(page, &RequirementsPage::counted);
    chooseModel(wizard, QStringLiteral("h800"), 8);
    QVERIFY(counted.wait(3000)); // coalesced: one count after the burst of edits
    const int some = page->matchCount();
    QVERIFY(some > 0);
    QVERIFY(page->countLabel()->text().contains(QString::number(some)));

    page->acceleratorCount()->setValue(100000); // more cards than any node has
    QVERIFY(counted.wait(3000));
    QCOMPARE(page->matchCount(), 0);
    QVERIFY(page->countLabel()->text().startsWith(QStringLiteral("No node")));

    // Residency narrows it down.
    page->acceleratorCount()->setValue(8);
    page->residency()->setText(QStringLiteral("CN-GZ"));
    QVERIFY(counted.wait(3000));
    QVERIFY(page->matchCount() > 0);
    QVERIFY(page->matchCount() < some);
}

void tst_SelectionWizard::rankReserveAndRunToCompletion()
{
    SelectionWizard wizard(&m_fx.services);
    QSignalSpy highlights(&wizard, &SelectionWizard::highlightRequested);
    QSignalSpy reserved(&wizard, &SelectionWizard::reserved);
    wizard.show();
    chooseModel(wizard, QStringLiteral("h800"), 8);
    wizard.requirementsPage()->durationHours()->setValue(1);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SelectionWizard::OffersPageId));
    // Next from here reserves: the button says so.
    QCOMPARE(wizard.button(QWizard::NextButton)->text(), QStringLiteral("Re&serve >"));

    RankedOffersPage *offers = wizard.offersPage();
    QTableWidget *table = offers->candidatesTable();
    QVERIFY(table->rowCount() > 0);
    QCOMPARE(table->columnCount(), int(RankedOffersPage::ColumnCount));
    // Best first, with the five parts of the score in [0, 100].
    double previous = 2;
    for (int row = 0; row < table->rowCount(); ++row) {
        const placement::Candidate &c = offers->result().ranked.at(row);
        QVERIFY(c.totalScore <= previous);
        previous = c.totalScore;
        QVERIFY(!c.isSplit()); // resource selection never splits
        for (int column = RankedOffersPage::CostScoreColumn; column <= RankedOffersPage::EnergyScoreColumn; ++column) {
            const int value = table->item(row, column)->text().toInt();
            QVERIFY(value >= 0 && value <= 100);
        }
    }
    // Nodes without H800 cards are rejected with their reason.
    QVERIFY(offers->rejectedTable()->rowCount() > 0);
    QVERIFY(!offers->rejectedTable()->item(0, 2)->text().isEmpty());
    QVERIFY(offers->tabs()->tabText(1).contains(QString::number(offers->rejectedTable()->rowCount())));
    // The candidates went to the map.
    QVERIFY(!highlights.isEmpty());
    const QStringList ringed = highlights.last().at(0).toStringList();
    QVERIFY(ringed.contains(offers->result().ranked.first().nodeId()));

    QVERIFY(offers->selectCandidate(0));
    const QString nodeId = offers->selectedCandidate()->nodeId();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SelectionWizard::ReservationPageId));
    QVERIFY(reserved.wait(10000));
    const Reservation reservation = reserved.first().at(0).value<Reservation>();
    QCOMPARE(reservation.nodeId, nodeId);
    QCOMPARE(reservation.count, 8);
    QCOMPARE(reservation.model, QStringLiteral("h800"));
    QVERIFY(wizard.reservationPage()->statusLabel()->text().contains(reservation.id));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    wizard.accept();
    QVERIFY(highlights.last().at(0).toStringList().isEmpty()); // rings cleared on close

    // The reservation is kept after Done: a job runs on it to the end.
    QSignalSpy submitted(m_fx.tracker.get(), &jobs::JobTracker::submitted);
    JobRequest job;
    job.name = QStringLiteral("on-selected");
    job.kind = JobKind::Training;
    job.requirements.acceleratorModel = QStringLiteral("h800");
    job.requirements.accelerators = 8;
    job.requirements.cpuCores = 64;
    job.requirements.durationHours = 1;
    job.reservationId = reservation.id;
    m_fx.tracker->submit(QStringLiteral("selected"), nodeId, job);
    QVERIFY(submitted.wait(10000));
    const QString jobId = submitted.first().at(1).value<Job>().id;
    QTRY_COMPARE_WITH_TIMEOUT(m_fx.tracker->job(jobId)->state, JobState::Completed, 20000);
}

void tst_SelectionWizard::vanishedOfferIsShownAndNothingIsHeld()
{
    SelectionWizard wizard(&m_fx.services);
    wizard.show();
    chooseModel(wizard, QStringLiteral("ascend-910b"), 16);
    wizard.next();
    RankedOffersPage *offers = wizard.offersPage();
    QVERIFY(offers->selectCandidate(0));
    const QString nodeId = offers->selectedCandidate()->nodeId();
    // The node goes down between the ranking and the reservation.
    QVERIFY(m_fx.nodeDown(nodeId));
    QSignalSpy failed(wizard.reservationPage(), &ReservationPage::failed);
    wizard.next();
    QVERIFY(failed.wait(10000));
    ReservationPage *page = wizard.reservationPage();
    QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("no longer available")),
             qPrintable(page->statusLabel()->text()));
    QVERIFY(!page->reservation());
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(page->retryButton()->isVisible());
    // Back to the offers, ranked again without the node's offers: another node can be chosen.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(SelectionWizard::OffersPageId));
    QVERIFY(m_fx.refreshOffers());
    offers->rank();
    for (int row = 0; row < offers->result().ranked.size(); ++row) {
        if (offers->result().ranked.at(row).nodeId() != nodeId) {
            QVERIFY(offers->selectCandidate(row));
            break;
        }
    }
    QVERIFY(offers->selectedCandidate()->nodeId() != nodeId);
    QSignalSpy reserved(&wizard, &SelectionWizard::reserved);
    wizard.next();
    QVERIFY(reserved.wait(10000));
    // Cancelling the wizard gives the units back.
    const Reservation r = reserved.first().at(0).value<Reservation>();
    QSignalSpy released(m_fx.tracker.get(), &jobs::JobTracker::reservationCancelled);
    wizard.reject();
    QVERIFY(released.wait(10000));
    QCOMPARE(released.first().at(0).value<Reservation>().id, r.id);
}

void tst_SelectionWizard::fromTheMainWindowTheMapRingsTheCandidates()
{
    SystemClock clock;
    FederationState state(clock);
    NodeTableModel nodes(&state);
    EventLogModel eventModel;
    EventLog events(&eventModel, clock);
    MainWindow::Dependencies dependencies;
    dependencies.state = &state;
    dependencies.nodes = &nodes;
    dependencies.events = &events;
    dependencies.clock = &clock;
    dependencies.planning = &m_fx.services;
    MainWindow window(dependencies);
    state.setDirectory(m_fx.nodes, m_fx.links);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.planningMenu());
    QVERIFY(window.jobsDock());
    // Actions that change something at the nodes say which scope they need.
    QCOMPARE(window.selectResourcesAction()->property("cpnRequiresScope").toString(),
             QStringLiteral("jobs:write"));
    QCOMPARE(window.placeJobAction()->property("cpnRequiresScope").toString(), QStringLiteral("jobs:write"));

    window.selectResourcesAction()->trigger();
    auto *wizard = window.findChild<SelectionWizard *>();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    chooseModel(*wizard, QStringLiteral("h800"), 8);
    wizard->next();
    const QSet<QString> &ringed = window.mapPanel()->scene()->highlightedNodeIds();
    QVERIFY(!ringed.isEmpty());
    QVERIFY(ringed.contains(wizard->offersPage()->result().ranked.first().nodeId()));
    wizard->reject();
    QVERIFY(window.mapPanel()->scene()->highlightedNodeIds().isEmpty());
}

QTEST_MAIN(tst_SelectionWizard)
#include "tst_selectionwizard.moc"
