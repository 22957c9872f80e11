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
#include "ui/planning/jobkindpage.h"
#include "ui/planning/jobwizard.h"
#include "ui/planning/reservationspanel.h"
#include "ui/planning/reviewpage.h"
#include "ui/planning/selectionwizard.h"
#include "ui/planning/submitpage.h"
#include "jobs/reservationlist.h"
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

#include <algorithm>
#include <optional>

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
    void thePagesNameTheSameBest();
    void rankReserveAndRunToCompletion();
    void vanishedOfferIsShownAndNothingIsHeld();
    void aReservationIsPlacedOnAndListed();
    void aReservationIsReleasedFromTheList();
    void fromTheMainWindowTheMapRingsTheCandidates();

private:
    static void chooseModel(SelectionWizard &wizard, const QString &model, int cards);
    // Runs the wizard to a reservation of `cards` h800 cards at the best node; empty on failure.
    std::optional<Reservation> reserve(SelectionWizard &wizard, int cards);
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

void tst_SelectionWizard::thePagesNameTheSameBest()
{
    // A federation that moves on between the pages (here: the best node's offers vanish), as live samples do.
    QString vanished;
    PlanningServices services = m_fx.services;
    services.snapshot = [&] {
        placement::FederationSnapshot s = m_fx.services.snapshot();
        s.offers.removeIf([&](const Offer &o) { return o.nodeId == vanished; });
        return s;
    };
    SelectionWizard wizard(&services);
    wizard.show();
    RequirementsPage *page = wizard.requirementsPage();
    QSignalSpy counted(page, &RequirementsPage::counted);
    chooseModel(wizard, QStringLiteral("h800"), 8);
    QVERIFY(counted.wait(3000));
    const auto bestNamed = [&](const QString &name) {
        return page->countLabel()->text().contains(QStringLiteral("the best is %1 at").arg(name));
    };

    RankedOffersPage *offers = wizard.offersPage();
    const placement::Candidate best = offers->result().ranked.constFirst();
    vanished = best.nodeId();
    wizard.next();
    // The ranked list is the ranking the first page counted: its top row is the best that page named.
    const QString firstRow = offers->candidatesTable()->item(0, RankedOffersPage::NodeColumn)->text();
    QCOMPARE(firstRow, RankedOffersPage::candidateName(best, m_fx.services.nodeNames()));
    QVERIFY2(bestNamed(firstRow), qPrintable(page->countLabel()->text()));

    // Refresh ranks again against the federation as it is now, and the first page follows.
    offers->rank();
    const QString newFirst = offers->candidatesTable()->item(0, RankedOffersPage::NodeColumn)->text();
    QVERIFY(newFirst != firstRow);
    QCOMPARE(offers->result().ranked.constFirst().nodeId() == vanished, false);
    wizard.back();
    QVERIFY2(bestNamed(newFirst), qPrintable(page->countLabel()->text()));
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

std::optional<Reservation> tst_SelectionWizard::reserve(SelectionWizard &wizard, int cards)
{
    QSignalSpy reserved(&wizard, &SelectionWizard::reserved);
    wizard.show();
    chooseModel(wizard, QStringLiteral("h800"), cards);
    wizard.requirementsPage()->durationHours()->setValue(1);
    wizard.next();
    if (!wizard.offersPage()->selectCandidate(0))
        return std::nullopt;
    wizard.next();
    if (!reserved.wait(10000))
        return std::nullopt;
    return reserved.first().at(0).value<Reservation>();
}

void tst_SelectionWizard::aReservationIsPlacedOnAndListed()
{
    SystemClock clock;
    jobs::ReservationList list(m_fx.tracker.get());
    list.setPollIntervalMs(200);
    ReservationsPanel panel(&list, [this] { return m_fx.services.nodeNames(); }, clock);
    SelectionWizard selection(&m_fx.services);
    std::optional<placement::Workload> carried;
    connect(&selection, &SelectionWizard::placeJobRequested, this,
            [&](const placement::Workload &w) { carried = w; });
    const std::optional<Reservation> held = reserve(selection, 8);
    QVERIFY(held);
    // The Reservations dock lists it by the node's name, with what it holds.
    QVERIFY(panel.select(held->id));
    const int row = panel.table()->currentRow();
    QCOMPARE(panel.table()->item(row, ReservationsPanel::NodeColumn)->text(), m_fx.services.nodeNames().name(held->nodeId));
    QCOMPARE(panel.table()->item(row, ReservationsPanel::HoldsColumn)->text(), heldUnitsText(*held));
    QVERIFY(heldUnitsText(*held).contains(QStringLiteral("H800")));
    QCOMPARE(panel.table()->item(row, ReservationsPanel::StateColumn)->text(), QStringLiteral("Held"));
    QVERIFY(panel.placeJobButton()->isEnabled());

    // "Place a Job on It" carries the requirements and the reservation; the selection closes, keeping it.
    QVERIFY(selection.reservationPage()->placeJobButton()->isVisible());
    selection.reservationPage()->placeJobButton()->click();
    QVERIFY(carried);
    QCOMPARE(selection.result(), int(QDialog::Accepted));
    QVERIFY(carried->held);
    QCOMPARE(carried->held->id, held->id);
    QCOMPARE(carried->requirements.durationHours, 1.0);

    JobWizard wizard(&m_fx.services, *carried);
    QSignalSpy submitted(&wizard, &JobWizard::submitted);
    wizard.show();
    wizard.kindPage()->nameEdit()->setText(QStringLiteral("on-reservation"));
    wizard.next();
    RequirementsPage *requirements = wizard.requirementsPage();
    QVERIFY(requirements->heldUnitsLabel()->isVisible());
    QVERIFY(requirements->heldUnitsLabel()->text().contains(held->id));
    QVERIFY(!requirements->acceleratorCombo()->isEnabled()); // the reservation's cards, not the planner's
    QVERIFY(!requirements->acceleratorCount()->isEnabled());
    QCOMPARE(requirements->acceleratorCount()->value(), 8);
    wizard.next();
    // Proposed at the reservation's node only, although its offer no longer lists the held cards.
    RankedOffersPage *proposals = wizard.proposalsPage();
    QCOMPARE(proposals->result().ranked.size(), 1);
    QCOMPARE(proposals->result().ranked.constFirst().nodeId(), held->nodeId);
    QVERIFY(std::all_of(proposals->result().rejected.cbegin(), proposals->result().rejected.cend(),
                        [](const placement::Rejection &r) { return r.reason == placement::RejectionReason::NotTheHeldNode; }));
    QVERIFY(proposals->selectCandidate(0));
    wizard.next();
    QVERIFY(!wizard.reviewPage()->reserveCheck()->isVisible()); // nothing more to reserve
    wizard.next();
    QVERIFY(submitted.wait(15000));
    const Job job = submitted.first().at(0).value<QList<Job>>().constFirst();
    QCOMPARE(job.nodeId, held->nodeId);

    // The node says the reservation was used by that job, and the list shows it.
    QTRY_COMPARE_WITH_TIMEOUT(list.reservation(held->id)->state, Reservation::State::Used, 10000);
    QCOMPARE(list.reservation(held->id)->jobId, job.id);
    QVERIFY(panel.select(held->id));
    QCOMPARE(panel.table()->item(panel.table()->currentRow(), ReservationsPanel::StateColumn)->text(),
             QStringLiteral("Used by %1").arg(job.id));
    QVERIFY(!panel.placeJobButton()->isEnabled());
    QVERIFY(!panel.releaseButton()->isEnabled());
}

void tst_SelectionWizard::aReservationIsReleasedFromTheList()
{
    SystemClock clock;
    jobs::ReservationList list(m_fx.tracker.get());
    ReservationsPanel panel(&list, [this] { return m_fx.services.nodeNames(); }, clock);
    SelectionWizard selection(&m_fx.services);
    const std::optional<Reservation> held = reserve(selection, 4);
    QVERIFY(held);
    selection.accept(); // Done keeps it
    QVERIFY(panel.select(held->id));
    QVERIFY(panel.releaseButton()->isEnabled());
    QSignalSpy changed(&list, &jobs::ReservationList::changed);
    panel.releaseButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(list.reservation(held->id)->state, Reservation::State::Cancelled, 10000);
    QVERIFY(panel.select(held->id));
    QCOMPARE(panel.table()->item(panel.table()->currentRow(), ReservationsPanel::StateColumn)->text(),
             QStringLiteral("Released"));
    // Released at the node: asking it again finds it cancelled, and releasing twice is refused there.
    QSignalSpy refused(&list, &jobs::ReservationList::releaseFailed);
    m_fx.tracker->cancelReservation(held->nodeId, held->id);
    QVERIFY(refused.wait(10000));
}

QTEST_MAIN(tst_SelectionWizard)
#include "tst_selectionwizard.moc"
