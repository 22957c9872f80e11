#pragma once

#include "domain/enums.h"
#include "state/displaystatus.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace cpn {

// Filters and sorts a NodeTableModel (or any model offering its roles): free text, tier, status and
// province. Sorting uses NodeTableModel::SortRole, so "100 %" sorts after "9 %".
class NodeFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit NodeFilterProxyModel(QObject *parent = nullptr);

    // Matches name, Chinese name, id, city, province and compute id; every whitespace-separated word
    // must match somewhere (case-insensitive).
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setTierFilter(std::optional<NodeTier> tier);
    std::optional<NodeTier> tierFilter() const { return m_tier; }
    // Accepts a node whose status is any of these; empty accepts all.
    void setStatusFilter(const QList<DisplayStatus> &statuses);
    QList<DisplayStatus> statusFilter() const { return m_statuses; }
    // ISO 3166-2:CN code ("CN-GZ"); empty accepts all.
    void setProvinceFilter(const QString &isoCode);
    QString provinceFilter() const { return m_province; }
    // Only these nodes (a subtree of the hierarchy, HierarchyModel::subtreeIds); empty accepts all.
    void setSubtreeFilter(const QSet<QString> &nodeIds);
    const QSet<QString> &subtreeFilter() const { return m_subtree; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    QStringList m_words;
    std::optional<NodeTier> m_tier;
    QList<DisplayStatus> m_statuses;
    QString m_province;
    QSet<QString> m_subtree;
};

} // namespace cpn
