#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "integration/api/simcontrol.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpn;
using namespace cpn::jobs;

namespace {
const QString kToken = QStringLiteral("cpn-dev-jobs-5d1e");
const QString kReadToken = QStringLiteral("cpn-read-jobs-88a2");

JobRequest request(const QString &name, const QString &model, int cards, double hours)
{
    JobRequest r;
    r.name = name;
    r.kind = JobKind::Training;
    r.requirements.acceleratorModel = model;
    r.requirements.accelerators = cards;
    r.requirements.cpuCores = 16;
    r.requirements.memoryGiB = 64;
    r.requirements.durationHours = hours;
    return r;
}
} // namespace

// JobTracker and OfferBook over HTTP against the real simulator, with --job-speedup 3600 so that a
// job-hour takes one second: submission, live state until completion, cancel, refusals, reservations.
class tst_JobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void submittedJobIsFollowedUntilItCompletes();
    void cancelStopsARunningJob();
    void readOnlyTokenIsToldWhy();
    void nodeRefusingAJob();
    void unknownNodeFailsWithoutARequest();
    void offersAndReservations();
    void vanishedOfferIsAConflict();
    void jobRunsOnItsReservation();

private:
    std::unique_ptr<JobTracker> tracker(const QString &token = kToken);
    std::optional<Offer> offer(const QString &offerId);

    QNetworkAccessManager m_nam;
    api::LocalSimulator m_simulator;
    QUrl m_root;
    QList<Node> m_nodes;
    std::unique_ptr<SimControl> m_control;
};

void tst_JobTracker::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    api::LocalSimulator::Options options;
    options.devToken = kToken;
    options.extraArguments = {QStringLiteral("--job-speedup"), QStringLiteral("3600"), QStringLiteral("--read-token"),
                              kReadToken};
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_root = m_simulator.baseUrl();
    m_control = std::make_unique<SimControl>(&m_nam, m_root, kToken);

    api::ClientOptions clientOptions;
    clientOptions.token = kToken;
    api::NodeApiClient root(&m_nam, m_root, clientOptions);
    bool done = false;
    root.fetchDirectory([&](const api::ApiResult<protocol::NodeDirectory> &r) {
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        m_nodes = r.value().nodes;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QVERIFY(!m_nodes.isEmpty());
}

void tst_JobTracker::cleanup()
{
    QVERIFY2(m_control->clearFaults(), qPrintable(m_control->lastError()));
}

std::unique_ptr<JobTracker> tst_JobTracker::tracker(const QString &token)
{
    api::ClientOptions options;
    options.token = token;
    auto t = std::make_unique<JobTracker>(&m_nam, options);
    t->setDirectory(m_nodes);
    t->setPollIntervalMs(200);
    return t;
}

std::optional<Offer> tst_JobTracker::offer(const QString &offerId)
{
    api::ClientOptions options;
    options.token = kToken;
    OfferBook book(&m_nam, options);
    QSignalSpy changed(&book, &OfferBook::offersChanged);
    book.setRootUrl(m_root);
    if (!changed.wait(10000))
        return std::nullopt;
    if (const Offer *o = book.offer(offerId))
        return *o;
    return std::nullopt;
}

void tst_JobTracker::submittedJobIsFollowedUntilItCompletes()
{
    auto t = tracker();
    QSignalSpy submitted(t.get(), &JobTracker::submitted);
    QSignalSpy changed(t.get(), &JobTracker::jobChanged);
    t->submit(QStringLiteral("workload-1"), QStringLiteral("guian"), request(QStringLiteral("llm"), QStringLiteral("h800"), 8, 2));
    QVERIFY(submitted.wait(10000));
    QCOMPARE(submitted.first().at(0).toString(), QStringLiteral("workload-1"));
    const Job job = submitted.first().at(1).value<Job>();
    QCOMPARE(job.nodeId, QStringLiteral("guian"));
    QCOMPARE(t->tagOf(job.id), QStringLiteral("workload-1"));
    QVERIFY(job.estimatedCostCny > 0);
    // Two job-hours at 3600x: about two seconds, followed by polls.
    QTRY_COMPARE_WITH_TIMEOUT(t->job(job.id)->state, JobState::Completed, 20000);
    QCOMPARE(t->job(job.id)->progress, 1.0);
    QCOMPARE(t->activeCount(), 0);
    bool sawRunning = false;
    for (const auto &args : changed)
        sawRunning = sawRunning || args.at(0).value<Job>().state == JobState::Running;
    QVERIFY(sawRunning);
}

void tst_JobTracker::cancelStopsARunningJob()
{
    auto t = tracker();
    QSignalSpy submitted(t.get(), &JobTracker::submitted);
    t->submit(QStringLiteral("w"), QStringLiteral("zhongwei"), request(QStringLiteral("long"), QStringLiteral("ascend-910b"), 8, 500));
    QVERIFY(submitted.wait(10000));
    const QString id = submitted.first().at(1).value<Job>().id;
    t->cancel(id);
    QTRY_COMPARE_WITH_TIMEOUT(t->job(id)->state, JobState::Cancelled, 10000);
    QSignalSpy cancelFailed(t.get(), &JobTracker::cancelFailed);
    t->cancel(id);
    QVERIFY(cancelFailed.wait(10000));
    QCOMPARE(cancelFailed.first().at(2).toInt(), 409);
    QVERIFY(cancelFailed.first().at(1).toString().contains(QStringLiteral("already ended")));
}

void tst_JobTracker::readOnlyTokenIsToldWhy()
{
    auto t = tracker(kReadToken);
    QSignalSpy failed(t.get(), &JobTracker::submitFailed);
    t->submit(QStringLiteral("w-ro"), QStringLiteral("guian"), request(QStringLiteral("x"), QStringLiteral("h800"), 1, 1));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("w-ro"));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("You are signed in without permission to submit jobs (jobs:write)"));
    QCOMPARE(failed.first().at(2).toInt(), 403);
    QVERIFY(t->jobs().isEmpty());
}

