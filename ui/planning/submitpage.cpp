#include "ui/planning/submitpage.h"

#include "domain/logging.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "ui/planning/planningservices.h"
#include "ui/planning/rankedofferspage.h"
#include "ui/planning/reviewpage.h"

#include <QLabel>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

#include <cmath>

#include <QEvent>

namespace cpn {

SubmitPage::SubmitPage(PlanningServices *services, placement::Workload *draft, RankedOffersPage *offers,
                       ReviewPage *review, QWidget *parent)
    : QWizardPage(parent), m_services(services), m_draft(draft), m_offers(offers), m_review(review)
{
    setObjectName(QStringLiteral("submitPage"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("submitStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("retrySubmit"));
    m_retry->setProperty("cpnRequiresScope", QStringLiteral("jobs:write"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SubmitPage::start);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch(1);
    retranslate();

    if (m_services && m_services->jobs) {
        connect(m_services->jobs, &jobs::JobTracker::reserved, this, &SubmitPage::onReserved);
        connect(m_services->jobs, &jobs::JobTracker::reserveFailed, this, &SubmitPage::onReserveFailed);
        connect(m_services->jobs, &jobs::JobTracker::submitted, this, &SubmitPage::onSubmitted);
        connect(m_services->jobs, &jobs::JobTracker::submitFailed, this, &SubmitPage::onSubmitFailed);
    }
}

QList<JobRequest> SubmitPage::requestsFor(const placement::Workload &w, const placement::Candidate &c)
{
    QList<JobRequest> requests;
    for (int i = 0; i < c.shares.size(); ++i) {
        const placement::Share &s = c.shares.at(i);
        JobRequest r;
        r.name = c.isSplit() ? tr("%1 (part %2 of %3)").arg(w.name).arg(i + 1).arg(c.shares.size()) : w.name;
        r.name = r.name.left(200);
        r.kind = w.kind;
        r.nodeId = s.nodeId;
        r.requirements = w.requirements;
        // A job placed on a reservation uses it (the engine placed it at the reservation's node only).
        if (w.held && s.nodeId == w.held->nodeId)
            r.reservationId = w.held->id;
        r.requirements.acceleratorModel = s.acceleratorModel;
        r.requirements.accelerators = s.acceleratorModel.isEmpty() ? 0 : s.accelerators;
        if (c.isSplit()) {
            r.requirements.cpuCores = int(std::ceil(w.requirements.cpuCores * s.fraction));
            r.requirements.memoryGiB = std::ceil(w.requirements.memoryGiB * s.fraction);
            r.requirements.storageTB = w.requirements.storageTB * s.fraction;
        }
        requests.append(r);
    }
    return requests;
}

void SubmitPage::initializePage()
{
    const placement::Candidate *c = m_offers->selectedCandidate();
    const QString key = c ? c->key() : QString();
    // Parts already submitted for this very proposal are never sent twice.
    if (key != m_candidateKey || m_parts.isEmpty()) {
        m_candidateKey = key;
        m_parts.clear();
        if (c) {
            const QList<JobRequest> requests = requestsFor(*m_draft, *c);
            for (int i = 0; i < requests.size(); ++i) {
                Part part;
                part.share = c->shares.at(i);
                part.request = requests.at(i);
                part.plannedStartMs = c->estimatedStartMs;
                m_parts.append(part);
            }
        }
    } else {
        // Entries may have changed on the pages before: resend the failed parts with them.
        if (c) {
            const QList<JobRequest> requests = requestsFor(*m_draft, *c);
            for (int i = 0; i < m_parts.size() && i < requests.size(); ++i)
                if (m_parts[i].state != Part::State::Submitted)
                    m_parts[i].request = requests.at(i);
        }
    }
    start();
}

void SubmitPage::start()
{
    m_retry->hide();
    m_reported = false;
    if (m_parts.isEmpty() || !m_services || !m_services->jobs) {
        m_status->setText(tr("Nothing to submit: choose a proposal first."));
        Q_EMIT completeChanged();
        return;
    }
    for (Part &part : m_parts)
        if (part.state != Part::State::Submitted)
            part.state = Part::State::Waiting; // so no early report while the loop below runs
    for (Part &part : m_parts) {
        if (part.state == Part::State::Waiting)
            send(part);
    }
    showProgress();
}

void SubmitPage::send(Part &part)
{
    part.error.clear();
    part.httpStatus = 0;
    part.tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_review->reserveFirst() || !part.reservation.id.isEmpty() || !part.request.reservationId.isEmpty()) {
        submitPart(part);
        return;
    }
    const Offer *offer = RankedOffersPage::offerFor(m_offers->snapshot(), part.share);
    if (!offer) {
        fail(part, tr("%1 no longer offers this; rank again to choose another node.").arg(m_services->nodeNames().name(part.share.nodeId)), 409);
        return;
    }
    ReservationRequest request;
    request.offerId = offer->id;
    request.count = part.share.acceleratorModel.isEmpty() ? part.request.requirements.cpuCores
                                                          : part.request.requirements.accelerators;
    request.hours = part.request.requirements.durationHours;
    part.state = Part::State::Reserving;
    // At the root that listed the offer, as ReservationPage does.
    const QString root =
        m_services->offers ? m_services->jobs->nodeAt(m_services->offers->rootOf(*offer)) : QString();
    const QString via = root.isEmpty() ? part.share.nodeId : root;
    m_services->jobs->reserve(part.tag, via, request);
}

void SubmitPage::submitPart(Part &part)
{
    part.state = Part::State::Submitting;
    if (!part.reservation.id.isEmpty()) // made for this part; else the planner's own, or none
        part.request.reservationId = part.reservation.id;
    m_services->jobs->submit(part.tag, part.share.nodeId, part.request, part.plannedStartMs);
}

SubmitPage::Part *SubmitPage::partWithTag(const QString &tag)
{
    for (Part &part : m_parts)
        if (part.tag == tag)
            return &part;
    return nullptr;
}

void SubmitPage::onReserved(const QString &tag, const Reservation &reservation)
{
    Part *part = partWithTag(tag);
    if (!part || part->state != Part::State::Reserving)
        return;
    part->reservation = reservation;
    submitPart(*part);
    showProgress();
}

void SubmitPage::onReserveFailed(const QString &tag, const QString &reason, int httpStatus)
{
    Part *part = partWithTag(tag);
    if (!part || part->state != Part::State::Reserving)
        return;
    // A node that cannot hold units (a cpn-gateway in front of Slurm answers 503, docs/gateway.md) still
    // takes jobs: the job is sent without a hold and the node's answer to it decides. A vanished offer
    // (409) stops here, as the review page promises.
    if (httpStatus == 503) {
        qCInfo(lcUi).noquote() << "no reservation at" << part->share.nodeId << "(" << reason
                               << "): submitting without one";
        submitPart(*part);
        showProgress();
        return;
    }
    fail(*part, reason, httpStatus);
}

void SubmitPage::onSubmitted(const QString &tag, const Job &job)
{
    Part *part = partWithTag(tag);
    if (!part || part->state != Part::State::Submitting)
        return;
    part->state = Part::State::Submitted;
    part->job = job;
    showProgress();
}

void SubmitPage::onSubmitFailed(const QString &tag, const QString &reason, int httpStatus)
{
    Part *part = partWithTag(tag);
    if (!part || part->state != Part::State::Submitting)
        return;
    // The units held for this job go back to the node; a retry reserves again.
    if (!part->reservation.id.isEmpty()) {
        if (m_services && m_services->jobs)
            m_services->jobs->cancelReservation(part->reservation.nodeId, part->reservation.id);
        part->request.reservationId.clear();
    }
    part->reservation = {};
    fail(*part, reason, httpStatus);
}

void SubmitPage::fail(Part &part, const QString &reason, int httpStatus)
{
    part.state = Part::State::Failed;
    part.error = reason;
    part.httpStatus = httpStatus;
    qCWarning(lcUi).noquote() << "job part on" << part.share.nodeId << "not submitted:" << reason;
    showProgress();
}

bool SubmitPage::isBusy() const
{
    for (const Part &p : m_parts)
        if (p.state == Part::State::Reserving || p.state == Part::State::Submitting || p.state == Part::State::Waiting)
            return true;
    return false;
}

bool SubmitPage::allSubmitted() const
{
    if (m_parts.isEmpty())
        return false;
    for (const Part &p : m_parts)
        if (p.state != Part::State::Submitted)
            return false;
    return true;
}

void SubmitPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void SubmitPage::retranslate()
{
    setTitle(tr("Submission"));
    setSubTitle(tr("The job is sent to the node that runs it; the Jobs dock follows it from there."));
    m_retry->setText(tr("&Try Again"));
    if (!m_parts.isEmpty())
        showProgress();
}

void SubmitPage::showProgress()
{
    QString lines;
    QStringList failures;
    const NodeNames names = m_services ? m_services->nodeNames() : NodeNames();
    for (const Part &p : m_parts) {
        const QString node = names.name(p.share.nodeId).toHtmlEscaped();
        QString line;
        switch (p.state) {
        case Part::State::Waiting:
            line = tr("%1: waiting").arg(node);
            break;
        case Part::State::Reserving:
            line = tr("%1: reserving the units…").arg(node);
            break;
        case Part::State::Submitting:
            line = tr("%1: submitting…").arg(node);
            break;
        case Part::State::Submitted:
            line = tr("✔ %1: submitted as %2").arg(node, p.job.id);
            break;
        case Part::State::Failed:
            line = tr("<span style='color:#e06c5a'>✘ %1: %2</span>").arg(node, p.error.toHtmlEscaped());
            failures << tr("%1: %2").arg(names.name(p.share.nodeId), p.error);
            break;
        }
        lines += line + QStringLiteral("<br>");
    }
    QString text = lines;
    if (!isBusy()) {
        if (allSubmitted()) {
            text += tr("<p><b>Submitted.</b> Follow the job in the Jobs dock.</p>");
        } else if (!failures.isEmpty()) {
            text += tr("<p><b>Not everything was submitted.</b> Your entries are kept: try again, or go back to "
                       "change them or choose another proposal.</p>");
            m_retry->show();
        }
    }
    m_status->setText(text);
    if (!isBusy() && !m_reported) {
        m_reported = true;
        if (allSubmitted()) {
            QList<Job> jobs;
            for (const Part &p : m_parts)
                jobs << p.job;
            Q_EMIT submitted(jobs);
        } else if (!failures.isEmpty()) {
            Q_EMIT submissionFailed(failures.join(QStringLiteral("; ")));
        }
    }
    Q_EMIT completeChanged();
}

bool SubmitPage::isComplete() const
{
    return allSubmitted();
}

} // namespace cpn
