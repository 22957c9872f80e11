#pragma once

#include "domain/job.h"
#include "domain/reservation.h"
#include "placement/placementresult.h"
#include "placement/workload.h"

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace cpn {

struct PlanningServices;
class RankedOffersPage;
class ReviewPage;

// Sends the chosen proposal through the node API, one job per part: optionally reserve the part's
// units first, then submit the job with that reservation. It shows each part's outcome; on a refusal
// (no permission, a node refusing the job, an offer that vanished) the reason stays on the page, the
// entries stay in the wizard, and Try Again sends only the parts that failed.
class SubmitPage : public QWizardPage
{
    Q_OBJECT

public:
    SubmitPage(PlanningServices *services, placement::Workload *draft, RankedOffersPage *offers, ReviewPage *review,
               QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    struct Part
    {
        enum class State { Waiting, Reserving, Submitting, Submitted, Failed };
        placement::Share share;
        JobRequest request;
        qint64 plannedStartMs = 0; // the proposal's estimated start
        QString tag;
        State state = State::Waiting;
        Reservation reservation; // id empty unless one was made
        Job job;
        QString error;
        int httpStatus = 0;
    };
    const QList<Part> &parts() const { return m_parts; }
    bool isBusy() const;
    bool allSubmitted() const;
    QLabel *statusLabel() const { return m_status; }
    QPushButton *retryButton() const { return m_retry; }

    // The job requests a proposal becomes: one per share, resources scaled by the share's fraction.
    static QList<JobRequest> requestsFor(const placement::Workload &workload, const placement::Candidate &candidate);

Q_SIGNALS:
    void submitted(const QList<cpn::Job> &jobs);
    void submissionFailed(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void start();
    void send(Part &part);
    void submitPart(Part &part);
    Part *partWithTag(const QString &tag);
    void onReserved(const QString &tag, const Reservation &reservation);
    void onReserveFailed(const QString &tag, const QString &reason, int httpStatus);
    void onSubmitted(const QString &tag, const Job &job);
    void onSubmitFailed(const QString &tag, const QString &reason, int httpStatus);
    void fail(Part &part, const QString &reason, int httpStatus);
    void showProgress();

    PlanningServices *m_services;
    placement::Workload *m_draft;
    RankedOffersPage *m_offers;
    ReviewPage *m_review;
    QString m_candidateKey;
    QList<Part> m_parts;
    bool m_reported = false;
    QLabel *m_status;
    QPushButton *m_retry;
};

} // namespace cpn
