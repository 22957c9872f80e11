#include "api/federationclient.h"
#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "integration/api/simcontrol.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cpn;
using namespace cpn::api;

namespace {

const QString kToken = QStringLiteral("cpn-dev-canary-91c2");

QList<ConnectionState> statesSeen(const QSignalSpy &spy)
{
    QList<ConnectionState> states;
    for (const QList<QVariant> &arguments : spy)
        states.append(arguments.constFirst().value<EndpointStatus>().state);
    return states;
}

NodeSample sample(qint64 tsMs)
{
    NodeSample s;
    s.nodeId = QStringLiteral("guian");
    s.tsMs = tsMs;
    return s;
}

} // namespace

#define REQUIRE_SIMULATOR()                                                                                  \
    do {                                                                                                     \
        if (!m_simulator.isRunning())                                                                        \
            QSKIP("cpn-nodesim is not built");                                                               \
    } while (false)

// FederationClient against the real cpn-nodesim: bootstrap, polling, and how the endpoint's state
// follows faults injected through the simulator's control API.
class tst_FederationClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void answerWasCut_data();
    void answerWasCut();

    void bootstrapAndPoll();
    void clientFor();
    void stopHaltsPolling();
    void deadNodeGoesStaleThenOfflineAndRecovers();
    void malformedAnswersAreProblemsNotCrashes();
    void malformedDirectoryIsRetried();
    void slowNodeTimesOut();
    void unauthorizedWithoutToken();
    void newTokenIsTriedAtOnce();

private:
    // A client of one cluster's own base URL with fast, deterministic timing.
    std::unique_ptr<FederationClient> clusterClient(ClientOptions options = {});
    std::unique_ptr<FederationClient> federation(const QUrl &root, const ClientOptions &options);
    bool addFault(const QString &kind, const QString &target, const QJsonObject &extra = {});

    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    LocalSimulator m_simulator;
    std::unique_ptr<SimControl> m_control;
    QList<Node> m_nodes;
    Node m_cluster;
};

void tst_FederationClient::initTestCase()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        return; // the simulator tests skip themselves
    LocalSimulator::Options options;
    options.devToken = kToken;
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_control = std::make_unique<SimControl>(&m_nam, m_simulator.baseUrl(), kToken);

    ClientOptions clientOptions;
    clientOptions.token = kToken;
    FederationClient national(&m_nam, m_simulator.baseUrl(), clientOptions, m_clock);
    QSignalSpy directory(&national, &FederationClient::directoryChanged);
    national.start();
    QVERIFY(directory.wait(10000));
    m_nodes = national.nodes();
    for (const Node &node : std::as_const(m_nodes)) {
        if (node.role == NodeRole::Cluster) {
            m_cluster = node;
            break;
        }
    }
    QVERIFY(!m_cluster.id.isEmpty());
}

void tst_FederationClient::cleanup()
{
    if (m_control)
        QVERIFY2(m_control->clearFaults(), qPrintable(m_control->lastError()));
}

std::unique_ptr<FederationClient> tst_FederationClient::federation(const QUrl &root,
                                                                   const ClientOptions &options)
{
    auto client = std::make_unique<FederationClient>(&m_nam, root, options, m_clock);
    // The longest wait, every time: retries are then 500 ms apart, which makes the order of
    // Stale and Offline predictable.
    client->setRandomSource([](qint64 upper) { return upper; });
    return client;
}

std::unique_ptr<FederationClient> tst_FederationClient::clusterClient(ClientOptions options)
{
    if (options.token.isNull())
        options.token = kToken;
    options.refreshIntervalMs = 200; // stale after 400 ms without data
    options.offlineAfterFailures = 3;
    options.backoffBaseMs = 500;
    options.backoffCapMs = 500;
    options.maxRetryAfterSeconds = 1; // the simulator says 5 s; the tests should take seconds
    return federation(m_cluster.baseUrl, options);
}

