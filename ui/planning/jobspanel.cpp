#include "ui/planning/jobspanel.h"

#include "itemmodels/textschanged.h"

#include "widgets/accessibletext.h"

#include "jobs/joblistmodel.h"
#include "jobs/jobtracker.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <QEvent>

namespace cpn {
namespace {

// Progress as a bar inside the cell, with the percentage on top.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double progress = std::clamp(index.data(jobs::JobListModel::ProgressRole).toDouble(), 0.0, 1.0);
        QRectF r = QRectF(option.rect).adjusted(3, 4, -3, -4);
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Mid));
        painter->drawRect(r);
        r.setWidth(r.width() * progress);
        const auto state = JobState(index.data(jobs::JobListModel::StateRole).toInt());
        QColor colour = state == JobState::Failed      ? QColor(0xe0, 0x6c, 0x5a)
                        : state == JobState::Cancelled ? QColor(0x8a, 0x8a, 0x8a)
                        : state == JobState::Completed ? QColor(0x4c, 0xaf, 0x50)
                                                       : QColor(0x3d, 0x8e, 0xd8);
        painter->setBrush(colour);
        painter->drawRect(r);
        painter->restore();
        QStyleOptionViewItem text = option;
        text.displayAlignment = Qt::AlignCenter;
        QStyledItemDelegate::paint(painter, text, index);
    }
};

} // namespace

JobsPanel::JobsPanel(jobs::JobTracker *tracker, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_tracker(tracker)
{
    setObjectName(QStringLiteral("jobsPanel"));
    m_model = new jobs::JobListModel(tracker, clock, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(jobs::JobListModel::SortRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(jobs::JobListModel::SubmittedColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setItemDelegateForColumn(jobs::JobListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setAlternatingRowColors(true);

    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("jobsMessage"));
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateButtons);
    connect(m_cancel, &QPushButton::clicked, this, &JobsPanel::cancelSelected);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString nodeId = index.data(jobs::JobListModel::NodeIdRole).toString();
        if (!nodeId.isEmpty())
            Q_EMIT nodeActivated(nodeId);
    });
    if (m_tracker) {
        connect(m_tracker, &jobs::JobTracker::cancelFailed, this, [this](const QString &jobId, const QString &reason) {
            m_message->setText(tr("%1 was not cancelled: %2").arg(jobId, reason));
        });
        connect(m_tracker, &jobs::JobTracker::submitted, this, [this](const QString &, const Job &job) {
            m_message->setText(tr("%1 submitted to %2.").arg(job.name, m_tracker->nodeNames().name(job.nodeId)));
        });
    }
    updateButtons();
    retranslate();
}

void JobsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_model);
    }
    QWidget::changeEvent(event);
}

void JobsPanel::retranslate()
{
    setAccessibleText(m_view, tr("Jobs"), tr("Double-click a job to centre the map on its node"));
    m_view->setToolTip(tr("Double-click a job to centre the map on its node"));
    m_cancel->setText(tr("&Cancel Job"));
}

JobsPanel::~JobsPanel() = default;

QString JobsPanel::selectedJobId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(jobs::JobListModel::JobIdRole).toString();
}

bool JobsPanel::selectJob(const QString &jobId)
{
    const int row = m_model->rowOf(jobId);
    if (row < 0)
        return false;
    m_view->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    return true;
}

void JobsPanel::updateButtons()
{
    const int row = m_model->rowOf(selectedJobId());
    m_cancel->setEnabled(m_tracker && row >= 0 && !isTerminal(m_model->jobAt(row).state));
}

void JobsPanel::cancelSelected()
{
    const QString jobId = selectedJobId();
    if (jobId.isEmpty() || !m_tracker)
        return;
    m_message->setText(tr("Cancelling %1…").arg(jobId));
    m_tracker->cancel(jobId);
}

} // namespace cpn
