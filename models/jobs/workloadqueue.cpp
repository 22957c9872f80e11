#include "jobs/workloadqueue.h"

#include "domain/provinces.h"

#include <QLocale>
#include <QMimeData>

#include <optional>

namespace cpn::jobs {

bool operator==(const QueuedWorkload &a, const QueuedWorkload &b)
{
    const placement::Workload &x = a.workload, &y = b.workload;
    const bool sameWorkload = x.name == y.name && x.kind == y.kind && x.requirements == y.requirements
                              && x.acceleratorModels == y.acceleratorModels && x.dataLocation == y.dataLocation
                              && x.dataTB == y.dataTB && x.usersLocation == y.usersLocation
                              && x.maxLatencyMs == y.maxLatencyMs && x.residencyProvinces == y.residencyProvinces
                              && x.deadlineMs == y.deadlineMs && x.budgetCny == y.budgetCny
                              && x.preferGreen == y.preferGreen && x.weights == y.weights
                              && x.splittable == y.splittable && x.maxSplitNodes == y.maxSplitNodes;
    return sameWorkload && a.id == b.id && a.state == b.state && a.plannedNodeId == b.plannedNodeId
           && a.plannedProvince == b.plannedProvince && a.jobId == b.jobId && a.reason == b.reason;
}

WorkloadQueue::WorkloadQueue(QObject *parent) : QAbstractTableModel(parent) {}

int WorkloadQueue::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int WorkloadQueue::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WorkloadQueue::kindName(JobKind kind)
{
    switch (kind) {
    case JobKind::Training:
        return tr("Training");
    case JobKind::FineTuning:
        return tr("Fine-tuning");
    case JobKind::Inference:
        return tr("Inference");
    case JobKind::Batch:
        return tr("Batch");
    }
    return {};
}

QString WorkloadQueue::needsText(const placement::Workload &w)
{
    const QLocale locale;
    QStringList parts;
    const JobRequirements &r = w.requirements;
    if (r.accelerators > 0) {
        const QStringList models = w.acceptedModels();
        const QString model = models.size() == 1 ? acceleratorDisplayName(models.first())
                                                 : tr("%n model(s)", nullptr, int(models.size()));
        parts << tr("%1 × %2").arg(locale.toString(r.accelerators), model);
    }
    if (r.cpuCores > 0)
        parts << tr("%1 cores").arg(locale.toString(r.cpuCores));
    if (r.memoryGiB > 0)
        parts << tr("%1 GiB").arg(locale.toString(r.memoryGiB, 'f', 0));
    parts << tr("%1 h").arg(locale.toString(r.durationHours, 'g', 4));
    return parts.join(QStringLiteral(" · "));
}

QString WorkloadQueue::stateText(const QueuedWorkload &item)
{
    using State = QueuedWorkload::State;
    switch (item.state) {
    case State::Queued:
        return tr("Queued");
    case State::Planned:
        return item.plannedNodeId.isEmpty() ? tr("Planned in %1").arg(provinceDisplayName(item.plannedProvince))
                                            : tr("Planned on %1").arg(item.plannedNodeId);
    case State::Submitting:
        return tr("Submitting to %1…").arg(item.plannedNodeId);
    case State::Submitted:
        return tr("Submitted: job %1 on %2").arg(item.jobId, item.plannedNodeId);
    case State::Refused:
        return tr("Refused: %1").arg(item.reason);
    }
    return {};
}

QVariant WorkloadQueue::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueuedWorkload &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return item.workload.name;
        case KindColumn:
            return kindName(item.workload.kind);
        case NeedsColumn:
            return needsText(item.workload);
        case StateColumn:
            return stateText(item);
        }
        return {};
    case Qt::ToolTipRole:
        if (item.state == QueuedWorkload::State::Refused)
            return item.reason;
        return index.column() == NameColumn ? item.id : QVariant();
    case IdRole:
        return item.id;
    case StateRole:
        return int(item.state);
    case PlannedNodeRole:
        return item.plannedNodeId;
    case JobIdRole:
        return item.jobId;
    case ReasonRole:
        return item.reason;
    case PlaceableRole:
        return item.isPlaceable();
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return item.workload.name;
        case KindColumn:
            return int(item.workload.kind);
        case NeedsColumn:
            return item.workload.requirements.accelerators;
        case StateColumn:
            return int(item.state);
        }
        return {};
    }
    return {};
}

