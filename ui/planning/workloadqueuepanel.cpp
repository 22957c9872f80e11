#include "ui/planning/workloadqueuepanel.h"

#include "widgets/accessibletext.h"
#include "itemmodels/textschanged.h"

#include "domain/logging.h"
#include "domain/nodenames.h"
#include "domain/provinces.h"
#include "jobs/workloadjson.h"
#include "jobs/workloadqueue.h"
#include "jobs/workloadqueuesubmitter.h"
#include "placement/placementengine.h"
#include "ui/planning/dropconfirmdialog.h"
#include "ui/planning/jobwizard.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/planningundo.h"
#include "ui/planning/workloadeditor.h"
#include "ui/planning/workloadqueueview.h"
#include "widgets/map/nodemapwidget.h"
#include "widgets/map/placementfit.h"

#include <QEvent>
#include <QAction>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMimeData>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cpn {

using jobs::QueuedWorkload;
using jobs::WorkloadQueue;

namespace {

const placement::Candidate *candidateOn(const placement::PlacementResult &result, const QString &nodeId, int *rank,
                                        int *count)
{
    const placement::Candidate *found = nullptr;
    int singles = 0;
    for (const placement::Candidate &c : result.ranked) {
        if (c.isSplit())
            continue;
        if (c.nodeId() == nodeId && !found) {
            found = &c;
            if (rank)
                *rank = singles;
        }
        ++singles;
    }
    if (count)
        *count = singles;
    return found;
}

QString rejectionOn(const placement::PlacementResult &result, const QString &nodeId)
{
    for (const placement::Rejection &r : result.rejected)
        if (r.nodeId == nodeId)
            return r.message;
    return {};
}

QString nodeName(const placement::FederationSnapshot &snapshot, const QString &nodeId)
{
    for (const Node &node : snapshot.nodes)
        if (node.id == nodeId)
            return localizedName(node);
    return nodeId;
}

} // namespace

