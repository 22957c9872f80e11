#pragma once

#include "placement/placementresult.h"

#include <QDialog>

#include <array>

class QLabel;
class QPushButton;

namespace cpn {

// The short confirmation after a workload is dropped on the map: the workload, the node, what the
// placement engine expects (cost, start and finish, the five score parts), and three ways out:
// Submit (sends the job), Plan only (an undoable move in the queue), Cancel.
class DropConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Cancel, PlanOnly, Submit };

    struct Target
    {
        QString workloadName;
        QString nodeId;
        QString nodeName;
        QString province; // dropped on a province: the node was picked as its best fit
        int rank = 0;     // among the single-node candidates
        int candidates = 0;
    };

    DropConfirmDialog(const Target &target, const placement::Candidate &candidate, bool maySubmit,
                      QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *planButton() const { return m_plan; }
    QPushButton *cancelButton() const { return m_cancel; }

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Field { WorkloadField, NodeField, AcceleratorsField, CostField, EtaField, QueueField, ScoreField,
                 PartsField, FieldCount };
    void retranslate();

    Target m_target;
    placement::Candidate m_candidate;
    bool m_maySubmit;
    std::array<QLabel *, FieldCount> m_names{}; // a row's label; null where the dialog has no such row
    std::array<QLabel *, FieldCount> m_values{};
    Choice m_choice = Choice::Cancel;
    QPushButton *m_submit;
    QPushButton *m_plan;
    QPushButton *m_cancel;
};

} // namespace cpn
