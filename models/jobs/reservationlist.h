#pragma once

#include "domain/reservation.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace cpn::jobs {

class JobTracker;

// The reservations this console made, for the planner to find, use and release: each one from the
// tracker's reserved() on, polled at its node (GET /reservations/{id}) every pollIntervalMs while it is
// active, so a job using it, a release elsewhere or its expiry shows. Ended ones stay listed (newest
// first, up to kMaxKept) so the planner sees what became of them.
class ReservationList : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxKept = 200;

    explicit ReservationList(JobTracker *tracker, QObject *parent = nullptr);

    // Newest first.
    const QList<Reservation> &reservations() const { return m_reservations; }
    const Reservation *reservation(const QString &id) const;
    int activeCount() const;

    // Asks the node to release an active reservation; changed() or releaseFailed() follows.
    void release(const QString &id);
    // Asks every active reservation's node now.
    void refresh();
    void setPollIntervalMs(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    void changed();
    void releaseFailed(const QString &id, const QString &reason);

private:
    void store(const Reservation &reservation);

    JobTracker *m_tracker;
    QList<Reservation> m_reservations;
    QSet<QString> m_polling; // ids with a GET in flight
    QTimer m_timer;
};

} // namespace cpn::jobs
