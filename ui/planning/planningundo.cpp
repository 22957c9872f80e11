#include "ui/planning/planningundo.h"

#include "domain/provinces.h"
#include "jobs/workloadqueue.h"

namespace cpn {

using jobs::QueuedWorkload;

namespace {

class PlanCommand : public PlanningCommand
{
public:
    PlanCommand(PlanningUndoStack *stack, const QueuedWorkload &before, const QString &nodeId,
                const QString &province, const QString &text)
        : PlanningCommand(stack, before.id, text), m_before(before), m_nodeId(nodeId), m_province(province)
    {
    }

protected:
    void apply() override { queue()->setPlan(m_before.id, m_nodeId, m_province); }
    void revert() override { queue()->restore(m_before); }

private:
    QueuedWorkload m_before;
    QString m_nodeId;
    QString m_province;
};

class MoveCommand : public PlanningCommand
{
public:
    MoveCommand(PlanningUndoStack *stack, const QString &id, int from, int to, const QString &text)
        : PlanningCommand(stack, id, text), m_from(from), m_to(to)
    {
    }

protected:
    void apply() override { queue()->move(workloadId(), m_to); }
    void revert() override { queue()->move(workloadId(), m_from); }

private:
    int m_from;
    int m_to;
};

class RemoveCommand : public PlanningCommand
{
public:
    RemoveCommand(PlanningUndoStack *stack, const QueuedWorkload &item, int row, const QString &text)
        : PlanningCommand(stack, item.id, text), m_item(item), m_row(row)
    {
    }

protected:
    void apply() override { queue()->take(m_item.id); }
    void revert() override { queue()->insert(m_item, m_row); }

private:
    QueuedWorkload m_item;
    int m_row;
};

// A new workload (New, Duplicate): undone, it leaves the queue.
class AddCommand : public PlanningCommand
{
public:
    AddCommand(PlanningUndoStack *stack, const QueuedWorkload &item, int row, const QString &text)
        : PlanningCommand(stack, item.id, text), m_item(item), m_row(row)
    {
    }

protected:
    void apply() override { queue()->insert(m_item, m_row); }
    void revert() override { queue()->take(m_item.id); }

private:
    QueuedWorkload m_item;
    int m_row;
};

class EditCommand : public PlanningCommand
{
public:
    EditCommand(PlanningUndoStack *stack, const QueuedWorkload &before, const placement::Workload &after,
                const QString &text)
        : PlanningCommand(stack, before.id, text), m_before(before), m_after(before)
    {
        m_after.workload = after;
    }

protected:
    void apply() override { queue()->restore(m_after); }
    void revert() override { queue()->restore(m_before); }

private:
    QueuedWorkload m_before;
    QueuedWorkload m_after;
};

} // namespace

PlanningCommand::PlanningCommand(PlanningUndoStack *stack, const QString &workloadId, const QString &text)
    : QUndoCommand(text), m_stack(stack), m_workloadId(workloadId), m_epoch(stack->epoch(workloadId))
{
}

void PlanningCommand::undo()
{
    // A submitted workload's moves are dead: QUndoStack drops a command that is obsolete afterwards.
    if (isForgotten()) {
        setObsolete(true);
        return;
    }
    revert();
}

void PlanningCommand::redo()
{
    if (isForgotten()) {
        setObsolete(true);
        return;
    }
    apply();
}

PlanningUndoStack::PlanningUndoStack(jobs::WorkloadQueue *queue, std::function<QString(const QString &)> nodeName,
                                     QObject *parent)
    : QUndoStack(parent), m_queue(queue), m_nodeName(std::move(nodeName))
{
    connect(this, &QUndoStack::indexChanged, this, &PlanningUndoStack::movesChanged);
}

PlanningUndoStack::~PlanningUndoStack()
{
    // QUndoStack's destructor clears the stack and says so: not as movesChanged() from this half-destroyed
    // object, to a panel that may be half-destroyed too.
    disconnect(this, &QUndoStack::indexChanged, this, &PlanningUndoStack::movesChanged);
}

bool PlanningUndoStack::plan(const QString &workloadId, const QString &nodeId, const QString &province)
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item || !item->isPlaceable())
        return false;
    const QString text = nodeId.isEmpty() ? tr("Plan %1 in %2").arg(item->workload.name, provinceDisplayName(province))
                                          : tr("Plan %1 on %2").arg(item->workload.name, m_nodeName ? m_nodeName(nodeId) : nodeId);
    push(new PlanCommand(this, *item, nodeId, province, text));
    return true;
}

