#include "jobs/workloadqueuesubmitter.h"

#include "domain/logging.h"
#include "jobs/jobtracker.h"
#include "jobs/workloadqueue.h"

namespace cpn::jobs {

WorkloadQueueSubmitter::WorkloadQueueSubmitter(WorkloadQueue *queue, JobTracker *tracker, QObject *parent)
    : QObject(parent), m_queue(queue), m_tracker(tracker)
{
    if (tracker) {
        connect(tracker, &JobTracker::submitted, this, &WorkloadQueueSubmitter::onSubmitted);
        connect(tracker, &JobTracker::submitFailed, this, &WorkloadQueueSubmitter::onSubmitFailed);
    }
}

JobRequest WorkloadQueueSubmitter::requestFor(const QString &name, JobKind kind, const JobRequirements &requirements,
                                              const QString &nodeId, const QString &acceleratorModel)
{
    JobRequest request;
    request.name = name;
    request.kind = kind;
    request.nodeId = nodeId;
    request.requirements = requirements;
    request.requirements.acceleratorModel = requirements.accelerators > 0 ? acceleratorModel : QString();
    return request;
}

bool WorkloadQueueSubmitter::submit(const QString &workloadId, const QString &nodeId,
                                    const QString &acceleratorModel, qint64 plannedStartMs, QString *why)
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!m_queue || !m_tracker)
        return fail(tr("Jobs cannot be submitted from this console."));
    const QueuedWorkload *item = m_queue->find(workloadId);
    if (!item)
        return fail(tr("The workload is no longer in the queue."));
    if (!item->isPlaceable())
        return fail(tr("%1 is already submitted.").arg(item->workload.name));
    const placement::Workload &w = item->workload;
    QString model = acceleratorModel;
    if (model.isEmpty() && w.requirements.accelerators > 0 && !w.acceptedModels().isEmpty())
        model = w.acceptedModels().first();
    const JobRequest request = requestFor(w.name, w.kind, w.requirements, nodeId, model);
    m_queue->markSubmitting(workloadId, nodeId);
    qCInfo(lcUi).noquote() << "submitting workload" << workloadId << "to" << nodeId;
    m_tracker->submit(workloadId, nodeId, request, plannedStartMs);
    return true;
}

void WorkloadQueueSubmitter::refuse(const QString &workloadId, const QString &reason)
{
    if (!m_queue || !m_queue->markRefused(workloadId, reason))
        return;
    qCWarning(lcUi).noquote() << "workload" << workloadId << "back in the queue:" << reason;
    Q_EMIT workloadRefused(workloadId, reason, 0);
}

void WorkloadQueueSubmitter::onSubmitted(const QString &tag, const Job &job)
{
    const QueuedWorkload *item = m_queue ? m_queue->find(tag) : nullptr;
    if (!item || item->state != QueuedWorkload::State::Submitting)
        return; // another part of the console submitted it
    m_queue->markSubmitted(tag, job.id);
    Q_EMIT workloadSubmitted(tag, job);
}

void WorkloadQueueSubmitter::onSubmitFailed(const QString &tag, const QString &reason, int httpStatus)
{
    const QueuedWorkload *item = m_queue ? m_queue->find(tag) : nullptr;
    if (!item || item->state != QueuedWorkload::State::Submitting)
        return;
    m_queue->markRefused(tag, reason);
    qCWarning(lcUi).noquote() << "workload" << tag << "refused (HTTP" << httpStatus << "):" << reason;
    Q_EMIT workloadRefused(tag, reason, httpStatus);
}

} // namespace cpn::jobs
