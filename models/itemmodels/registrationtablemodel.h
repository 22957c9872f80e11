#pragma once

#include "domain/registration.h"

#include <QAbstractTableModel>
#include <QList>

namespace cpn {

// The registrations a registry answered (GET /registry), one row each: the applicant, where it applied,
// its state and identifier, and its latest step. Rows keep their registration across a refresh (matched
// by id), so a selection survives it.
class RegistrationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NodeColumn,
        NodeIdColumn,
        ParentColumn,
        RoleColumn,
        ProvinceColumn,
        StateColumn,
        ComputeIdColumn,
        LastStepColumn,
        ColumnCount
    };
    static constexpr int StateRole = Qt::UserRole + 1; // the RegistrationState as an int

    explicit RegistrationTableModel(QObject *parent = nullptr);

    void setRegistrations(const QList<Registration> &registrations);
    const QList<Registration> &registrations() const { return m_rows; }
    const Registration *registrationAt(int row) const;
    int rowOf(const QString &registrationId) const;
    // The row whose compute identifier is `computeId`, or -1.
    int rowOfComputeId(const QString &computeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateName(RegistrationState state);
    static QString actionName(RegistryEvent::Action action);

private:
    QList<Registration> m_rows;
};

} // namespace cpn
