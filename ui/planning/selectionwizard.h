#pragma once

#include "domain/reservation.h"
#include "placement/workload.h"

#include <QWizard>

namespace cpn {
namespace placement {
class SharedRanking;
}

struct PlanningServices;
class RequirementsPage;
class RankedOffersPage;
class ReservationPage;

// Resource selection: requirements (with a live count of the nodes that match), the ranked offers with
// their score breakdown (candidates highlighted on the map), and a reservation made through the node
// API. The wizard owns the draft workload its pages edit.
class SelectionWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { RequirementsPageId, OffersPageId, ReservationPageId };

    explicit SelectionWizard(PlanningServices *services, QWidget *parent = nullptr);
    ~SelectionWizard() override;

    // Sensible defaults for a first selection: 8 training-class cards for 4 hours.
    static placement::Workload defaultWorkload();

    const placement::Workload &draft() const { return m_draft; }
    RequirementsPage *requirementsPage() const { return m_requirements; }
    RankedOffersPage *offersPage() const { return m_offers; }
    ReservationPage *reservationPage() const { return m_reservation; }

    void done(int result) override;

Q_SIGNALS:
    // Nodes to ring on the map; an empty list clears the rings.
    void highlightRequested(const QStringList &nodeIds);
    void reserved(const cpn::Reservation &reservation);
    // The draft on the reservation just made, for Place a Job.
    void placeJobRequested(const cpn::placement::Workload &onReservation);

protected:
    bool event(QEvent *event) override;

private:
    void retranslate();
    placement::Workload m_draft;
    placement::SharedRanking *m_ranking;
    RequirementsPage *m_requirements;
    RankedOffersPage *m_offers;
    ReservationPage *m_reservation;
};

} // namespace cpn
