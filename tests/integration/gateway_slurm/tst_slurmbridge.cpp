#include "jobhistorystore.h"
#include "slurmjobs.h"
#include "slurmoffers.h"
#include "slurmrestclient.h"
#include "support/siteenv.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "support/siteenv.h"

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace cpn;
using namespace cpn::gateway;

// The gateway's Slurm bridge (app/gateway/slurm) against the real Slurm of the fixture "site"
// (scripts/services/start-site.sh: three nodes n1..n3 with 8 fake h800 GPUs each, behind slurmrestd).
class tst_SlurmBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void offersListTheSitesFreeGpusCoresAndMemory();
    void gpuJobRunsBoundToTwoGpusAndCompletes();
    void runningJobHoldsItsGpusUntilCancelledAndASecondCancelConflicts();
    void jobExitingNonZeroFailsWithItsExitCode();
    void jobSlurmCannotRunFailsWithSlurmsReason();
    void unknownJobIsNotFound();
    void historySurvivesARestartAndSlurmForgettingAJob();
    void cancelSlurmRefusedReachesSlurmAfterARestart();
    void wrongTokenGivesAClearReasonAndNoOffers();

private:
    SlurmJobSettings settings() const;
    void startJobs();
    JobRequest request(const QString &name, int gpus, double hours = 0.1) const;
    // The job's state once it ends, or its state when timeoutMs passed.
    JobState waitForEnd(const QString &id, int timeoutMs = 30'000);
    bool waitForState(const QString &id, JobState state, int timeoutMs = 30'000);
    int freeH800();

    // Polls the event loop until condition() holds or timeoutMs passes.

    QHash<QString, QString> m_env;
    QTemporaryDir m_stateDir;
    std::unique_ptr<SlurmRestClient> m_client;
    std::unique_ptr<JobHistoryStore> m_store;
    std::unique_ptr<SlurmJobs> m_jobs;
};

void tst_SlurmBridge::initTestCase()
{
    QString error;
    m_env = testing::readSiteEnv(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const char *key :
         {"SLURMRESTD_URL", "SLURM_JWT_TOKEN", "SLURM_USER", "SLURM_PARTITION", "SLURM_JOB_DIR"})
        QVERIFY2(!m_env.value(QString::fromLatin1(key)).isEmpty(), key);
    QVERIFY(m_stateDir.isValid());
}

void tst_SlurmBridge::init()
{
    m_client = std::make_unique<SlurmRestClient>(SlurmConnection{
        QUrl(m_env[u"SLURMRESTD_URL"_s]), m_env[u"SLURM_USER"_s], m_env[u"SLURM_JWT_TOKEN"_s]});
    m_store = std::make_unique<JobHistoryStore>(m_stateDir.filePath(u"jobs.sqlite"_s));
    QVERIFY2(m_store->open(), qPrintable(m_store->error()));
    startJobs();
}

void tst_SlurmBridge::cleanup()
{
    // leave no job of ours holding GPUs for the next test
    if (m_jobs) {
        for (const Job &job : m_jobs->jobs())
            if (!isTerminal(job.state))
                m_jobs->cancel(job.id);
        QVERIFY(testing::eventually([&] { return freeH800() == 24; }, 30'000));
    }
    m_jobs.reset();
    m_store.reset();
    m_client.reset();
}

SlurmJobSettings tst_SlurmBridge::settings() const
{
    SlurmJobSettings s;
    s.siteNodeId = u"test-site"_s;
    s.idPrefix = u"ts%1"_s.arg(QDateTime::currentMSecsSinceEpoch() % 100000);
    s.partition = m_env[u"SLURM_PARTITION"_s];
    s.jobDirectory = m_env[u"SLURM_JOB_DIR"_s];
    // what the site runs for a protocol job: here, its name says how it behaves
    s.script = uR"(#!/bin/bash
echo "CUDA_VISIBLE_DEVICES=$CUDA_VISIBLE_DEVICES"
case "$CPN_JOB_NAME" in
  fail*) exit 3 ;;
  hold*) sleep 600 ;;
esac
)"_s;
    s.prices.perCoreHour = 0.5;
    s.prices.perGiBHour = 0.05;
    s.prices.perAcceleratorHour.insert(u"h800"_s, 12.0);
    return s;
}

