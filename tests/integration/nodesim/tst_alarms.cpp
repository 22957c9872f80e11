#include "api/localsimulator.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using namespace cpn;
using namespace Qt::StringLiterals;

// The alarms of docs/node-api.md served by the real cpn-nodesim: raised and cleared by injected
// faults, acknowledged and commented by one client and seen by another through the cursor,
// acknowledgements that expire, silences, scopes and bad requests. --alarm-hold 1 makes the
// threshold alarms (a congested link) rise after one second instead of a minute.
class TestAlarms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void hubDownRaisesOneAlarmWithTheNodesUnderIt();
    void ackWithCommentReachesAnotherClientThroughTheCursor();
    void ackWithUntilExpiresBackToUnacknowledged();
    void silenceMarksTheAlarmSilenced();
    void linkFaultsAndSlowEndpointRaiseAlarms();
    void injectedLatencyBreachesTheTargetBetweenHubs();
    void tokenWithoutTheScopeIsRefused();
    void badRequestsAreRefused();

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    // One console: its own connection and its own cursor.
    struct Client
    {
        QNetworkAccessManager nam;
        QString cursor;
        QHash<QString, QJsonObject> alarms; // by id, as the cursor's answers left them
    };
    Reply send(QNetworkAccessManager &nam, const QByteArray &method, const QString &path,
               const QByteArray &body = {}, const QByteArray &token = "dev-token",
               const QByteArray &contentType = "application/json");
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &token = "dev-token")
    {
        return send(m_nam, method, path, body, token);
    }
    // One poll of GET /alarms with the client's cursor, merged into what it holds.
    void poll(Client &client, const QByteArray &token = "dev-token");
    // Polls until `found` picks an alarm the client holds, or 10 s pass.
    QJsonObject pollUntil(Client &client, const std::function<bool(const QJsonObject &)> &found,
                          const QByteArray &token = "dev-token");
    QJsonObject raise(const QByteArray &fault, const QString &kind, const QString &sourceId);
    QString signIn(const QString &user);

    api::LocalSimulator m_sim;
    QNetworkAccessManager m_nam;
    QByteArray m_operator; // a token of the demo user operator, from the authorization server
    QByteArray m_planner;
};

namespace {

bool isActive(const QJsonObject &a, const QString &kind, const QString &sourceId)
{
    return a.value(u"kind"_s).toString() == kind && a.value(u"state"_s).toString() == u"active"_s &&
           a.value(u"source"_s).toObject().value(u"id"_s).toString() == sourceId;
}

QStringList stringsOf(const QJsonArray &array)
{
    QStringList list;
    for (const auto &v : array)
        list.append(v.toString());
    list.sort();
    return list;
}

} // namespace

void TestAlarms::initTestCase()
{
    api::LocalSimulator::Options options;
    options.devToken = u"dev-token"_s;
    options.extraArguments = {u"--read-token"_s, u"reader"_s, u"--alarm-hold"_s, u"1"_s};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_operator = signIn(u"operator"_s).toUtf8();
    m_planner = signIn(u"planner"_s).toUtf8();
    QVERIFY(!m_operator.isEmpty() && !m_planner.isEmpty());
}

void TestAlarms::cleanupTestCase()
{
    m_sim.stop();
}

void TestAlarms::cleanup()
{
    QCOMPARE(send("DELETE", u"/sim/v1/faults"_s).status, 200);
}