WorkloadQueuePanel::WorkloadQueuePanel(WorkloadQueue *queue, PlanningServices *services, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_services(services), m_undo(new PlanningUndoStack(
                                        queue,
                                        [services](const QString &nodeId) {
                                            return services ? services->nodeNames().name(nodeId) : nodeId;
                                        },
                                        this)),
      m_submitter(new jobs::WorkloadQueueSubmitter(queue, services ? services->jobs : nullptr, this)),
      m_view(new WorkloadQueueView(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("workloadQueuePanel"));
    m_view->setObjectName(QStringLiteral("workloadQueueView"));
    m_view->setModel(queue);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Rows are dragged onto the map; the queue itself is reordered with the buttons (undoable).
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(WorkloadQueue::NameColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(WorkloadQueue::NeedsColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);

    m_message->setObjectName(QStringLiteral("workloadQueueMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    const auto makeAction = [this](const QString &name) { // its texts: retranslate()
        auto *action = new QAction(this);
        action->setObjectName(name);
        addAction(action);
        return action;
    };
    m_loadAction = makeAction(QStringLiteral("loadQueue"));
    m_saveAction = makeAction(QStringLiteral("saveQueue"));
    m_undoAction = makeAction(QStringLiteral("undoPlanning"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redoAction = makeAction(QStringLiteral("redoPlanning"));
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_submitAction = makeAction(QStringLiteral("submitPlanned"));
    // A read-only account cannot submit: the sign-in disables actions that need this scope.
    m_submitAction->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_newAction = makeAction(QStringLiteral("newWorkload"));
    m_editAction = makeAction(QStringLiteral("editWorkload"));
    m_duplicateAction = makeAction(QStringLiteral("duplicateWorkload"));
    m_unplanAction = makeAction(QStringLiteral("unplanWorkload"));
    m_removeAction = makeAction(QStringLiteral("removeWorkload"));
    m_upAction = makeAction(QStringLiteral("moveWorkloadUp"));
    m_downAction = makeAction(QStringLiteral("moveWorkloadDown"));
    retranslate();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_loadAction, m_saveAction, m_newAction, m_editAction, m_duplicateAction, m_removeAction,
                            m_undoAction, m_redoAction, m_submitAction, m_unplanAction, m_upAction, m_downAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        bar->addWidget(button);
    }
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    connect(m_loadAction, &QAction::triggered, this, &WorkloadQueuePanel::loadInteractive);
    connect(m_saveAction, &QAction::triggered, this, &WorkloadQueuePanel::saveInteractive);
    connect(m_undoAction, &QAction::triggered, m_undo, &PlanningUndoStack::undoMove);
    connect(m_redoAction, &QAction::triggered, m_undo, &PlanningUndoStack::redoMove);
    connect(m_newAction, &QAction::triggered, this, [this] { openEditor(EditorMode::New); });
    connect(m_editAction, &QAction::triggered, this, [this] { openEditor(EditorMode::Edit); });
    connect(m_duplicateAction, &QAction::triggered, this, [this] { openEditor(EditorMode::Duplicate); });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] {
        if (m_editAction->isEnabled())
            openEditor(EditorMode::Edit);
    });
    connect(m_submitAction, &QAction::triggered, this, &WorkloadQueuePanel::submitSelected);
    connect(m_unplanAction, &QAction::triggered, this, &WorkloadQueuePanel::unplanSelected);
    connect(m_removeAction, &QAction::triggered, this, &WorkloadQueuePanel::removeSelected);
    connect(m_upAction, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_downAction, &QAction::triggered, this, [this] { moveSelected(1); });
    connect(m_undo, &PlanningUndoStack::movesChanged, this, &WorkloadQueuePanel::updateActions);
    connect(m_queue, &WorkloadQueue::workloadChanged, this, &WorkloadQueuePanel::updateActions);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &WorkloadQueuePanel::updateActions);
    connect(m_queue, &QAbstractItemModel::rowsMoved, this, &WorkloadQueuePanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WorkloadQueuePanel::updateActions);

    connect(m_submitter, &jobs::WorkloadQueueSubmitter::workloadSubmitted, this,
            [this](const QString &id, const Job &job) {
                const QueuedWorkload *item = m_queue->find(id);
                const QString name = item ? item->workload.name : id;
                const QString node = m_services ? m_services->nodeNames().name(job.nodeId) : job.nodeId;
                showMessage(tr("%1 submitted to %2 as job %3.").arg(name, node, job.id), false);
                Q_EMIT eventLogged(EventLogModel::Severity::Info, tr("Planning"),
                                   tr("%1 submitted to %2 as job %3").arg(name, node, job.id));
            });
    connect(m_submitter, &jobs::WorkloadQueueSubmitter::workloadRefused, this,
            [this](const QString &id, const QString &reason, int) {
                const QueuedWorkload *item = m_queue->find(id);
                const QString name = item ? item->workload.name : id;
                showMessage(tr("%1 is back in the queue: %2").arg(name, reason), true);
                Q_EMIT eventLogged(EventLogModel::Severity::Warning, tr("Planning"),
                                   tr("%1 was not placed and is back in the queue: %2").arg(name, reason));
            });
    updateActions();
}

WorkloadQueuePanel::~WorkloadQueuePanel() = default;

void WorkloadQueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        announceTextsChanged(m_queue);
    }
    QWidget::changeEvent(event);
}

void WorkloadQueuePanel::retranslate()
{
    setAccessibleText(m_view, tr("Workload queue"),
                      tr("Drag a workload onto the map, or select it and a node on the map and press P there"));
    m_view->setToolTip(tr("Drag a workload onto the map: green fits, amber fits poorly, red cannot run there."));
    const auto setTexts = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        action->setToolTip(tip);
    };
    setTexts(m_loadAction, tr("Load…"), tr("Replace the queue with a workload file"));
    setTexts(m_saveAction, tr("Save…"), tr("Save the queue to a workload file"));
    setTexts(m_undoAction, tr("Undo"), tr("Undo the last planning move"));
    setTexts(m_redoAction, tr("Redo"), tr("Redo the planning move"));
    setTexts(m_submitAction, tr("Submit"), tr("Submit the selected planned workload to its node"));
    setTexts(m_newAction, tr("New…"), tr("Describe a new workload and add it to the queue"));
    setTexts(m_editAction, tr("Edit…"), tr("Change what the selected workload asks for"));
    setTexts(m_duplicateAction, tr("Duplicate…"), tr("Add a copy of the selected workload, to change before it is added"));
    setTexts(m_unplanAction, tr("Unplan"), tr("Take the selected workload off its node"));
    setTexts(m_removeAction, tr("Remove"), tr("Remove the selected workload"));
    setTexts(m_upAction, tr("Up"), tr("Move the selected workload up"));
    setTexts(m_downAction, tr("Down"), tr("Move the selected workload down"));
}

