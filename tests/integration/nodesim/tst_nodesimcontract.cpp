#include "api/localsimulator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <QTimer>

using namespace cpn;
using namespace Qt::StringLiterals;

// Starts the real cpn-nodesim (as the console does) and checks the contract of docs/node-api.md
// over real HTTP.
class TestNodesimContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void directoryAndLinks();
    void unauthorizedWithoutToken();
    void readTokenCannotSubmit();
    void problems_data();
    void problems();
    void perNodeBaseUrl();
    void jobRunsToCompletion();
    void nodeDownFault();
    void slowFault();
    void exitsCleanlyOnTerminate();

private:
    struct Reply
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QHash<QByteArray, QByteArray> headers;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
               const QByteArray &token = "dev-token", const QByteArray &contentType = "application/json");
    Reply get(const QString &path, const QByteArray &token = "dev-token") { return send("GET", url(path), {}, token); }
    QUrl url(const QString &path) const { return QUrl(m_sim.baseUrl().toString() + path); }

    api::LocalSimulator m_sim;
    QNetworkAccessManager m_nam;
};

void TestNodesimContract::initTestCase()
{
    api::LocalSimulator::Options options;
    options.devToken = QStringLiteral("dev-token");
    options.extraArguments = {QStringLiteral("--read-token"), QStringLiteral("reader"), QStringLiteral("--job-speedup"),
                              QStringLiteral("36000")};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));
    QCOMPARE(m_sim.baseUrl().host(), QStringLiteral("127.0.0.1"));
}

void TestNodesimContract::cleanupTestCase() { m_sim.stop(); }

TestNodesimContract::Reply TestNodesimContract::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                                     const QByteArray &token, const QByteArray &contentType)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(5000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->rawHeader("Content-Type");
    r.body = reply->readAll();
    r.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return r;
}

void TestNodesimContract::directoryAndLinks()
{
    const Reply nodes = get(QStringLiteral("/api/v1/nodes"));
    QCOMPARE(nodes.status, 200);
    QCOMPARE(nodes.contentType, QByteArray("application/json"));
    const QJsonArray list = nodes.json().value(u"nodes").toArray();
    QVERIFY(list.size() >= 30);
    QSet<QString> tiers;
    for (const auto &v : list) {
        const QJsonObject n = v.toObject();
        for (const char *key : {"id", "name", "tier", "lat", "lon", "baseUrl"})
            QVERIFY2(n.contains(QLatin1String(key)), key);
        tiers.insert(n.value(u"tier").toString());
    }
    QCOMPARE(tiers.size(), 3);
    const Reply links = get(QStringLiteral("/api/v1/links"));
    QCOMPARE(links.status, 200);
    const QJsonArray linkList = links.json().value(u"links").toArray();
    QVERIFY(!linkList.isEmpty());
    for (const auto &v : linkList) {
        for (const char *key : {"id", "a", "b", "capacityGbps"})
            QVERIFY2(v.toObject().contains(QLatin1String(key)), key);
    }
}

void TestNodesimContract::unauthorizedWithoutToken()
{
    const Reply r = get(QStringLiteral("/api/v1/nodes"), {});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QCOMPARE(r.headers.value("www-authenticate"), QByteArray("Bearer"));
    QCOMPARE(get(QStringLiteral("/api/v1/nodes"), "not-the-token").status, 401);
}

void TestNodesimContract::readTokenCannotSubmit()
{
    QCOMPARE(get(QStringLiteral("/api/v1/metrics"), "reader").status, 200);
    const Reply r = send("POST", url(QStringLiteral("/api/v1/jobs")),
                         R"({"name":"j","kind":"batch","requirements":{"durationHours":1}})", "reader");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QVERIFY(r.headers.value("www-authenticate").contains("insufficient_scope"));
}

void TestNodesimContract::problems_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown path") << QByteArray("GET") << "/api/v1/nope" << QByteArray() << 404;
    QTest::newRow("outside /api/v1") << QByteArray("GET") << "/favicon.ico" << QByteArray() << 404;
    QTest::newRow("deep unknown path") << QByteArray("GET") << "/a/b/c/d/e/f" << QByteArray() << 404;
    QTest::newRow("unknown node") << QByteArray("GET") << "/n/atlantis/api/v1/node" << QByteArray() << 404;
    QTest::newRow("wrong method") << QByteArray("PUT") << "/api/v1/nodes" << QByteArray("{}") << 405;
    QTest::newRow("bad JSON") << QByteArray("POST") << "/api/v1/jobs" << QByteArray("{\"name\": tru") << 400;
    QTest::newRow("oversized body") << QByteArray("POST") << "/api/v1/jobs" << QByteArray(70 * 1024, 'x') << 413;
    QTest::newRow("bad query parameter") << QByteArray("GET") << "/api/v1/metrics?limit=-3" << QByteArray() << 400;
}

void TestNodesimContract::problems()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const Reply r = send(method, url(path), body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    const QJsonObject problem = r.json();
    QCOMPARE(problem.value(u"status").toInt(), status);
    QVERIFY(problem.value(u"type").toString().startsWith(u"urn:cpn:problem:"));
    QVERIFY(!problem.value(u"title").toString().isEmpty());
}

