#include "alarms/alarmfilterproxymodel.h"

#include "alarms/alarmstore.h"
#include "alarms/alarmtablemodel.h"

namespace cpn::alarms {

AlarmFilterProxyModel::AlarmFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AlarmTableModel::SortRole);
    setDynamicSortFilter(true);
}

void AlarmFilterProxyModel::setModel(AlarmTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void AlarmFilterProxyModel::setMinimumSeverity(std::optional<Alarm::Severity> severity)
{
    if (m_minimumSeverity == severity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void AlarmFilterProxyModel::setAcknowledged(Acknowledged acknowledged)
{
    if (m_acknowledged == acknowledged)
        return;
    m_acknowledged = acknowledged;
    invalidateFilter();
}

void AlarmFilterProxyModel::setActiveOnly(bool activeOnly)
{
    if (m_activeOnly == activeOnly)
        return;
    m_activeOnly = activeOnly;
    invalidateFilter();
}

void AlarmFilterProxyModel::setRegion(const QString &province)
{
    if (m_region == province)
        return;
    m_region = province;
    invalidateFilter();
}

void AlarmFilterProxyModel::setSubtree(const QString &subtreeRootId)
{
    if (m_subtree == subtreeRootId)
        return;
    m_subtree = subtreeRootId;
    invalidateFilter();
}

void AlarmFilterProxyModel::setSearchText(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (m_search == lower)
        return;
    m_search = lower;
    invalidateFilter();
}

bool AlarmFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model || sourceRow >= m_model->store()->size())
        return false;
    const StoredAlarm &stored = m_model->store()->at(sourceRow);
    const Alarm &a = stored.alarm;
    // Cheapest tests first: 10,000 rows are filtered on every keystroke of the search box.
    if (m_minimumSeverity && int(a.severity) > int(*m_minimumSeverity))
        return false;
    if (m_activeOnly && !stored.isActive())
        return false;
    if (m_acknowledged == Acknowledged::Yes && !stored.isAcknowledged())
        return false;
    if (m_acknowledged == Acknowledged::No && stored.isAcknowledged())
        return false;
    if (!m_region.isEmpty() && !(m_inRegion && m_inRegion(a.source, m_region)))
        return false;
    if (!m_subtree.isEmpty() && !(m_inSubtree && m_inSubtree(a.source, m_subtree)))
        return false;
    if (!m_search.isEmpty()) {
        const QString text =
            m_model->data(m_model->index(sourceRow, 0), AlarmTableModel::SearchTextRole).toString();
        if (!text.contains(m_search))
            return false;
    }
    return true;
}

bool AlarmFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(AlarmTableModel::SortRole);
    const QVariant r = right.data(AlarmTableModel::SortRole);
    if (l.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}

} // namespace cpn::alarms
