// The workload queue's editor: New, Edit, Duplicate and Remove, each undoable, with the entries checked by
// the pages' rules and by the queue file's own, against the real simulator (the live count).
#include "gui/planning/planningfixture.h"
#include "jobs/workloadjson.h"
#include "jobs/workloadqueue.h"
#include "ui/planning/jobkindpage.h"
#include "ui/planning/planningundo.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/workloadeditor.h"
#include "ui/planning/workloadqueuepanel.h"
#include "ui/planning/workloadqueueview.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace cpn;
using jobs::QueuedWorkload;

class tst_WorkloadEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void newIsCheckedThenAddedAndUndoable();
    void editChangesTheWorkloadAndUndoRestoresIt();
    void duplicateGoesUnderItsOriginal();
    void whatTheFileWouldRefuseIsRefusedHere();
    void removeIsUndoable();
    void onlyWaitingWorkloadsAreEdited();
    void theDragTagLeavesTheCursorClear();

private:
    WorkloadEditorDialog *open(QAction *action);
    PlanningFixture m_fx;
    jobs::WorkloadQueue *m_queue = nullptr;
    WorkloadQueuePanel *m_panel = nullptr;
};

void tst_WorkloadEditor::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    QVERIFY2(m_fx.start(), qPrintable(m_fx.error()));
}

void tst_WorkloadEditor::init()
{
    m_queue = new jobs::WorkloadQueue;
    m_panel = new WorkloadQueuePanel(m_queue, &m_fx.services);
    m_panel->resize(1200, 400);
    m_panel->show();
    QueuedWorkload first{QStringLiteral("wl-1"), {}};
    first.workload.name = QStringLiteral("resnet-batch");
    first.workload.requirements.acceleratorModel = QStringLiteral("h800");
    first.workload.requirements.accelerators = 8;
    first.workload.requirements.cpuCores = 32;
    first.workload.requirements.durationHours = 2;
    QVERIFY(m_queue->insert(first));
}

void tst_WorkloadEditor::cleanup()
{
    delete m_panel;
    delete m_queue;
}

WorkloadEditorDialog *tst_WorkloadEditor::open(QAction *action)
{
    action->trigger();
    WorkloadEditorDialog *editor = m_panel->pendingEditor();
    if (editor && !QTest::qWaitForWindowExposed(editor))
        return nullptr;
    return editor;
}

void tst_WorkloadEditor::newIsCheckedThenAddedAndUndoable()
{
    WorkloadEditorDialog *editor = open(m_panel->newAction());
    QVERIFY(editor);
    QVERIFY(editor->okButton()->isEnabled()); // Place a Job's defaults are a valid workload
    editor->jobPage()->nameEdit()->clear();
    QVERIFY(!editor->okButton()->isEnabled()); // a workload needs a name
    QTest::keyClicks(editor->jobPage()->nameEdit(), QStringLiteral("render-farm"));
    QVERIFY(editor->okButton()->isEnabled());
    editor->requirementsPage()->durationHours()->setValue(0);
    QVERIFY(!editor->okButton()->isEnabled());
    QVERIFY(editor->requirementsPage()->problemLabel()->text().contains(QStringLiteral("how long")));
    editor->requirementsPage()->durationHours()->setValue(3);
    QVERIFY(editor->okButton()->isEnabled());
    editor->okButton()->click();

    QCOMPARE(m_queue->rowCount(), 2);
    const QueuedWorkload &added = m_queue->items().at(1);
    QCOMPARE(added.workload.name, QStringLiteral("render-farm"));
    QCOMPARE(added.workload.requirements.durationHours, 3.0);
    QCOMPARE(added.state, QueuedWorkload::State::Queued);
    QCOMPARE(m_panel->selectedWorkloadId(), added.id);
    // The file takes it as it is.
    QVERIFY(jobs::workloadjson::problemWith(added).isEmpty());

    const QString id = added.id;
    m_panel->undoAction()->trigger();
    QVERIFY(!m_queue->find(id));
    m_panel->redoAction()->trigger();
    QVERIFY(m_queue->find(id));
}