bool tst_FederationClient::addFault(const QString &kind, const QString &target, const QJsonObject &extra)
{
    QJsonObject fault = extra;
    fault.insert(QStringLiteral("kind"), kind);
    fault.insert(QStringLiteral("target"), target);
    const bool ok = m_control->addFault(fault);
    if (!ok)
        qWarning().noquote() << m_control->lastError();
    return ok;
}

void tst_FederationClient::answerWasCut_data()
{
    QTest::addColumn<QList<qint64>>("sampleTimes");
    QTest::addColumn<qint64>("serverTime");
    QTest::addColumn<bool>("cut");
    QTest::newRow("empty") << QList<qint64>{} << qint64(100000) << false;
    QTest::newRow("up to date") << QList<qint64>{98000, 99000} << qint64(99500) << false;
    QTest::newRow("exactly one interval behind") << QList<qint64>{98000} << qint64(99000) << false;
    QTest::newRow("more than one interval behind") << QList<qint64>{50000, 60000} << qint64(99000) << true;
}

void tst_FederationClient::answerWasCut()
{
    QFETCH(QList<qint64>, sampleTimes);
    QFETCH(qint64, serverTime);
    QFETCH(bool, cut);
    MetricsBatch batch;
    batch.serverTimeMs = serverTime;
    batch.intervalMs = 1000;
    for (qint64 ts : sampleTimes)
        batch.nodes.append(sample(ts));
    QCOMPARE(FederationClient::answerWasCut(batch), cut);
}

void tst_FederationClient::bootstrapAndPoll()
{
    REQUIRE_SIMULATOR();
    ClientOptions options;
    options.token = kToken;
    options.refreshIntervalMs = 200;
    const auto client = federation(m_simulator.baseUrl(), options);
    QSignalSpy directory(client.get(), &FederationClient::directoryChanged);
    QSignalSpy metrics(client.get(), &FederationClient::metricsReceived);
    QSignalSpy status(client.get(), &FederationClient::statusChanged);
    QSignalSpy problems(client.get(), &FederationClient::problem);
    QCOMPARE(client->status().state, ConnectionState::Connecting);
    client->start();

    QVERIFY(directory.wait(10000));
    const auto nodes = directory.constFirst().at(0).value<QList<Node>>();
    const auto links = directory.constFirst().at(1).value<QList<Link>>();
    QVERIFY(nodes.size() >= 30);
    QVERIFY(!links.isEmpty());
    QCOMPARE(client->nodes(), nodes);
    QCOMPARE(client->links(), links);
    QTRY_COMPARE(client->status().state, ConnectionState::Online);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.constLast().constFirst().value<EndpointStatus>().state, ConnectionState::Online);
    QVERIFY(!client->status().label.isEmpty());
    QVERIFY(client->status().lastDataMs > 0);

    // The first batch restarts the view; later ones continue it with new ticks.
    QTRY_VERIFY_WITH_TIMEOUT(metrics.size() >= 1, 5000);
    QVERIFY(metrics.constFirst().constFirst().value<MetricsBatch>().reset);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(metrics.cbegin() + 1, metrics.cend(),
                                         [](const QList<QVariant> &a) {
                                             return !a.constFirst().value<MetricsBatch>().nodes.isEmpty();
                                         }),
                             5000);
    qint64 newest = 0;
    QSet<QPair<QString, qint64>> seen;
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        const auto batch = metrics.at(i).constFirst().value<MetricsBatch>();
        QCOMPARE(batch.reset, i == 0);
        for (const NodeSample &s : batch.nodes) {
            QVERIFY2(!seen.contains({s.nodeId, s.tsMs}), "a sample was delivered twice");
            seen.insert({s.nodeId, s.tsMs});
            newest = std::max(newest, s.tsMs);
        }
    }
    QCOMPARE(client->cursor(), metrics.constLast().constFirst().value<MetricsBatch>().cursor);
    QVERIFY2(problems.isEmpty(),
             problems.isEmpty() ? "" : qPrintable(problems.constFirst().constFirst().toString()));
}

