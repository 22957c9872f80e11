#pragma once

#include "alarms/alarmtext.h"

#include <QAbstractTableModel>

namespace cpn {
class Clock;
}

namespace cpn::alarms {

class AlarmStore;

// The rows of the Alarms dock: one per alarm of the store, in the store's order. Sources are shown
// by name (the injected namer), kinds and severities in the user's language.
class AlarmTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SeverityColumn,
        SourceColumn,
        KindColumn,
        StateColumn,
        AgeColumn, // since raised while active; how long it lasted once cleared
        AcknowledgedColumn,
        CommentsColumn,
        SilencedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Alarm::Severity), any column
        OriginRole,                      // QString
        AlarmIdRole,                     // QString
        ActiveRole,                      // bool
        AcknowledgedRole,                // bool
        SilencedRole,                    // bool
        SortRole,                        // the column's raw value
        SearchTextRole,                  // every text of the row, lower case, for the search box
        ConfirmedRole,                   // bool: false while the alarm's root does not answer
    };
    Q_ENUM(Role)

    AlarmTableModel(const AlarmStore *store, const Clock &clock, SourceNamer namer,
                    QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const AlarmStore *store() const { return m_store; }
    // Shows another store's alarms (an offline review's, or the live one again): a reset.
    void setStore(const AlarmStore *store);
    QString sourceName(const AlarmSource &source) const;
    // The age column moves with time: once a second from the dock.
    void refreshAges();
    // The directory changed: names may have.
    void refreshNames();

private:
    QString unconfirmedText(qint64 lastHeardMs) const;
    QVariant displayData(const StoredAlarm &stored, int column) const;
    QVariant sortData(const StoredAlarm &stored, int column) const;
    void follow(const AlarmStore *store);

    const AlarmStore *m_store;
    const Clock &m_clock;
    SourceNamer m_namer;
};

} // namespace cpn::alarms
