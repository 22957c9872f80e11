#pragma once

#include "domain/job.h"

#include <QObject>
#include <QPointer>

namespace cpn::jobs {

class JobTracker;
class WorkloadQueue;

// Sends queued workloads to nodes through the JobTracker (the workload id is the tag) and keeps their
// rows in step: submitting, then submitted with the job id, or refused with the reason and back in the
// queue. A workload is never dropped on the way.
class WorkloadQueueSubmitter : public QObject
{
    Q_OBJECT

public:
    WorkloadQueueSubmitter(WorkloadQueue *queue, JobTracker *tracker, QObject *parent = nullptr);

    // The request for a workload on a node; acceleratorModel is the one the placement chose.
    static JobRequest requestFor(const QString &name, JobKind kind, const JobRequirements &requirements,
                                 const QString &nodeId, const QString &acceleratorModel);

    // Starts a submission; false (and nothing sent) when the workload is unknown or not waiting for a
    // place, with the reason in *why. `plannedStartMs`: the placement's estimated start (JobTracker::submit).
    bool submit(const QString &workloadId, const QString &nodeId, const QString &acceleratorModel,
                qint64 plannedStartMs, QString *why = nullptr);
    // Refuses without asking the node (e.g. the offer vanished since the drop): back to the queue.
    void refuse(const QString &workloadId, const QString &reason);

Q_SIGNALS:
    void workloadSubmitted(const QString &workloadId, const cpn::Job &job);
    void workloadRefused(const QString &workloadId, const QString &reason, int httpStatus);

private:
    void onSubmitted(const QString &tag, const cpn::Job &job);
    void onSubmitFailed(const QString &tag, const QString &reason, int httpStatus);

    QPointer<WorkloadQueue> m_queue;
    QPointer<JobTracker> m_tracker;
};

} // namespace cpn::jobs
