#include "jobs/joblistmodel.h"

#include "domain/clock.h"
#include "jobs/jobtracker.h"

#include <QDateTime>
#include <QLocale>

namespace cpn::jobs {

JobListModel::JobListModel(JobTracker *tracker, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_clock(clock), m_tracker(tracker)
{
    if (tracker) {
        connect(tracker, &JobTracker::directoryChanged, this, [this] {
            if (!m_jobs.isEmpty())
                Q_EMIT dataChanged(index(0, NodeColumn), index(rowCount() - 1, NodeColumn));
        });
        for (const Job &job : tracker->jobs())
            setJob(job);
        connect(tracker, &JobTracker::jobChanged, this, &JobListModel::setJob);
    }
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void JobListModel::setJob(const Job &job)
{
    const int row = rowOf(job.id);
    if (row < 0) {
        const int at = int(m_jobs.size());
        beginInsertRows({}, at, at);
        m_jobs.append(job);
        m_rowById.insert(job.id, at);
        endInsertRows();
        return;
    }
    m_jobs[row] = job;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

qint64 JobListModel::finishByMs(const Job &job) const
{
    return cpn::finishByMs(job, m_tracker ? m_tracker->plannedStartMs(job.id) : 0, m_clock.nowMs());
}

QString JobListModel::kindName(JobKind kind)
{
    switch (kind) {
    case JobKind::Training:
        return tr("Training");
    case JobKind::FineTuning:
        return tr("Fine-tuning");
    case JobKind::Inference:
        return tr("Inference service");
    case JobKind::Batch:
        return tr("Batch");
    }
    return {};
}

QString JobListModel::stateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return tr("Queued");
    case JobState::Running:
        return tr("Running");
    case JobState::Completed:
        return tr("Completed");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

namespace {
QString timeText(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::ShortFormat);
}
} // namespace

QVariant JobListModel::displayData(const Job &job, int column) const
{
    switch (column) {
    case NameColumn:
        return job.name;
    case NodeColumn:
        return m_tracker ? m_tracker->nodeNames().name(job.nodeId) : job.nodeId;
    case KindColumn:
        return kindName(job.kind);
    case StateColumn:
        return job.message.isEmpty() || job.state == JobState::Completed
                   ? stateName(job.state)
                   : tr("%1: %2").arg(stateName(job.state), job.message);
    case ProgressColumn:
        return tr("%1 %").arg(qRound(job.progress * 100));
    case SubmittedColumn:
        return timeText(job.submittedAtMs);
    case EtaColumn:
        if (isTerminal(job.state))
            return timeText(job.finishedAtMs);
        return tr("by %1").arg(timeText(finishByMs(job)));
    case CostColumn:
        return tr("¥%1").arg(QLocale().toString(job.estimatedCostCny, 'f', 0));
    default:
        return {};
    }
}

QVariant JobListModel::sortData(const Job &job, int column) const
{
    switch (column) {
    case NameColumn:
        return job.name;
    case NodeColumn:
        return displayData(job, NodeColumn);
    case KindColumn:
        return int(job.kind);
    case StateColumn:
        return int(job.state);
    case ProgressColumn:
        return job.progress;
    case SubmittedColumn:
        return job.submittedAtMs;
    case EtaColumn:
        return finishByMs(job);
    case CostColumn:
        return job.estimatedCostCny;
    default:
        return {};
    }
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job &job = m_jobs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(job, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NodeColumn && m_tracker)
            return m_tracker->nodeNames().tooltip(job.nodeId);
        return job.message.isEmpty() ? QVariant() : QVariant(job.message);
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn || index.column() == CostColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobIdRole:
        return job.id;
    case NodeIdRole:
        return job.nodeId;
    case StateRole:
        return int(job.state);
    case SortRole:
        return sortData(job, index.column());
    case ProgressRole:
        return job.progress;
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Job");
    case NodeColumn:
        return tr("Node");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case SubmittedColumn:
        return tr("Submitted");
    case EtaColumn:
        return tr("Done by / ended");
    case CostColumn:
        return tr("Cost");
    default:
        return {};
    }
}

} // namespace cpn::jobs
