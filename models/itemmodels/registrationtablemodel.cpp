#include "itemmodels/registrationtablemodel.h"

#include "domain/provinces.h"
#include "state/displaystatus.h"

#include <QDateTime>
#include <QLocale>

namespace cpn {

RegistrationTableModel::RegistrationTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RegistrationTableModel::setRegistrations(const QList<Registration> &registrations)
{
    // Same ids in the same order: change the cells in place (selections and scroll stay).
    const bool sameRows = registrations.size() == m_rows.size() &&
                          std::equal(registrations.cbegin(), registrations.cend(), m_rows.cbegin(),
                                     [](const Registration &a, const Registration &b) { return a.id == b.id; });
    if (sameRows) {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (m_rows[row] == registrations[row])
                continue;
            m_rows[row] = registrations[row];
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_rows = registrations;
    endResetModel();
}

const Registration *RegistrationTableModel::registrationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int RegistrationTableModel::rowOf(const QString &registrationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == registrationId)
            return row;
    }
    return -1;
}

int RegistrationTableModel::rowOfComputeId(const QString &computeId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!computeId.isEmpty() && m_rows[row].computeId == computeId)
            return row;
    }
    return -1;
}

int RegistrationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistrationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RegistrationTableModel::stateName(RegistrationState state)
{
    switch (state) {
    case RegistrationState::Pending:
        return tr("Pending");
    case RegistrationState::Rejected:
        return tr("Rejected");
    case RegistrationState::Active:
        return tr("Active");
    case RegistrationState::Suspended:
        return tr("Suspended");
    case RegistrationState::Revoked:
        return tr("Revoked");
    }
    return {};
}

QString RegistrationTableModel::actionName(RegistryEvent::Action action)
{
    switch (action) {
    case RegistryEvent::Action::Applied:
        return tr("Applied");
    case RegistryEvent::Action::Approved:
        return tr("Approved");
    case RegistryEvent::Action::Rejected:
        return tr("Rejected");
    case RegistryEvent::Action::Suspended:
        return tr("Suspended");
    case RegistryEvent::Action::Reinstated:
        return tr("Reinstated");
    case RegistryEvent::Action::Revoked:
        return tr("Revoked");
    }
    return {};
}

QVariant RegistrationTableModel::data(const QModelIndex &index, int role) const
{
    const Registration *g = index.isValid() ? registrationAt(index.row()) : nullptr;
    if (!g)
        return {};
    if (role == StateRole)
        return int(g->state);
    if (role == Qt::ToolTipRole && index.column() == NodeColumn)
        return g->applicant.contact.isEmpty() ? QVariant() : tr("Contact: %1").arg(g->applicant.contact);
    if (role != Qt::DisplayRole)
        return {};
    const RegistrationRequest &a = g->applicant;
    switch (Column(index.column())) {
    case NodeColumn:
        return bilingual(a.name, a.nameZh);
    case NodeIdColumn:
        return a.nodeId;
    case ParentColumn:
        return g->parentId;
    case RoleColumn:
        return roleName(a.role);
    case ProvinceColumn:
        return provinceDisplayName(a.province);
    case StateColumn:
        return stateName(g->state);
    case ComputeIdColumn:
        return g->computeId.isEmpty() ? tr("not assigned") : g->computeId;
    case LastStepColumn: {
        if (g->history.isEmpty())
            return {};
        const RegistryEvent &e = g->history.constLast();
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat);
        return tr("%1 %2 by %3").arg(actionName(e.action), when, e.by);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RegistrationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NodeColumn:
        return tr("Node");
    case NodeIdColumn:
        return tr("Node ID");
    case ParentColumn:
        return tr("Under");
    case RoleColumn:
        return tr("Role");
    case ProvinceColumn:
        return tr("Province");
    case StateColumn:
        return tr("State");
    case ComputeIdColumn:
        return tr("Compute identifier");
    case LastStepColumn:
        return tr("Last step");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cpn
