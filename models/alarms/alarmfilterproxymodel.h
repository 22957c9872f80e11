#pragma once

#include "domain/alarm.h"

#include <QSortFilterProxyModel>

#include <functional>
#include <optional>

namespace cpn::alarms {

class AlarmTableModel;

// The Alarms dock's filters over an AlarmTableModel: severity (at least), acknowledged or not,
// active only, region (province), subtree and free text. Where a source lies is asked of injected
// functions, so the alarms need no federation state.
class AlarmFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Acknowledged { Any, Yes, No };
    // Whether the source lies in the province (ISO code), or in the subtree under the node.
    using RegionMatcher = std::function<bool(const AlarmSource &, const QString &province)>;
    using SubtreeMatcher = std::function<bool(const AlarmSource &, const QString &subtreeRootId)>;

    explicit AlarmFilterProxyModel(QObject *parent = nullptr);
    void setModel(AlarmTableModel *model);

    // nullopt: every severity.
    void setMinimumSeverity(std::optional<Alarm::Severity> severity);
    void setAcknowledged(Acknowledged acknowledged);
    void setActiveOnly(bool activeOnly);
    void setRegionMatcher(RegionMatcher matcher) { m_inRegion = std::move(matcher); }
    void setSubtreeMatcher(SubtreeMatcher matcher) { m_inSubtree = std::move(matcher); }
    // Empty: every region / subtree.
    void setRegion(const QString &province);
    void setSubtree(const QString &subtreeRootId);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    AlarmTableModel *m_model = nullptr;
    std::optional<Alarm::Severity> m_minimumSeverity;
    Acknowledged m_acknowledged = Acknowledged::Any;
    bool m_activeOnly = false;
    QString m_region;
    QString m_subtree;
    QString m_search; // lower case
    RegionMatcher m_inRegion;
    SubtreeMatcher m_inSubtree;
};

} // namespace cpn::alarms
