#include "apirouter.h"
#include "faultcontrol.h"
#include "scenariobuilder.h"
#include "simulatorbackend.h"

#include "domain/protocoljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cpn;
using namespace cpn::server;
using namespace cpn::sim;

// The router in-process: every rule of docs/node-api.md that does not need a socket.
class TestApiRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void statuses_data();
    void statuses();
    void perNodeScope_data();
    void perNodeScope();
    void jobLifecycle();
    void nodeDownAnswers503();
    void offersShrinkWithJobs();
    void answersAreBuiltOnceAndShared();
    void unchangedAnswersAre304();
    void cachedOffersFollowReservations();
    void faultControl();
    void closedWithoutTokens();
    void problemsEchoNoControlCharacters();

private:
    ApiResponse call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                     const QByteArray &token = "dev", const QByteArray &contentType = "application/json");
    static QJsonObject object(const ApiResponse &r) { return QJsonDocument::fromJson(r.body).object(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<Auth> m_auth;
    std::unique_ptr<SimulatorBackend> m_backend;
    std::unique_ptr<FaultControl> m_faultControl;
    std::unique_ptr<ApiRouter> m_router;
};

void TestApiRouter::init()
{
    m_clock = std::make_unique<ManualClock>();
    Simulator::Config config;
    config.jobSpeedup = 360;
    m_sim = std::make_unique<Simulator>(ScenarioBuilder::defaultNetwork(), config, *m_clock);
    m_sim->scenario().setRootUrl(QUrl(QStringLiteral("http://127.0.0.1:9999")));
    m_sim->start(5);
    m_sim->stop();
    m_auth = std::make_unique<Auth>();
    m_auth->addToken(QStringLiteral("dev"), Auth::allScopes());
    m_auth->addToken(QStringLiteral("reader"), Auth::readScopes());
    m_backend = std::make_unique<SimulatorBackend>(*m_sim);
    m_faultControl = std::make_unique<FaultControl>(*m_sim, *m_auth);
    m_router = std::make_unique<ApiRouter>(*m_backend, *m_auth, true, m_faultControl.get());
}

void TestApiRouter::cleanup()
{
    m_router.reset();
    m_faultControl.reset();
    m_backend.reset();
    m_auth.reset();
    m_sim.reset();
    m_clock.reset();
}

ApiResponse TestApiRouter::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                const QByteArray &token, const QByteArray &contentType)
{
    const QUrl url(QStringLiteral("http://127.0.0.1:9999") + pathAndQuery);
    ApiRequest r;
    r.method = method;
    r.path = url.path();
    r.query = QUrlQuery(url);
    r.body = body;
    r.authorization = token.isEmpty() ? QByteArray() : "Bearer " + token;
    r.contentType = contentType;
    return m_router->handle(r);
}