TestAlarms::Reply TestAlarms::send(QNetworkAccessManager &nam, const QByteArray &method, const QString &path,
                                   const QByteArray &body, const QByteArray &token,
                                   const QByteArray &contentType)
{
    QNetworkRequest request(QUrl(m_sim.baseUrl().toString() + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(10000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(); // the transfer timeout ends a hung request
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return r;
}

void TestAlarms::poll(Client &client, const QByteArray &token)
{
    QString path = u"/api/v1/alarms"_s;
    if (!client.cursor.isEmpty())
        path += u"?since="_s + QString::fromLatin1(QUrl::toPercentEncoding(client.cursor));
    const Reply r = send(client.nam, "GET", path, {}, token);
    QCOMPARE(r.status, 200);
    const QJsonObject batch = r.json();
    if (batch.value(u"reset"_s).toBool())
        client.alarms.clear();
    for (const auto &v : batch.value(u"alarms"_s).toArray())
        client.alarms.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
    client.cursor = batch.value(u"cursor"_s).toString();
    QVERIFY(!client.cursor.isEmpty());
}

QJsonObject TestAlarms::pollUntil(Client &client, const std::function<bool(const QJsonObject &)> &found,
                                  const QByteArray &token)
{
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        poll(client, token);
        for (const QJsonObject &a : std::as_const(client.alarms)) {
            if (found(a))
                return a;
        }
        QTest::qWait(100); // the simulator ticks once a second
    }
    return {};
}

QJsonObject TestAlarms::raise(const QByteArray &fault, const QString &kind, const QString &sourceId)
{
    const Reply added = send("POST", u"/sim/v1/faults"_s, fault);
    if (added.status != 201)
        return {};
    Client client;
    return pollUntil(client, [&](const QJsonObject &a) { return isActive(a, kind, sourceId); });
}

QString TestAlarms::signIn(const QString &user)
{
    const QString redirect = u"http://127.0.0.1:9/callback"_s;
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    const auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray verifier = random.toBase64(base64url);
    QUrlQuery query;
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"client_id"_s, u"cpn-console"_s);
    query.addQueryItem(u"redirect_uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
    query.addQueryItem(u"state"_s, u"s"_s);
    query.addQueryItem(
        u"code_challenge"_s,
        QString::fromLatin1(
            QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(base64url)));
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    const Reply page = send("GET", u"/oauth/authorize?"_s + query.query(), {}, {});
    static const QRegularExpression field(uR"re(name="request_id" value="([^"]+)")re"_s);
    const QString requestId = field.match(QString::fromUtf8(page.body)).captured(1);
    const Reply redirected = send(m_nam, "POST", u"/oauth/authorize"_s,
                                  "request_id=" + QUrl::toPercentEncoding(requestId) +
                                      "&username=" + user.toUtf8() + "&password=" + user.toUtf8(),
                                  {}, "application/x-www-form-urlencoded");
    const QString code = QUrlQuery(QUrl::fromEncoded(redirected.headers.value("location")))
                             .queryItemValue(u"code"_s, QUrl::FullyDecoded);
    const Reply tokens = send(m_nam, "POST", u"/oauth/token"_s,
                              "grant_type=authorization_code&client_id=cpn-console&redirect_uri=" +
                                  QUrl::toPercentEncoding(redirect) +
                                  "&code=" + QUrl::toPercentEncoding(code) + "&code_verifier=" + verifier,
                              {}, "application/x-www-form-urlencoded");
    return tokens.json().value(u"access_token"_s).toString();
}

void TestAlarms::hubDownRaisesOneAlarmWithTheNodesUnderIt()
{
    // The hub and a cluster under it both go down: one cause, one alarm.
    QStringList underHub;
    for (const auto &v : send("GET", u"/n/guizhou-hub/api/v1/nodes"_s).json().value(u"nodes"_s).toArray())
        underHub.append(v.toObject().value(u"id"_s).toString());
    underHub.sort();
    QVERIFY(underHub.size() > 2);
    QCOMPARE(send("POST", u"/sim/v1/faults"_s, R"({"kind":"node-down","target":"guian"})").status, 201);
    const QJsonObject alarm =
        raise(R"({"kind":"node-down","target":"guizhou-hub"})", u"node-down"_s, u"guizhou-hub"_s);
    QVERIFY2(!alarm.isEmpty(), "no node-down alarm for guizhou-hub within 10 s");
    QCOMPARE(alarm.value(u"severity"_s).toString(), u"critical"_s);
    QCOMPARE(alarm.value(u"source"_s).toObject().value(u"kind"_s).toString(), u"subtree"_s);
    QCOMPARE(stringsOf(alarm.value(u"affected"_s).toArray()), underHub);
    QVERIFY(alarm.value(u"clearedAt"_s).isNull());
    QVERIFY(alarm.value(u"ack"_s).isNull());

    Client client;
    poll(client);
    int nodeDown = 0;
    for (const QJsonObject &a : std::as_const(client.alarms))
        nodeDown +=
            a.value(u"kind"_s).toString() == u"node-down"_s && a.value(u"state"_s).toString() == u"active"_s;
    QCOMPARE(nodeDown, 1);
    // The hub's own base URL is down; its parent lists the alarm, and so does the region it heads.
    QCOMPARE(send("GET", u"/n/guizhou-hub/api/v1/alarms"_s).status, 503);

    // Clearing the faults clears the alarm; the cursor reports it.
    QCOMPARE(send("DELETE", u"/sim/v1/faults"_s).status, 200);
    const QString id = alarm.value(u"id"_s).toString();
    const QJsonObject cleared = pollUntil(client, [&](const QJsonObject &a) {
        return a.value(u"id"_s).toString() == id && a.value(u"state"_s).toString() == u"cleared"_s;
    });
    QVERIFY2(!cleared.isEmpty(), "the alarm did not clear within 10 s");
    QVERIFY(cleared.value(u"clearedAt"_s).toInteger() >= cleared.value(u"raisedAt"_s).toInteger());
    QVERIFY(cleared.value(u"revision"_s).toInteger() > alarm.value(u"revision"_s).toInteger());
    // Without a cursor, the alarm cleared within the last hour is still listed.
    Client fresh;
    poll(fresh);
    QVERIFY(fresh.alarms.contains(id));
}

void TestAlarms::ackWithCommentReachesAnotherClientThroughTheCursor()
{
    const QJsonObject alarm =
        raise(R"({"kind":"node-down","target":"zhongwei"})", u"node-down"_s, u"zhongwei"_s);
    QVERIFY(!alarm.isEmpty());
    const QString id = alarm.value(u"id"_s).toString();
    Client second;
    poll(second);
    QVERIFY(second.alarms.value(id).value(u"ack"_s).isNull());

    const Reply ack = send("POST", u"/api/v1/alarms/%1/ack"_s.arg(id),
                           R"({"comment":"Power work at Zhongwei, on it"})", m_operator);
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.json().value(u"ack"_s).toObject().value(u"by"_s).toString(), u"operator"_s);

    QElapsedTimer seen;
    seen.start();
    const QJsonObject acked = pollUntil(second, [&](const QJsonObject &a) {
        return a.value(u"id"_s).toString() == id && a.value(u"ack"_s).isObject();
    });
    QVERIFY(!acked.isEmpty());
    QVERIFY2(seen.elapsed() < 2000, qPrintable(u"seen after %1 ms"_s.arg(seen.elapsed())));
    const QJsonObject by = acked.value(u"ack"_s).toObject();
    QCOMPARE(by.value(u"by"_s).toString(), u"operator"_s);
    QCOMPARE(by.value(u"comment"_s).toString(), u"Power work at Zhongwei, on it"_s);
    QVERIFY(by.value(u"until"_s).isNull());

    // A comment and an unacknowledgement travel the same way; a development token acts as "developer".
    QCOMPARE(send("POST", u"/api/v1/alarms/%1/comments"_s.arg(id), R"({"text":"Crew arrives 14:00"})").status,
             201);
    QCOMPARE(send("POST", u"/api/v1/alarms/%1/unack"_s.arg(id), {}, m_operator).status, 200);
    const QJsonObject after = pollUntil(second, [&](const QJsonObject &a) {
        return a.value(u"id"_s).toString() == id && a.value(u"ack"_s).isNull() &&
               !a.value(u"comments"_s).toArray().isEmpty();
    });
    QVERIFY(!after.isEmpty());
    const QJsonObject comment = after.value(u"comments"_s).toArray().first().toObject();
    QCOMPARE(comment.value(u"by"_s).toString(), u"developer"_s);
    QCOMPARE(comment.value(u"text"_s).toString(), u"Crew arrives 14:00"_s);
}

void TestAlarms::ackWithUntilExpiresBackToUnacknowledged()
{
    const QJsonObject alarm =
        raise(R"({"kind":"node-down","target":"sh-finance"})", u"node-down"_s, u"sh-finance"_s);
    QVERIFY(!alarm.isEmpty());
    const QString id = alarm.value(u"id"_s).toString();
    Client watcher;
    poll(watcher);
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 1500;
    const Reply ack =
        send("POST", u"/api/v1/alarms/%1/ack"_s.arg(id),
             u"{\"comment\":\"Looking for an hour\",\"until\":%1}"_s.arg(until).toUtf8(), m_operator);
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.json().value(u"ack"_s).toObject().value(u"until"_s).toInteger(), until);
    const qint64 ackedRevision = ack.json().value(u"revision"_s).toInteger();
    // The watcher sees the acknowledgement, then its expiry, through the cursor alone.
    QVERIFY(!pollUntil(watcher, [&](const QJsonObject &a) {
                 return a.value(u"id"_s).toString() == id && a.value(u"ack"_s).isObject();
             }).isEmpty());
    const QJsonObject expired = pollUntil(watcher, [&](const QJsonObject &a) {
        return a.value(u"id"_s).toString() == id && a.value(u"ack"_s).isNull();
    });
    QVERIFY2(!expired.isEmpty(), "the acknowledgement did not expire within 10 s");
    QVERIFY(QDateTime::currentMSecsSinceEpoch() >= until);
    QVERIFY(expired.value(u"revision"_s).toInteger() > ackedRevision);
    QCOMPARE(expired.value(u"state"_s).toString(), u"active"_s);
}

void TestAlarms::silenceMarksTheAlarmSilenced()
{
    const QJsonObject alarm = raise(R"({"kind":"node-down","target":"gy-gov"})", u"node-down"_s, u"gy-gov"_s);
    QVERIFY(!alarm.isEmpty());
    QCOMPARE(alarm.value(u"silenced"_s).toBool(), false);
    const QString id = alarm.value(u"id"_s).toString();
    Client watcher;
    poll(watcher);
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    const Reply created = send(
        "POST", u"/api/v1/silences"_s,
        u"{\"target\":{\"kind\":\"subtree\",\"id\":\"guizhou-hub\"},\"until\":%1,\"reason\":\"Guizhou maintenance\"}"_s
            .arg(until)
            .toUtf8(),
        m_operator);
    QCOMPARE(created.status, 201);
    const QString silenceId = created.json().value(u"id"_s).toString();
    QCOMPARE(created.json().value(u"createdBy"_s).toString(), u"operator"_s);
    QVERIFY(created.headers.value("location").endsWith("/api/v1/silences/" + silenceId.toUtf8()));
    const QJsonObject silenced = pollUntil(watcher, [&](const QJsonObject &a) {
        return a.value(u"id"_s).toString() == id && a.value(u"silenced"_s).toBool();
    });
    QVERIFY2(!silenced.isEmpty(), "the alarm was not marked silenced");
    QCOMPARE(silenced.value(u"state"_s).toString(), u"active"_s); // still listed
    const QJsonArray listed =
        send("GET", u"/api/v1/silences"_s, {}, "reader").json().value(u"silences"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(u"reason"_s).toString(), u"Guizhou maintenance"_s);

    QCOMPARE(send("DELETE", u"/api/v1/silences/"_s + silenceId, {}, m_operator).status, 200);
    QCOMPARE(send("DELETE", u"/api/v1/silences/"_s + silenceId, {}, m_operator).status, 404);
    QVERIFY(!pollUntil(watcher, [&](const QJsonObject &a) {
                 return a.value(u"id"_s).toString() == id && !a.value(u"silenced"_s).toBool();
             }).isEmpty());
}

void TestAlarms::injectedLatencyBreachesTheTargetBetweenHubs()
{
    // Guizhou to the Yangtze River Delta: 13.5 ms at base latency over their direct link, under the 20 ms
    // target between hubs; 15 ms more on that link takes the path above it.
    QCOMPARE(send("POST", u"/sim/v1/faults"_s,
                  R"({"kind":"link-latency","target":"l-yrd-hub-guizhou-hub","addedMs":15})")
                 .status,
             201);
    const auto isThePair = [](const QJsonObject &a) {
        return isActive(a, u"latency-above-target"_s, u"guizhou-hub"_s) &&
               stringsOf(a.value(u"affected"_s).toArray()) == QStringList({u"guizhou-hub"_s, u"yrd-hub"_s});
    };
    Client client;
    const QJsonObject breach = pollUntil(client, isThePair);
    QVERIFY2(!breach.isEmpty(), "no latency-above-target alarm for the hub pair");
    QCOMPARE(breach.value(u"severity"_s).toString(), u"major"_s);
    QVERIFY(breach.value(u"summary"_s).toString().contains(u"20 ms target between hubs"_s));
    // The link's own target (twice its base latency) is crossed too.
    QVERIFY(!pollUntil(client, [](const QJsonObject &a) {
                 return isActive(a, u"latency-above-target"_s, u"l-yrd-hub-guizhou-hub"_s);
             }).isEmpty());

    QCOMPARE(send("DELETE", u"/sim/v1/faults/link-latency/l-yrd-hub-guizhou-hub"_s).status, 200);
    const QString id = breach.value(u"id"_s).toString();
    QVERIFY2(!pollUntil(client,
                        [&](const QJsonObject &a) {
                            return a.value(u"id"_s).toString() == id &&
                                   a.value(u"state"_s).toString() == u"cleared"_s;
                        })
                  .isEmpty(),
             "the breach did not clear with its fault");
}

void TestAlarms::linkFaultsAndSlowEndpointRaiseAlarms()
{
    // A congested link, held for --alarm-hold (1 s here; a minute by default).
    const QJsonObject congested = raise(R"({"kind":"link-congested","target":"l-guizhou-hub-guian"})",
                                        u"link-congested"_s, u"l-guizhou-hub-guian"_s);
    QVERIFY2(!congested.isEmpty(), "no link-congested alarm");
    QCOMPARE(stringsOf(congested.value(u"affected"_s).toArray()),
             QStringList({u"guian"_s, u"guizhou-hub"_s}));

    // A link down separates the node below it.
    const QJsonObject down = raise(R"({"kind":"link-down","target":"l-guizhou-hub-gy-gov"})", u"link-down"_s,
                                   u"l-guizhou-hub-gy-gov"_s);
    QVERIFY2(!down.isEmpty(), "no link-down alarm");
    QCOMPARE(stringsOf(down.value(u"affected"_s).toArray()), QStringList{u"gy-gov"_s});

    const QJsonObject slow =
        raise(R"({"kind":"slow","target":"guian","delayMs":2000})", u"endpoint-slow"_s, u"guian"_s);
    QVERIFY2(!slow.isEmpty(), "no endpoint-slow alarm");
    QCOMPARE(slow.value(u"source"_s).toObject().value(u"kind"_s).toString(), u"endpoint"_s);

    QCOMPARE(send("DELETE", u"/sim/v1/faults/link-down/l-guizhou-hub-gy-gov"_s).status, 200);
    QCOMPARE(send("DELETE", u"/sim/v1/faults/slow/guian"_s).status, 200);
    Client client;
    for (const QJsonObject &alarm : {down, slow}) {
        const QString id = alarm.value(u"id"_s).toString();
        QVERIFY2(!pollUntil(client,
                            [&](const QJsonObject &a) {
                                return a.value(u"id"_s).toString() == id &&
                                       a.value(u"state"_s).toString() == u"cleared"_s;
                            })
                      .isEmpty(),
                 qPrintable(id));
    }
}

void TestAlarms::tokenWithoutTheScopeIsRefused()
{
    const QJsonObject alarm =
        raise(R"({"kind":"node-down","target":"zhongwei"})", u"node-down"_s, u"zhongwei"_s);
    QVERIFY(!alarm.isEmpty());
    const QString ack = u"/api/v1/alarms/%1/ack"_s.arg(alarm.value(u"id"_s).toString());
    // The read token and a planner read alarms but may not act on them.
    for (const QByteArray &token : {QByteArray("reader"), m_planner}) {
        QCOMPARE(send("GET", u"/api/v1/alarms"_s, {}, token).status, 200);
        for (const auto &[method, path, body] :
             {std::tuple<QByteArray, QString, QByteArray>{"POST", ack, R"({"comment":"mine"})"},
              {"POST", u"/api/v1/silences"_s,
               R"({"target":{"kind":"node","id":"guian"},"until":9999999999999,"reason":"x"})"}}) {
            const Reply r = send(method, path, body, token);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.headers.value("content-type"), QByteArray("application/problem+json"));
            QVERIFY2(r.json().value(u"detail"_s).toString().contains(u"alarms:write"_s), r.body.constData());
            QVERIFY(r.headers.value("www-authenticate").contains("scope=\"alarms:write\""));
        }
    }
}

void TestAlarms::badRequestsAreRefused()
{
    const QJsonObject alarm =
        raise(R"({"kind":"node-down","target":"zhongwei"})", u"node-down"_s, u"zhongwei"_s);
    QVERIFY(!alarm.isEmpty());
    const QString id = alarm.value(u"id"_s).toString();
    const QString ack = u"/api/v1/alarms/%1/ack"_s.arg(id);
    const QByteArray past = QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 1000);
    const QList<std::pair<QString, QByteArray>> bad{
        {ack, "{}"},
        {ack, R"({"comment":"   "})"},
        {ack, R"({"comment":")" + QByteArray(1001, 'x') + "\"}"},
        {ack, R"({"comment":"late","until":)" + past + "}"},
        {ack, R"({"comment":"x","until":"tomorrow"})"},
        {ack, R"({"comment": tru)"},
        {u"/api/v1/alarms/%1/comments"_s.arg(id), R"({"text":""})"},
        {u"/api/v1/silences"_s, R"({"target":{"kind":"node","id":"guian"},"until":9999999999999})"},
        {u"/api/v1/silences"_s,
         R"({"target":{"kind":"endpoint","id":"guian"},"until":9999999999999,"reason":"x"})"},
        {u"/api/v1/silences"_s,
         R"({"target":{"kind":"node","id":"guian"},"until":)" + past + R"(,"reason":"x"})"},
    };
    for (const auto &[path, body] : bad) {
        const Reply r = send("POST", path, body);
        QVERIFY2(r.status == 400,
                 qPrintable(u"%1 %2: %3"_s.arg(path, QString::fromUtf8(body.left(80))).arg(r.status)));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/problem+json"));
    }
    QCOMPARE(send("POST", u"/api/v1/alarms/alm-999999/ack"_s, R"({"comment":"x"})").status, 404);
    QCOMPARE(send("POST", u"/api/v1/silences"_s,
                  R"({"target":{"kind":"link","id":"l-atlantis"},"until":9999999999999,"reason":"x"})")
                 .status,
             404);
    QCOMPARE(send("POST", u"/api/v1/alarms/%1/unack"_s.arg(id)).status, 409); // not acknowledged
    QCOMPARE(send("GET", u"/api/v1/alarms?since="_s + QString(129, u'x')).status, 400);
    // An unknown cursor answers the whole set, flagged as a reset.
    const Reply unknown = send("GET", u"/api/v1/alarms?since=12-34"_s);
    QCOMPARE(unknown.status, 200);
    QVERIFY(unknown.json().value(u"reset"_s).toBool());
    QVERIFY(!unknown.json().value(u"alarms"_s).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestAlarms)
#include "tst_alarms.moc"