void tst_WorkloadEditor::editChangesTheWorkloadAndUndoRestoresIt()
{
    QVERIFY(m_panel->selectWorkload(QStringLiteral("wl-1")));
    WorkloadEditorDialog *editor = open(m_panel->editAction());
    QVERIFY(editor);
    // The editor shows the workload as it is.
    QCOMPARE(editor->jobPage()->nameEdit()->text(), QStringLiteral("resnet-batch"));
    QCOMPARE(editor->requirementsPage()->acceleratorCount()->value(), 8);
    editor->requirementsPage()->acceleratorCount()->setValue(16);
    editor->okButton()->click();
    QCOMPARE(m_queue->rowCount(), 1);
    QCOMPARE(m_queue->find(QStringLiteral("wl-1"))->workload.requirements.accelerators, 16);
    QCOMPARE(m_queue->find(QStringLiteral("wl-1"))->workload.name, QStringLiteral("resnet-batch"));
    m_panel->undoAction()->trigger();
    QCOMPARE(m_queue->find(QStringLiteral("wl-1"))->workload.requirements.accelerators, 8);

    // Cancel changes nothing.
    editor = open(m_panel->editAction());
    QVERIFY(editor);
    editor->requirementsPage()->acceleratorCount()->setValue(64);
    editor->reject();
    QCOMPARE(m_queue->find(QStringLiteral("wl-1"))->workload.requirements.accelerators, 8);
}

void tst_WorkloadEditor::duplicateGoesUnderItsOriginal()
{
    QueuedWorkload last{QStringLiteral("wl-2"), {}};
    last.workload = m_queue->find(QStringLiteral("wl-1"))->workload;
    last.workload.name = QStringLiteral("last");
    QVERIFY(m_queue->insert(last));
    QVERIFY(m_panel->selectWorkload(QStringLiteral("wl-1")));
    WorkloadEditorDialog *editor = open(m_panel->duplicateAction());
    QVERIFY(editor);
    QCOMPARE(editor->jobPage()->nameEdit()->text(), QStringLiteral("resnet-batch (copy)"));
    editor->okButton()->click();
    QCOMPARE(m_queue->rowCount(), 3);
    const QueuedWorkload &copy = m_queue->items().at(1);
    QVERIFY(copy.id != QStringLiteral("wl-1"));
    QCOMPARE(copy.workload.requirements, m_queue->find(QStringLiteral("wl-1"))->workload.requirements);
    QCOMPARE(m_queue->items().at(2).id, QStringLiteral("wl-2"));
}

void tst_WorkloadEditor::whatTheFileWouldRefuseIsRefusedHere()
{
    WorkloadEditorDialog *editor = open(m_panel->newAction());
    QVERIFY(editor);
    // The name field takes 200 characters, the queue file 128: the file's rule decides, and says which field.
    editor->jobPage()->nameEdit()->setText(QString(150, u'x'));
    QVERIFY(editor->okButton()->isEnabled());
    editor->okButton()->click();
    QVERIFY(editor->isVisible());
    QVERIFY(editor->problemLabel()->isVisible());
    QVERIFY2(editor->problemLabel()->text().contains(QStringLiteral("name")), qPrintable(editor->problemLabel()->text()));
    QCOMPARE(m_queue->rowCount(), 1);
    editor->jobPage()->nameEdit()->setText(QString(100, u'x'));
    editor->okButton()->click();
    QCOMPARE(m_queue->rowCount(), 2);
}

void tst_WorkloadEditor::removeIsUndoable()
{
    QVERIFY(m_panel->selectWorkload(QStringLiteral("wl-1")));
    m_panel->removeAction()->trigger();
    QCOMPARE(m_queue->rowCount(), 0);
    m_panel->undoAction()->trigger();
    QCOMPARE(m_queue->rowCount(), 1);
    QCOMPARE(m_queue->find(QStringLiteral("wl-1"))->workload.name, QStringLiteral("resnet-batch"));
}

void tst_WorkloadEditor::onlyWaitingWorkloadsAreEdited()
{
    QVERIFY(m_queue->markSubmitting(QStringLiteral("wl-1"), m_fx.nodes.constFirst().id));
    QVERIFY(m_queue->markSubmitted(QStringLiteral("wl-1"), QStringLiteral("job-1")));
    QVERIFY(m_panel->selectWorkload(QStringLiteral("wl-1")));
    QVERIFY(!m_panel->editAction()->isEnabled()); // what was sent stays what it is
    QVERIFY(m_panel->duplicateAction()->isEnabled()); // but it can be the start of another
    QVERIFY(!m_panel->undoStack()->edit(QStringLiteral("wl-1"), placement::Workload{}));
}

void tst_WorkloadEditor::theDragTagLeavesTheCursorClear()
{
    const QModelIndex row = m_queue->index(0, 0);
    const QPixmap tag = m_panel->view()->dragTag(row, 2.0);
    QVERIFY(!tag.isNull());
    QCOMPARE(tag.devicePixelRatio(), 2.0);
    // The cursor's point lies outside the tag: the node under it is not hidden.
    const QRect drawn(QPoint(0, 0), tag.deviceIndependentSize().toSize());
    QVERIFY(!drawn.contains(WorkloadQueueView::dragHotSpot()));
    QVERIFY(drawn.width() < 420 + 1 && drawn.height() < 80);
}

QTEST_MAIN(tst_WorkloadEditor)
#include "tst_workloadeditor.moc"
