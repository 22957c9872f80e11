#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "integration/api/simcontrol.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QThreadPool>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpn;
using namespace cpn::api;

namespace {

const QString kToken = QStringLiteral("cpn-dev-canary-7f3a");

// Runs one asynchronous call and waits for its callback.
template <typename T, typename Call> std::optional<ApiResult<T>> await(Call call, int timeoutMs = 10000)
{
    auto result = std::make_shared<std::optional<ApiResult<T>>>();
    call([result](const ApiResult<T> &r) { *result = r; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return *result;
}

QString describe(const ApiError &error)
{
    return error.message();
}

} // namespace

// NodeApiClient against the real cpn-nodesim, started as a child process.
class tst_NodeApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void identity();
    void directory();
    void links();
    void metricsCursor();
    void bogusCursorResets();
    void offers();
    void jobLifecycle();
    void cancelAndConflict();
    void unknownJob();
    void unauthorizedWithoutToken();
    void malformedBodies_data();
    void malformedBodies();
    void slowNodeHitsTheDeadline();
    void deadNodeAnswers503();
    void identicalGetsAreShared();
    void callbacksNeverRunInsideTheCall();
    void answersAreParsedOffTheThreadInOrder();
    void nothingIsDeliveredAfterTheClientIsGone();
    void answersBeyondTheParseQueueAreDroppedAndCounted();
    void plainHttpToRemoteHostIsRefused();

private:
    std::unique_ptr<NodeApiClient> clientFor(const QUrl &baseUrl, ClientOptions options = {});
    const Node &nodeWithAccelerators() const;

    QNetworkAccessManager m_nam;
    LocalSimulator m_simulator;
    QUrl m_root;
    std::unique_ptr<NodeApiClient> m_client;
    std::unique_ptr<SimControl> m_control;
    QList<Node> m_nodes;
};

void tst_NodeApiClient::initTestCase()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    LocalSimulator::Options options;
    options.devToken = kToken;
    options.extraArguments = {QStringLiteral("--job-speedup"), QStringLiteral("36000")};
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_root = m_simulator.baseUrl();
    m_client = clientFor(m_root);
    m_control = std::make_unique<SimControl>(&m_nam, m_root, kToken);
    const auto directory = await<protocol::NodeDirectory>([&](auto done) { m_client->fetchDirectory(done); });
    QVERIFY(directory && directory->ok());
    m_nodes = directory->value().nodes;
}

void tst_NodeApiClient::cleanup()
{
    if (m_control)
        QVERIFY2(m_control->clearFaults(), qPrintable(m_control->lastError()));
}

std::unique_ptr<NodeApiClient> tst_NodeApiClient::clientFor(const QUrl &baseUrl, ClientOptions options)
{
    if (options.token.isNull())
        options.token = kToken;
    return std::make_unique<NodeApiClient>(&m_nam, baseUrl, options);
}

const Node &tst_NodeApiClient::nodeWithAccelerators() const
{
    for (const Node &node : m_nodes) {
        if (node.role == NodeRole::Cluster && !node.capacity.accelerators.isEmpty())
            return node;
    }
    qFatal("the simulated federation has no cluster with accelerators");
}

void tst_NodeApiClient::identity()
{
    const auto node = await<Node>([&](auto done) { m_client->fetchIdentity(done); });
    QVERIFY(node);
    QVERIFY2(node->ok(), qPrintable(describe(node->error())));
    QCOMPARE(node->value().tier, NodeTier::National);
    QCOMPARE(node->value().role, NodeRole::National);
    QVERIFY(node->value().parentId.isEmpty());
}

void tst_NodeApiClient::directory()
{
    QVERIFY2(m_nodes.size() >= 30, qPrintable(QString::number(m_nodes.size())));
    QSet<NodeTier> tiers;
    QSet<QString> ids;
    for (const Node &node : std::as_const(m_nodes)) {
        tiers.insert(node.tier);
        ids.insert(node.id);
        QVERIFY(node.baseUrl.isValid());
    }
    QCOMPARE(tiers, (QSet<NodeTier>{NodeTier::National, NodeTier::Regional, NodeTier::Industry}));
    QCOMPARE(ids.size(), m_nodes.size());
    for (const Node &node : std::as_const(m_nodes)) {
        if (node.tier != NodeTier::National)
            QVERIFY2(ids.contains(node.parentId), qPrintable(node.id));
    }
}

void tst_NodeApiClient::links()
{
    const auto links = await<QList<Link>>([&](auto done) { m_client->fetchLinks(done); });
    QVERIFY(links && links->ok());
    QVERIFY(!links->value().isEmpty());
    QSet<QString> ids;
    for (const Node &node : std::as_const(m_nodes))
        ids.insert(node.id);
    for (const Link &link : links->value()) {
        QVERIFY2(ids.contains(link.a) && ids.contains(link.b), qPrintable(link.id));
    }
}