void TestApiRouter::statuses_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("problemType"); // empty: a success

    const QByteArray json = "application/json";
    const QByteArray job = R"({"name":"j","kind":"batch","requirements":{"cpuCores":8,"durationHours":1}})";
    QTest::newRow("node") << QByteArray("GET") << "/api/v1/node" << QByteArray() << QByteArray("dev") << json << 200 << "";
    QTest::newRow("nodes with read token") << QByteArray("GET") << "/api/v1/nodes" << QByteArray() << QByteArray("reader") << json << 200 << "";
    QTest::newRow("no token") << QByteArray("GET") << "/api/v1/nodes" << QByteArray() << QByteArray() << json << 401 << "unauthorized";
    QTest::newRow("wrong token") << QByteArray("GET") << "/api/v1/links" << QByteArray() << QByteArray("nope") << json << 401 << "unauthorized";
    QTest::newRow("read token posts a job") << QByteArray("POST") << "/api/v1/jobs" << job << QByteArray("reader") << json << 403 << "forbidden";
    QTest::newRow("job") << QByteArray("POST") << "/api/v1/jobs" << job << QByteArray("dev") << json << 201 << "";
    QTest::newRow("job with charset") << QByteArray("POST") << "/api/v1/jobs" << job << QByteArray("dev") << QByteArray("application/json; charset=utf-8") << 201 << "";
    QTest::newRow("job as text") << QByteArray("POST") << "/api/v1/jobs" << job << QByteArray("dev") << QByteArray("text/plain") << 415 << "unsupported-media-type";
    QTest::newRow("bad json") << QByteArray("POST") << "/api/v1/jobs" << QByteArray("{\"name\":") << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("wrong type") << QByteArray("POST") << "/api/v1/jobs" << QByteArray(R"({"name":5,"kind":"batch","requirements":{"durationHours":1}})") << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("no duration") << QByteArray("POST") << "/api/v1/jobs" << QByteArray(R"({"name":"j","kind":"batch","requirements":{}})") << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("zero duration") << QByteArray("POST") << "/api/v1/jobs" << QByteArray(R"({"name":"j","kind":"batch","requirements":{"durationHours":0}})") << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("oversized") << QByteArray("POST") << "/api/v1/jobs" << QByteArray(64 * 1024 + 1, ' ') << QByteArray("dev") << json << 413 << "payload-too-large";
    QTest::newRow("unknown model") << QByteArray("POST") << "/n/guian/api/v1/jobs" << QByteArray(R"({"name":"j","kind":"training","requirements":{"acceleratorModel":"mlu370","accelerators":1,"durationHours":1}})") << QByteArray("dev") << json << 422 << "unprocessable";
    QTest::newRow("larger than the node") << QByteArray("POST") << "/n/guian/api/v1/jobs" << QByteArray(R"({"name":"j","kind":"training","requirements":{"cpuCores":9999999,"durationHours":1}})") << QByteArray("dev") << json << 422 << "unprocessable";
    QTest::newRow("node outside the directory") << QByteArray("POST") << "/n/guian/api/v1/jobs" << QByteArray(R"({"name":"j","kind":"batch","nodeId":"zhongwei","requirements":{"durationHours":1}})") << QByteArray("dev") << json << 404 << "not-found";
    QTest::newRow("unknown path") << QByteArray("GET") << "/api/v1/nodez" << QByteArray() << QByteArray("dev") << json << 404 << "not-found";
    QTest::newRow("outside /api/v1") << QByteArray("GET") << "/index.html" << QByteArray() << QByteArray() << json << 404 << "not-found";
    QTest::newRow("root") << QByteArray("GET") << "/" << QByteArray() << QByteArray() << json << 404 << "not-found";
    QTest::newRow("trailing slash") << QByteArray("GET") << "/api/v1/nodes/" << QByteArray() << QByteArray("dev") << json << 404 << "not-found";
    QTest::newRow("unknown node prefix") << QByteArray("GET") << "/n/atlantis/api/v1/node" << QByteArray() << QByteArray("dev") << json << 404 << "not-found";
    QTest::newRow("node prefix alone") << QByteArray("GET") << "/n/guian" << QByteArray() << QByteArray("dev") << json << 404 << "not-found";
    QTest::newRow("unknown job") << QByteArray("GET") << "/api/v1/jobs/job-424242" << QByteArray() << QByteArray("dev") << json << 404 << "not-found";
    QTest::newRow("wrong method") << QByteArray("DELETE") << "/api/v1/node" << QByteArray() << QByteArray("dev") << json << 405 << "method-not-allowed";
    QTest::newRow("GET on cancel") << QByteArray("GET") << "/api/v1/jobs/job-000001/cancel" << QByteArray() << QByteArray("dev") << json << 405 << "method-not-allowed";
    QTest::newRow("bad limit") << QByteArray("GET") << "/api/v1/metrics?limit=0" << QByteArray() << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("limit too big") << QByteArray("GET") << "/api/v1/metrics?limit=601" << QByteArray() << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("unknown cursor") << QByteArray("GET") << "/api/v1/metrics?since=xyz" << QByteArray() << QByteArray("dev") << json << 200 << "";
    QTest::newRow("bad model filter") << QByteArray("GET") << "/api/v1/offers?model=Not%20A%20Slug" << QByteArray() << QByteArray("dev") << json << 400 << "bad-request";
    QTest::newRow("sim with read token") << QByteArray("GET") << "/sim/v1/faults" << QByteArray() << QByteArray("reader") << json << 403 << "forbidden";
    QTest::newRow("sim unknown") << QByteArray("GET") << "/sim/v1/other" << QByteArray() << QByteArray("dev") << json << 404 << "not-found";
}

void TestApiRouter::statuses()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, problemType);
    const ApiResponse r = call(method, path, body, token, contentType);
    QCOMPARE(r.status, status);
    if (problemType.isEmpty()) {
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QVERIFY(QJsonDocument::fromJson(r.body).isObject());
        return;
    }
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    const auto problem = protocol::parseProblem(r.body);
    QVERIFY2(problem.ok(), r.body.constData());
    QCOMPARE(problem.value().type, QStringLiteral("urn:cpn:problem:") + problemType);
    QCOMPARE(problem.value().status, status);
    QVERIFY(!problem.value().title.isEmpty());
    if (status == 401)
        QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer")); // "Bearer", or with error="invalid_token"
    if (status == 403 && path.startsWith(u"/api"))
        QVERIFY(r.header("WWW-Authenticate").contains("scope=\"jobs:write\""));
    if (status == 405)
        QVERIFY(!r.header("Allow").isEmpty());
}

