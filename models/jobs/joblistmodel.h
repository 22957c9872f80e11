#pragma once

#include "domain/job.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QHash>
#include <QList>

namespace cpn {
class Clock;
}

namespace cpn::jobs {

class JobTracker;

// The jobs a JobTracker follows, one row each in the order they were first seen, updated in place as
// the tracker reports changes.
class JobListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        NodeColumn,
        KindColumn,
        StateColumn,
        ProgressColumn,
        SubmittedColumn,
        EtaColumn, // estimated finish while it runs, the finish time once it ended
        CostColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        JobIdRole = Qt::UserRole + 1, // QString, any column
        NodeIdRole,                   // QString, any column
        StateRole,                    // int(JobState), any column
        SortRole,                     // raw value of the column
        ProgressRole,                 // double 0..1, any column
    };
    Q_ENUM(Role)

    // The tracker may be nullptr (tests feed jobs through setJob()).
    JobListModel(JobTracker *tracker, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setJob(const cpn::Job &job);
    const Job &jobAt(int row) const { return m_jobs.at(row); }
    int rowOf(const QString &jobId) const { return m_rowById.value(jobId, -1); }
    // When the job is done at the latest (cpn::finishByMs, with the plan its tracker kept), or ended.
    qint64 finishByMs(const Job &job) const;

    static QString kindName(JobKind kind);
    static QString stateName(JobState state);

private:
    QVariant displayData(const Job &job, int column) const;
    QVariant sortData(const Job &job, int column) const;

    const Clock &m_clock;
    QPointer<JobTracker> m_tracker; // the node names
    QList<Job> m_jobs;
    QHash<QString, int> m_rowById;
};

} // namespace cpn::jobs