void tst_NodeApiClient::metricsCursor()
{
    const auto first = await<MetricsBatch>([&](auto done) { m_client->fetchMetrics({}, done); });
    QVERIFY(first);
    QVERIFY2(first->ok(), qPrintable(describe(first->error())));
    QVERIFY(first->value().reset);
    QVERIFY(!first->value().cursor.isEmpty());
    QVERIFY(!first->value().nodes.isEmpty());
    qint64 newest = 0;
    for (const NodeSample &s : first->value().nodes)
        newest = std::max(newest, s.tsMs);

    // Ask again until at least one new tick has arrived.
    QString cursor = first->value().cursor;
    QList<NodeSample> continued;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto next = await<MetricsBatch>([&](auto done) { m_client->fetchMetrics(cursor, done); });
            if (!next || !next->ok() || next->value().reset)
                return false; // caught below by the comparisons
            continued += next->value().nodes;
            cursor = next->value().cursor;
            return !continued.isEmpty();
        }(),
        5000);
    QVERIFY(cursor != first->value().cursor);
    QSet<QPair<QString, qint64>> seen;
    for (const NodeSample &s : std::as_const(continued)) {
        QVERIFY2(s.tsMs > newest, "a tick was delivered twice");
        QVERIFY2(!seen.contains({s.nodeId, s.tsMs}), "a sample was delivered twice");
        seen.insert({s.nodeId, s.tsMs});
    }
}

void tst_NodeApiClient::bogusCursorResets()
{
    const auto batch = await<MetricsBatch>(
        [&](auto done) { m_client->fetchMetrics(QStringLiteral("no such cursor&x=1"), done); });
    QVERIFY(batch);
    QVERIFY2(batch->ok(), qPrintable(describe(batch->error())));
    QVERIFY(batch->value().reset);
}

void tst_NodeApiClient::offers()
{
    const auto all = await<QList<Offer>>([&](auto done) { m_client->fetchOffers({}, done); });
    QVERIFY(all && all->ok());
    QVERIFY(!all->value().isEmpty());
    const auto filtered =
        await<QList<Offer>>([&](auto done) { m_client->fetchOffers(QStringLiteral("ascend-910b"), done); });
    QVERIFY(filtered && filtered->ok());
    QVERIFY(!filtered->value().isEmpty());
    for (const Offer &offer : filtered->value())
        QCOMPARE(offer.model, QStringLiteral("ascend-910b"));
}

void tst_NodeApiClient::jobLifecycle()
{
    const Node &node = nodeWithAccelerators();
    const auto client = clientFor(node.baseUrl);
    JobRequest request;
    request.name = QStringLiteral("itest-lifecycle");
    request.kind = JobKind::Training;
    request.nodeId = node.id;
    request.requirements = {node.capacity.accelerators.constFirst().model, 1, 4, 16, 0.1, 0.001};
    const auto submitted = await<Job>([&](auto done) { client->submitJob(request, done); });
    QVERIFY(submitted);
    QVERIFY2(submitted->ok(), qPrintable(describe(submitted->error())));
    const Job job = submitted->value();
    QCOMPARE(job.nodeId, node.id);
    QCOMPARE(job.requirements, request.requirements);

    JobState state = job.state;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto now = await<Job>([&](auto done) { client->fetchJob(job.id, done); });
            if (now && now->ok())
                state = now->value().state;
            return isTerminal(state);
        }(),
        10000);
    QCOMPARE(state, JobState::Completed);

    const auto jobs = await<QList<Job>>([&](auto done) { client->fetchJobs(done); });
    QVERIFY(jobs && jobs->ok());
    QVERIFY(std::any_of(jobs->value().cbegin(), jobs->value().cend(),
                        [&](const Job &j) { return j.id == job.id; }));
}

void tst_NodeApiClient::cancelAndConflict()
{
    const Node &node = nodeWithAccelerators();
    JobRequest request;
    request.name = QStringLiteral("itest-cancel");
    request.kind = JobKind::Batch;
    request.nodeId = node.id; // routed through the national node
    request.requirements = {{}, 0, 8, 16, 0, 1000};
    const auto submitted = await<Job>([&](auto done) { m_client->submitJob(request, done); });
    QVERIFY(submitted);
    QVERIFY2(submitted->ok(), qPrintable(describe(submitted->error())));
    const QString id = submitted->value().id;

    const auto cancelled = await<Job>([&](auto done) { m_client->cancelJob(id, done); });
    QVERIFY(cancelled);
    QVERIFY2(cancelled->ok(), qPrintable(describe(cancelled->error())));
    QCOMPARE(cancelled->value().state, JobState::Cancelled);

    const auto again = await<Job>([&](auto done) { m_client->cancelJob(id, done); });
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().kind, ApiError::Kind::Http);
    QCOMPARE(again->error().httpStatus, 409);
    QVERIFY(!again->error().title.isEmpty());
}

