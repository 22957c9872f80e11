#include "ui/planning/reservationspanel.h"

#include "domain/clock.h"
#include "domain/nodenames.h"
#include "jobs/reservationlist.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cpn {

ReservationsPanel::ReservationsPanel(jobs::ReservationList *list, std::function<NodeNames()> names,
                                     const Clock &clock, QWidget *parent)
    : QWidget(parent), m_list(list), m_names(std::move(names)), m_clock(clock)
{
    setObjectName(QStringLiteral("reservationsPanel"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("reservationsTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_placeJob = new QPushButton(this);
    m_placeJob->setObjectName(QStringLiteral("placeJobOnReservation"));
    m_placeJob->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_release = new QPushButton(this);
    m_release->setObjectName(QStringLiteral("releaseReservation"));
    m_release->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("reservationsMessage"));
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_placeJob);
    buttons->addWidget(m_release);
    buttons->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ReservationsPanel::updateButtons);
    connect(m_placeJob, &QPushButton::clicked, this, [this] {
        if (const Reservation *r = m_list->reservation(selectedId()))
            Q_EMIT placeJobRequested(*r);
    });
    connect(m_release, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        if (id.isEmpty())
            return;
        m_message->setText(tr("Releasing %1…").arg(id));
        m_list->release(id);
    });
    connect(m_list, &jobs::ReservationList::changed, this, [this] {
        m_message->clear();
        fill();
    });
    connect(m_list, &jobs::ReservationList::releaseFailed, this, [this](const QString &id, const QString &reason) {
        m_message->setText(tr("%1 was not released: %2").arg(id, reason));
    });
    m_tick = new QTimer(this);
    m_tick->setInterval(15000);
    connect(m_tick, &QTimer::timeout, this, &ReservationsPanel::fill);
    m_tick->start();
    retranslate();
}

void ReservationsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReservationsPanel::retranslate()
{
    m_table->setHorizontalHeaderLabels(
        {tr("Reservation"), tr("Node"), tr("Holds"), tr("Price"), tr("State"), tr("Expires")});
    m_table->setAccessibleName(tr("Reservations"));
    m_placeJob->setText(tr("Place a &Job on It…"));
    m_placeJob->setToolTip(tr("Open Place a Job on the selected reservation's units"));
    m_release->setText(tr("Re&lease"));
    m_release->setToolTip(tr("Give the selected reservation's units back to the node"));
    fill(); // the cells' words
}

QString ReservationsPanel::stateText(const Reservation &r) const
{
    switch (r.state) {
    case Reservation::State::Active:
        return r.expiresAtMs > 0 && r.expiresAtMs <= m_clock.nowMs() ? tr("Expiring") : tr("Held");
    case Reservation::State::Used:
        return r.jobId.isEmpty() ? tr("Used") : tr("Used by %1").arg(r.jobId);
    case Reservation::State::Cancelled:
        return tr("Released");
    case Reservation::State::Expired:
        return tr("Expired");
    }
    return {};
}

QString ReservationsPanel::expiryText(const Reservation &r) const
{
    if (r.expiresAtMs <= 0)
        return {};
    const QString at = QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.expiresAtMs).time(), QLocale::ShortFormat);
    if (r.state != Reservation::State::Active)
        return at;
    const qint64 leftMin = (r.expiresAtMs - m_clock.nowMs() + 59'999) / 60'000;
    return leftMin > 0 ? tr("%1 (in %n min)", nullptr, int(leftMin)).arg(at) : at;
}

void ReservationsPanel::fill()
{
    const QString selected = selectedId();
    const NodeNames names = m_names ? m_names() : NodeNames();
    const QList<Reservation> &all = m_list->reservations();
    m_table->setRowCount(int(all.size()));
    for (int row = 0; row < all.size(); ++row) {
        const Reservation &r = all.at(row);
        const QStringList texts{r.id,
                                names.name(r.nodeId),
                                heldUnitsText(r),
                                tr("¥%1/unit·h").arg(r.priceCnyPerHour, 0, 'f', 2),
                                stateText(r),
                                expiryText(r)};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(texts.at(column));
            // Ended reservations are history: drawn dimmed.
            item->setForeground(r.state == Reservation::State::Active ? palette().text() : palette().placeholderText());
        }
        m_table->item(row, NodeColumn)->setToolTip(names.tooltip(r.nodeId));
        m_table->item(row, IdColumn)->setData(Qt::UserRole, r.id);
    }
    m_table->resizeColumnsToContents();
    select(selected);
    updateButtons();
}

QString ReservationsPanel::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    for (const QTableWidgetItem *item : items) {
        if (item->column() == IdColumn)
            return item->data(Qt::UserRole).toString();
    }
    return {};
}

bool ReservationsPanel::select(const QString &id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!id.isEmpty() && m_table->item(row, IdColumn)->data(Qt::UserRole).toString() == id) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void ReservationsPanel::updateButtons()
{
    const Reservation *r = m_list->reservation(selectedId());
    const bool active = r && r->state == Reservation::State::Active;
    m_placeJob->setEnabled(active);
    m_release->setEnabled(active);
}

} // namespace cpn
