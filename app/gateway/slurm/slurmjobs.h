#pragma once

#include "jobhistorystore.h"
#include "slurmprices.h"
#include "slurmrestclient.h"

#include "protocolbackend.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace cpn::gateway {

struct SlurmJobSettings
{
    QString siteNodeId; // the protocol node the jobs run at
    QString idPrefix; // makes job ids unique across the federation, e.g. "gz1" -> "gz1-job-000001" (default:
                      // siteNodeId)
    QString partition;
    QString jobDirectory; // working directory and output files; writable by the slurmrestd user
    // What every job runs: the protocol carries no payload, so the site decides. It sees CPN_JOB_ID,
    // CPN_JOB_NAME, CPN_JOB_KIND and CPN_DURATION_SECONDS in its environment.
    QString script = QStringLiteral("#!/bin/bash\nsleep \"$CPN_DURATION_SECONDS\"\n");
    SlurmPrices prices; // for each job's estimated cost
    int pollIntervalMs = 1000;
};

// The site's jobs (docs/node-api.md, "Jobs") run by Slurm: a synchronous front for the protocol over an
// in-memory state that follows Slurm by polling, recorded in a JobHistoryStore.
class SlurmJobs : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Result = server::ProtocolBackend::Result<T>;

    // The store must be open and outlive this object. Starts polling at once.
    SlurmJobs(SlurmRestClient *client, JobHistoryStore *store, SlurmJobSettings settings,
              QObject *parent = nullptr);

    // Newest first.
    QList<Job> jobs() const;
    std::optional<Job> job(const QString &id) const;
    // 201 with the job queued at once; Slurm gets it asynchronously (a refusal makes the job failed).
    Result<Job> submit(const JobRequest &request);
    // 200 with the job cancelled, 404 for an unknown id, 409 when it already ended.
    Result<Job> cancel(const QString &id);

    // The Slurm job behind a protocol job (0 until slurmrestd accepted it).
    qint64 slurmJobId(const QString &id) const;
    // Why Slurm could not be read at the last poll; empty when it could.
    QString unavailableReason() const { return m_reason; }

Q_SIGNALS:
    // A job's state, times or message changed (after it was saved).
    void jobChanged(const cpn::Job &job);

private:
    struct Tracked
    {
        StoredJob stored;
        qint64 slurmIdLearnedAtMs = 0; // a job list asked for before this cannot list the job
    };

    void sendToSlurm(const QString &id);
    // DELETE the job's Slurm job; retried at each poll until Slurm has it or has forgotten the job.
    void cancelInSlurm(const QString &id);
    void poll();
    void follow(const QJsonArray &slurmJobs, qint64 askedAtMs);
    void update(Tracked &tracked, const QJsonObject &slurmJob);
    void finish(Tracked &tracked, JobState state, const QString &message);
    void store(Tracked &tracked);
    QJsonObject slurmDescription(const Job &job) const;

    SlurmRestClient *m_client;
    JobHistoryStore *m_store;
    SlurmJobSettings m_settings;
    QHash<QString, Tracked> m_jobs;
    QHash<qint64, QString> m_idBySlurmId;
    int m_nextSerial = 1;
    QTimer m_timer;
    bool m_polling = false;
    QSet<QString> m_cancelling;         // DELETE sent, not answered yet
    QSet<QString> m_undeliveredCancels; // DELETE failed: retried
    qint64 m_lastChangeSeconds = 0;     // 0: ask for the whole list
    QString m_reason;
};

// Slurm's view of a job in the protocol's terms.
struct SlurmJobState
{
    JobState state = JobState::Queued;
    QString message;
    static SlurmJobState of(const QString &slurmState, qint64 exitCode, const QString &reason);
};

} // namespace cpn::gateway
