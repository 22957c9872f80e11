#include "ui/planning/workloadeditor.h"

#include "domain/logging.h"
#include "jobs/workloadjson.h"
#include "placement/sharedranking.h"
#include "ui/planning/jobkindpage.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/requirementspage.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cpn {

WorkloadEditorDialog::WorkloadEditorDialog(PlanningServices *services, const placement::Workload &initial,
                                           const QString &title, QWidget *parent)
    : QDialog(parent), m_draft(initial)
{
    setObjectName(QStringLiteral("workloadEditor"));
    setWindowTitle(title);
    m_ranking = new placement::SharedRanking(services ? services->snapshot : placement::SharedRanking::SnapshotSource{},
                                             nullptr, this);
    m_job = new JobKindPage(&m_draft, this);
    m_requirements = new RequirementsPage(services, &m_draft, m_ranking, this);
    m_job->initializePage();
    m_requirements->initializePage();
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("workloadEditorTabs"));
    m_tabs->addTab(m_job, QString());
    m_tabs->addTab(m_requirements, QString());
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("workloadProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #e06c5a;"));
    m_problem->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WorkloadEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WorkloadEditorDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_job, &QWizardPage::completeChanged, this, &WorkloadEditorDialog::updateOk);
    connect(m_requirements, &QWizardPage::completeChanged, this, &WorkloadEditorDialog::updateOk);
    updateOk();
    resize(900, 680);
    retranslate();
}

void WorkloadEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

// The pages retranslate themselves; the title is the queue's (New, Edit or Duplicate with the name).
void WorkloadEditorDialog::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_job), tr("&Job"));
    m_tabs->setTabText(m_tabs->indexOf(m_requirements), tr("Re&quirements"));
}

WorkloadEditorDialog::~WorkloadEditorDialog() = default;

QPushButton *WorkloadEditorDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void WorkloadEditorDialog::updateOk()
{
    okButton()->setEnabled(m_job->isComplete() && m_requirements->isComplete());
    m_problem->hide();
}

void WorkloadEditorDialog::accept()
{
    if (!m_job->validatePage() || !m_requirements->validatePage())
        return;
    jobs::QueuedWorkload item;
    item.id = m_id;
    item.workload = m_draft;
    const QString problem = jobs::workloadjson::problemWith(item);
    if (!problem.isEmpty()) {
        qCInfo(lcUi).noquote() << "workload" << m_draft.name << "not taken:" << problem;
        m_problem->setText(tr("The queue file could not hold this workload: %1").arg(problem));
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace cpn
