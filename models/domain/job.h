#pragma once

#include "domain/enums.h"

#include <QString>

namespace cpn {

struct JobRequirements
{
    QString acceleratorModel; // empty: no accelerators needed
    int accelerators = 0;
    int cpuCores = 0;
    double memoryGiB = 0;
    double storageTB = 0;
    double durationHours = 0;
    friend bool operator==(const JobRequirements &, const JobRequirements &) = default;
};

// A job submission; nodeId is required when submitting through the national node.
struct JobRequest
{
    QString name;
    JobKind kind = JobKind::Batch;
    QString nodeId;
    JobRequirements requirements;
    QString reservationId; // optional: run on units reserved earlier (POST /reservations)
    friend bool operator==(const JobRequest &, const JobRequest &) = default;
};

struct Job
{
    QString id;
    QString name;
    JobKind kind = JobKind::Batch;
    QString nodeId;
    JobState state = JobState::Queued;
    double progress = 0; // 0..1
    JobRequirements requirements;
    double estimatedCostCny = 0;
    qint64 submittedAtMs = 0;
    qint64 startedAtMs = 0;  // 0 until it runs
    qint64 finishedAtMs = 0; // 0 until it ends
    QString message;
    friend bool operator==(const Job &, const Job &) = default;
};

// When a job is done at the latest, the one rule every view of a job uses (a placement's estimated finish
// included): its start (actual, else planned, else now) plus the hours it asked for; once ended, when it
// ended. Jobs often end sooner; none runs past its hours (a node stops it, as Slurm's time limit does).
qint64 finishByMs(const Job &job, qint64 plannedStartMs, qint64 nowMs);

} // namespace cpn