void tst_NodeApiClient::unknownJob()
{
    const auto job =
        await<Job>([&](auto done) { m_client->fetchJob(QStringLiteral("job-does-not-exist"), done); });
    QVERIFY(job && !job->ok());
    QCOMPARE(job->error().httpStatus, 404);
}

void tst_NodeApiClient::unauthorizedWithoutToken()
{
    ClientOptions options;
    options.token = QStringLiteral(""); // empty, not null: no token at all
    const auto client = clientFor(m_root, options);
    const auto node = await<Node>([&](auto done) { client->fetchIdentity(done); });
    QVERIFY(node && !node->ok());
    QCOMPARE(node->error().kind, ApiError::Kind::Http);
    QCOMPARE(node->error().httpStatus, 401);
    QVERIFY2(node->error().message().startsWith(QStringLiteral("HTTP 401")),
             qPrintable(node->error().message()));
}

void tst_NodeApiClient::malformedBodies_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("nan") << QStringLiteral("nan");
    QTest::newRow("wrong-type") << QStringLiteral("wrong-type");
    QTest::newRow("truncated") << QStringLiteral("truncated");
    QTest::newRow("huge") << QStringLiteral("huge");
}

void tst_NodeApiClient::malformedBodies()
{
    QFETCH(QString, mode);
    const Node &node = nodeWithAccelerators();
    QVERIFY2(m_control->addFault({{QStringLiteral("kind"), QStringLiteral("malformed")},
                                  {QStringLiteral("target"), node.id},
                                  {QStringLiteral("mode"), mode}}),
             qPrintable(m_control->lastError()));
    ClientOptions options;
    options.maxBodyBytes = 4 * 1024 * 1024;
    const auto client = clientFor(node.baseUrl, options);
    const auto identity = await<Node>([&](auto done) { client->fetchIdentity(done); });
    QVERIFY(identity);
    QVERIFY2(!identity->ok(), "a broken body was accepted");
    const ApiError error = identity->error();
    qInfo().noquote() << mode << "->" << error.message();
    if (mode == u"huge")
        QVERIFY2(error.kind == ApiError::Kind::TooLarge || error.kind == ApiError::Kind::Protocol,
                 qPrintable(error.message()));
    else if (mode == u"truncated") // the body is cut: bad JSON, or a connection closed early
        QVERIFY2(error.kind == ApiError::Kind::Protocol || error.kind == ApiError::Kind::Network,
                 qPrintable(error.message()));
    else
        QVERIFY2(error.kind == ApiError::Kind::Protocol, qPrintable(error.message()));
    QVERIFY(!error.detail.isEmpty());

    // Only the faulty node is affected.
    const auto root = await<Node>([&](auto done) { m_client->fetchIdentity(done); });
    QVERIFY(root && root->ok());
}

void tst_NodeApiClient::slowNodeHitsTheDeadline()
{
    const Node &node = nodeWithAccelerators();
    QVERIFY2(m_control->addFault({{QStringLiteral("kind"), QStringLiteral("slow")},
                                  {QStringLiteral("target"), node.id},
                                  {QStringLiteral("delayMs"), 3000}}),
             qPrintable(m_control->lastError()));
    ClientOptions options;
    options.deadlineMs = 300;
    const auto client = clientFor(node.baseUrl, options);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto identity = await<Node>([&](auto done) { client->fetchIdentity(done); });
    QVERIFY(identity && !identity->ok());
    QCOMPARE(identity->error().kind, ApiError::Kind::Timeout);
    QVERIFY(elapsed.elapsed() < 2500);
}

void tst_NodeApiClient::deadNodeAnswers503()
{
    const Node &node = nodeWithAccelerators();
    QVERIFY2(m_control->addFault({{QStringLiteral("kind"), QStringLiteral("node-down")},
                                  {QStringLiteral("target"), node.id}}),
             qPrintable(m_control->lastError()));
    const auto client = clientFor(node.baseUrl);
    const auto identity = await<Node>([&](auto done) { client->fetchIdentity(done); });
    QVERIFY(identity && !identity->ok());
    QCOMPARE(identity->error().httpStatus, 503);
    QVERIFY2(identity->error().message().startsWith(QStringLiteral("HTTP 503")),
             qPrintable(identity->error().message()));
}

