#include "ui/planning/jobwizard.h"

#include "widgets/wizardbuttons.h"

#include "ui/planning/jobkindpage.h"
#include "placement/sharedranking.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/requirementspage.h"
#include "ui/planning/reviewpage.h"
#include "ui/planning/submitpage.h"

#include <QDateTime>
#include <QEvent>

namespace cpn {

placement::Workload JobWizard::defaultWorkload()
{
    placement::Workload w;
    w.name = QStringLiteral("job-%1").arg(QDateTime::currentDateTime().toString(QStringLiteral("MMdd-HHmm")));
    w.kind = JobKind::FineTuning;
    w.requirements.accelerators = 8;
    w.acceleratorModels = placement::acceleratorModelsOfClass(placement::AcceleratorClass::Training);
    w.requirements.cpuCores = 64;
    w.requirements.memoryGiB = 512;
    w.requirements.storageTB = 1;
    w.requirements.durationHours = 2;
    return w;
}

JobWizard::JobWizard(PlanningServices *services, QWidget *parent) : JobWizard(services, defaultWorkload(), parent) {}

JobWizard::JobWizard(PlanningServices *services, const placement::Workload &initial, QWidget *parent)
    : QWizard(parent), m_draft(initial)
{
    setObjectName(QStringLiteral("jobWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    m_kind = new JobKindPage(&m_draft, this);
    // One ranking for the count on the requirements page and the ranked list.
    m_ranking = new placement::SharedRanking(services ? services->snapshot : placement::SharedRanking::SnapshotSource{},
                                             nullptr, this);
    m_requirements = new RequirementsPage(services, &m_draft, m_ranking, this);
    m_proposals = new RankedOffersPage(services, &m_draft, m_ranking, this);
    m_review = new ReviewPage(&m_draft, m_proposals, this);
    m_submit = new SubmitPage(services, &m_draft, m_proposals, m_review, this);
    setPage(KindPageId, m_kind);
    setPage(RequirementsPageId, m_requirements);
    setPage(ProposalsPageId, m_proposals);
    setPage(ReviewPageId, m_review);
    setPage(SubmitPageId, m_submit);

    connect(m_proposals, &RankedOffersPage::candidateSelected, this, &JobWizard::highlightRequested);
    connect(m_submit, &SubmitPage::submitted, this, &JobWizard::submitted);
    connect(m_submit, &SubmitPage::submissionFailed, this, &JobWizard::submissionFailed);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id < ProposalsPageId)
            Q_EMIT highlightRequested({});
    });
    resize(1180, 760);
    retranslate();
}

bool JobWizard::event(QEvent *event)
{
    const bool handled = QWizard::event(event);
    // After the pages (QWidget::event hands the change to the children): the proposals page's title is the wizard's.
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return handled;
}

void JobWizard::retranslate()
{
    retranslateWizardButtons(this); // Qt's own Back, Next, Cancel…: first, what follows is ours
    setWindowTitle(tr("Place a Job"));
    m_proposals->setTitle(tr("Proposals"));
    m_proposals->setSubTitle(tr("Where the engine would run the job, best first; splits across nodes appear when the "
                                "job allows them."));
}

JobWizard::~JobWizard() = default;

void JobWizard::done(int result)
{
    Q_EMIT highlightRequested({});
    QWizard::done(result);
}

} // namespace cpn