DropConfirmDialog *WorkloadQueuePanel::pendingConfirmation() const
{
    return m_confirm;
}

QString WorkloadQueuePanel::selectedWorkloadId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(WorkloadQueue::IdRole).toString();
}

bool WorkloadQueuePanel::selectWorkload(const QString &workloadId)
{
    const int row = m_queue->rowOf(workloadId);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void WorkloadQueuePanel::updateActions()
{
    const QueuedWorkload *item = m_queue->find(selectedWorkloadId());
    const bool hasJobs = m_services && m_services->jobs;
    m_undoAction->setEnabled(m_undo->canUndoMove());
    m_redoAction->setEnabled(m_undo->canRedoMove());
    // The sign-in may also disable Submit for a read-only account; only enable it where it makes sense.
    m_submitAction->setEnabled(hasJobs && item && item->state == QueuedWorkload::State::Planned);
    m_unplanAction->setEnabled(item && item->state == QueuedWorkload::State::Planned);
    m_removeAction->setEnabled(item && item->state != QueuedWorkload::State::Submitting);
    m_editAction->setEnabled(item && item->isPlaceable());
    m_duplicateAction->setEnabled(item != nullptr);
    m_newAction->setEnabled(m_queue->rowCount() < WorkloadQueue::kMaxWorkloads);
    const int row = item ? m_queue->rowOf(item->id) : -1;
    m_upAction->setEnabled(row > 0);
    m_downAction->setEnabled(row >= 0 && row + 1 < m_queue->rowCount());
    m_saveAction->setEnabled(m_queue->rowCount() > 0);
}

void WorkloadQueuePanel::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #f04a43;") : QString());
    m_message->setVisible(!text.isEmpty());
}

placement::PlacementResult WorkloadQueuePanel::rank(const QString &workloadId) const
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item || !m_services || !m_services->snapshot)
        return {};
    return placement::PlacementEngine().rank(item->workload, m_services->snapshot());
}

map::FitShading WorkloadQueuePanel::fitFor(const QString &workloadId) const
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item || !item->isPlaceable())
        return {};
    return map::PlacementFit::shadingFor(item->workload, rank(workloadId));
}

void WorkloadQueuePanel::handleDrop(const QString &workloadId, const QString &nodeId, const QString &province)
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item || !item->isPlaceable()) {
        showMessage(tr("That workload is no longer waiting for a place."), true);
        return;
    }
    if (m_confirm)
        m_confirm->reject(); // one confirmation at a time: the newest drop wins
    const placement::FederationSnapshot snapshot = m_services && m_services->snapshot ? m_services->snapshot()
                                                                                     : placement::FederationSnapshot{};
    const placement::PlacementResult result = placement::PlacementEngine().rank(item->workload, snapshot);
    int rankIndex = 0, count = 0;
    const placement::Candidate *candidate = candidateOn(result, nodeId, &rankIndex, &count);
    if (!candidate) {
        const QString why = rejectionOn(result, nodeId);
        showMessage(tr("%1 cannot run on %2: %3")
                        .arg(item->workload.name, nodeName(snapshot, nodeId), why.isEmpty() ? tr("the node is not known") : why),
                    true);
        return;
    }
    DropConfirmDialog::Target target;
    target.workloadName = item->workload.name;
    target.nodeId = nodeId;
    target.nodeName = nodeName(snapshot, nodeId);
    target.province = province; // dropped on a province: the node is its best fit
    target.rank = rankIndex;
    target.candidates = count;
    // Rights are checked by the node (a 403 puts the workload back in the queue with the reason).
    const bool maySubmit = m_services && m_services->jobs;
    m_confirm = new DropConfirmDialog(target, *candidate, maySubmit, window());
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmWorkload = workloadId;
    m_confirmNode = nodeId;
    connect(m_confirm, &QDialog::finished, this, &WorkloadQueuePanel::onConfirmFinished);
    m_confirm->open();
}