void tst_NodeApiClient::identicalGetsAreShared()
{
    int answers = 0;
    int nodes = 0;
    for (int i = 0; i < 3; ++i) {
        m_client->fetchDirectory([&](const ApiResult<protocol::NodeDirectory> &r) {
            ++answers;
            if (r.ok())
                nodes += int(r.value().nodes.size());
        });
    }
    QCOMPARE(m_client->requestsInFlight(), 1);
    QTRY_COMPARE(answers, 3);
    QCOMPARE(nodes, 3 * int(m_nodes.size()));
    QCOMPARE(m_client->requestsInFlight(), 0);
}

void tst_NodeApiClient::callbacksNeverRunInsideTheCall()
{
    bool called = false;
    m_client->fetchIdentity([&](const ApiResult<Node> &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

namespace {
// Keeps every thread of the global pool busy until released, so parse jobs wait their turn.
class PoolBlocker
{
public:
    PoolBlocker()
    {
        m_threads = QThreadPool::globalInstance()->maxThreadCount();
        // The tasks share the semaphores with the blocker, not borrow them: a task that wakes after the
        // blocker is gone must not touch freed memory (it once sat in a dead semaphore for good, and
        // the application's exit waited on the pool forever).
        for (int i = 0; i < m_threads; ++i)
            QThreadPool::globalInstance()->start([gates = m_gates] {
                gates->started.release();
                gates->release.acquire();
            });
        m_gates->started.acquire(m_threads);
    }
    ~PoolBlocker() { release(); }
    void release()
    {
        m_gates->release.release(m_threads);
        m_threads = 0;
    }

private:
    struct Gates
    {
        QSemaphore started;
        QSemaphore release;
    };
    int m_threads = 0;
    std::shared_ptr<Gates> m_gates = std::make_shared<Gates>();
};
} // namespace

void tst_NodeApiClient::answersAreParsedOffTheThreadInOrder()
{
    const auto client = clientFor(m_root);
    QList<int> order;
    PoolBlocker blocker;
    // One shared GET, then the identity: every answer waits for the parser, and comes out in order.
    for (int i = 0; i < 5; ++i) {
        client->fetchDirectory([&order, i](const ApiResult<protocol::NodeDirectory> &r) {
            QVERIFY(r.ok());
            order.append(i);
        });
    }
    QTRY_COMPARE(client->requestsInFlight(), 0);
    client->fetchIdentity([&order](const ApiResult<Node> &r) {
        QVERIFY(r.ok());
        order.append(5);
    });
    QTRY_COMPARE(client->requestsInFlight(), 0);
    QVERIFY2(order.isEmpty(), "answers were parsed on the client's thread");
    blocker.release();
    QTRY_COMPARE(order.size(), 6);
    QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4, 5}));
}

void tst_NodeApiClient::nothingIsDeliveredAfterTheClientIsGone()
{
    auto client = clientFor(m_root);
    bool called = false;
    PoolBlocker blocker;
    client->fetchDirectory([&called](const ApiResult<protocol::NodeDirectory> &) { called = true; });
    QTRY_COMPARE(client->requestsInFlight(), 0); // the answer is in, its parse waits
    QVERIFY(!called);
    client.reset();
    blocker.release();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY(!called);
}

void tst_NodeApiClient::answersBeyondTheParseQueueAreDroppedAndCounted()
{
    const auto client = clientFor(m_root);
    QSignalSpy dropped(client.get(), &NodeApiClient::answersDropped);
    int answered = 0;
    int refused = 0;
    PoolBlocker blocker;
    // 70 different requests (unknown jobs: 404s are answers too) while the parser cannot start.
    for (int i = 0; i < 70; ++i) {
        client->fetchJob(QStringLiteral("no-such-job-%1").arg(i), [&](const ApiResult<Job> &r) {
            if (r.error().kind == ApiError::Kind::Refused)
                ++refused;
            else
                ++answered;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(client->requestsInFlight(), 0, 20000);
    QCOMPARE(client->droppedAnswers(), 70 - 64);
    QCOMPARE(dropped.size(), 70 - 64);
    QCOMPARE(dropped.constLast().at(0).toLongLong(), 70 - 64);
    blocker.release();
    QTRY_COMPARE(answered + refused, 70); // every callback once, the dropped ones with an error
    QCOMPARE(refused, 70 - 64);
}

void tst_NodeApiClient::plainHttpToRemoteHostIsRefused()
{
    const auto client = clientFor(QUrl(QStringLiteral("http://node.example.cn")));
    bool called = false;
    std::optional<ApiResult<Node>> result;
    client->fetchIdentity([&](const ApiResult<Node> &r) {
        called = true;
        result = r;
    });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QCOMPARE(result->error().kind, ApiError::Kind::Refused);
}

QTEST_GUILESS_MAIN(tst_NodeApiClient)
#include "tst_nodeapiclient.moc"
