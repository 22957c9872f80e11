#include "slurmjobs.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcSlurmJobs, "cpn.gateway.slurm.jobs")

namespace cpn::gateway {

namespace {

constexpr qint64 kClockMarginSeconds = 5;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Polls answer 304 while a job runs: its progress is the elapsed part of its duration when read.
Job withProgress(Job job)
{
    if (job.state == JobState::Running && job.startedAtMs > 0 && job.requirements.durationHours > 0)
        job.progress = qBound(
            0.0, double(nowMs() - job.startedAtMs) / (job.requirements.durationHours * 3'600'000), 0.99);
    return job;
}

// exit_code is the raw wait status: the low 7 bits are a signal, the next byte the exit status.
QString exitDescription(qint64 waitStatus)
{
    if (const int signal = int(waitStatus & 0x7f))
        return QStringLiteral("killed by signal %1").arg(signal);
    return QStringLiteral("exit code %1").arg((waitStatus >> 8) & 0xff);
}

} // namespace

SlurmJobState SlurmJobState::of(const QString &slurmState, qint64 exitCode, const QString &reason)
{
    const QString why = reason.isEmpty() || reason == QStringLiteral("None")
                            ? QString()
                            : QStringLiteral(" (%1)").arg(reason);
    if (slurmState == QStringLiteral("RUNNING") || slurmState == QStringLiteral("COMPLETING") ||
        slurmState == QStringLiteral("SUSPENDED") || slurmState == QStringLiteral("STOPPED"))
        return {JobState::Running, {}};
    if (slurmState == QStringLiteral("COMPLETED"))
        return {JobState::Completed, {}};
    if (slurmState == QStringLiteral("CANCELLED"))
        return {JobState::Cancelled, QStringLiteral("Cancelled in Slurm") + why};
    if (slurmState == QStringLiteral("FAILED"))
        return {JobState::Failed, QStringLiteral("Failed in Slurm: %1").arg(exitDescription(exitCode)) + why};
    if (slurmState == QStringLiteral("TIMEOUT"))
        return {JobState::Failed, QStringLiteral("Failed in Slurm: it reached its time limit") + why};
    if (slurmState == QStringLiteral("NODE_FAIL"))
        return {JobState::Failed, QStringLiteral("Failed in Slurm: a node running it failed") + why};
    if (slurmState == QStringLiteral("OUT_OF_MEMORY"))
        return {JobState::Failed, QStringLiteral("Failed in Slurm: it ran out of memory") + why};
    if (slurmState == QStringLiteral("BOOT_FAIL") || slurmState == QStringLiteral("DEADLINE") ||
        slurmState == QStringLiteral("PREEMPTED"))
        return {JobState::Failed, QStringLiteral("Failed in Slurm: %1").arg(slurmState) + why};
    // PENDING, CONFIGURING, REQUEUED, RESV_DEL_HOLD, ...: not running yet
    return {JobState::Queued, {}};
}

SlurmJobs::SlurmJobs(SlurmRestClient *client, JobHistoryStore *store, SlurmJobSettings settings,
                     QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_settings(std::move(settings))
{
    if (m_settings.idPrefix.isEmpty())
        m_settings.idPrefix = m_settings.siteNodeId;
    for (const StoredJob &stored : m_store->load()) {
        Tracked &tracked = m_jobs[stored.job.id];
        tracked.stored = stored;
        if (stored.slurmJobId > 0)
            m_idBySlurmId.insert(stored.slurmJobId, stored.job.id);
        else if (!isTerminal(stored.job.state))
            finish(tracked, JobState::Failed,
                   QStringLiteral("The gateway stopped before Slurm accepted the job"));
    }
    m_nextSerial = m_store->nextSerial();
    connect(&m_timer, &QTimer::timeout, this, &SlurmJobs::poll);
    m_timer.start(m_settings.pollIntervalMs);
    poll();
}

QList<Job> SlurmJobs::jobs() const
{
    QList<const Tracked *> tracked;
    for (const Tracked &t : m_jobs)
        tracked << &t;
    std::sort(tracked.begin(), tracked.end(),
              [](const Tracked *a, const Tracked *b) { return a->stored.serial > b->stored.serial; });
    QList<Job> jobs;
    for (const Tracked *t : tracked)
        jobs << withProgress(t->stored.job);
    return jobs;
}

std::optional<Job> SlurmJobs::job(const QString &id) const
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return std::nullopt;
    return withProgress(it->stored.job);
}

qint64 SlurmJobs::slurmJobId(const QString &id) const
{
    return m_jobs.value(id).stored.slurmJobId;
}

SlurmJobs::Result<Job> SlurmJobs::submit(const JobRequest &request)
{
    Tracked tracked;
    StoredJob &stored = tracked.stored;
    stored.serial = m_nextSerial;
    Job &job = stored.job;
    job.id = QStringLiteral("%1-job-%2").arg(m_settings.idPrefix).arg(stored.serial, 6, 10, QLatin1Char('0'));
    job.name = request.name;
    job.kind = request.kind;
    job.nodeId = m_settings.siteNodeId;
    job.requirements = request.requirements;
    job.submittedAtMs = nowMs();
    const JobRequirements &r = request.requirements;
    const double perHour = r.accelerators * m_settings.prices.perAcceleratorHour.value(r.acceleratorModel) +
                           r.cpuCores * m_settings.prices.perCoreHour +
                           r.memoryGiB * m_settings.prices.perGiBHour;
    job.estimatedCostCny = perHour * r.durationHours;
    if (!m_store->save(stored))
        return {503, m_store->error(), {}};
    ++m_nextSerial;
    m_jobs.insert(job.id, tracked);
    sendToSlurm(job.id);
    return {201, {}, job};
}

QJsonObject SlurmJobs::slurmDescription(const Job &job) const
{
    const JobRequirements &r = job.requirements;
    QJsonObject environment{
        {QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin")},
        {QStringLiteral("CPN_JOB_ID"), job.id},
        {QStringLiteral("CPN_JOB_NAME"), job.name},
        {QStringLiteral("CPN_JOB_KIND"), toWire(job.kind)},
        {QStringLiteral("CPN_DURATION_SECONDS"), QString::number(qint64(std::ceil(r.durationHours * 3600)))},
    };
    const QDir directory(m_settings.jobDirectory);
    QJsonObject description{
        {QStringLiteral("name"), job.name},
        {QStringLiteral("comment"), job.id},
        {QStringLiteral("partition"), m_settings.partition},
        {QStringLiteral("nodes"), QStringLiteral("1")}, // a string: slurmrestd ignores [min, max]
        {QStringLiteral("tasks"), 1},
        {QStringLiteral("cpus_per_task"), qMax(1, r.cpuCores)},
        {QStringLiteral("time_limit"), qMax(1, int(std::ceil(r.durationHours * 60)))},
        {QStringLiteral("current_working_directory"), directory.absolutePath()},
        {QStringLiteral("standard_output"), directory.absoluteFilePath(job.id + QStringLiteral(".out"))},
        {QStringLiteral("environment"), environment},
    };
    if (r.memoryGiB > 0)
        description.insert(QStringLiteral("memory_per_node"), qint64(std::ceil(r.memoryGiB * 1024)));
    if (r.accelerators > 0)
        description.insert(QStringLiteral("gpus_per_node"),
                           QStringLiteral("%1:%2").arg(r.acceleratorModel).arg(r.accelerators));
    return description;
}

void SlurmJobs::sendToSlurm(const QString &id)
{
    const QJsonObject body{{QStringLiteral("job"), slurmDescription(m_jobs[id].stored.job)},
                           {QStringLiteral("script"), m_settings.script}};
    m_client->post(QStringLiteral("job/submit"), body, this, [this, id](const SlurmAnswer &answer) {
        Tracked &tracked = m_jobs[id];
        const qint64 slurmId = answer.body.value(QStringLiteral("job_id")).toInteger();
        if (!answer.ok() || slurmId <= 0) {
            if (!isTerminal(tracked.stored.job.state))
                finish(tracked, JobState::Failed,
                       QStringLiteral("Slurm refused the job: %1")
                           .arg(answer.error.isEmpty() ? QStringLiteral("no job id in its answer")
                                                       : answer.error));
            return;
        }
        tracked.stored.slurmJobId = slurmId;
        tracked.slurmIdLearnedAtMs = nowMs();
        m_idBySlurmId.insert(slurmId, id);
        store(tracked);
        qCInfo(lcSlurmJobs) << "job" << id << "is Slurm job" << slurmId;
        if (tracked.stored.job.state == JobState::Cancelled) // cancelled before Slurm had it
            cancelInSlurm(id);
    });
}

SlurmJobs::Result<Job> SlurmJobs::cancel(const QString &id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return {404, QStringLiteral("Job '%1' does not exist").arg(id), {}};
    Tracked &tracked = *it;
    // Slurm answers 200 to cancelling a job that already ended: the gateway's own state decides
    if (isTerminal(tracked.stored.job.state))
        return {409, QStringLiteral("Job '%1' already ended (%2)").arg(id, toWire(tracked.stored.job.state)),
                tracked.stored.job};
    finish(tracked, JobState::Cancelled, QStringLiteral("Cancelled by the user"));
    if (tracked.stored.slurmJobId > 0)
        cancelInSlurm(id);
    return {200, {}, tracked.stored.job};
}

void SlurmJobs::cancelInSlurm(const QString &id)
{
    if (m_cancelling.contains(id))
        return;
    m_cancelling.insert(id);
    const qint64 slurmId = m_jobs.value(id).stored.slurmJobId;
    m_client->remove(QStringLiteral("job/%1").arg(slurmId), this, [this, id](const SlurmAnswer &answer) {
        m_cancelling.remove(id);
        // NotFound: Slurm has forgotten the job, nothing left to cancel
        if (answer.ok() || answer.outcome == SlurmAnswer::Outcome::NotFound) {
            m_undeliveredCancels.remove(id);
            return;
        }
        qCWarning(lcSlurmJobs) << "cancelling job" << id << "in Slurm:" << answer.error << "(will retry)";
        m_undeliveredCancels.insert(id);
    });
}

void SlurmJobs::poll()
{
    for (const QString &id : QSet<QString>(m_undeliveredCancels))
        cancelInSlurm(id);
    if (m_polling)
        return;
    m_polling = true;
    QUrlQuery query;
    if (m_lastChangeSeconds > 0)
        query.addQueryItem(QStringLiteral("update_time"), QString::number(m_lastChangeSeconds));
    const qint64 askedAtMs = nowMs();
    m_client->get(QStringLiteral("jobs"), query, this, [this, askedAtMs](const SlurmAnswer &answer) {
        m_polling = false;
        if (answer.outcome == SlurmAnswer::Outcome::NotModified) {
            m_reason.clear();
            return;
        }
        if (!answer.ok()) {
            m_reason = answer.error;
            return;
        }
        m_reason.clear();
        // early by a margin: Slurm compares whole seconds of its own clock, and a change it made in the
        // second asked at, or while the clocks disagree a little, must not be missed
        m_lastChangeSeconds = askedAtMs / 1000 - kClockMarginSeconds;
        follow(answer.body.value(QStringLiteral("jobs")).toArray(), askedAtMs);
    });
}

void SlurmJobs::follow(const QJsonArray &slurmJobs, qint64 askedAtMs)
{
    QSet<qint64> listed;
    for (const QJsonValue &value : slurmJobs) {
        const QJsonObject slurmJob = value.toObject();
        const qint64 slurmId = slurmJob.value(QStringLiteral("job_id")).toInteger();
        listed.insert(slurmId);
        if (const auto id = m_idBySlurmId.constFind(slurmId); id != m_idBySlurmId.cend())
            update(m_jobs[*id], slurmJob);
    }
    // Slurm lists every job it knows: one of ours missing from a list asked for after it was accepted
    // has been forgotten before the gateway saw it end (MinJobAge, or a fresh Slurm state directory)
    for (Tracked &tracked : m_jobs) {
        if (isTerminal(tracked.stored.job.state) || tracked.stored.slurmJobId <= 0 ||
            listed.contains(tracked.stored.slurmJobId) || tracked.slurmIdLearnedAtMs >= askedAtMs)
            continue;
        finish(tracked, JobState::Failed,
               QStringLiteral("Slurm no longer knows job %1; its outcome is unknown")
                   .arg(tracked.stored.slurmJobId));
    }
}

void SlurmJobs::update(Tracked &tracked, const QJsonObject &slurmJob)
{
    Job &job = tracked.stored.job;
    const QString slurmState = slurmJob.value(QStringLiteral("job_state")).toString();
    const SlurmJobState seen =
        SlurmJobState::of(slurmState, slurmJob.value(QStringLiteral("exit_code")).toInteger(),
                          slurmJob.value(QStringLiteral("state_reason")).toString());
    if (isTerminal(job.state)) {
        // the gateway's end is final (it was answered to clients); a cancel that has not reached Slurm yet
        // (slurmrestd failed, or the gateway stopped first) is sent again
        if (job.state == JobState::Cancelled && !isTerminal(seen.state))
            cancelInSlurm(job.id);
        return;
    }
    const Job before = job;
    const qint64 startMs = slurmJob.value(QStringLiteral("start_time")).toInteger() * 1000;
    if (seen.state != JobState::Queued && startMs > 0)
        job.startedAtMs = startMs;
    job.state = seen.state;
    job.message = seen.message;
    if (isTerminal(seen.state)) {
        const qint64 endMs = slurmJob.value(QStringLiteral("end_time")).toInteger() * 1000;
        job.finishedAtMs = endMs > 0 ? endMs : nowMs();
        if (seen.state == JobState::Completed)
            job.progress = 1;
    }
    if (job != before)
        store(tracked);
}

void SlurmJobs::finish(Tracked &tracked, JobState state, const QString &message)
{
    tracked.stored.job.state = state;
    tracked.stored.job.message = message;
    tracked.stored.job.finishedAtMs = nowMs();
    store(tracked);
}

void SlurmJobs::store(Tracked &tracked)
{
    if (!m_store->save(tracked.stored))
        qCWarning(lcSlurmJobs) << m_store->error();
    qCInfo(lcSlurmJobs) << "job" << tracked.stored.job.id << toWire(tracked.stored.job.state)
                        << tracked.stored.job.message;
    Q_EMIT jobChanged(tracked.stored.job);
}

} // namespace cpn::gateway