void tst_JobTracker::nodeRefusingAJob()
{
    auto t = tracker();
    QSignalSpy failed(t.get(), &JobTracker::submitFailed);
    // Gui'an has no MLU370 cards: 422 with the node's own reason.
    t->submit(QStringLiteral("w-422"), QStringLiteral("guian"), request(QStringLiteral("x"), QStringLiteral("mlu370"), 1, 1));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(2).toInt(), 422);
    QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("mlu370")), qPrintable(failed.first().at(1).toString()));
    // A node that is down answers 503.
    QVERIFY(m_control->addFault({{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), QStringLiteral("guian")}}));
    t->submit(QStringLiteral("w-503"), QStringLiteral("guian"), request(QStringLiteral("x"), QStringLiteral("h800"), 1, 1));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(1).at(0).toString(), QStringLiteral("w-503"));
    QCOMPARE(failed.at(1).at(2).toInt(), 503);
}

void tst_JobTracker::unknownNodeFailsWithoutARequest()
{
    auto t = tracker();
    QSignalSpy failed(t.get(), &JobTracker::submitFailed);
    t->submit(QStringLiteral("w-x"), QStringLiteral("atlantis"), request(QStringLiteral("x"), QStringLiteral("h800"), 1, 1));
    QCOMPARE(failed.size(), 0); // never inside the call
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("atlantis")));
}

void tst_JobTracker::offersAndReservations()
{
    const auto before = offer(QStringLiteral("zhongwei.hygon-dcu"));
    QVERIFY(before);
    QVERIFY(before->available >= 4);
    auto t = tracker();
    QSignalSpy reserved(t.get(), &JobTracker::reserved);
    t->reserve(QStringLiteral("r1"), QStringLiteral("zhongwei"), ReservationRequest{before->id, 4, 2});
    QVERIFY(reserved.wait(10000));
    const Reservation r = reserved.first().at(1).value<Reservation>();
    QCOMPARE(r.state, Reservation::State::Active);
    QCOMPARE(r.count, 4);
    QCOMPARE(r.nodeId, QStringLiteral("zhongwei"));
    QVERIFY(r.expiresAtMs > r.createdAtMs);

    api::ClientOptions options;
    options.token = kToken;
    api::NodeApiClient client(&m_nam, m_root, options);
    std::optional<api::ApiResult<QList<Reservation>>> listed;
    client.fetchReservations([&](const api::ApiResult<QList<Reservation>> &result) { listed = result; });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10000);
    QVERIFY(listed->ok());
    QVERIFY(std::any_of(listed->value().begin(), listed->value().end(), [&](const Reservation &x) { return x.id == r.id; }));

    QSignalSpy released(t.get(), &JobTracker::reservationCancelled);
    t->cancelReservation(r.nodeId, r.id);
    QVERIFY(released.wait(10000));
    QCOMPARE(released.first().at(0).value<Reservation>().state, Reservation::State::Cancelled);
}

void tst_JobTracker::vanishedOfferIsAConflict()
{
    const auto seen = offer(QStringLiteral("guian.h800"));
    QVERIFY(seen);
    // Between reading the offer and reserving it, the node goes away.
    QVERIFY(m_control->addFault({{QStringLiteral("kind"), QStringLiteral("node-down")}, {QStringLiteral("target"), QStringLiteral("guian")}}));
    auto t = tracker();
    QSignalSpy failed(t.get(), &JobTracker::reserveFailed);
    // Ask the national node: the node itself answers 503 while down.
    Node national;
    for (const Node &n : std::as_const(m_nodes))
        if (n.role == NodeRole::National)
            national = n;
    t->reserve(QStringLiteral("r-gone"), national.id, ReservationRequest{seen->id, 1, 1});
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(2).toInt(), 409);
    QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("no longer available")),
             qPrintable(failed.first().at(1).toString()));
}

void tst_JobTracker::jobRunsOnItsReservation()
{
    const auto seen = offer(QStringLiteral("guian.ascend-910b"));
    QVERIFY(seen);
    auto t = tracker();
    QSignalSpy reserved(t.get(), &JobTracker::reserved);
    t->reserve(QStringLiteral("r2"), QStringLiteral("guian"), ReservationRequest{seen->id, 16, 1});
    QVERIFY(reserved.wait(10000));
    const Reservation r = reserved.first().at(1).value<Reservation>();
    QSignalSpy submitted(t.get(), &JobTracker::submitted);
    JobRequest job = request(QStringLiteral("on-reservation"), QStringLiteral("ascend-910b"), 16, 1);
    job.reservationId = r.id;
    t->submit(QStringLiteral("w-r"), QStringLiteral("guian"), job);
    QVERIFY(submitted.wait(10000));
    const QString id = submitted.first().at(1).value<Job>().id;
    QTRY_COMPARE_WITH_TIMEOUT(t->job(id)->state, JobState::Completed, 20000);
    // The reservation was used once: a second job on it is refused with the node's reason.
    QSignalSpy failed(t.get(), &JobTracker::submitFailed);
    t->submit(QStringLiteral("w-r2"), QStringLiteral("guian"), job);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(2).toInt(), 409);
}

QTEST_GUILESS_MAIN(tst_JobTracker)
#include "tst_jobtracker.moc"
