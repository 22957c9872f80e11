#pragma once

#include "domain/reservation.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cpn {

class Clock;
class NodeNames;
namespace jobs {
class ReservationList;
} // namespace jobs

// The Reservations dock: the units this console holds at nodes, what each holds, where and until when,
// and what became of those that ended (used by a job, released, expired). Place a Job opens the job
// wizard on the selected reservation; Release gives its units back to the node.
class ReservationsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { IdColumn, NodeColumn, HoldsColumn, PriceColumn, StateColumn, ExpiresColumn, ColumnCount };

    // `names` is asked each time the list is drawn (the directory may change); clock and list outlive it.
    ReservationsPanel(jobs::ReservationList *list, std::function<NodeNames()> names, const Clock &clock,
                      QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *placeJobButton() const { return m_placeJob; }
    QPushButton *releaseButton() const { return m_release; }
    QLabel *messageLabel() const { return m_message; }
    // The id of the selected reservation, or empty.
    QString selectedId() const;
    bool select(const QString &id);

Q_SIGNALS:
    void placeJobRequested(const cpn::Reservation &reservation);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();
    void updateButtons();
    QString stateText(const Reservation &r) const;
    QString expiryText(const Reservation &r) const;

    jobs::ReservationList *m_list;
    std::function<NodeNames()> m_names;
    const Clock &m_clock;
    QTableWidget *m_table;
    QPushButton *m_placeJob;
    QPushButton *m_release;
    QLabel *m_message;
    QTimer *m_tick; // the time left moves on between answers
};

} // namespace cpn
