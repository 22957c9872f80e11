#pragma once

#include "domain/reservation.h"
#include "placement/workload.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QPushButton;

namespace cpn {

struct PlanningServices;
class RankedOffersPage;

// Reserves the chosen offer through the node API as the page opens, and says how it went: the
// reservation's id, what it holds and until when, or the node's reason (a vanished offer, too few free
// units, missing permission) with a way to try again or go back and choose another node. Going back
// releases a reservation made here.
class ReservationPage : public QWizardPage
{
    Q_OBJECT

public:
    ReservationPage(PlanningServices *services, placement::Workload *draft, RankedOffersPage *offers,
                    QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    const std::optional<Reservation> &reservation() const { return m_reservation; }
    bool isBusy() const { return !m_pendingTag.isEmpty(); }
    QString failure() const { return m_failure; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *placeJobButton() const { return m_placeJob; }
    // Releases the reservation (when the planner gives up on it).
    void release();

Q_SIGNALS:
    void reserved(const cpn::Reservation &reservation);
    void failed(const QString &reason);
    // The planner wants to place a job on the reservation just made.
    void placeJobRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showReserved();
    void reserve();
    void onReserved(const QString &tag, const Reservation &reservation);
    void onFailed(const QString &tag, const QString &reason, int httpStatus);

    PlanningServices *m_services;
    placement::Workload *m_draft;
    RankedOffersPage *m_offers;
    QString m_pendingTag;
    std::optional<Reservation> m_reservation;
    QString m_failure;
    QLabel *m_summary;
    QLabel *m_status;
    QPushButton *m_retry;
    QPushButton *m_placeJob;
};

} // namespace cpn
