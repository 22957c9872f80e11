#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QUndoCommand>
#include <QUndoStack>

#include <functional>

namespace cpn {

namespace jobs {
class WorkloadQueue;
struct QueuedWorkload;
} // namespace jobs
namespace placement {
struct Workload;
}

// The planner's moves on the workload queue, undoable until the workload is submitted: add (new or
// duplicated), edit, plan on a node or a province, unplan, move up or down, remove. Once a workload goes to a node its moves are
// forgotten (a job cannot be "un-submitted" here; it is cancelled in the Jobs dock): they stay on the
// stack as obsolete entries that undo and redo skip and drop.
class PlanningUndoStack : public QUndoStack
{
    Q_OBJECT

public:
    // `nodeName` gives the name the undo history shows for a node id.
    PlanningUndoStack(jobs::WorkloadQueue *queue, std::function<QString(const QString &)> nodeName,
                      QObject *parent = nullptr);
    ~PlanningUndoStack() override;

    jobs::WorkloadQueue *queue() const { return m_queue; }

    // Each pushes one command (and does it); false if the workload cannot take that move.
    bool plan(const QString &workloadId, const QString &nodeId, const QString &province);
    bool unplan(const QString &workloadId);
    bool moveTo(const QString &workloadId, int row);
    bool remove(const QString &workloadId);
    // A new workload at `row` (-1: the end); false if its id is empty or taken, or the queue is full.
    bool add(const jobs::QueuedWorkload &item, int row = -1);
    // Replaces what a workload asks for; false unless it is still waiting for a place.
    bool edit(const QString &workloadId, const placement::Workload &workload);

    // The workload was submitted: its moves so far can no longer be undone or redone (if the node
    // refuses it, it is back in the queue and new moves count again).
    void forget(const QString &workloadId);
    // Bumped by forget(): a command made in an earlier epoch of its workload is dead.
    int epoch(const QString &workloadId) const { return m_epochs.value(workloadId); }
    // A new queue (a loaded file): no history.
    void reset();

    // Undo/redo the last move that still counts (the actions call these, not QUndoStack's).
    void undoMove();
    void redoMove();
    // Whether a move that still counts is there to undo/redo.
    bool canUndoMove() const;
    bool canRedoMove() const;

Q_SIGNALS:
    void movesChanged();

private:
    void dropForgotten();

    jobs::WorkloadQueue *m_queue;
    std::function<QString(const QString &)> m_nodeName;
    QHash<QString, int> m_epochs;
};

// One move on one workload.
class PlanningCommand : public QUndoCommand
{
public:
    PlanningCommand(PlanningUndoStack *stack, const QString &workloadId, const QString &text);
    QString workloadId() const { return m_workloadId; }
    bool isForgotten() const { return m_stack->epoch(m_workloadId) != m_epoch; }

    void undo() final;
    void redo() final;

protected:
    virtual void apply() = 0;
    virtual void revert() = 0;
    jobs::WorkloadQueue *queue() const { return m_stack->queue(); }

private:
    PlanningUndoStack *m_stack;
    QString m_workloadId;
    int m_epoch;
};

} // namespace cpn
