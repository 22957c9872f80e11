#pragma once

#include "placement/workload.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace cpn {

struct PlanningServices;
class JobKindPage;
class RequirementsPage;
namespace placement {
class SharedRanking;
}

// New, Edit and Duplicate in the workload queue: the job's name and kind, and what it needs and where it
// may run, on the same pages as Place a Job (with the live count of nodes that could take it). OK is
// offered only while the entries are valid, and the workload must also pass the queue file's own checks
// (workloadjson::problemWith), so the queue can always be saved and loaded again.
class WorkloadEditorDialog : public QDialog
{
    Q_OBJECT

public:
    WorkloadEditorDialog(PlanningServices *services, const placement::Workload &initial, const QString &title,
                         QWidget *parent = nullptr);
    ~WorkloadEditorDialog() override;

    const placement::Workload &workload() const { return m_draft; }
    // The queue id the file check runs with (the workload's own, or a new one's).
    void setWorkloadId(const QString &id) { m_id = id; }

    JobKindPage *jobPage() const { return m_job; }
    RequirementsPage *requirementsPage() const { return m_requirements; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *okButton() const;
    QLabel *problemLabel() const { return m_problem; }

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateOk();

    placement::Workload m_draft;
    QString m_id = QStringLiteral("wl-new");
    placement::SharedRanking *m_ranking;
    QTabWidget *m_tabs;
    JobKindPage *m_job;
    RequirementsPage *m_requirements;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace cpn