void tst_FederationClient::clientFor()
{
    REQUIRE_SIMULATOR();
    ClientOptions options;
    options.token = kToken;
    const auto client = federation(m_simulator.baseUrl(), options);
    QVERIFY(!client->clientFor(m_cluster.id)); // nothing known yet
    QSignalSpy directory(client.get(), &FederationClient::directoryChanged);
    client->start();
    QVERIFY(directory.wait(10000));

    NodeApiClient *cluster = client->clientFor(m_cluster.id);
    QVERIFY(cluster);
    QCOMPARE(cluster->baseUrl(), m_cluster.baseUrl);
    QCOMPARE(client->clientFor(m_cluster.id), cluster);
    const auto national = std::find_if(m_nodes.cbegin(), m_nodes.cend(),
                                       [](const Node &n) { return n.role == NodeRole::National; });
    QVERIFY(national != m_nodes.cend());
    QCOMPARE(client->clientFor(national->id), client->rootClient());
    QVERIFY(!client->clientFor(QStringLiteral("no-such-node")));

    // The node's own client really talks to that node.
    std::optional<ApiResult<Node>> identity;
    cluster->fetchIdentity([&](const ApiResult<Node> &r) { identity = r; });
    QTRY_VERIFY(identity.has_value());
    QVERIFY(identity->ok());
    QCOMPARE(identity->value().id, m_cluster.id);
}

void tst_FederationClient::stopHaltsPolling()
{
    REQUIRE_SIMULATOR();
    const auto client = clusterClient();
    QSignalSpy metrics(client.get(), &FederationClient::metricsReceived);
    client->start();
    QTRY_VERIFY_WITH_TIMEOUT(metrics.size() >= 2, 5000);
    client->stop();
    QVERIFY(!client->isRunning());
    const qsizetype count = metrics.size();
    QTest::qWait(600); // three refresh intervals: proving something does not happen takes time
    QCOMPARE(metrics.size(), count);
}

void tst_FederationClient::deadNodeGoesStaleThenOfflineAndRecovers()
{
    REQUIRE_SIMULATOR();
    const auto client = clusterClient();
    QSignalSpy status(client.get(), &FederationClient::statusChanged);
    QSignalSpy problems(client.get(), &FederationClient::problem);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Online, 5000);
    status.clear();

    QVERIFY(addFault(QStringLiteral("node-down"), m_cluster.id));
    QElapsedTimer sinceFault;
    sinceFault.start();
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Offline, 5000);
    // Retry-After (capped at 1 s) spaces the three failures at least 1 s apart.
    QVERIFY2(sinceFault.elapsed() >= 1900, qPrintable(QString::number(sinceFault.elapsed())));
    const QList<ConnectionState> states = statesSeen(status);
    QVERIFY(states.contains(ConnectionState::Stale));
    QVERIFY(states.indexOf(ConnectionState::Stale) < states.indexOf(ConnectionState::Offline));
    QCOMPARE(states.constLast(), ConnectionState::Offline);
    const EndpointStatus offline = client->status();
    QVERIFY2(offline.lastError.startsWith(QStringLiteral("HTTP 503")), qPrintable(offline.lastError));
    QVERIFY(offline.consecutiveFailures >= 3);
    QVERIFY(offline.lastDataMs > 0); // what is still shown, and how old it is
    QVERIFY(!problems.isEmpty());
    QVERIFY(problems.constLast().constFirst().toString().contains(QStringLiteral("503")));

    QVERIFY(m_control->clearFaults());
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Online, 5000);
    QCOMPARE(client->status().consecutiveFailures, 0);
    QVERIFY(client->status().lastError.isEmpty());
    QCOMPARE(status.constLast().constFirst().value<EndpointStatus>().state, ConnectionState::Online);
}

