#pragma once

#include "domain/nodenames.h"
#include "cache/snapshotdiff.h"

#include <QAbstractTableModel>

namespace cpn {

// What changed between two moments (a SnapshotDiff result), one row per change: nodes whose
// status moved, nodes added or removed, links whose status moved (up, congested, down), the links
// and regions whose utilization moved most, jobs started or finished, and alarms raised, cleared,
// acknowledged or unacknowledged (named by kind and source, never the server's English summary).
// The Compare dock shows it; the map rings the same nodes and links.
class ChangeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, ItemColumn, BeforeColumn, AfterColumn, ChangeColumn, ColumnCount };
    Q_ENUM(Column)
    enum class Kind {
        NodeStatus,
        NodeAdded,
        NodeRemoved,
        Link,
        Region,
        JobStarted,
        JobFinished,
        LinkStatus,
        AlarmRaised,
        AlarmCleared,
        AlarmAcknowledged,
        AlarmUnacknowledged
    };
    Q_ENUM(Kind)
    enum Role {
        SortRole = Qt::UserRole, // raw value: |change| sorts as a number
        KindRole,                // int(Kind), any column
        EntityIdRole,            // node, link, region or job id (an alarm's: its source's), any column
    };
    Q_ENUM(Role)

    explicit ChangeTableModel(QObject *parent = nullptr);

    void setDiff(const cache::DiffResult &diff);
    void clear();
    const cache::DiffResult &diff() const { return m_diff; }
    // Ids the map highlights: nodes that changed status, appeared or vanished; links that changed
    // status or moved.
    QStringList changedNodeIds() const;
    QStringList changedLinkIds() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Kind kind = Kind::NodeStatus;
        QString id;
        QString item;
        QString before;
        QString after;
        QString change;
        double sortChange = 0;
    };
    QString kindName(Kind kind) const;
    QString statusText(NodeStatus status, bool reported) const;
    QString linkStatusText(LinkStatus status) const;
    Row alarmRow(const cache::DiffResult::AlarmChange &change) const;

    cache::DiffResult m_diff;
    QList<Row> m_rows;
    NodeNames m_names; // the compared states' nodes: their ids and compute identifiers in tooltips
};

} // namespace cpn
