#pragma once

#include "state/hierarchy.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <functional>

namespace cpn {

class FederationState;

// The federation as its 1+M+N tree (national, hubs, their clusters and industry nodes), each row with its
// subtree's roll-ups: nodes reporting of total, utilization (weighted by capacity), free accelerators and
// open alarms. The tree follows the directory; the figures are rolled up once per refresh of the state,
// for every subtree at once (HierarchyRollup), never per row asked.
class HierarchyModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ReportingColumn, BusyColumn, FreeAcceleratorsColumn, AlarmsColumn, ColumnCount };
    enum Role {
        NodeIdRole = Qt::UserRole, // QString, any column
        SearchTextRole,            // lower-case name, Chinese name, id, compute identifier, province names
        SortRole,                  // raw value of the column
    };

    explicit HierarchyModel(const FederationState *state, QObject *parent = nullptr);

    // The state shown (the live one, or a review's).
    void setState(const FederationState *state);
    // Open alarms by node id (from the UI's alarm store), asked once per refresh; without it none.
    using AlarmCounts = std::function<QHash<QString, int>()>;
    void setAlarmCounts(AlarmCounts counts);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row of a node (column 0), or an invalid index.
    QModelIndex indexOf(const QString &nodeId) const;
    // The ids of a row's subtree, itself included.
    QSet<QString> subtreeIds(const QModelIndex &index) const;
    // The subtree's figures now.
    SubtreeFigures figures(const QModelIndex &index) const;
    // Names from the row's root down to it, for a breadcrumb.
    QStringList path(const QModelIndex &index) const;
    const Hierarchy &hierarchy() const { return m_tree; }

public Q_SLOTS:
    // Rolls the figures up again from the state (the console calls it once per tick; alarms too).
    void refreshFigures();

private:
    void rebuild();
    int nodeOf(const QModelIndex &index) const; // directory row, or -1
    QModelIndex indexOfNode(int node, int column = 0) const;

    const FederationState *m_state = nullptr;
    AlarmCounts m_alarms;
    Hierarchy m_tree;
    QList<int> m_rowInParent; // by directory row: its row under its parent (or among the roots)
    HierarchyRollup m_rollup;
    QList<SubtreeFigures> m_perNode;
};

} // namespace cpn
