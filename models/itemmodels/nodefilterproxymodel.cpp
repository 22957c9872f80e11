#include "itemmodels/nodefilterproxymodel.h"

#include "itemmodels/nodetablemodel.h"

namespace cpn {

NodeFilterProxyModel::NodeFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(NodeTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Live samples move values under the sort column; keep the order true without the user re-clicking.
    setDynamicSortFilter(true);
}

void NodeFilterProxyModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void NodeFilterProxyModel::setTierFilter(std::optional<NodeTier> tier)
{
    if (tier == m_tier)
        return;
    m_tier = tier;
    invalidateFilter();
}

void NodeFilterProxyModel::setStatusFilter(const QList<DisplayStatus> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    invalidateFilter();
}

void NodeFilterProxyModel::setProvinceFilter(const QString &isoCode)
{
    if (isoCode == m_province)
        return;
    m_province = isoCode;
    invalidateFilter();
}

void NodeFilterProxyModel::setSubtreeFilter(const QSet<QString> &nodeIds)
{
    if (nodeIds == m_subtree)
        return;
    m_subtree = nodeIds;
    invalidateFilter();
}

bool NodeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_tier && index.data(NodeTableModel::TierRole).toInt() != int(*m_tier))
        return false;
    if (!m_statuses.isEmpty()
        && !m_statuses.contains(DisplayStatus(index.data(NodeTableModel::StatusRole).toInt())))
        return false;
    if (!m_province.isEmpty() && index.data(NodeTableModel::ProvinceRole).toString() != m_province)
        return false;
    if (!m_subtree.isEmpty() && !m_subtree.contains(index.data(NodeTableModel::NodeIdRole).toString()))
        return false;
    if (!m_words.isEmpty()) {
        const QString haystack = index.data(NodeTableModel::SearchTextRole).toString();
        for (const QString &word : m_words) {
            if (!haystack.contains(word))
                return false;
        }
    }
    return true;
}

} // namespace cpn
