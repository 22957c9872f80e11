#include "ui/planning/planningui.h"

#include "itemmodels/eventlog.h"
#include "domain/reservation.h"
#include "jobs/reservationlist.h"
#include "jobs/workloadqueue.h"
#include "jobs/workloadqueuesubmitter.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "ui/planning/jobspanel.h"
#include "ui/planning/jobwizard.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/reservationspanel.h"
#include "ui/planning/selectionwizard.h"
#include "ui/planning/workloadqueuepanel.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace cpn {

PlanningUi::PlanningUi(PlanningServices *services, MainWindow *window, const Clock &clock)
    : QObject(window), m_services(services), m_window(window), m_clock(clock)
{
    Q_ASSERT(m_services && m_window);
    createJobsDock();
    createReservationsDock();
    createWorkloadQueue();
    retranslate();
    connect(m_window, &MainWindow::languageChanged, this, &PlanningUi::retranslate);
}

void PlanningUi::retranslate()
{
    if (m_jobsDock)
        m_jobsDock->setWindowTitle(tr("Jobs"));
    if (m_reservationsDock)
        m_reservationsDock->setWindowTitle(tr("Reservations"));
    m_queueDock->setWindowTitle(tr("Workload Queue"));
    if (!m_menu)
        return;
    m_menu->setTitle(tr("&Planning"));
    m_selectAction->setText(tr("&Select Resources…"));
    m_placeAction->setText(tr("&Place a Job…"));
    m_toolBar->setWindowTitle(tr("Planning"));
}

void PlanningUi::createJobsDock()
{
    if (!m_services->jobs)
        return;
    m_jobsPanel = new JobsPanel(m_services->jobs, m_clock, m_window);
    m_jobsDock = new QDockWidget(m_window);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    m_window->tabifyDockWidget(m_window->eventsDock(), m_jobsDock);
    m_window->eventsDock()->raise();
    connect(m_jobsPanel, &JobsPanel::nodeActivated, this,
            [this](const QString &nodeId) { m_window->mapPanel()->mapWidget()->jumpToNode(nodeId); });
}

void PlanningUi::createReservationsDock()
{
    if (!m_services->jobs)
        return;
    m_reservations = new jobs::ReservationList(m_services->jobs, this);
    m_reservationsPanel = new ReservationsPanel(
        m_reservations, [services = m_services] { return services->nodeNames(); }, m_clock, m_window);
    m_reservationsDock = new QDockWidget(m_window);
    m_reservationsDock->setObjectName(QStringLiteral("reservationsDock"));
    m_reservationsDock->setWidget(m_reservationsPanel);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_reservationsDock);
    m_window->tabifyDockWidget(m_jobsDock ? m_jobsDock : m_window->eventsDock(), m_reservationsDock);
    m_window->eventsDock()->raise();
    connect(m_reservationsPanel, &ReservationsPanel::placeJobRequested, this, [this](const Reservation &r) {
        placement::Workload onReservation = JobWizard::defaultWorkload().onReservation(r);
        onReservation.requirements.durationHours = r.hours;
        openJobWizard(onReservation);
    });
    connect(m_reservations, &jobs::ReservationList::releaseFailed, this, [this](const QString &id, const QString &reason) {
        m_window->logEvent(EventLogModel::Severity::Warning, tr("Planning"),
                           tr("Reservation %1 was not released: %2").arg(id, reason));
    });
}

void PlanningUi::addMenu()
{
    m_menu = m_window->menuBar()->addMenu(QString());
    m_selectAction = m_menu->addAction(QString());
    m_selectAction->setObjectName(QStringLiteral("selectResourcesAction"));
    m_selectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_selectAction->setToolTip(tr("Find and reserve the offers that fit a workload"));
    m_selectAction->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    connect(m_selectAction, &QAction::triggered, this, [this] { openSelectionWizard(); });
    m_placeAction = m_menu->addAction(QString());
    m_placeAction->setObjectName(QStringLiteral("placeJobAction"));
    m_placeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    m_placeAction->setToolTip(tr("Choose where a job runs and submit it"));
    m_placeAction->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    connect(m_placeAction, &QAction::triggered, this, [this] { openJobWizard(); });
    if (m_jobsDock) {
        m_menu->addSeparator();
        QAction *jobsToggle = m_jobsDock->toggleViewAction();
        jobsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
        m_menu->addAction(jobsToggle);
    }
    if (m_queueDock) {
        QAction *queueToggle = m_queueDock->toggleViewAction();
        queueToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_8));
        m_menu->addAction(queueToggle);
    }
    if (m_reservationsDock) {
        QAction *reservationsToggle = m_reservationsDock->toggleViewAction();
        reservationsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
        m_menu->addAction(reservationsToggle);
    }
    m_toolBar = m_window->addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("planningToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_selectAction);
    m_toolBar->addAction(m_placeAction);
    retranslate();
}

