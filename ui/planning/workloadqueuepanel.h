#pragma once

#include "itemmodels/eventlogmodel.h"
#include "placement/placementresult.h"
#include "widgets/map/mapfitlayer.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace cpn {

struct PlanningServices;
class DropConfirmDialog;
class WorkloadEditorDialog;
class WorkloadQueueView;
class PlanningUndoStack;
namespace map {
class NodeMapWidget;
}
namespace jobs {
class WorkloadQueue;
class WorkloadQueueSubmitter;
} // namespace jobs

// The "Workload Queue" dock: the planner's workloads (name, kind, key needs, state), dragged from here
// onto the map (MIME application/x-cpn-workload). A drop opens DropConfirmDialog; Plan Only is an
// undoable move (Undo/Redo, Ctrl+Z / Ctrl+Shift+Z in the dock), Submit sends the job through the
// JobTracker. A refused or vanished placement puts the workload back in the queue with the reason in
// its row and in the Events log. New…, Edit… and Duplicate… open WorkloadEditorDialog (undoable too);
// Submit asks first, as a drop does. Load… and Save… read and write the queue file (workloadjson).
class WorkloadQueuePanel : public QWidget
{
    Q_OBJECT

public:
    WorkloadQueuePanel(jobs::WorkloadQueue *queue, PlanningServices *services, QWidget *parent = nullptr);
    ~WorkloadQueuePanel() override;

    jobs::WorkloadQueue *queue() const { return m_queue; }
    PlanningUndoStack *undoStack() const { return m_undo; }
    jobs::WorkloadQueueSubmitter *submitter() const { return m_submitter; }
    WorkloadQueueView *view() const { return m_view; }
    QLabel *messageLabel() const { return m_message; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *submitAction() const { return m_submitAction; }
    QAction *loadAction() const { return m_loadAction; }
    QAction *saveAction() const { return m_saveAction; }
    // The confirmation of the last drop while it is open (tests answer it).
    DropConfirmDialog *pendingConfirmation() const;
    // The workload editor while it is open.
    WorkloadEditorDialog *pendingEditor() const;
    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *removeAction() const { return m_removeAction; }

    // The map's fit provider: the workload ranked over the federation as it is now.
    map::FitShading fitFor(const QString &workloadId) const;
    // A workload dropped on the map (NodeMapWidget::workloadDropped): asks for confirmation.
    void handleDrop(const QString &workloadId, const QString &nodeId, const QString &province);
    // Submits now to the node (re-checking that it still fits); false with the reason shown if not sent.
    bool submitTo(const QString &workloadId, const QString &nodeId);

    // For screenshots and demonstrations: the workload dragged over its best node on the map, held there
    // (the map shows its fit shading and label) until a real drag or a drop ends it. False if it fits
    // nowhere.
    bool showDragPreview(map::NodeMapWidget *map, const QString &workloadId);

    bool loadFile(const QString &path, QString *error);
    bool saveFile(const QString &path, QString *error);
    QString selectedWorkloadId() const;
    bool selectWorkload(const QString &workloadId);

Q_SIGNALS:
    // For the Events log (MainWindow::logEvent).
    void eventLogged(cpn::EventLogModel::Severity severity, const QString &source, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    enum class EditorMode { New, Edit, Duplicate };
    placement::PlacementResult rank(const QString &workloadId) const;
    void openEditor(EditorMode mode);
    void showMessage(const QString &text, bool error);
    void onConfirmFinished();
    void submitSelected();
    void unplanSelected();
    void removeSelected();
    void moveSelected(int delta);
    void loadInteractive();
    void saveInteractive();
    void updateActions();

    jobs::WorkloadQueue *m_queue;
    PlanningServices *m_services;
    PlanningUndoStack *m_undo;
    jobs::WorkloadQueueSubmitter *m_submitter;
    WorkloadQueueView *m_view;
    QLabel *m_message;
    QAction *m_loadAction;
    QAction *m_saveAction;
    QAction *m_undoAction;
    QAction *m_redoAction;
    QAction *m_submitAction;
    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_duplicateAction;
    QAction *m_unplanAction;
    QAction *m_removeAction;
    QAction *m_upAction;
    QAction *m_downAction;
    QPointer<DropConfirmDialog> m_confirm;
    QPointer<WorkloadEditorDialog> m_editor;
    QString m_confirmWorkload;
    QString m_confirmNode;
};

} // namespace cpn
