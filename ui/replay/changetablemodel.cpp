#include "ui/replay/changetablemodel.h"

#include "alarms/alarmtext.h"

#include <QDateTime>

namespace cpn {

namespace {

bool isAlarm(ChangeTableModel::Kind kind)
{
    using Kind = ChangeTableModel::Kind;
    return kind == Kind::AlarmRaised || kind == Kind::AlarmCleared || kind == Kind::AlarmAcknowledged ||
           kind == Kind::AlarmUnacknowledged;
}

} // namespace

ChangeTableModel::ChangeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ChangeTableModel::kindName(Kind kind) const
{
    switch (kind) {
    case Kind::NodeStatus:
        return tr("Node status");
    case Kind::NodeAdded:
        return tr("Node added");
    case Kind::NodeRemoved:
        return tr("Node removed");
    case Kind::LinkStatus:
        return tr("Link status");
    case Kind::Link:
        return tr("Link utilization");
    case Kind::Region:
        return tr("Region CPU");
    case Kind::JobStarted:
        return tr("Job started");
    case Kind::JobFinished:
        return tr("Job finished");
    case Kind::AlarmRaised:
        return tr("Alarm raised");
    case Kind::AlarmCleared:
        return tr("Alarm cleared");
    case Kind::AlarmAcknowledged:
        return tr("Alarm acknowledged");
    case Kind::AlarmUnacknowledged:
        return tr("Alarm unacknowledged");
    }
    return {};
}

ChangeTableModel::Row ChangeTableModel::alarmRow(const cache::DiffResult::AlarmChange &c) const
{
    using What = cache::DiffResult::AlarmChange::What;
    const Alarm &a = c.alarm;
    Row row;
    row.id = a.source.id;
    const QString source = c.sourceName.isEmpty() ? a.source.id : c.sourceName;
    //: An alarm in the Compare table: its kind, then what it is about (a node's name, a link "a - b")
    row.item = tr("%1: %2").arg(alarms::kindName(a.kind), source);
    if (c.atMs > 0)
        row.change = QDateTime::fromMSecsSinceEpoch(c.atMs).toString(QStringLiteral("HH:mm:ss"));
    switch (c.what) {
    case What::Raised:
        row.kind = Kind::AlarmRaised;
        row.after = alarms::severityName(a.severity);
        break;
    case What::Cleared:
        row.kind = Kind::AlarmCleared;
        row.before = alarms::severityName(a.severity);
        row.after = tr("cleared");
        break;
    case What::Acknowledged:
        row.kind = Kind::AlarmAcknowledged;
        row.before = tr("not acknowledged");
        if (a.ack)
            row.after = a.ack->comment.isEmpty() ? tr("by %1").arg(a.ack->by)
                                                 : tr("by %1: %2").arg(a.ack->by, a.ack->comment);
        break;
    case What::Unacknowledged:
        row.kind = Kind::AlarmUnacknowledged;
        row.before = tr("acknowledged");
        row.after = tr("not acknowledged");
        break;
    }
    return row;
}

QString ChangeTableModel::statusText(NodeStatus status, bool reported) const
{
    if (!reported)
        return tr("no data");
    switch (status) {
    case NodeStatus::Online:
        return tr("online");
    case NodeStatus::Degraded:
        return tr("degraded");
    case NodeStatus::Offline:
        return tr("offline");
    case NodeStatus::Maintenance:
        return tr("maintenance");
    }
    return {};
}

QString ChangeTableModel::linkStatusText(LinkStatus status) const
{
    switch (status) {
    case LinkStatus::Up:
        return tr("up");
    case LinkStatus::Congested:
        return tr("congested");
    case LinkStatus::Down:
        return tr("down");
    }
    return {};
}

void ChangeTableModel::setDiff(const cache::DiffResult &diff)
{
    beginResetModel();
    m_diff = diff;
    m_rows.clear();
    const auto percent = [](double fraction) {
        return QStringLiteral("%1 %").arg(fraction * 100, 0, 'f', 1);
    };
    const auto points = [](double delta) {
        return QStringLiteral("%1%2 pp")
            .arg(delta >= 0 ? QStringLiteral("+") : QString())
            .arg(delta * 100, 0, 'f', 1);
    };
    const NodeNames &names = diff.names;
    m_names = names;
    for (const auto &c : diff.statusChanges) {
        m_rows.append({Kind::NodeStatus,
                       c.nodeId,
                       names.contains(c.nodeId) || c.name.isEmpty() ? names.name(c.nodeId) : c.name,
                       statusText(c.before, c.reportedBefore),
                       statusText(c.after, c.reportedAfter),
                       {},
                       1.0});
    }
    for (const QString &id : diff.nodesAdded)
        m_rows.append({Kind::NodeAdded, id, names.name(id), {}, {}, {}, 1.0});
    for (const QString &id : diff.nodesRemoved)
        m_rows.append({Kind::NodeRemoved, id, names.name(id), {}, {}, {}, 1.0});
    for (const auto &c : diff.linkStatusChanges) {
        m_rows.append({Kind::LinkStatus,
                       c.id,
                       c.label.isEmpty() ? c.id : c.label,
                       linkStatusText(c.before),
                       linkStatusText(c.after),
                       {},
                       1.0});
    }
    for (const auto &c : diff.linkChanges) {
        m_rows.append({Kind::Link, c.id, c.label.isEmpty() ? c.id : c.label, percent(c.before),
                       percent(c.after), points(c.delta()), qAbs(c.delta())});
    }
    for (const auto &c : diff.regionChanges) {
        m_rows.append({Kind::Region, c.id, c.label.isEmpty() ? c.id : c.label, percent(c.before),
                       percent(c.after), points(c.delta()), qAbs(c.delta())});
    }
    for (const Job &job : diff.jobsStarted)
        m_rows.append(
            {Kind::JobStarted, job.id, job.name.isEmpty() ? job.id : job.name, {}, names.name(job.nodeId), {}, 0});
    for (const Job &job : diff.jobsFinished)
        m_rows.append(
            {Kind::JobFinished, job.id, job.name.isEmpty() ? job.id : job.name, names.name(job.nodeId), {}, {}, 0});
    for (const auto &c : diff.alarmChanges)
        m_rows.append(alarmRow(c));
    endResetModel();
}

void ChangeTableModel::clear()
{
    setDiff({});
}

QStringList ChangeTableModel::changedNodeIds() const
{
    QStringList ids;
    for (const Row &row : m_rows) {
        if (row.kind == Kind::NodeStatus || row.kind == Kind::NodeAdded || row.kind == Kind::NodeRemoved)
            ids.append(row.id);
    }
    return ids;
}

QStringList ChangeTableModel::changedLinkIds() const
{
    QStringList ids;
    for (const Row &row : m_rows) {
        if (row.kind == Kind::Link || row.kind == Kind::LinkStatus)
            ids.append(row.id);
    }
    return ids;
}

int ChangeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChangeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindName(row.kind);
        case ItemColumn:
            return row.item;
        case BeforeColumn:
            return row.before;
        case AfterColumn:
            return row.after;
        case ChangeColumn:
            return row.change;
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case KindColumn:
            return int(row.kind);
        case ChangeColumn:
            return row.sortChange;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == ItemColumn &&
            (row.kind == Kind::NodeStatus || row.kind == Kind::NodeAdded || row.kind == Kind::NodeRemoved))
            return m_names.tooltip(row.id);
        return {};
    case KindRole:
        return int(row.kind);
    case EntityIdRole:
        return row.id;
    case Qt::TextAlignmentRole:
        if (index.column() >= BeforeColumn && row.kind != Kind::NodeStatus && !isAlarm(row.kind))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ChangeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Change");
    case ItemColumn:
        return tr("Node, link, region or alarm");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    case ChangeColumn:
        return tr("Moved");
    }
    return {};
}

} // namespace cpn