void WorkloadQueuePanel::onConfirmFinished()
{
    auto *dialog = qobject_cast<DropConfirmDialog *>(sender());
    if (!dialog)
        return;
    const QString id = m_confirmWorkload;
    switch (dialog->choice()) {
    case DropConfirmDialog::Choice::Cancel:
        break;
    case DropConfirmDialog::Choice::PlanOnly:
        if (m_undo->plan(id, m_confirmNode, {}))
            showMessage({}, false);
        break;
    case DropConfirmDialog::Choice::Submit:
        submitTo(id, m_confirmNode);
        break;
    }
    if (m_confirm == dialog)
        m_confirm = nullptr;
}

bool WorkloadQueuePanel::submitTo(const QString &workloadId, const QString &nodeId)
{
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item)
        return false;
    // The federation may have moved since the drop: an offer taken, a node gone. Check again first.
    const placement::PlacementResult result = rank(workloadId);
    const placement::Candidate *candidate = candidateOn(result, nodeId, nullptr, nullptr);
    if (!candidate) {
        const QString why = rejectionOn(result, nodeId);
        m_submitter->refuse(workloadId, why.isEmpty() ? tr("%1 is no longer in the federation").arg(nodeId)
                                                      : tr("no longer fits %1: %2").arg(nodeId, why));
        return false;
    }
    QString why;
    const QString model = candidate->shares.first().acceleratorModel;
    if (!m_submitter->submit(workloadId, nodeId, model, candidate->estimatedStartMs, &why)) {
        showMessage(why, true);
        return false;
    }
    // Sent: its planning moves cannot be undone any more.
    m_undo->forget(workloadId);
    showMessage(tr("Submitting %1 to %2…")
                    .arg(item->workload.name, m_services ? m_services->nodeNames().name(nodeId) : nodeId),
                false);
    return true;
}

void WorkloadQueuePanel::submitSelected()
{
    const QueuedWorkload *item = m_queue->find(selectedWorkloadId());
    if (!item || item->state != QueuedWorkload::State::Planned)
        return;
    QString node = item->plannedNodeId;
    if (node.isEmpty()) {
        // Planned on a province: its best node now.
        const placement::PlacementResult result = rank(item->id);
        for (const placement::Candidate &c : result.ranked) {
            if (c.isSplit())
                continue;
            if (m_services && m_services->snapshot) {
                for (const Node &n : m_services->snapshot().nodes)
                    if (n.id == c.nodeId() && n.province == item->plannedProvince)
                        node = n.id;
            }
            if (!node.isEmpty())
                break;
        }
        if (node.isEmpty()) {
            m_submitter->refuse(item->id, tr("no node in %1 can run it now").arg(provinceDisplayName(item->plannedProvince)));
            return;
        }
    }
    // Asks first, as a drop does: what it costs there and when it is done by.
    handleDrop(item->id, node, item->plannedProvince);
}

void WorkloadQueuePanel::openEditor(EditorMode mode)
{
    const QueuedWorkload *item = m_queue->find(selectedWorkloadId());
    if (mode != EditorMode::New && !item)
        return;
    if (m_editor)
        m_editor->reject(); // one editor at a time
    placement::Workload initial = item && mode != EditorMode::New ? item->workload : JobWizard::defaultWorkload();
    QString title = tr("New Workload");
    if (mode == EditorMode::Edit) {
        title = tr("Edit %1").arg(item->workload.name);
    } else if (mode == EditorMode::Duplicate) {
        initial.name = tr("%1 (copy)").arg(item->workload.name).left(128);
        title = tr("Duplicate %1").arg(item->workload.name);
    }
    m_editor = new WorkloadEditorDialog(m_services, initial, title, window());
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString editedId = mode == EditorMode::Edit ? item->id : m_queue->newId();
    m_editor->setWorkloadId(editedId);
    // A copy goes right under its original; a new one at the end.
    const int row = mode == EditorMode::Duplicate ? m_queue->rowOf(item->id) + 1 : -1;
    connect(m_editor, &QDialog::accepted, this, [this, mode, editedId, row, editor = m_editor.data()] {
        const bool done = mode == EditorMode::Edit ? m_undo->edit(editedId, editor->workload())
                                                   : m_undo->add({editedId, editor->workload()}, row);
        if (!done) {
            showMessage(tr("%1 could not be changed: it is no longer waiting for a place.").arg(editor->workload().name), true);
            return;
        }
        selectWorkload(editedId);
        showMessage({}, false);
    });
    m_editor->open();
}

