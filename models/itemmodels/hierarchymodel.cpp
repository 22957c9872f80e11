#include "itemmodels/hierarchymodel.h"

#include "domain/nodenames.h"
#include "domain/provinces.h"
#include "state/federationstate.h"

#include <QLocale>

namespace cpn {

HierarchyModel::HierarchyModel(const FederationState *state, QObject *parent) : QAbstractItemModel(parent)
{
    setState(state);
}

void HierarchyModel::setState(const FederationState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    connect(m_state, &FederationState::directoryChanged, this, &HierarchyModel::rebuild);
    connect(m_state, &FederationState::refreshed, this, &HierarchyModel::refreshFigures);
    rebuild();
}

void HierarchyModel::setAlarmCounts(AlarmCounts counts)
{
    m_alarms = std::move(counts);
    refreshFigures();
}

void HierarchyModel::rebuild()
{
    beginResetModel();
    m_tree = Hierarchy(m_state->nodes());
    m_rowInParent.fill(0, m_tree.size());
    for (int i = 0; i < m_tree.roots().size(); ++i)
        m_rowInParent[m_tree.roots()[i]] = i;
    for (int node = 0; node < m_tree.size(); ++node) {
        const QList<int> &children = m_tree.children(node);
        for (int i = 0; i < children.size(); ++i)
            m_rowInParent[children[i]] = i;
    }
    m_perNode.clear();
    m_rollup = {};
    endResetModel();
    refreshFigures();
}

void HierarchyModel::refreshFigures()
{
    if (m_tree.size() != m_state->nodeCount())
        return; // the directory is changing: rebuild() follows
    m_perNode = nodeFigures(*m_state);
    if (m_alarms) {
        const QHash<QString, int> counts = m_alarms();
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (const int row = m_state->rowOf(it.key()); row >= 0 && row < m_perNode.size())
                m_perNode[row].openAlarms = it.value();
        }
    }
    m_rollup.compute(m_tree, m_perNode);
    // Every row's figures may have moved: one signal per level of rows, not one per row.
    if (m_tree.size() == 0)
        return;
    const QList<int> &roots = m_tree.roots();
    Q_EMIT dataChanged(index(0, ReportingColumn), index(int(roots.size()) - 1, ColumnCount - 1));
    for (int node = 0; node < m_tree.size(); ++node) {
        const QList<int> &children = m_tree.children(node);
        if (children.isEmpty())
            continue;
        const QModelIndex parent = indexOfNode(node);
        Q_EMIT dataChanged(index(0, ReportingColumn, parent), index(int(children.size()) - 1, ColumnCount - 1, parent));
    }
}

int HierarchyModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex HierarchyModel::indexOfNode(int node, int column) const
{
    if (node < 0 || node >= m_tree.size())
        return {};
    return createIndex(m_rowInParent[node], column, quintptr(node));
}

QModelIndex HierarchyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int> &rows = parent.isValid() ? m_tree.children(nodeOf(parent)) : m_tree.roots();
    return row < rows.size() ? createIndex(row, column, quintptr(rows[row])) : QModelIndex();
}

QModelIndex HierarchyModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    return node >= 0 ? indexOfNode(m_tree.parent(node)) : QModelIndex();
}

int HierarchyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? m_tree.children(nodeOf(parent)).size() : m_tree.roots().size());
}

int HierarchyModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant HierarchyModel::data(const QModelIndex &index, int role) const
{
    const int node = nodeOf(index);
    if (node < 0 || node >= m_state->nodeCount())
        return {};
    const Node &n = m_state->entryAt(node).node;
    const SubtreeFigures f = m_rollup.of(node);
    switch (role) {
    case NodeIdRole:
        return n.id;
    case SearchTextRole:
        return QStringList{n.name, n.nameZh, n.id, n.computeId, provinceDisplayName(n.province),
                           provinceAlternateName(n.province)}
            .join(u' ')
            .toLower();
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? identityText(n) : QVariant();
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return localizedName(n);
        case ReportingColumn:
            return f.reporting;
        case BusyColumn:
            return f.utilization();
        case FreeAcceleratorsColumn:
            return f.acceleratorsFree();
        case AlarmsColumn:
            return f.openAlarms;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return localizedName(n);
    case ReportingColumn:
        return tr("%1 / %2").arg(locale.toString(f.reporting), locale.toString(f.nodes));
    case BusyColumn:
        return f.weight > 0 ? tr("%1 %").arg(qRound(f.utilization() * 100)) : QStringLiteral("—");
    case FreeAcceleratorsColumn:
        return f.acceleratorsTotal > 0 ? locale.toString(f.acceleratorsFree()) : QStringLiteral("—");
    case AlarmsColumn:
        return f.openAlarms > 0 ? locale.toString(f.openAlarms) : QString();
    }
    return {};
}

QVariant HierarchyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Node");
    case ReportingColumn:
        return tr("Reporting");
    case BusyColumn:
        return tr("Busy");
    case FreeAcceleratorsColumn:
        return tr("Free cards");
    case AlarmsColumn:
        return tr("Alarms");
    }
    return {};
}

QModelIndex HierarchyModel::indexOf(const QString &nodeId) const
{
    return indexOfNode(m_state->rowOf(nodeId));
}

QSet<QString> HierarchyModel::subtreeIds(const QModelIndex &index) const
{
    const int node = nodeOf(index);
    QSet<QString> ids;
    if (node < 0)
        return ids;
    ids.reserve(m_tree.subtreeSize(node));
    for (int i = m_tree.first(node); i < m_tree.end(node); ++i)
        ids.insert(m_state->entryAt(m_tree.order()[i]).node.id);
    return ids;
}

SubtreeFigures HierarchyModel::figures(const QModelIndex &index) const
{
    return m_rollup.of(nodeOf(index));
}

QStringList HierarchyModel::path(const QModelIndex &index) const
{
    QStringList names;
    const int node = nodeOf(index);
    if (node < 0)
        return names;
    for (int at : m_tree.path(node))
        names << localizedName(m_state->entryAt(at).node);
    return names;
}

} // namespace cpn
