#include "ui/planning/reservationpage.h"

#include "domain/enums.h"
#include "domain/logging.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/rankedofferspage.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace cpn {

ReservationPage::ReservationPage(PlanningServices *services, placement::Workload *draft, RankedOffersPage *offers,
                                 QWidget *parent)
    : QWizardPage(parent), m_services(services), m_draft(draft), m_offers(offers)
{
    setObjectName(QStringLiteral("reservationPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reservationSummary"));
    m_summary->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reservationStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("retryReservation"));
    m_retry->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &ReservationPage::reserve);
    m_placeJob = new QPushButton(this);
    m_placeJob->setObjectName(QStringLiteral("placeJobOnReservation"));
    m_placeJob->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_placeJob->hide();
    connect(m_placeJob, &QPushButton::clicked, this, &ReservationPage::placeJobRequested);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addWidget(m_placeJob, 0, Qt::AlignLeft);
    layout->addStretch(1);

    if (m_services && m_services->jobs) {
        connect(m_services->jobs, &jobs::JobTracker::reserved, this, &ReservationPage::onReserved);
        connect(m_services->jobs, &jobs::JobTracker::reserveFailed, this, &ReservationPage::onFailed);
    }
    retranslate();
}

void ReservationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

// The page's texts; what the reservation came to is said again too (the summary and a failure are
// said in the language of the moment they were asked).
void ReservationPage::retranslate()
{
    setTitle(tr("Reservation"));
    setSubTitle(tr("The node holds the units for you until a job uses them or the reservation expires."));
    m_retry->setText(tr("&Try Again"));
    m_placeJob->setText(tr("Place a &Job on It…"));
    m_placeJob->setToolTip(tr("Open Place a Job with these requirements, on the units just reserved"));
    if (m_reservation)
        showReserved();
}

void ReservationPage::showReserved()
{
    const Reservation &reservation = *m_reservation;
    m_status->setText(tr("Reserved: %1 holds %2 at %3 until %4. Place a job on it before then.")
                          .arg(reservation.id, heldUnitsText(reservation),
                               m_services ? m_services->nodeNames().name(reservation.nodeId) : reservation.nodeId,
                               QLocale().toString(QDateTime::fromMSecsSinceEpoch(reservation.expiresAtMs).time(),
                                                  QLocale::ShortFormat)));
}

void ReservationPage::initializePage()
{
    m_placeJob->hide();
    m_reservation.reset();
    m_failure.clear();
    reserve();
}

void ReservationPage::reserve()
{
    m_retry->hide();
    m_failure.clear();
    const placement::Candidate *candidate = m_offers->selectedCandidate();
    if (!candidate || candidate->shares.isEmpty() || !m_services || !m_services->jobs) {
        m_failure = tr("Nothing to reserve: choose an offer first.");
        m_status->setText(m_failure);
        Q_EMIT completeChanged();
        return;
    }
    const placement::Share &share = candidate->shares.constFirst();
    const Offer *offer = RankedOffersPage::offerFor(m_offers->snapshot(), share);
    const bool cards = !share.acceleratorModel.isEmpty();
    const int count = cards ? share.accelerators : m_draft->requirements.cpuCores;
    const QString what = cards ? tr("%1 × %2").arg(count).arg(acceleratorDisplayName(share.acceleratorModel))
                               : tr("%1 CPU cores").arg(count);
    const QString nodeName = m_services->nodeNames().name(share.nodeId);
    m_summary->setText(tr("%1 at %2 for %3 h, estimated ¥%4.")
                           .arg(what, nodeName)
                           .arg(m_draft->requirements.durationHours)
                           .arg(QLocale().toString(candidate->estimatedCostCny, 'f', 0)));
    if (!offer) {
        m_failure = tr("%1 has no offer for this any more; go back and rank again.").arg(nodeName);
        m_status->setText(m_failure);
        Q_EMIT failed(m_failure);
        Q_EMIT completeChanged();
        return;
    }
    ReservationRequest request;
    request.offerId = offer->id;
    request.count = count;
    request.hours = m_draft->requirements.durationHours;
    m_pendingTag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_status->setText(tr("Reserving…"));
    // Reserved through the root that listed the offer (with several roots, not another root's national
    // node): a vanished offer is then a clear 409 rather than the silence of a node that went away.
    const QString root =
        m_services->offers ? m_services->jobs->nodeAt(m_services->offers->rootOf(*offer)) : QString();
    const QString via = root.isEmpty() ? share.nodeId : root;
    m_services->jobs->reserve(m_pendingTag, via, request);
    Q_EMIT completeChanged();
}

void ReservationPage::onReserved(const QString &tag, const Reservation &reservation)
{
    if (tag != m_pendingTag)
        return;
    m_pendingTag.clear();
    m_reservation = reservation;
    showReserved();
    m_placeJob->show();
    Q_EMIT reserved(reservation);
    Q_EMIT completeChanged();
}

void ReservationPage::onFailed(const QString &tag, const QString &reason, int httpStatus)
{
    if (tag != m_pendingTag)
        return;
    m_pendingTag.clear();
    m_failure = reason;
    m_status->setText(httpStatus == 409 ? tr("The node could not reserve it: %1. Go back and rank again to pick "
                                             "another offer.")
                                              .arg(reason)
                                        : tr("Not reserved: %1").arg(reason));
    m_retry->show();
    qCWarning(lcUi).noquote() << "reservation failed:" << reason;
    Q_EMIT failed(reason);
    Q_EMIT completeChanged();
}

void ReservationPage::release()
{
    if (m_reservation && m_services && m_services->jobs)
        m_services->jobs->cancelReservation(m_reservation->nodeId, m_reservation->id);
    m_reservation.reset();
}

void ReservationPage::cleanupPage()
{
    m_placeJob->hide();
    m_pendingTag.clear(); // a late answer for this attempt is ignored; its hold expires on its own
    release();
    m_status->clear();
    m_retry->hide();
}

bool ReservationPage::isComplete() const
{
    return m_reservation.has_value();
}

} // namespace cpn
