#include "gatewayprocess.h"

#include "api/nodeapiclient.h"
#include "support/openapivalidator.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <functional>
#include <memory>

using namespace cpn;
using namespace Qt::StringLiterals;

// cpn-gateway, a real child process, placing jobs on the site fixture's real Slurm (three nodes with 8
// fake h800 GPUs each, behind slurmrestd) through the protocol, with the console's own client.
class TestGatewayJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offersListTheSitesH800AtTheConfiguredPrices();
    void twoGpuJobRunsInSlurmAndCompletes();
    void cancelledJobReachesCancelledAndASecondCancelConflicts();
    void jobExitingNonZeroReachesFailedWithItsReason();
    void jobsTheSiteCanNeverRunAreRefused();
    void everyNewAnswerValidatesAgainstOpenApi();
    void historySurvivesAGatewayRestart();
    void wrongSlurmTokenGivesAClearReasonAndNoOffers();

private:
    using Answer = GatewayAnswer;
    QString configWith(const QString &token, const QString &stateDir) const;
    void connectClient();
    Answer send(const GatewayProcess &gateway, const QByteArray &method, const QString &path,
                const QByteArray &body = {});
    JobRequest request(const QString &name, int gpus, const QString &model = u"h800"_s) const;
    // The client's answers, waited for.
    api::ApiResult<QList<Offer>> offers();
    api::ApiResult<Job> submit(const JobRequest &request);
    api::ApiResult<Job> fetch(const QString &jobId);
    api::ApiResult<Job> cancel(const QString &jobId);
    int freeH800();
    QJsonObject latestSample();
    bool waitForState(const QString &jobId, JobState state, int timeoutMs = 60'000);

    QHash<QString, QString> m_env;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    GatewayProcess m_gateway;
    std::unique_ptr<api::NodeApiClient> m_client;
    QString m_completedJobId;
};