void TestNodesimContract::perNodeBaseUrl()
{
    const QJsonArray list = get(QStringLiteral("/api/v1/nodes")).json().value(u"nodes").toArray();
    QString guianUrl;
    for (const auto &v : list) {
        if (v.toObject().value(u"id").toString() == u"guian")
            guianUrl = v.toObject().value(u"baseUrl").toString();
    }
    QCOMPARE(guianUrl, m_sim.baseUrl().toString() + QStringLiteral("/n/guian"));
    const Reply node = send("GET", QUrl(guianUrl + QStringLiteral("/api/v1/node")));
    QCOMPARE(node.status, 200);
    QCOMPARE(node.json().value(u"id").toString(), QStringLiteral("guian"));
    // A cluster's directory is itself only.
    const Reply nodes = send("GET", QUrl(guianUrl + QStringLiteral("/api/v1/nodes")));
    QCOMPARE(nodes.json().value(u"nodes").toArray().size(), 1);
}

void TestNodesimContract::jobRunsToCompletion()
{
    const Reply created = send("POST", url(QStringLiteral("/api/v1/jobs")),
                               R"({"name":"tiny","kind":"inference","nodeId":"zhongwei",
                                   "requirements":{"acceleratorModel":"ascend-910b","accelerators":8,"durationHours":0.01}})");
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id").toString();
    QVERIFY(id.startsWith(u"job-"));
    QCOMPARE(created.headers.value("location"), url(QStringLiteral("/api/v1/jobs/") + id).toString().toUtf8());
    QString state;
    QElapsedTimer timer;
    timer.start();
    while (state != u"completed" && timer.elapsed() < 5000) {
        state = get(QStringLiteral("/n/zhongwei/api/v1/jobs/") + id).json().value(u"state").toString();
        if (state != u"completed")
            QTest::qWait(20);
    }
    QCOMPARE(state, QStringLiteral("completed"));
    const Reply cancel = send("POST", url(QStringLiteral("/api/v1/jobs/%1/cancel").arg(id)));
    QCOMPARE(cancel.status, 409);
    QCOMPARE(cancel.contentType, QByteArray("application/problem+json"));
}

void TestNodesimContract::nodeDownFault()
{
    const QString cursor = get(QStringLiteral("/api/v1/metrics")).json().value(u"cursor").toString();
    QCOMPARE(send("POST", url(QStringLiteral("/sim/v1/faults")), R"({"kind":"node-down","target":"guian"})").status, 201);
    const Reply down = get(QStringLiteral("/n/guian/api/v1/node"));
    QCOMPARE(down.status, 503);
    QCOMPARE(down.contentType, QByteArray("application/problem+json"));
    QVERIFY(down.headers.value("retry-after").toInt() > 0);

    // Wait for at least one tick after the fault (1 Hz), then guian must be absent from it.
    QJsonArray samples;
    QElapsedTimer timer;
    timer.start();
    QString since = cursor;
    int ticksSeen = 0;
    while (timer.elapsed() < 4000) {
        const QJsonObject batch = get(QStringLiteral("/api/v1/metrics?since=") + since).json();
        since = batch.value(u"cursor").toString();
        const QJsonArray nodes = batch.value(u"nodes").toArray();
        // Ticks recorded after the fault have no guian sample; find the newest tick's samples.
        if (!nodes.isEmpty()) {
            samples = nodes;
            ++ticksSeen;
        }
        if (ticksSeen >= 2)
            break;
        QTest::qWait(300);
    }
    QVERIFY(!samples.isEmpty());
    const qint64 newestTs = samples.last().toObject().value(u"ts").toInteger();
    QJsonObject other;
    for (const auto &v : samples) {
        const QJsonObject s = v.toObject();
        if (s.value(u"ts").toInteger() == newestTs)
            QVERIFY(s.value(u"id").toString() != u"guian");
        if (s.value(u"ts").toInteger() == newestTs && other.isEmpty())
            other = s;
    }
    // The history of that moment says the same: a gap for guian, the value served for another node.
    const auto historyAt = [&](const QString &node) {
        const Reply r = get(u"/api/v1/history?series=node:%1:cpu&from=%2&to=%2&step=1000"_s.arg(node).arg(newestTs));
        return r.json().value(u"points"_s).toArray().at(0).toArray().at(1);
    };
    QVERIFY(historyAt(u"guian"_s).isNull());
    const double served = other.value(u"util"_s).toObject().value(u"cpu"_s).toDouble();
    QVERIFY2(std::abs(historyAt(other.value(u"id"_s).toString()).toDouble() - served) < 1e-4,
             qPrintable(other.value(u"id"_s).toString()));
    QCOMPARE(send("DELETE", url(QStringLiteral("/sim/v1/faults"))).status, 200);
    QCOMPARE(get(QStringLiteral("/n/guian/api/v1/node")).status, 200);
}

void TestNodesimContract::slowFault()
{
    QCOMPARE(send("POST", url(QStringLiteral("/sim/v1/faults")), R"({"kind":"slow","target":"qingyang","delayMs":400})").status,
             201);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(get(QStringLiteral("/n/qingyang/api/v1/node")).status, 200);
    QVERIFY(timer.elapsed() >= 380);
    timer.restart();
    QCOMPARE(get(QStringLiteral("/api/v1/node")).status, 200); // other nodes are not delayed
    QVERIFY(timer.elapsed() < 380);
    QCOMPARE(send("DELETE", url(QStringLiteral("/sim/v1/faults/slow/qingyang"))).status, 200);
}

void TestNodesimContract::exitsCleanlyOnTerminate()
{
    QSignalSpy finished(&m_sim, &api::LocalSimulator::finished);
    m_sim.stop(); // SIGTERM
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(finished.first().first().toInt(), 0);
}

QTEST_GUILESS_MAIN(TestNodesimContract)
#include "tst_nodesimcontract.moc"