void tst_SlurmBridge::startJobs()
{
    static const QString prefix = settings().idPrefix; // one prefix per run: ids stay unique in the store
    SlurmJobSettings s = settings();
    s.idPrefix = prefix;
    m_jobs = std::make_unique<SlurmJobs>(m_client.get(), m_store.get(), s);
}

JobRequest tst_SlurmBridge::request(const QString &name, int gpus, double hours) const
{
    JobRequest r;
    r.name = name;
    r.kind = JobKind::Batch;
    r.requirements.acceleratorModel = gpus > 0 ? u"h800"_s : QString();
    r.requirements.accelerators = gpus;
    r.requirements.cpuCores = 2;
    r.requirements.memoryGiB = 1;
    r.requirements.durationHours = hours;
    return r;
}


JobState tst_SlurmBridge::waitForEnd(const QString &id, int timeoutMs)
{
    testing::eventually([&] { return isTerminal(m_jobs->job(id)->state); }, timeoutMs);
    return m_jobs->job(id)->state;
}

bool tst_SlurmBridge::waitForState(const QString &id, JobState state, int timeoutMs)
{
    return testing::eventually([&] { return m_jobs->job(id)->state == state; }, timeoutMs);
}

int tst_SlurmBridge::freeH800()
{
    SlurmOffers offers(m_client.get(), u"test-site"_s, m_env[u"SLURM_PARTITION"_s], {});
    QSignalSpy refreshed(&offers, &SlurmOffers::refreshed);
    offers.refresh();
    if (!refreshed.wait(10'000))
        return -1;
    return offers.capacity().freeAccelerators.value(u"h800"_s, -1);
}

void tst_SlurmBridge::offersListTheSitesFreeGpusCoresAndMemory()
{
    SlurmPrices prices;
    prices.perCoreHour = 0.5;
    prices.perGiBHour = 0.05;
    prices.perAcceleratorHour.insert(u"h800"_s, 12.0);
    SlurmOffers offers(m_client.get(), u"test-site"_s, m_env[u"SLURM_PARTITION"_s], prices);
    QSignalSpy refreshed(&offers, &SlurmOffers::refreshed);
    offers.refresh();
    QVERIFY(refreshed.wait(10'000));
    QVERIFY2(offers.unavailableReason().isEmpty(), qPrintable(offers.unavailableReason()));
    QCOMPARE(offers.capacity().nodes, 3);

    QHash<QString, Offer> byId;
    for (const Offer &o : offers.offers())
        byId.insert(o.id, o);
    QCOMPARE(byId.keys().size(), 3);
    const Offer gpus = byId.value(u"test-site.h800"_s);
    QCOMPARE(gpus.resource, Offer::Resource::Accelerator);
    QCOMPARE(gpus.model, u"h800"_s);
    QCOMPARE(gpus.available, 24.0);
    QCOMPARE(gpus.pricePerHour, 12.0);
    QCOMPARE(gpus.nodeId, u"test-site"_s);
    QVERIFY(gpus.validUntilMs > QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(byId.value(u"test-site.cpu"_s).available, 48.0); // 3 nodes of 16 cores
    QCOMPARE(byId.value(u"test-site.cpu"_s).pricePerHour, 0.5);
    QCOMPARE(byId.value(u"test-site.memory"_s).available, 3 * 64.0); // 3 nodes of 64 GiB
    QCOMPARE(byId.value(u"test-site.memory"_s).resource, Offer::Resource::Memory);
}

void tst_SlurmBridge::gpuJobRunsBoundToTwoGpusAndCompletes()
{
    const auto submitted = m_jobs->submit(request(u"pair"_s, 2));
    QCOMPARE(submitted.status, 201);
    const Job job = submitted.value;
    QCOMPARE(job.state, JobState::Queued);
    QVERIFY2(job.id.contains(u"-job-"_s), qPrintable(job.id));
    QCOMPARE(job.nodeId, u"test-site"_s);
    QCOMPARE(job.estimatedCostCny, (2 * 12.0 + 2 * 0.5 + 1 * 0.05) * 0.1);
    QCOMPARE(m_jobs->job(job.id)->id, job.id);

    QCOMPARE(waitForEnd(job.id), JobState::Completed);
    const Job done = *m_jobs->job(job.id);
    QVERIFY(m_jobs->slurmJobId(job.id) > 0);
    QVERIFY(done.startedAtMs > 0);
    QVERIFY(done.finishedAtMs >= done.startedAtMs);
    QCOMPARE(done.progress, 1.0);

    QFile out(QDir(m_env[u"SLURM_JOB_DIR"_s]).filePath(job.id + u".out"_s));
    QVERIFY2(out.open(QIODevice::ReadOnly), qPrintable(out.fileName()));
    const QString text = QString::fromUtf8(out.readAll()).trimmed();
    static const QRegularExpression twoGpus(uR"(^CUDA_VISIBLE_DEVICES=\d+,\d+$)"_s);
    QVERIFY2(twoGpus.match(text).hasMatch(), qPrintable(text));
}

void tst_SlurmBridge::runningJobHoldsItsGpusUntilCancelledAndASecondCancelConflicts()
{
    const QString jobId = m_jobs->submit(request(u"hold-gpus"_s, 2)).value.id;
    QVERIFY2(waitForState(jobId, JobState::Running), qPrintable(m_jobs->job(jobId)->message));
    QVERIFY(m_jobs->job(jobId)->startedAtMs > 0);
    QVERIFY(testing::eventually([&] { return m_jobs->job(jobId)->progress > 0; }, 10'000)); // while polls answer 304
    QCOMPARE(freeH800(), 22);

    const auto cancelled = m_jobs->cancel(jobId);
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.value.state, JobState::Cancelled);
    QVERIFY(!cancelled.value.message.isEmpty());
    QCOMPARE(m_jobs->cancel(jobId).status, 409);
    // Slurm releases the GPUs: the job really ended there
    QVERIFY(testing::eventually([&] { return freeH800() == 24; }, 30'000));
    QCOMPARE(m_jobs->job(jobId)->state, JobState::Cancelled);
}

void tst_SlurmBridge::jobExitingNonZeroFailsWithItsExitCode()
{
    const QString id = m_jobs->submit(request(u"fail-on-purpose"_s, 0)).value.id;
    QCOMPARE(waitForEnd(id), JobState::Failed);
    const QString message = m_jobs->job(id)->message;
    QVERIFY2(message.contains(u"exit code 3"_s), qPrintable(message));
    QCOMPARE(m_jobs->cancel(id).status, 409);
}

void tst_SlurmBridge::jobSlurmCannotRunFailsWithSlurmsReason()
{
    // nine cards on one node of eight: slurmctld refuses it at submission
    const auto submitted = m_jobs->submit(request(u"too-large"_s, 9));
    QCOMPARE(submitted.status, 201);
    QCOMPARE(submitted.value.state, JobState::Queued);
    QCOMPARE(waitForEnd(submitted.value.id), JobState::Failed);
    const QString message = m_jobs->job(submitted.value.id)->message;
    QVERIFY2(message.startsWith(u"Slurm refused the job: "_s) &&
                 message.contains(u"HTTP 500: Requested node configuration"_s),
             qPrintable(message));
    QCOMPARE(m_jobs->slurmJobId(submitted.value.id), 0);
}

void tst_SlurmBridge::unknownJobIsNotFound()
{
    QVERIFY(!m_jobs->job(u"nowhere-job-000001"_s));
    QCOMPARE(m_jobs->cancel(u"nowhere-job-000001"_s).status, 404);

    // and slurmrestd's own answer for an unknown job (HTTP 500, error 2017) reads as not found
    SlurmAnswer answer;
    bool answered = false;
    m_client->get(u"job/987654321"_s, {}, this, [&](const SlurmAnswer &a) {
        answer = a;
        answered = true;
    });
    QVERIFY(testing::eventually([&] { return answered; }, 10'000));
    QCOMPARE(answer.outcome, SlurmAnswer::Outcome::NotFound);
}

void tst_SlurmBridge::historySurvivesARestartAndSlurmForgettingAJob()
{
    const QString done = m_jobs->submit(request(u"before-restart"_s, 1)).value.id;
    const QString failed = m_jobs->submit(request(u"fail-before-restart"_s, 0)).value.id;
    QCOMPARE(waitForEnd(done), JobState::Completed);
    QCOMPARE(waitForEnd(failed), JobState::Failed);
    // one the gateway recorded as running in a Slurm that has since forgotten it (MinJobAge, or a fresh
    // state directory): a previous gateway's record of a Slurm job id that Slurm does not know
    StoredJob forgotten;
    forgotten.serial = 900000;
    forgotten.slurmJobId = 987654321;
    forgotten.job.id = u"earlier-job-900000"_s;
    forgotten.job.name = u"forgotten"_s;
    forgotten.job.nodeId = u"test-site"_s;
    forgotten.job.state = JobState::Running;
    forgotten.job.submittedAtMs = forgotten.job.startedAtMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
    QVERIFY(m_store->save(forgotten));
    const Job completed = *m_jobs->job(done);
    const Job failedBefore = *m_jobs->job(failed);

    // the gateway restarts on the same store
    m_jobs.reset();
    m_store = std::make_unique<JobHistoryStore>(m_stateDir.filePath(u"jobs.sqlite"_s));
    QVERIFY(m_store->open());
    startJobs();

    QCOMPARE(*m_jobs->job(done), completed);
    QCOMPARE(*m_jobs->job(failed), failedBefore);
    QCOMPARE(m_jobs->cancel(done).status, 409);
    QVERIFY2(waitForState(forgotten.job.id, JobState::Failed, 10'000), "a job Slurm forgot still runs");
    QVERIFY2(m_jobs->job(forgotten.job.id)->message.contains(u"no longer knows"_s),
             qPrintable(m_jobs->job(forgotten.job.id)->message));
    // newest first, and a new job takes the next serial, not one of the restored ones
    QCOMPARE(m_jobs->jobs().first().id, forgotten.job.id);
    const QString next = m_jobs->submit(request(u"after-restart"_s, 0, 0.01)).value.id;
    QVERIFY2(next.endsWith(u"900001"_s), qPrintable(next));
    QCOMPARE(waitForEnd(next), JobState::Completed);
}

void tst_SlurmBridge::cancelSlurmRefusedReachesSlurmAfterARestart()
{
    const QString id = m_jobs->submit(request(u"hold-through-restarts"_s, 2)).value.id;
    QVERIFY(waitForState(id, JobState::Running));

    // a gateway whose token slurmrestd refuses: the job is cancelled for the protocol, not yet in Slurm
    m_jobs.reset();
    SlurmRestClient wrong(SlurmConnection{QUrl(m_env[u"SLURMRESTD_URL"_s]), m_env[u"SLURM_USER"_s],
                                          m_env[u"SLURM_JWT_TOKEN"_s].chopped(4) + u"AAAA"_s});
    {
        SlurmJobs refused(&wrong, m_store.get(), settings());
        const auto cancelled = refused.cancel(id);
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.value.state, JobState::Cancelled);
        QVERIFY(
            testing::eventually([&] { return refused.unavailableReason().contains(u"refused the token"_s); }, 10'000));
    }
    QCOMPARE(freeH800(), 22);

    // restarted with the right token, the gateway delivers the cancel: Slurm frees the GPUs
    startJobs();
    QVERIFY(testing::eventually([&] { return freeH800() == 24; }, 30'000));
    QCOMPARE(m_jobs->job(id)->state, JobState::Cancelled);
    QCOMPARE(m_jobs->job(id)->message, u"Cancelled by the user"_s);
}

void tst_SlurmBridge::wrongTokenGivesAClearReasonAndNoOffers()
{
    SlurmRestClient wrong(SlurmConnection{QUrl(m_env[u"SLURMRESTD_URL"_s]), m_env[u"SLURM_USER"_s],
                                          m_env[u"SLURM_JWT_TOKEN"_s].chopped(4) + u"AAAA"_s});
    SlurmOffers offers(&wrong, u"test-site"_s, m_env[u"SLURM_PARTITION"_s], {});
    QSignalSpy refreshed(&offers, &SlurmOffers::refreshed);
    offers.refresh();
    QVERIFY(refreshed.wait(10'000));
    QVERIFY(offers.offers().isEmpty());
    QVERIFY2(offers.unavailableReason().contains(u"refused the token"_s),
             qPrintable(offers.unavailableReason()));

    // jobs cannot reach Slurm either, and say so
    JobHistoryStore store(m_stateDir.filePath(u"wrong-token.sqlite"_s));
    QVERIFY(store.open());
    SlurmJobs jobs(&wrong, &store, settings());
    QVERIFY(testing::eventually([&] { return jobs.unavailableReason().contains(u"refused the token"_s); }, 10'000));
}

QTEST_GUILESS_MAIN(tst_SlurmBridge)
#include "tst_slurmbridge.moc"