bool PlanningUndoStack::unplan(const QString &workloadId)
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item || item->state != QueuedWorkload::State::Planned)
        return false;
    push(new PlanCommand(this, *item, {}, {}, tr("Unplan %1").arg(item->workload.name)));
    return true;
}

bool PlanningUndoStack::moveTo(const QString &workloadId, int row)
{
    const int from = m_queue->rowOf(workloadId);
    if (from < 0 || row < 0 || row >= m_queue->rowCount() || row == from)
        return false;
    push(new MoveCommand(this, workloadId, from, row, tr("Move %1").arg(m_queue->find(workloadId)->workload.name)));
    return true;
}

bool PlanningUndoStack::remove(const QString &workloadId)
{
    const int row = m_queue->rowOf(workloadId);
    if (row < 0)
        return false;
    const QueuedWorkload item = m_queue->items().at(row);
    if (item.state == QueuedWorkload::State::Submitting)
        return false; // on its way to a node: its answer must find it
    push(new RemoveCommand(this, item, row, tr("Remove %1").arg(item.workload.name)));
    return true;
}

bool PlanningUndoStack::add(const QueuedWorkload &item, int row)
{
    if (item.id.isEmpty() || m_queue->find(item.id) || m_queue->items().size() >= jobs::WorkloadQueue::kMaxWorkloads)
        return false;
    const int at = row < 0 || row > m_queue->items().size() ? int(m_queue->items().size()) : row;
    push(new AddCommand(this, item, at, tr("Add %1").arg(item.workload.name)));
    return true;
}

bool PlanningUndoStack::edit(const QString &workloadId, const placement::Workload &workload)
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item || !item->isPlaceable())
        return false; // on its way to a node or running there: what was sent stays what it is
    if (item->workload == workload)
        return true;
    push(new EditCommand(this, *item, workload, tr("Edit %1").arg(workload.name)));
    return true;
}

void PlanningUndoStack::forget(const QString &workloadId)
{
    ++m_epochs[workloadId];
    dropForgotten();
    Q_EMIT movesChanged();
}

void PlanningUndoStack::reset()
{
    clear();
    m_epochs.clear();
    Q_EMIT movesChanged();
}

void PlanningUndoStack::dropForgotten()
{
    const auto forgotten = [](const QUndoCommand *command) {
        const auto *planning = dynamic_cast<const PlanningCommand *>(command);
        return planning && planning->isForgotten();
    };
    // undo()/redo() of a forgotten command does nothing and removes it.
    while (canUndo() && forgotten(command(index() - 1)))
        undo();
    while (canRedo() && forgotten(command(index())))
        redo();
}

void PlanningUndoStack::undoMove()
{
    dropForgotten();
    if (canUndo())
        undo();
    dropForgotten();
}

void PlanningUndoStack::redoMove()
{
    dropForgotten();
    if (canRedo())
        redo();
    dropForgotten();
}

bool PlanningUndoStack::canUndoMove() const
{
    for (int i = index() - 1; i >= 0; --i) {
        const auto *planning = dynamic_cast<const PlanningCommand *>(command(i));
        if (!planning || !planning->isForgotten())
            return true;
    }
    return false;
}

bool PlanningUndoStack::canRedoMove() const
{
    for (int i = index(); i < count(); ++i) {
        const auto *planning = dynamic_cast<const PlanningCommand *>(command(i));
        if (!planning || !planning->isForgotten())
            return true;
    }
    return false;
}

} // namespace cpn