void PlanningUi::highlightOnMap(const QStringList &nodeIds)
{
    m_window->mapPanel()->mapWidget()->setHighlights(nodeIds, {});
}

SelectionWizard *PlanningUi::openSelectionWizard()
{
    auto *wizard = new SelectionWizard(m_services, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &SelectionWizard::highlightRequested, this, &PlanningUi::highlightOnMap);
    connect(wizard, &SelectionWizard::reserved, this, [this](const Reservation &r) {
        m_window->logEvent(EventLogModel::Severity::Info, tr("Planning"),
                           tr("Reserved %1 at %2 (%3).").arg(heldUnitsText(r), m_services->nodeNames().name(r.nodeId), r.id));
        if (m_reservationsDock && !m_window->isWallMode())
            m_reservationsDock->show();
    });
    connect(wizard, &SelectionWizard::placeJobRequested, this, [this](placement::Workload onReservation) {
        const placement::Workload defaults = JobWizard::defaultWorkload();
        onReservation.name = defaults.name;
        onReservation.kind = defaults.kind;
        openJobWizard(onReservation);
    });
    wizard->show();
    return wizard;
}

JobWizard *PlanningUi::openJobWizard()
{
    return openJobWizard(JobWizard::defaultWorkload());
}

JobWizard *PlanningUi::openJobWizard(const placement::Workload &initial)
{
    auto *wizard = new JobWizard(m_services, initial, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &JobWizard::highlightRequested, this, &PlanningUi::highlightOnMap);
    connect(wizard, &JobWizard::submitted, this, [this](const QList<Job> &jobs) {
        for (const Job &job : jobs)
            m_window->logEvent(EventLogModel::Severity::Info, tr("Planning"),
                               tr("Job %1 (%2) submitted to %3.")
                                   .arg(job.name, job.id, m_services->nodeNames().name(job.nodeId)));
        if (m_jobsDock) {
            m_jobsDock->show();
            m_jobsDock->raise();
        }
    });
    connect(wizard, &JobWizard::submissionFailed, this, [this](const QString &reason) {
        m_window->logEvent(EventLogModel::Severity::Warning, tr("Planning"),
                           tr("A job was not submitted: %1").arg(reason));
    });
    wizard->show();
    return wizard;
}

void PlanningUi::createWorkloadQueue()
{
    m_workloadQueue = new jobs::WorkloadQueue(this);
    m_queuePanel = new WorkloadQueuePanel(m_workloadQueue, m_services, m_window);
    m_queueDock = new QDockWidget(m_window);
    m_queueDock->setObjectName(QStringLiteral("workloadQueueDock"));
    m_queueDock->setWidget(m_queuePanel);
    // Under the map, a tab beside the events: the full width its rows need, and they are dragged up
    // onto the map. Events stay in front for the operators.
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_queueDock);
    m_window->tabifyDockWidget(m_window->eventsDock(), m_queueDock);
    m_window->eventsDock()->raise();
    map::NodeMapWidget *map = m_window->mapPanel()->mapWidget();
    map->setFitProvider([panel = m_queuePanel](const QString &id) { return panel->fitFor(id); });
    connect(map, &map::NodeMapWidget::workloadDropped, m_queuePanel, &WorkloadQueuePanel::handleDrop);
    // The drop's keyboard path: P on the map places the workload selected in the queue on the selected node.
    map->setWorkloadToPlace([panel = m_queuePanel] { return panel->selectedWorkloadId(); });
    connect(m_queuePanel, &WorkloadQueuePanel::eventLogged, m_window->eventLog(), &EventLog::log);
    // A submitted workload's job is followed in the Jobs dock.
    connect(m_queuePanel->submitter(), &jobs::WorkloadQueueSubmitter::workloadSubmitted, this, [this] {
        if (m_jobsDock && !m_window->isWallMode()) {
            m_jobsDock->show();
            m_jobsDock->raise();
        }
    });
}

} // namespace cpn