void TestApiRouter::perNodeScope_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("self");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("links");
    QTest::newRow("national") << "" << "national" << 42 << 54;
    QTest::newRow("hub") << "/n/guizhou-hub" << "guizhou-hub" << 3 << 2;
    QTest::newRow("cluster") << "/n/guian" << "guian" << 1 << 0;
}

void TestApiRouter::perNodeScope()
{
    QFETCH(QString, prefix);
    QFETCH(QString, self);
    QFETCH(int, nodes);
    QFETCH(int, links);
    const auto node = protocol::parseNode(call(QByteArrayLiteral("GET"), prefix + QStringLiteral("/api/v1/node")).body);
    QVERIFY(node.ok());
    QCOMPARE(node.value().id, self);
    QCOMPARE(node.value().baseUrl.toString(), QStringLiteral("http://127.0.0.1:9999") + prefix);
    const auto directory = protocol::parseNodeDirectory(call(QByteArrayLiteral("GET"), prefix + QStringLiteral("/api/v1/nodes")).body);
    QVERIFY2(directory.ok(), qPrintable(directory.error()));
    QCOMPARE(directory.value().nodes.size(), nodes);
    QCOMPARE(directory.value().generatedAtMs, m_clock->nowMs());
    const auto linkList = protocol::parseLinks(call(QByteArrayLiteral("GET"), prefix + QStringLiteral("/api/v1/links")).body);
    QVERIFY(linkList.ok());
    QCOMPARE(linkList.value().size(), links);
    const auto metrics = protocol::parseMetrics(call(QByteArrayLiteral("GET"), prefix + QStringLiteral("/api/v1/metrics")).body);
    QVERIFY(metrics.ok());
    QCOMPARE(metrics.value().nodes.size(), nodes);
    QCOMPARE(metrics.value().links.size(), links);
    const auto offers = protocol::parseOffers(call(QByteArrayLiteral("GET"), prefix + QStringLiteral("/api/v1/offers")).body);
    QVERIFY2(offers.ok(), qPrintable(offers.error()));
    QVERIFY(offers.value().size() >= nodes * 4);
}

void TestApiRouter::jobLifecycle()
{
    const QByteArray body = R"({"name":"llm","kind":"fine-tuning","nodeId":"guian",
        "requirements":{"acceleratorModel":"ascend-910b","accelerators":64,"durationHours":1}})";
    const ApiResponse created = call(QByteArrayLiteral("POST"), QStringLiteral("/n/guizhou-hub/api/v1/jobs"), body);
    QCOMPARE(created.status, 201);
    const auto job = protocol::parseJob(created.body);
    QVERIFY(job.ok());
    QCOMPARE(job.value().nodeId, QStringLiteral("guian"));
    QCOMPARE(created.header("Location"), "http://127.0.0.1:9999/n/guizhou-hub/api/v1/jobs/" + job.value().id.toUtf8());
    // Visible at the national node and at the cluster, not at another hub.
    const QString path = QStringLiteral("/api/v1/jobs/") + job.value().id;
    QCOMPARE(call(QByteArrayLiteral("GET"), path).status, 200);
    QCOMPARE(call(QByteArrayLiteral("GET"), QStringLiteral("/n/guian") + path).status, 200);
    QCOMPARE(call(QByteArrayLiteral("GET"), QStringLiteral("/n/ningxia-hub") + path).status, 404);
    QCOMPARE(protocol::parseJobs(call(QByteArrayLiteral("GET"), QStringLiteral("/n/guian/api/v1/jobs")).body).value().size(), 1);
    QCOMPARE(protocol::parseJobs(call(QByteArrayLiteral("GET"), QStringLiteral("/n/zhongwei/api/v1/jobs")).body).value().size(), 0);

    m_clock->advanceMs(5000); // half of the job-hour at speedup 360
    auto running = protocol::parseJob(call(QByteArrayLiteral("GET"), path).body).value();
    QCOMPARE(running.state, JobState::Running);
    QVERIFY(running.progress > 0.4 && running.progress < 0.6);

    m_clock->advanceMs(6000);
    QCOMPARE(protocol::parseJob(call(QByteArrayLiteral("GET"), path).body).value().state, JobState::Completed);
    const ApiResponse conflict = call(QByteArrayLiteral("POST"), path + QStringLiteral("/cancel"));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(protocol::parseProblem(conflict.body).value().type, QStringLiteral("urn:cpn:problem:conflict"));

    const ApiResponse second = call(QByteArrayLiteral("POST"), QStringLiteral("/n/guian/api/v1/jobs"), body);
    const QString secondId = protocol::parseJob(second.body).value().id;
    QVERIFY(secondId != job.value().id);
    const ApiResponse cancelled = call(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/jobs/") + secondId + QStringLiteral("/cancel"));
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(protocol::parseJob(cancelled.body).value().state, JobState::Cancelled);
}

