#pragma once

#include "placement/workload.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace cpn::jobs {

// One workload waiting to be placed, and how far it got: planned on a node (or a province), on its way
// to a node, submitted as a job, or refused by the node (then it can be placed again).
struct QueuedWorkload
{
    enum class State { Queued, Planned, Submitting, Submitted, Refused };

    QString id; // unique in the queue; [a-z0-9][a-z0-9._-]{0,63}
    placement::Workload workload;
    State state = State::Queued;
    QString plannedNodeId;   // Planned, Submitting, Submitted: the node
    QString plannedProvince; // Planned on a province (no node chosen yet)
    QString jobId;           // Submitted
    QString reason;          // Refused: why, as the node or the console said it

    // Waiting for a place: it can be dragged, planned and submitted.
    bool isPlaceable() const { return state == State::Queued || state == State::Planned || state == State::Refused; }
    // Field by field, the workload's too (placement::Workload has no operator==).
    friend bool operator==(const QueuedWorkload &a, const QueuedWorkload &b);
};

// The planner's queue of workloads, as a table (name, kind, key needs, state). It only holds and
// reports; planning moves with undo live in the UI, submission in WorkloadQueueSubmitter.
class WorkloadQueue : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, NeedsColumn, StateColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole, // QString, any column
        StateRole,             // int(QueuedWorkload::State)
        PlannedNodeRole,       // QString
        JobIdRole,             // QString
        ReasonRole,            // QString
        PlaceableRole,         // bool: may be dragged onto the map
        SortRole,              // raw value of the column
    };
    Q_ENUM(Role)

    // What a queue may hold: a file or a paste past this is refused.
    static constexpr int kMaxWorkloads = 1000;

    explicit WorkloadQueue(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    const QList<QueuedWorkload> &items() const { return m_items; }
    int rowOf(const QString &id) const;
    const QueuedWorkload *find(const QString &id) const;
    // A fresh id ("wl-N") not used in the queue.
    QString newId() const;

    // Inserts at row (-1: at the end); false if the id is empty, taken or the queue is full.
    bool insert(const QueuedWorkload &item, int row = -1);
    // Removes and returns the workload (nullopt if unknown).
    std::optional<QueuedWorkload> take(const QString &id);
    // Moves a workload to another row; false if either is out of range.
    bool move(const QString &id, int toRow);
    // Puts back an earlier copy of a workload (same id): what undo restores. False if the id is unknown.
    bool restore(const QueuedWorkload &item);
    // Replaces the whole queue (a loaded file).
    void replaceAll(const QList<QueuedWorkload> &items);

    // State changes; each is false when the id is unknown.
    bool setPlan(const QString &id, const QString &nodeId, const QString &province);
    bool markSubmitting(const QString &id, const QString &nodeId);
    bool markSubmitted(const QString &id, const QString &jobId);
    // Back in the queue, with the reason shown in its row; nothing is lost.
    bool markRefused(const QString &id, const QString &reason);

    // "64 × ascend-910b · 512 cores · 12 h", for the row and the confirmation.
    static QString needsText(const placement::Workload &workload);
    static QString kindName(JobKind kind);
    static QString stateText(const QueuedWorkload &item);

    // The drag's MIME type; the data is the workload id in UTF-8.
    static QString mimeType() { return QStringLiteral("application/x-cpn-workload"); }

Q_SIGNALS:
    // Any change of one workload's state (for the submitter and the map's cached fit).
    void workloadChanged(const QString &id);

private:
    void emitRow(int row);

    QList<QueuedWorkload> m_items;
};

} // namespace cpn::jobs