void TestGatewayJobs::initTestCase()
{
    m_env = readSiteEnv();
    const QString missing =
        cpn::testing::missingSiteKey(m_env, {"PROMETHEUS_URL", "SLURMRESTD_URL", "SLURM_JWT_TOKEN",
                                             "SLURM_USER", "SLURM_PARTITION", "SLURM_JOB_DIR"});
    QVERIFY2(missing.isEmpty(), qPrintable(missing + u" is not in CPN_SITE_ENV"_s));
    QVERIFY(GatewayProcess::writeJobScript(m_dir.filePath(u"job.sh"_s)));
    QVERIFY(m_gateway.start(configWith(m_env[u"SLURM_JWT_TOKEN"_s], m_dir.filePath(u"state"_s))));
    connectClient();
    QVERIFY2(cpn::testing::eventually([&] { return !offers().value().isEmpty(); }, 20'000),
             "the gateway offers nothing");
}

void TestGatewayJobs::cleanup()
{
    // leave no job of ours holding GPUs for the next test
    std::optional<api::ApiResult<QList<Job>>> jobs;
    m_client->fetchJobs([&](const auto &r) { jobs = r; });
    QVERIFY(QTest::qWaitFor([&] { return jobs.has_value(); }, 10'000));
    if (!jobs->ok())
        return;
    for (const Job &job : jobs->value())
        if (!isTerminal(job.state))
            QVERIFY(cancel(job.id).ok());
}

QString TestGatewayJobs::configWith(const QString &token, const QString &stateDir) const
{
    return GatewayProcess::configFor(m_env[u"PROMETHEUS_URL"_s], stateDir) +
           GatewayProcess::slurmSectionsFor(m_env, token, m_dir.filePath(u"job.sh"_s));
}

void TestGatewayJobs::connectClient()
{
    api::ClientOptions options;
    options.token = GatewayProcess::kToken;
    options.allowPlainHttp = true;
    m_client = std::make_unique<api::NodeApiClient>(&m_nam, m_gateway.url(), options);
}

void TestGatewayJobs::offersListTheSitesH800AtTheConfiguredPrices()
{
    const auto answer = offers();
    QVERIFY2(answer.ok(), qPrintable(answer.error().message()));
    QHash<QString, Offer> byId;
    for (const Offer &o : answer.value())
        byId.insert(o.model.isEmpty() ? toWire(o.resource) : o.model, o);
    QVERIFY2(byId.contains(u"h800"_s), qPrintable(QStringList(byId.keys()).join(u',')));
    const Offer &gpus = byId[u"h800"_s];
    QCOMPARE(gpus.nodeId, u"lab-site"_s);
    QCOMPARE(gpus.resource, Offer::Resource::Accelerator);
    QCOMPARE(gpus.available, 24.0); // three nodes of 8, none taken
    QCOMPARE(gpus.pricePerHour, 18.5);
    QCOMPARE(byId[u"cpu"_s].pricePerHour, 0.12);
    QVERIFY(byId[u"cpu"_s].available > 0);
    QCOMPARE(byId[u"memory"_s].pricePerHour, 0.01);
}

void TestGatewayJobs::twoGpuJobRunsInSlurmAndCompletes()
{
    const auto submitted = submit(request(u"pair"_s, 2));
    QVERIFY2(submitted.ok(), qPrintable(submitted.error().message()));
    const Job job = submitted.value();
    QCOMPARE(job.nodeId, u"lab-site"_s);
    QCOMPARE(job.state, JobState::Queued);
    QVERIFY2(waitForState(job.id, JobState::Completed), qPrintable(fetch(job.id).value().message));
    const Job done = fetch(job.id).value();
    QVERIFY(done.startedAtMs > 0);
    QVERIFY(done.finishedAtMs >= done.startedAtMs);

    QFile out(QDir(m_env[u"SLURM_JOB_DIR"_s]).filePath(job.id + u".out"_s));
    QVERIFY2(out.open(QIODevice::ReadOnly), qPrintable(out.fileName()));
    const QString text = QString::fromUtf8(out.readAll()).trimmed();
    static const QRegularExpression twoGpus(uR"(^CUDA_VISIBLE_DEVICES=\d+,\d+$)"_s);
    QVERIFY2(twoGpus.match(text).hasMatch(), qPrintable(text));
    m_completedJobId = job.id;
}

void TestGatewayJobs::cancelledJobReachesCancelledAndASecondCancelConflicts()
{
    const auto submitted = submit(request(u"hold-gpus"_s, 2));
    QVERIFY2(submitted.ok(), qPrintable(submitted.error().message()));
    const QString id = submitted.value().id;
    QVERIFY2(waitForState(id, JobState::Running), qPrintable(fetch(id).value().message));
    // the site's figures count it
    QVERIFY(cpn::testing::eventually([&] { return latestSample()[u"runningJobs"_s].toInt() == 1; }, 10'000));
    const auto cancelled = cancel(id);
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.error().message()));
    QCOMPARE(cancelled.value().state, JobState::Cancelled);
    // Slurm's own view follows: the job stays cancelled once Slurm has ended it
    QVERIFY(cpn::testing::eventually([&] { return freeH800() == 24; }, 30'000));
    QVERIFY(cpn::testing::eventually([&] { return latestSample()[u"runningJobs"_s].toInt() == 0; }, 10'000));
    QCOMPARE(fetch(id).value().state, JobState::Cancelled);
    const auto again = cancel(id);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().httpStatus, 409);
    QCOMPARE(cancel(u"lab-site-job-999999"_s).error().httpStatus, 404);
}

void TestGatewayJobs::jobExitingNonZeroReachesFailedWithItsReason()
{
    const auto submitted = submit(request(u"fail-on-purpose"_s, 0));
    QVERIFY2(submitted.ok(), qPrintable(submitted.error().message()));
    const QString id = submitted.value().id;
    QVERIFY2(waitForState(id, JobState::Failed), qPrintable(fetch(id).value().message));
    const QString message = fetch(id).value().message;
    QVERIFY2(message.contains(u"exit code 3"_s), qPrintable(message));
}

void TestGatewayJobs::jobsTheSiteCanNeverRunAreRefused()
{
    const auto noSuchModel = submit(request(u"a800-job"_s, 1, u"a800"_s));
    QCOMPARE(noSuchModel.error().httpStatus, 422);
    QVERIFY2(noSuchModel.error().detail.contains(u"a800"_s), qPrintable(noSuchModel.error().detail));
    // nine cards, and nodes of eight
    const auto tooLarge = submit(request(u"too-large"_s, 9));
    QCOMPARE(tooLarge.error().httpStatus, 422);
}

void TestGatewayJobs::everyNewAnswerValidatesAgainstOpenApi()
{
    QFile file(QStringLiteral(CPN_OPENAPI_JSON));
    QVERIFY(file.open(QIODevice::ReadOnly));
    OpenApiValidator validator(QJsonDocument::fromJson(file.readAll()).object());
    validator.setUndocumentedPropertiesAreErrors(true);
    QStringList mismatches;
    const auto check = [&](const QString &documented, const QByteArray &method, const QString &path,
                           const QByteArray &body, int expected) {
        const Answer a = send(m_gateway, method, path, body);
        if (a.status != expected)
            mismatches
                << u"%1 %2: %3, not %4"_s.arg(QString::fromLatin1(method), path).arg(a.status).arg(expected);
        OpenApiValidator::Response r{a.status, a.contentType, a.headers, a.body};
        for (const QString &m : validator.validateResponse(documented, QString::fromLatin1(method), r))
            mismatches << u"%1 %2 (%3): %4"_s.arg(QString::fromLatin1(method), path).arg(a.status).arg(m);
        return a;
    };
    check(u"/api/v1/offers"_s, "GET", u"/api/v1/offers"_s, {}, 200);
    check(u"/api/v1/offers"_s, "GET", u"/api/v1/offers?model=h800"_s, {}, 200);
    const Answer created = check(
        u"/api/v1/jobs"_s, "POST", u"/api/v1/jobs"_s,
        R"({"name":"hold-contract","kind":"batch","requirements":{"acceleratorModel":"h800","accelerators":1,"cpuCores":1,"memoryGiB":1,"durationHours":0.1}})",
        201);
    const QString id = created.json()[u"id"_s].toString();
    QVERIFY2(!id.isEmpty(), created.body.constData());
    check(u"/api/v1/jobs/{id}"_s, "GET", u"/api/v1/jobs/"_s + id, {}, 200);
    check(u"/api/v1/jobs"_s, "GET", u"/api/v1/jobs"_s, {}, 200);
    check(u"/api/v1/jobs/{id}/cancel"_s, "POST", u"/api/v1/jobs/%1/cancel"_s.arg(id), {}, 200);
    check(u"/api/v1/jobs/{id}/cancel"_s, "POST", u"/api/v1/jobs/%1/cancel"_s.arg(id), {}, 409);
    check(u"/api/v1/jobs/{id}/cancel"_s, "POST", u"/api/v1/jobs/no-such-job/cancel"_s, {}, 404);
    check(
        u"/api/v1/jobs"_s, "POST", u"/api/v1/jobs"_s,
        R"({"name":"a800","kind":"batch","requirements":{"acceleratorModel":"a800","accelerators":1,"cpuCores":1,"durationHours":1}})",
        422);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
}

void TestGatewayJobs::historySurvivesAGatewayRestart()
{
    QVERIFY2(!m_completedJobId.isEmpty(), "twoGpuJobRunsInSlurmAndCompletes ran first");
    std::optional<api::ApiResult<QList<Job>>> before;
    m_client->fetchJobs([&](const auto &r) { before = r; });
    QVERIFY(QTest::qWaitFor([&] { return before.has_value(); }, 10'000));
    QVERIFY(before->ok());
    QVERIFY(before->value().size() >= 3);

    m_gateway.stop();
    QVERIFY(m_gateway.start(configWith(m_env[u"SLURM_JWT_TOKEN"_s], m_dir.filePath(u"state"_s))));
    connectClient();
    std::optional<api::ApiResult<QList<Job>>> after;
    m_client->fetchJobs([&](const auto &r) { after = r; });
    QVERIFY(QTest::qWaitFor([&] { return after.has_value(); }, 10'000));
    QVERIFY2(after->ok(), qPrintable(after->error().message()));
    QCOMPARE(after->value().size(), before->value().size());
    for (const Job &job : before->value()) {
        const auto restored = fetch(job.id);
        QVERIFY2(restored.ok(), qPrintable(job.id));
        QCOMPARE(restored.value().state, job.state);
        QCOMPARE(restored.value().message, job.message);
    }
    QCOMPARE(fetch(m_completedJobId).value().state, JobState::Completed);
    // a new job after the restart gets a new id
    const auto next = submit(request(u"after-restart"_s, 0));
    QVERIFY2(next.ok(), qPrintable(next.error().message()));
    for (const Job &job : before->value())
        QVERIFY(job.id != next.value().id);
}

void TestGatewayJobs::wrongSlurmTokenGivesAClearReasonAndNoOffers()
{
    GatewayProcess gateway;
    QVERIFY(gateway.start(
        configWith(m_env[u"SLURM_JWT_TOKEN"_s].chopped(4) + u"AAAA"_s, m_dir.filePath(u"wrong-token"_s))));
    QJsonObject status;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     status = send(gateway, "GET", u"/gateway/v1/status"_s).json();
                     return status[u"slurmReason"_s].toString().contains(u"refused the token"_s);
                 },
                 20'000),
             QJsonDocument(status).toJson().constData());
    QCOMPARE(status[u"slurm"_s].toString(), u"failing"_s);
    QCOMPARE(status[u"prometheus"_s].toString(), u"answering"_s); // the figures still come in
    QCOMPARE(send(gateway, "GET", u"/api/v1/offers"_s).json()[u"offers"_s].toArray().size(), 0);
    const Answer refused =
        send(gateway, "POST", u"/api/v1/jobs"_s,
             R"({"name":"x","kind":"batch","requirements":{"cpuCores":1,"durationHours":1}})");
    QCOMPARE(refused.status, 503);
    QVERIFY2(refused.json()[u"detail"_s].toString().contains(u"refused the token"_s),
             refused.body.constData());
}

TestGatewayJobs::Answer TestGatewayJobs::send(const GatewayProcess &gateway, const QByteArray &method,
                                              const QString &path, const QByteArray &body)
{
    return sendAndWait(m_nam, method, QUrl(gateway.url().toString() + path), body, true);
}

JobRequest TestGatewayJobs::request(const QString &name, int gpus, const QString &model) const
{
    JobRequest r;
    r.name = name;
    r.kind = JobKind::Batch;
    r.requirements.acceleratorModel = gpus > 0 ? model : QString();
    r.requirements.accelerators = gpus;
    r.requirements.cpuCores = 2;
    r.requirements.memoryGiB = 1;
    r.requirements.durationHours = 0.1;
    return r;
}

template <typename T, typename Call> static api::ApiResult<T> waitFor(Call call)
{
    std::optional<api::ApiResult<T>> result;
    call([&](const api::ApiResult<T> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15'000))
        return api::ApiError::timeout(u"no answer"_s);
    return *result;
}

api::ApiResult<QList<Offer>> TestGatewayJobs::offers()
{
    return waitFor<QList<Offer>>([&](auto done) { m_client->fetchOffers({}, done); });
}

api::ApiResult<Job> TestGatewayJobs::submit(const JobRequest &request)
{
    return waitFor<Job>([&](auto done) { m_client->submitJob(request, done); });
}

api::ApiResult<Job> TestGatewayJobs::fetch(const QString &jobId)
{
    return waitFor<Job>([&](auto done) { m_client->fetchJob(jobId, done); });
}

api::ApiResult<Job> TestGatewayJobs::cancel(const QString &jobId)
{
    return waitFor<Job>([&](auto done) { m_client->cancelJob(jobId, done); });
}

QJsonObject TestGatewayJobs::latestSample()
{
    const QJsonArray nodes = send(m_gateway, "GET", u"/api/v1/metrics"_s).json()[u"nodes"_s].toArray();
    return nodes.isEmpty() ? QJsonObject() : nodes.last().toObject();
}

int TestGatewayJobs::freeH800()
{
    const auto answer = offers();
    if (answer.ok()) {
        for (const Offer &o : answer.value())
            if (o.model == u"h800"_s)
                return int(o.available);
    }
    return -1;
}

bool TestGatewayJobs::waitForState(const QString &jobId, JobState state, int timeoutMs)
{
    return cpn::testing::eventually(
               [&] {
                   const auto job = fetch(jobId);
                   return job.ok() && (job.value().state == state ||
                                       (isTerminal(job.value().state) && !isTerminal(state)));
               },
               timeoutMs) &&
           fetch(jobId).value().state == state;
}


QTEST_GUILESS_MAIN(TestGatewayJobs)
#include "tst_gatewayjobs.moc"
