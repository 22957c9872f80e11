#pragma once

#include "placement/placementresult.h"
#include "placement/workload.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace cpn {
namespace placement {
class SharedRanking;
}

struct PlanningServices;

// What a workload needs and where it may run: accelerators (a model or a class), CPU, memory, storage,
// duration, deadline, budget, where its data and users are, residency and the green preference. Edits
// the wizard's draft; the live count of nodes that could take it is re-ranked while the planner types
// (coalesced by a short timer). Next is enabled only while the entries are valid; the reason shows.
class RequirementsPage : public QWizardPage
{
    Q_OBJECT

public:
    // `ranking` is the wizard's, shared with its ranked page: the count names that page's first candidate.
    RequirementsPage(PlanningServices *services, placement::Workload *draft, placement::SharedRanking *ranking,
                     QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The reason the entries cannot be used, or an empty string; `nowMs` for the deadline checks.
    static QString problemWith(const placement::Workload &workload, qint64 nowMs);

    // Fills the widgets from a workload (e.g. one taken from the queue).
    void load(const placement::Workload &workload);
    // Nodes able to take the whole job on their own at the last count; -1 before the first count.
    int matchCount() const { return m_matchCount; }
    // Counts now instead of after the timer (tests; the pages after this one), ranking again only if the
    // entries changed since the last ranking or new offers came.
    void recount();

    QComboBox *acceleratorCombo() const { return m_accelerator; }
    QSpinBox *acceleratorCount() const { return m_count; }
    QSpinBox *cpuCores() const { return m_cpu; }
    QDoubleSpinBox *memoryGiB() const { return m_memory; }
    QDoubleSpinBox *storageTB() const { return m_storage; }
    QDoubleSpinBox *durationHours() const { return m_duration; }
    QCheckBox *deadlineCheck() const { return m_hasDeadline; }
    QDateTimeEdit *deadline() const { return m_deadline; }
    QDoubleSpinBox *budget() const { return m_budget; }
    QComboBox *dataLocation() const { return m_dataLocation; }
    QDoubleSpinBox *dataTB() const { return m_dataTB; }
    QComboBox *usersLocation() const { return m_usersLocation; }
    QSpinBox *maxLatency() const { return m_maxLatency; }
    QLineEdit *residency() const { return m_residency; }
    QCheckBox *preferGreen() const { return m_green; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *countLabel() const { return m_countLabel; }
    QLabel *heldUnitsLabel() const { return m_heldNote; }

Q_SIGNALS:
    void counted(int matches);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateStatic();
    void retranslateChoices(QComboBox *combo);
    void fillChoices();
    void fillLocations(QComboBox *combo);
    void entriesChanged();
    void showCount();
    void showHeldUnits(const std::optional<Reservation> &held);
    void writeDraft();
    static placement::Location locationOf(const QComboBox *combo);
    void selectLocation(QComboBox *combo, const placement::Location &location);

    PlanningServices *m_services;
    placement::Workload *m_draft;
    placement::SharedRanking *m_ranking;
    bool m_offersChanged = false;
    bool m_counting = false;
    bool m_loading = false;
    int m_matchCount = -1;
    QString m_problemText;

    QComboBox *m_accelerator;
    QSpinBox *m_count;
    QSpinBox *m_cpu;
    QDoubleSpinBox *m_memory;
    QDoubleSpinBox *m_storage;
    QDoubleSpinBox *m_duration;
    QCheckBox *m_hasDeadline;
    QDateTimeEdit *m_deadline;
    QDoubleSpinBox *m_budget;
    QComboBox *m_dataLocation;
    QDoubleSpinBox *m_dataTB;
    QComboBox *m_usersLocation;
    QSpinBox *m_maxLatency;
    QLineEdit *m_residency;
    QCheckBox *m_green;
    QLabel *m_within = nullptr;
    QLabel *m_deadlineLabel = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_problem;
    QLabel *m_heldNote;
    QLabel *m_countLabel;
    QTimer *m_countTimer;
};

} // namespace cpn