QVariant WorkloadQueue::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Workload");
    case KindColumn:
        return tr("Kind");
    case NeedsColumn:
        return tr("Needs");
    case StateColumn:
        return tr("State");
    }
    return {};
}

Qt::ItemFlags WorkloadQueue::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && m_items.at(index.row()).isPlaceable())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList WorkloadQueue::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *WorkloadQueue::mimeData(const QModelIndexList &indexes) const
{
    // One workload per drag: the first placeable row of the selection.
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || !m_items.at(index.row()).isPlaceable())
            continue;
        auto *mime = new QMimeData;
        mime->setData(mimeType(), m_items.at(index.row()).id.toUtf8());
        mime->setText(m_items.at(index.row()).workload.name);
        return mime;
    }
    return nullptr;
}

int WorkloadQueue::rowOf(const QString &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).id == id)
            return i;
    return -1;
}

const QueuedWorkload *WorkloadQueue::find(const QString &id) const
{
    const int row = rowOf(id);
    return row >= 0 ? &m_items.at(row) : nullptr;
}

QString WorkloadQueue::newId() const
{
    for (int n = int(m_items.size()) + 1;; ++n) {
        const QString id = QStringLiteral("wl-%1").arg(n);
        if (rowOf(id) < 0)
            return id;
    }
}

bool WorkloadQueue::insert(const QueuedWorkload &item, int row)
{
    if (item.id.isEmpty() || rowOf(item.id) >= 0 || m_items.size() >= kMaxWorkloads)
        return false;
    if (row < 0 || row > m_items.size())
        row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.insert(row, item);
    endInsertRows();
    Q_EMIT workloadChanged(item.id);
    return true;
}

std::optional<QueuedWorkload> WorkloadQueue::take(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    beginRemoveRows({}, row, row);
    QueuedWorkload item = m_items.takeAt(row);
    endRemoveRows();
    Q_EMIT workloadChanged(id);
    return item;
}

bool WorkloadQueue::move(const QString &id, int toRow)
{
    const int from = rowOf(id);
    if (from < 0 || toRow < 0 || toRow >= m_items.size())
        return false;
    if (from == toRow)
        return true;
    // beginMoveRows wants the row the item goes before, in the old numbering.
    const int destination = toRow > from ? toRow + 1 : toRow;
    beginMoveRows({}, from, from, {}, destination);
    m_items.move(from, toRow);
    endMoveRows();
    return true;
}

bool WorkloadQueue::restore(const QueuedWorkload &item)
{
    const int row = rowOf(item.id);
    if (row < 0)
        return false;
    m_items[row] = item;
    emitRow(row);
    return true;
}

void WorkloadQueue::replaceAll(const QList<QueuedWorkload> &items)
{
    beginResetModel();
    m_items = items.mid(0, kMaxWorkloads);
    endResetModel();
}

void WorkloadQueue::emitRow(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT workloadChanged(m_items.at(row).id);
}

bool WorkloadQueue::setPlan(const QString &id, const QString &nodeId, const QString &province)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    QueuedWorkload &item = m_items[row];
    item.plannedNodeId = nodeId;
    item.plannedProvince = province;
    item.state = nodeId.isEmpty() && province.isEmpty() ? QueuedWorkload::State::Queued
                                                        : QueuedWorkload::State::Planned;
    item.reason.clear();
    item.jobId.clear();
    emitRow(row);
    return true;
}

bool WorkloadQueue::markSubmitting(const QString &id, const QString &nodeId)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    QueuedWorkload &item = m_items[row];
    item.state = QueuedWorkload::State::Submitting;
    item.plannedNodeId = nodeId;
    item.reason.clear();
    emitRow(row);
    return true;
}

bool WorkloadQueue::markSubmitted(const QString &id, const QString &jobId)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    QueuedWorkload &item = m_items[row];
    item.state = QueuedWorkload::State::Submitted;
    item.jobId = jobId;
    item.reason.clear();
    emitRow(row);
    return true;
}

bool WorkloadQueue::markRefused(const QString &id, const QString &reason)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    QueuedWorkload &item = m_items[row];
    item.state = QueuedWorkload::State::Refused;
    item.reason = reason;
    item.jobId.clear();
    item.plannedNodeId.clear();
    item.plannedProvince.clear();
    emitRow(row);
    return true;
}

} // namespace cpn::jobs
