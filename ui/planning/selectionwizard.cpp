#include "ui/planning/selectionwizard.h"

#include "widgets/wizardbuttons.h"

#include "placement/sharedranking.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/reservationpage.h"

#include <QEvent>

namespace cpn {

placement::Workload SelectionWizard::defaultWorkload()
{
    placement::Workload w;
    w.name = tr("Selection");
    w.requirements.accelerators = 8;
    w.acceleratorModels = placement::acceleratorModelsOfClass(placement::AcceleratorClass::Training);
    w.requirements.cpuCores = 64;
    w.requirements.memoryGiB = 512;
    w.requirements.storageTB = 1;
    w.requirements.durationHours = 4;
    return w;
}

SelectionWizard::SelectionWizard(PlanningServices *services, QWidget *parent)
    : QWizard(parent), m_draft(defaultWorkload())
{
    setObjectName(QStringLiteral("selectionWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    // One ranking for the count on the requirements page and the ranked list.
    m_ranking = new placement::SharedRanking(services ? services->snapshot : placement::SharedRanking::SnapshotSource{},
                                             nullptr, this);
    m_requirements = new RequirementsPage(services, &m_draft, m_ranking, this);
    m_offers = new RankedOffersPage(services, &m_draft, m_ranking, this);
    m_reservation = new ReservationPage(services, &m_draft, m_offers, this);
    setPage(RequirementsPageId, m_requirements);
    setPage(OffersPageId, m_offers);
    setPage(ReservationPageId, m_reservation);

    connect(m_offers, &RankedOffersPage::candidatesShown, this, &SelectionWizard::highlightRequested);
    connect(m_reservation, &ReservationPage::reserved, this, &SelectionWizard::reserved);
    // The requirements and the reservation go on to Place a Job; this wizard closes, keeping the reservation.
    connect(m_reservation, &ReservationPage::placeJobRequested, this, [this] {
        if (!m_reservation->reservation())
            return;
        Q_EMIT placeJobRequested(m_draft.onReservation(*m_reservation->reservation()));
        accept();
    });
    // Leaving the offers page backwards clears the rings; they come back when it is shown again.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == RequirementsPageId)
            Q_EMIT highlightRequested({});
    });
    resize(1180, 760);
    retranslate();
}

bool SelectionWizard::event(QEvent *event)
{
    const bool handled = QWizard::event(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // after the pages, as what it sets on them is its own
    return handled;
}

void SelectionWizard::retranslate()
{
    retranslateWizardButtons(this); // Qt's own Back, Next, Cancel…: first, what follows is ours
    setWindowTitle(tr("Select Resources"));
    // Leaving the ranked offers reserves the chosen one at its node: the button says so.
    m_offers->setButtonText(QWizard::NextButton, tr("Re&serve >"));
    m_offers->setToolTip(tr("Reserve holds the chosen offer's units at its node for the job's duration"));
    setButtonText(QWizard::FinishButton, tr("&Done"));
}

SelectionWizard::~SelectionWizard() = default;

void SelectionWizard::done(int result)
{
    if (result != QDialog::Accepted)
        m_reservation->release(); // cancelled: the units go back to the node
    Q_EMIT highlightRequested({});
    QWizard::done(result);
}

} // namespace cpn