void TestApiRouter::nodeDownAnswers503()
{
    QString error;
    QVERIFY(m_sim->addFault({Fault::Kind::NodeDown, QStringLiteral("guian"), 0, {}}, &error));
    const ApiResponse r = call(QByteArrayLiteral("GET"), QStringLiteral("/n/guian/api/v1/node"));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("Retry-After"), QByteArray("5"));
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    // The national node still answers, shows the node offline, and will not route jobs to it.
    const auto nodes = protocol::parseNodeDirectory(call(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/nodes")).body).value().nodes;
    const auto guian = std::find_if(nodes.begin(), nodes.end(), [](const Node &n) { return n.id == u"guian"; });
    QCOMPARE(guian->status, NodeStatus::Offline);
    const ApiResponse job = call(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/jobs"),
                                 R"({"name":"j","kind":"batch","nodeId":"guian","requirements":{"durationHours":1}})");
    QCOMPARE(job.status, 503);
    QVERIFY(!job.header("Retry-After").isEmpty());
}

void TestApiRouter::offersShrinkWithJobs()
{
    const auto available = [this] {
        const auto offers = protocol::parseOffers(call(QByteArrayLiteral("GET"), QStringLiteral("/n/guian/api/v1/offers?model=h800")).body);
        return offers.value();
    };
    const QList<Offer> before = available();
    QCOMPARE(before.size(), 1);
    QCOMPARE(before.first().id, QStringLiteral("guian.h800"));
    QCOMPARE(before.first().validUntilMs, m_clock->nowMs() + 30000);
    QCOMPARE(call(QByteArrayLiteral("POST"), QStringLiteral("/n/guian/api/v1/jobs"),
                  R"({"name":"j","kind":"training","requirements":{"acceleratorModel":"h800","accelerators":100,"durationHours":1}})")
                 .status,
             201);
    QCOMPARE(available().first().available, std::max(0.0, before.first().available - 100));
}

void TestApiRouter::answersAreBuiltOnceAndShared()
{
    const QString since = QString::number(m_sim->history().latest().seq - 1);
    const QString path = QStringLiteral("/api/v1/metrics?since=") + since;
    const ApiResponse first = call("GET", path);
    const ApiResponse second = call("GET", path);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.body.constData(), first.body.constData()); // the same bytes, not built again
    m_clock->advanceMs(1000);
    m_sim->tick();
    const ApiResponse afterTick = call("GET", path);
    QVERIFY(afterTick.body != first.body); // a new tick: a new answer
    // Without the cache (cpn-nodesim --no-response-cache) the same answer, built for each request.
    ApiRouter uncached(*m_backend, *m_auth, false);
    ApiRequest r;
    r.method = "GET";
    r.path = QStringLiteral("/api/v1/metrics");
    r.query = QUrlQuery(QStringLiteral("since=") + since);
    r.authorization = "Bearer dev";
    QCOMPARE(protocol::parseMetrics(uncached.handle(r).body).value().nodes,
             protocol::parseMetrics(afterTick.body).value().nodes);
    // gzip when asked for, and only then.
    QVERIFY(afterTick.gzipBody.isEmpty());
    r.acceptEncoding = "deflate, gzip";
    QVERIFY(m_router->handle(r).gzipBody.startsWith("\x1f\x8b"));
    r.acceptEncoding = "gzip;q=0";
    QVERIFY(m_router->handle(r).gzipBody.isEmpty());
}

