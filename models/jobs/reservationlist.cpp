#include "jobs/reservationlist.h"

#include "api/nodeapiclient.h"
#include "domain/logging.h"
#include "jobs/jobtracker.h"

#include <algorithm>

namespace cpn::jobs {

ReservationList::ReservationList(JobTracker *tracker, QObject *parent) : QObject(parent), m_tracker(tracker)
{
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &ReservationList::refresh);
    connect(m_tracker, &JobTracker::reserved, this, [this](const QString &, const Reservation &r) { store(r); });
    connect(m_tracker, &JobTracker::reservationCancelled, this, &ReservationList::store);
    // A job may have used one of ours: ask at once rather than at the next poll.
    connect(m_tracker, &JobTracker::submitted, this, [this] {
        if (activeCount() > 0)
            refresh();
    });
    connect(m_tracker, &JobTracker::cancelReservationFailed, this,
            [this](const QString &id, const QString &reason, int httpStatus) {
                if (!reservation(id))
                    return;
                Q_EMIT releaseFailed(id, reason);
                if (httpStatus == 409) // no longer active: learn what it became
                    refresh();
            });
}

const Reservation *ReservationList::reservation(const QString &id) const
{
    for (const Reservation &r : m_reservations) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

int ReservationList::activeCount() const
{
    return int(std::count_if(m_reservations.cbegin(), m_reservations.cend(),
                             [](const Reservation &r) { return r.state == Reservation::State::Active; }));
}

void ReservationList::release(const QString &id)
{
    const Reservation *r = reservation(id);
    if (!r || r->state != Reservation::State::Active)
        return;
    m_tracker->cancelReservation(r->nodeId, r->id);
}

void ReservationList::refresh()
{
    for (const Reservation &r : std::as_const(m_reservations)) {
        if (r.state != Reservation::State::Active || m_polling.contains(r.id))
            continue;
        api::NodeApiClient *client = m_tracker->clientFor(r.nodeId);
        if (!client)
            continue;
        m_polling.insert(r.id);
        client->fetchReservation(r.id, [this, id = r.id](const api::ApiResult<Reservation> &result) {
            m_polling.remove(id);
            if (!result.ok()) {
                qCInfo(lcApi).noquote() << "reservation" << id << "not refreshed:" << result.error().message();
                return;
            }
            store(result.value());
        });
    }
}

void ReservationList::store(const Reservation &reservation)
{
    bool known = false;
    for (Reservation &r : m_reservations) {
        if (r.id == reservation.id) {
            if (r == reservation)
                return;
            r = reservation;
            known = true;
            break;
        }
    }
    if (!known) {
        m_reservations.prepend(reservation);
        // Forget the oldest ended ones beyond the cap; active ones are always kept.
        for (qsizetype i = m_reservations.size() - 1; i >= 0 && m_reservations.size() > kMaxKept; --i) {
            if (m_reservations.at(i).state != Reservation::State::Active)
                m_reservations.removeAt(i);
        }
    }
    if (activeCount() > 0 && !m_timer.isActive())
        m_timer.start();
    else if (activeCount() == 0)
        m_timer.stop();
    Q_EMIT changed();
}

} // namespace cpn::jobs