WorkloadEditorDialog *WorkloadQueuePanel::pendingEditor() const
{
    return m_editor;
}

void WorkloadQueuePanel::unplanSelected()
{
    m_undo->unplan(selectedWorkloadId());
}

void WorkloadQueuePanel::removeSelected()
{
    m_undo->remove(selectedWorkloadId());
}

void WorkloadQueuePanel::moveSelected(int delta)
{
    const QString id = selectedWorkloadId();
    if (m_undo->moveTo(id, m_queue->rowOf(id) + delta))
        selectWorkload(id);
}

bool WorkloadQueuePanel::showDragPreview(map::NodeMapWidget *map, const QString &workloadId)
{
    const int row = m_queue->rowOf(workloadId);
    if (!map || row < 0)
        return false;
    const map::FitShading shading = fitFor(workloadId);
    QString best;
    for (auto it = shading.nodes.begin(); it != shading.nodes.end(); ++it)
        if (it->rank == 0)
            best = it.key();
    if (best.isEmpty())
        return false;
    selectWorkload(workloadId);
    // The same events a drag from the row produces; the MIME data lives as long as the map.
    QMimeData *mime = m_queue->mimeData({m_queue->index(row, 0)});
    mime->setParent(map);
    const QPoint pos = map->nodePosition(best).toPoint();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(map, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(map, &move);
    return enter.isAccepted();
}

bool WorkloadQueuePanel::loadFile(const QString &path, QString *error)
{
    for (const QueuedWorkload &item : m_queue->items()) {
        if (item.state == QueuedWorkload::State::Submitting) {
            if (error)
                *error = tr("%1 is on its way to a node; load the file once it has an answer.").arg(item.workload.name);
            return false;
        }
    }
    QString why;
    if (!jobs::workloadjson::loadInto(*m_queue, path, &why)) {
        if (error)
            *error = why;
        qCWarning(lcUi).noquote() << "workload queue" << path << "not loaded:" << why;
        return false;
    }
    m_undo->reset();
    qCInfo(lcUi).noquote() << "workload queue loaded from" << path << m_queue->rowCount() << "workloads";
    return true;
}

bool WorkloadQueuePanel::saveFile(const QString &path, QString *error)
{
    if (!jobs::workloadjson::writeFile(path, m_queue->items(), error)) {
        qCWarning(lcUi).noquote() << "workload queue not saved to" << path;
        return false;
    }
    return true;
}

void WorkloadQueuePanel::loadInteractive()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Workload Queue"), {},
                                                      tr("Workload queues (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (loadFile(path, &error)) {
        showMessage(tr("Loaded %n workload(s) from %1.", nullptr, m_queue->rowCount()).arg(path), false);
        return;
    }
    showMessage(tr("The queue was not changed: %1 cannot be read (%2).").arg(path, error), true);
    Q_EMIT eventLogged(EventLogModel::Severity::Error, tr("Planning"),
                       tr("Workload file %1 not loaded: %2").arg(path, error));
}

void WorkloadQueuePanel::saveInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Workload Queue"), QStringLiteral("workloads.json"),
                                                      tr("Workload queues (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveFile(path, &error))
        showMessage(tr("Saved %n workload(s) to %1.", nullptr, m_queue->rowCount()).arg(path), false);
    else
        showMessage(tr("The queue could not be saved to %1: %2").arg(path, error), true);
}

} // namespace cpn