void tst_FederationClient::malformedAnswersAreProblemsNotCrashes()
{
    REQUIRE_SIMULATOR();
    const auto client = clusterClient();
    QSignalSpy problems(client.get(), &FederationClient::problem);
    QSignalSpy metrics(client.get(), &FederationClient::metricsReceived);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Online, 5000);

    for (const QString &mode :
         {QStringLiteral("nan"), QStringLiteral("wrong-type"), QStringLiteral("truncated")}) {
        QVERIFY(addFault(QStringLiteral("malformed"), m_cluster.id, {{QStringLiteral("mode"), mode}}));
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 3000);
        const QString message = problems.constLast().constFirst().toString();
        qInfo().noquote() << mode << "->" << message;
        QVERIFY2(message.contains(QStringLiteral("Invalid answer")) ||
                     message.contains(QStringLiteral("Network")),
                 qPrintable(message));
        QVERIFY(m_control->clearFaults());
        QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Online, 3000);
        problems.clear();
    }
    // Nothing broken was passed on.
    for (const QList<QVariant> &arguments : std::as_const(metrics)) {
        for (const NodeSample &s : arguments.constFirst().value<MetricsBatch>().nodes)
            QVERIFY(qIsFinite(s.cpuUtil) && s.cpuUtil >= 0 && s.cpuUtil <= 1);
    }
}

void tst_FederationClient::malformedDirectoryIsRetried()
{
    REQUIRE_SIMULATOR();
    QVERIFY(addFault(QStringLiteral("malformed"), m_cluster.id,
                     {{QStringLiteral("mode"), QStringLiteral("nan")}}));
    const auto client = clusterClient();
    QSignalSpy problems(client.get(), &FederationClient::problem);
    QSignalSpy directory(client.get(), &FederationClient::directoryChanged);
    client->start();
    QVERIFY(problems.wait(3000));
    QVERIFY(directory.isEmpty());
    QVERIFY(m_control->clearFaults());
    QVERIFY(directory.wait(3000));
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Online, 3000);
}

void tst_FederationClient::slowNodeTimesOut()
{
    REQUIRE_SIMULATOR();
    ClientOptions options;
    options.deadlineMs = 300;
    const auto client = clusterClient(options);
    QSignalSpy problems(client.get(), &FederationClient::problem);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Online, 5000);
    QVERIFY(addFault(QStringLiteral("slow"), m_cluster.id, {{QStringLiteral("delayMs"), 3000}}));
    QVERIFY(problems.wait(3000));
    QVERIFY2(problems.constFirst().constFirst().toString().contains(QStringLiteral("Timed out")),
             qPrintable(problems.constFirst().constFirst().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Offline, 5000);
}

void tst_FederationClient::unauthorizedWithoutToken()
{
    REQUIRE_SIMULATOR();
    ClientOptions options;
    options.token = QStringLiteral("");
    const auto client = clusterClient(options);
    QSignalSpy problems(client.get(), &FederationClient::problem);
    client->start();
    QVERIFY(problems.wait(3000));
    QVERIFY2(problems.constFirst().constFirst().toString().contains(QStringLiteral("HTTP 401")),
             qPrintable(problems.constFirst().constFirst().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(client->status().state, ConnectionState::Offline, 5000);
    QVERIFY(client->nodes().isEmpty());
}

// Signing in gives the client a token; it must not wait out the backoff the refused requests earned.
void tst_FederationClient::newTokenIsTriedAtOnce()
{
    REQUIRE_SIMULATOR();
    ClientOptions options;
    options.token = QStringLiteral("");
    options.refreshIntervalMs = 200;
    options.backoffBaseMs = 60'000; // the next attempt after a refusal is a minute away
    options.backoffCapMs = 60'000;
    const auto client = federation(m_cluster.baseUrl, options);
    QSignalSpy problems(client.get(), &FederationClient::problem);
    client->start();
    QVERIFY(problems.wait(3000));
    QSignalSpy metrics(client.get(), &FederationClient::metricsReceived);
    client->setToken(kToken);
    QVERIFY(metrics.wait(5000));
    QCOMPARE(client->status().state, ConnectionState::Online);
}

QTEST_GUILESS_MAIN(tst_FederationClient)
#include "tst_federationclient.moc"