void TestApiRouter::unchangedAnswersAre304()
{
    ApiRequest r;
    r.method = "GET";
    r.path = QStringLiteral("/api/v1/nodes");
    r.authorization = "Bearer dev";
    const ApiResponse full = m_router->handle(r);
    const QByteArray etag = full.header("ETag");
    QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
    r.ifNoneMatch = "\"other\", " + etag;
    const ApiResponse notModified = m_router->handle(r);
    QCOMPARE(notModified.status, 304);
    QVERIFY(notModified.body.isEmpty());
    QCOMPARE(notModified.header("ETag"), etag);
    // A node goes down: the directory shows it, so the held answer is no longer current.
    QString error;
    QVERIFY(m_sim->addFault({Fault::Kind::NodeDown, QStringLiteral("guian"), 0, {}}, &error));
    const ApiResponse changed = m_router->handle(r);
    QCOMPARE(changed.status, 200);
    QVERIFY(changed.header("ETag") != etag);
    // Links never change; a weak comparison matches too.
    r.path = QStringLiteral("/api/v1/links");
    r.ifNoneMatch.clear();
    const QByteArray linksTag = m_router->handle(r).header("ETag");
    r.ifNoneMatch = "W/" + linksTag;
    QCOMPARE(m_router->handle(r).status, 304);
}

void TestApiRouter::cachedOffersFollowReservations()
{
    const auto offer = [this] {
        return protocol::parseOffers(call("GET", QStringLiteral("/n/guian/api/v1/offers?model=h800")).body)
            .value()
            .first();
    };
    const Offer before = offer();
    QCOMPARE(offer(), before); // same price epoch, nothing changed: the same answer
    QCOMPARE(call("POST", QStringLiteral("/n/guian/api/v1/reservations"),
                  QStringLiteral(R"({"offerId":"%1","count":10,"hours":1})").arg(before.id).toUtf8())
                 .status,
             201);
    QCOMPARE(offer().available, before.available - 10); // at once, not at the next epoch
}

void TestApiRouter::faultControl()
{
    QCOMPARE(call(QByteArrayLiteral("POST"), QStringLiteral("/sim/v1/faults"), R"({"kind":"slow","target":"*","delayMs":10})").status, 201);
    QCOMPARE(call(QByteArrayLiteral("POST"), QStringLiteral("/sim/v1/faults"), R"({"kind":"node-down","target":"atlantis"})").status, 404);
    QCOMPARE(call(QByteArrayLiteral("POST"), QStringLiteral("/sim/v1/faults"), R"({"kind":"meteor","target":"guian"})").status, 400);
    QCOMPARE(object(call(QByteArrayLiteral("GET"), QStringLiteral("/sim/v1/faults"))).value(u"faults").toArray().size(), 1);
    QCOMPARE(call(QByteArrayLiteral("DELETE"), QStringLiteral("/sim/v1/faults/slow/*")).status, 200);
    QCOMPARE(call(QByteArrayLiteral("DELETE"), QStringLiteral("/sim/v1/faults/slow/*")).status, 404);
    QCOMPARE(call(QByteArrayLiteral("PUT"), QStringLiteral("/sim/v1/faults")).status, 405);
    QCOMPARE(call(QByteArrayLiteral("GET"), QStringLiteral("/sim/v1/faults"), {}, {}).status, 401);
    QCOMPARE(call(QByteArrayLiteral("DELETE"), QStringLiteral("/sim/v1/faults")).status, 200);
    QVERIFY(m_sim->faults().faults().isEmpty());
}

void TestApiRouter::closedWithoutTokens()
{
    // The simulator never runs open: without a token every node path, known or not, is 401.
    const Auth none;
    ApiRouter router(*m_backend, none);
    for (const QString &path : {QStringLiteral("/api/v1/node"), QStringLiteral("/api/v1/nope"),
                                QStringLiteral("/n/guian/api/v1/metrics"), QStringLiteral("/n/nowhere/api/v1/node")}) {
        ApiRequest r;
        r.method = "GET";
        r.path = path;
        const ApiResponse response = router.handle(r);
        QCOMPARE(response.status, 401);
        QCOMPARE(response.contentType, QByteArray("application/problem+json"));
        QVERIFY(response.header("WWW-Authenticate").startsWith("Bearer"));
    }
}

// What a client sent comes back in problems (an unknown node's id): never with its ESC sequences.
void TestApiRouter::problemsEchoNoControlCharacters()
{
    const ApiResponse r = call(QByteArrayLiteral("GET"), QStringLiteral("/n/\u001b[2Jx/api/v1/node"));
    QCOMPARE(r.status, 404);
    QVERIFY2(!r.body.contains('\x1b') && !r.body.contains("\\u001b"), r.body.constData());
    QVERIFY(r.body.contains("[2Jx"));
}

QTEST_GUILESS_MAIN(TestApiRouter)
#include "tst_apirouter.moc"
