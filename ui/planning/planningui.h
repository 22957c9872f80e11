#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QDockWidget;
class QMenu;
class QToolBar;

namespace cpn {

class Clock;
class JobWizard;
class JobsPanel;
class MainWindow;
class ReservationsPanel;
class SelectionWizard;
class WorkloadQueuePanel;
struct PlanningServices;
namespace jobs {
class ReservationList;
class WorkloadQueue;
} // namespace jobs
namespace placement {
struct Workload;
}

// The window's planning: the Jobs and Workload Queue docks (tabs beside the Events), the Planning
// menu and tool bar, and the wizards, whose candidates the map rings. Built by the window when it
// has PlanningServices; reports to the window's event log.
class PlanningUi : public QObject
{
    Q_OBJECT

public:
    // Adds the docks to the window; services, window and clock must outlive it.
    PlanningUi(PlanningServices *services, MainWindow *window, const Clock &clock);

    // The Planning menu and tool bar; the window calls it where the menu goes (after View).
    void addMenu();

    JobsPanel *jobsPanel() const { return m_jobsPanel; }
    QDockWidget *jobsDock() const { return m_jobsDock; }
    ReservationsPanel *reservationsPanel() const { return m_reservationsPanel; }
    QDockWidget *reservationsDock() const { return m_reservationsDock; }
    jobs::ReservationList *reservations() const { return m_reservations; }
    QMenu *menu() const { return m_menu; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *selectResourcesAction() const { return m_selectAction; }
    QAction *placeJobAction() const { return m_placeAction; }
    WorkloadQueuePanel *workloadQueuePanel() const { return m_queuePanel; }
    QDockWidget *workloadQueueDock() const { return m_queueDock; }

    // Non-modal; the map shows their candidates.
    SelectionWizard *openSelectionWizard();
    JobWizard *openJobWizard();
    // Filled from `initial` (a reservation's job: placed on it).
    JobWizard *openJobWizard(const placement::Workload &initial);

private:
    void retranslate();
    void createJobsDock();
    void createReservationsDock();
    void createWorkloadQueue();
    void highlightOnMap(const QStringList &nodeIds);

    PlanningServices *m_services;
    MainWindow *m_window;
    const Clock &m_clock;
    JobsPanel *m_jobsPanel = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    jobs::ReservationList *m_reservations = nullptr;
    ReservationsPanel *m_reservationsPanel = nullptr;
    QDockWidget *m_reservationsDock = nullptr;
    QMenu *m_menu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_selectAction = nullptr;
    QAction *m_placeAction = nullptr;
    jobs::WorkloadQueue *m_workloadQueue = nullptr;
    WorkloadQueuePanel *m_queuePanel = nullptr;
    QDockWidget *m_queueDock = nullptr;
};

} // namespace cpn
