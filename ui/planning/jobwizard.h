#pragma once

#include "domain/job.h"
#include "placement/workload.h"

#include <QWizard>

namespace cpn {
namespace placement {
class SharedRanking;
}

struct PlanningServices;
class JobKindPage;
class RequirementsPage;
class RankedOffersPage;
class ReviewPage;
class SubmitPage;

// Job placement: the job and its kind, its requirements, the engine's proposals (single nodes, and
// splits where the job allows), a review with cost and ETA, then submission through the node API.
// On success the jobs are followed by the JobTracker (and so the Jobs dock); on failure the last page
// keeps the reason and the wizard keeps every entry.
class JobWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { KindPageId, RequirementsPageId, ProposalsPageId, ReviewPageId, SubmitPageId };

    // `initial` fills the pages (e.g. a workload from the queue); defaultWorkload() otherwise.
    explicit JobWizard(PlanningServices *services, QWidget *parent = nullptr);
    JobWizard(PlanningServices *services, const placement::Workload &initial, QWidget *parent = nullptr);
    ~JobWizard() override;

    static placement::Workload defaultWorkload();

    const placement::Workload &draft() const { return m_draft; }
    JobKindPage *kindPage() const { return m_kind; }
    RequirementsPage *requirementsPage() const { return m_requirements; }
    RankedOffersPage *proposalsPage() const { return m_proposals; }
    ReviewPage *reviewPage() const { return m_review; }
    SubmitPage *submitPage() const { return m_submit; }

    void done(int result) override;
    bool event(QEvent *event) override;

Q_SIGNALS:
    void highlightRequested(const QStringList &nodeIds);
    void submitted(const QList<cpn::Job> &jobs);
    void submissionFailed(const QString &reason);

private:
    void retranslate();
    placement::Workload m_draft;
    placement::SharedRanking *m_ranking;
    JobKindPage *m_kind;
    RequirementsPage *m_requirements;
    RankedOffersPage *m_proposals;
    ReviewPage *m_review;
    SubmitPage *m_submit;
};

} // namespace cpn
