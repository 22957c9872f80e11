#include "api/localsimulator.h"
#include "support/openapivalidator.h"

#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace cpn;
using namespace Qt::StringLiterals;

// Every response docs/openapi.yaml documents, produced by the real cpn-nodesim over loopback and
// checked against the document: status, Content-Type, required headers and the body's schema. Each
// documented path, method and status must be exercised, so a new endpoint or error cannot escape.
class TestOpenApiContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void validatorNamesTheOffendingValue();
    void readOperations();
    void jobs();
    void reservations();
    void faults();
    void alarms();
    void registry();
    void tokensRoutesAndMethods();
    void unavailableNode();
    void everyDocumentedResponseIsExercised();

private:
    struct Call
    {
        Call(const QByteArray &method, const QString &path, const QByteArray &body = {},
             const QByteArray &token = "dev-token", const QByteArray &contentType = "application/json")
            : method(method), path(path), body(body), token(token), contentType(contentType)
        {
        }
        QByteArray method;
        QString path; // under the national node's base URL, with its query
        QByteArray body;
        QByteArray token; // none: no Authorization header
        QByteArray contentType;
        QList<QPair<QByteArray, QByteArray>> headers; // besides Authorization and Content-Type
    };
    OpenApiValidator::Response send(const Call &call);
    // Sends call, which should be answered with status as documented for the operation (path,
    // method); collects every mismatch and records the documented response as exercised.
    OpenApiValidator::Response expect(const QString &path, const QByteArray &method, int status,
                                      const Call &call);
    // Checks r, the answer to call, against the documented response of (path, method) for its status.
    void check(const QString &path, const QByteArray &method, const Call &call,
               const OpenApiValidator::Response &r);
    QString signIn(const QString &scope, const QString &user = QStringLiteral("operator"));
    QString sampleArgument(const QString &documentedPath) const;
    QByteArray sampleBody(const QString &operationId) const;
    QByteArray tokenWithout(const QStringList &scopes) const;
    // Polls GET /alarms until an alarm of `kind` at `sourceId` is in `state`; its id, or empty after 10 s.
    QString waitForAlarm(const QString &kind, const QString &sourceId, const QString &state);

    api::LocalSimulator m_sim;
    QNetworkAccessManager m_nam;
    QJsonObject m_document;
    std::unique_ptr<OpenApiValidator> m_validator;
    QHash<QByteArray, QStringList> m_tokenScopes; // tokens short of some scope, for the 403s
    QString m_jobId;
    QString m_reservationId;
    QString m_alarmId;
    QString m_silenceId;
    QString m_registrationId;
    QByteArray m_registrarToken; // a registrar's sign-in: registry:read and registry:write
    QSet<QString> m_exercised; // "GET /api/v1/node 200"
    QStringList m_mismatches;
};

namespace {

const QString kRedirect = u"http://127.0.0.1:9/callback"_s;
const QByteArray kApplyToken = "applicant-token"; // --apply-token: node:read and registry:apply

// An application to join under a hub: an industry finance node in Guizhou, with `changes` applied and
// the field `without` left out.
QByteArray application(const QString &nodeId, const QJsonObject &changes = {}, const QString &without = {})
{
    QJsonObject o{{u"nodeId"_s, nodeId},
                  {u"name"_s, u"Guiyang finance cloud"_s},
                  {u"nameZh"_s, u"贵阳金融云"_s},
                  {u"tier"_s, u"industry"_s},
                  {u"role"_s, u"industry"_s},
                  {u"sector"_s, u"FIN"_s},
                  {u"province"_s, u"CN-GZ"_s},
                  {u"city"_s, u"Guiyang"_s},
                  {u"lat"_s, 26.65},
                  {u"lon"_s, 106.63},
                  {u"baseUrl"_s, u"https://%1.example.cn"_s.arg(nodeId)},
                  {u"contact"_s, u"noc@%1.example.cn"_s.arg(nodeId)}};
    for (auto it = changes.begin(); it != changes.end(); ++it)
        o.insert(it.key(), it.value());
    o.remove(without);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList actionsOf(const QJsonObject &registration)
{
    QStringList actions;
    for (const auto &e : registration.value(u"history"_s).toArray())
        actions.append(e.toObject().value(u"action"_s).toString());
    return actions;
}

// The node ids of a directory answer, in order.
QStringList idsOf(const QJsonArray &nodes)
{
    QStringList ids;
    for (const auto &n : nodes)
        ids.append(n.toObject().value(u"id"_s).toString());
    return ids;
}

QString key(const QString &path, const QByteArray &method, int status)
{
    return u"%1 %2 %3"_s.arg(QString::fromLatin1(method), path).arg(status);
}

QJsonObject jsonOf(const OpenApiValidator::Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

void TestOpenApiContract::initTestCase()
{
    QFile file(QStringLiteral(CPN_OPENAPI_JSON));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_document = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(m_document.contains(u"paths"_s));
    m_validator = std::make_unique<OpenApiValidator>(m_document);
    // The simulator should send no field the protocol file does not describe.
    m_validator->setUndocumentedPropertiesAreErrors(true);

    api::LocalSimulator::Options options;
    options.devToken = u"dev-token"_s;
    options.extraArguments = {u"--read-token"_s, u"reader"_s, u"--apply-token"_s, QString::fromLatin1(kApplyToken),
                              u"--job-speedup"_s, u"36000"_s};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);

    // Narrow tokens from the real authorization server, so every scope has a token without it.
    const QString nodeOnly = signIn(u"node:read"_s);
    const QString jobsReadOnly = signIn(u"jobs:read"_s);
    QVERIFY(!nodeOnly.isEmpty() && !jobsReadOnly.isEmpty());
    m_tokenScopes.insert(nodeOnly.toUtf8(), {u"node:read"_s});
    m_tokenScopes.insert(jobsReadOnly.toUtf8(), {u"jobs:read"_s});
    m_tokenScopes.insert(
        "reader", {u"node:read"_s, u"metrics:read"_s, u"offers:read"_s, u"jobs:read"_s, u"alarms:read"_s});
    m_tokenScopes.insert(kApplyToken, {u"node:read"_s, u"registry:apply"_s});
    m_registrarToken = signIn(u"registry:read registry:write"_s, u"registrar"_s).toUtf8();
    QVERIFY(!m_registrarToken.isEmpty());
}

void TestOpenApiContract::cleanupTestCase()
{
    m_sim.stop();
}

void TestOpenApiContract::cleanup()
{
    const QStringList mismatches = std::exchange(m_mismatches, {});
    QVERIFY2(mismatches.isEmpty(), qPrintable(u"\n"_s + mismatches.join(u'\n')));
}

OpenApiValidator::Response TestOpenApiContract::send(const Call &call)
{
    QNetworkRequest request(QUrl(m_sim.baseUrl().toString() + call.path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(10000);
    if (!call.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call.token);
    if (!call.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    for (const auto &h : call.headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call.method, call.body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(); // the transfer timeout above ends a hung request
    OpenApiValidator::Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->rawHeader("Content-Type");
    r.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first.toLower(), pair.second);
    reply->deleteLater();
    return r;
}

OpenApiValidator::Response TestOpenApiContract::expect(const QString &path, const QByteArray &method,
                                                       int status, const Call &call)
{
    const OpenApiValidator::Response r = send(call);
    const QString sent = u"%1 %2"_s.arg(QString::fromLatin1(call.method), call.path);
    // The request side: the document must allow what the server takes and forbid what it refuses as 400.
    if (call.method == method && !call.body.isEmpty() && status != 413 && status != 415) {
        const QStringList invalid =
            m_validator->validateRequestBody(path, QString::fromLatin1(method), call.body);
        if (status == 400 && invalid.isEmpty())
            m_mismatches.append(u"%1: refused with 400, but the document allows %2"_s.arg(
                sent, QString::fromUtf8(call.body)));
        if (status != 400 && !invalid.isEmpty())
            m_mismatches.append(u"%1: the document forbids this body: %2"_s.arg(sent, invalid.join(u"; "_s)));
    }
    if (r.status != status) {
        m_mismatches.append(
            u"%1 (for %2 %3): expected %4, got %5 %6"_s.arg(sent, QString::fromLatin1(method), path)
                .arg(status)
                .arg(r.status)
                .arg(QString::fromUtf8(r.body.left(300))));
        return r;
    }
    check(path, method, call, r);
    return r;
}

void TestOpenApiContract::check(const QString &path, const QByteArray &method, const Call &call,
                                const OpenApiValidator::Response &r)
{
    for (const QString &e : m_validator->validateResponse(path, QString::fromLatin1(method), r))
        m_mismatches.append(u"%1 [sent %2 %3]"_s.arg(e, QString::fromLatin1(call.method), call.path));
    m_exercised.insert(key(path, method, r.status));
}

QString TestOpenApiContract::signIn(const QString &scope, const QString &user)
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    const auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    const QByteArray verifier = random.toBase64(base64url);
    QUrlQuery query;
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"client_id"_s, u"cpn-console"_s);
    query.addQueryItem(u"redirect_uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(kRedirect)));
    query.addQueryItem(u"scope"_s, QString::fromLatin1(QUrl::toPercentEncoding(scope)));
    query.addQueryItem(u"state"_s, u"s"_s);
    query.addQueryItem(
        u"code_challenge"_s,
        QString::fromLatin1(
            QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(base64url)));
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    const auto page = send({"GET", u"/oauth/authorize?"_s + query.query(), {}, {}});
    static const QRegularExpression field(uR"re(name="request_id" value="([^"]+)")re"_s);
    const QString requestId = field.match(QString::fromUtf8(page.body)).captured(1);
    const auto redirect =
        send({"POST",
              u"/oauth/authorize"_s,
              "request_id=" + QUrl::toPercentEncoding(requestId) + "&username=" + user.toUtf8() +
                  "&password=" + user.toUtf8(),
              {},
              "application/x-www-form-urlencoded"});
    const QString code = QUrlQuery(QUrl::fromEncoded(redirect.headers.value("location")))
                             .queryItemValue(u"code"_s, QUrl::FullyDecoded);
    const auto tokens = send({"POST",
                              u"/oauth/token"_s,
                              "grant_type=authorization_code&client_id=cpn-console&redirect_uri=" +
                                  QUrl::toPercentEncoding(kRedirect) +
                                  "&code=" + QUrl::toPercentEncoding(code) + "&code_verifier=" + verifier,
                              {},
                              "application/x-www-form-urlencoded"});
    return jsonOf(tokens).value(u"access_token"_s).toString();
}

// A path of the national node for a documented path, its parameters filled with things that exist.
QString TestOpenApiContract::sampleArgument(const QString &documentedPath) const
{
    QString path = documentedPath;
    if (path.startsWith(u"/api/v1/jobs/"))
        path.replace(u"{id}"_s, m_jobId);
    if (path.startsWith(u"/api/v1/reservations/"))
        path.replace(u"{id}"_s, m_reservationId);
    if (path.startsWith(u"/api/v1/alarms/"))
        path.replace(u"{id}"_s, m_alarmId);
    if (path.startsWith(u"/api/v1/silences/"))
        path.replace(u"{id}"_s, m_silenceId);
    if (path.startsWith(u"/api/v1/registry/"))
        path.replace(u"{id}"_s, m_registrationId);
    path.replace(u"{kind}"_s, u"slow"_s).replace(u"{target}"_s, u"guian"_s);
    return path;
}

// A valid request body for an operation that takes one.
QByteArray TestOpenApiContract::sampleBody(const QString &operationId) const
{
    if (operationId == u"submitJob")
        return R"({"name":"contract","kind":"batch","nodeId":"guian","requirements":{"cpuCores":1,"durationHours":1}})";
    if (operationId == u"reserve")
        return R"({"offerId":"guian.cpu","count":1,"hours":1})";
    if (operationId == u"addFault")
        return R"({"kind":"slow","target":"guian","delayMs":1})";
    if (operationId == u"ackAlarm")
        return R"({"comment":"contract"})";
    if (operationId == u"commentAlarm")
        return R"({"text":"contract"})";
    if (operationId == u"addSilence") // a silence lasts at most 31 days
        return R"({"target":{"kind":"link","id":"l-yrd-hub-sh-finance"},"until":)" +
               QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 24 * 3600 * 1000) +
               R"(,"reason":"contract"})";
    if (operationId == u"applyForRegistration")
        return application(u"contract-node"_s);
    for (const char *decision : {"approve", "reject", "suspend", "reinstate", "revoke"}) {
        if (operationId == QLatin1String(decision) + u"Registration"_s)
            return R"({"reason":"contract"})";
    }
    return {};
}

QByteArray TestOpenApiContract::tokenWithout(const QStringList &scopes) const
{
    // In a fixed order: the same token at every run (a hash's order changes from one run to the next).
    QList<QByteArray> tokens = m_tokenScopes.keys();
    std::sort(tokens.begin(), tokens.end());
    for (const QByteArray &token : std::as_const(tokens)) {
        const QStringList &held = m_tokenScopes[token];
        if (std::none_of(scopes.begin(), scopes.end(), [&](const QString &s) { return held.contains(s); }))
            return token;
    }
    return {}; // none: the request gets a 401 instead, reported as a mismatch
}

void TestOpenApiContract::validatorNamesTheOffendingValue()
{
    // The national node's parentId is null: accepted as the document says nullable, refused by the
    // same schema without nullable, with the pointer of the value.
    const auto r = expect(u"/api/v1/nodes"_s, "GET", 200, {"GET", u"/api/v1/nodes"_s});
    const QJsonArray nodes = jsonOf(r).value(u"nodes"_s).toArray();
    QVERIFY(!nodes.isEmpty());
    QVERIFY(nodes.at(0).toObject().value(u"parentId"_s).isNull());
    QJsonObject node = m_document.value(u"components"_s)
                           .toObject()
                           .value(u"schemas"_s)
                           .toObject()
                           .value(u"Node"_s)
                           .toObject();
    QJsonObject properties = node.value(u"properties"_s).toObject();
    QJsonObject parentId = properties.value(u"parentId"_s).toObject();
    QVERIFY(m_validator->validate(nodes.at(0), node, u"/nodes/0"_s).isEmpty());
    parentId.remove(u"nullable"_s);
    properties.insert(u"parentId"_s, parentId);
    node.insert(u"properties"_s, properties);
    const QStringList errors = m_validator->validate(nodes.at(0), node, u"/nodes/0"_s);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(u"#/nodes/0/parentId: null"_s), qPrintable(errors.first()));
}

void TestOpenApiContract::readOperations()
{
    for (const char *path : {"/api/v1/node", "/api/v1/nodes", "/api/v1/links", "/api/v1/offers",
                             "/api/v1/jobs", "/api/v1/reservations"})
        expect(QLatin1String(path), "GET", 200, {"GET", QLatin1String(path)});
    // A cluster's view, whose node has a parent.
    expect(u"/api/v1/node"_s, "GET", 200, {"GET", u"/n/guian/api/v1/node"_s});
    expect(u"/api/v1/offers"_s, "GET", 200, {"GET", u"/api/v1/offers?model=ascend-910b"_s});
    expect(u"/api/v1/offers"_s, "GET", 400, {"GET", u"/api/v1/offers?model=Not%20A%20Slug"_s});

    // History: an hour of a node at a 10-minute step, a link's last seconds, and the refusals.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() - 2000;
    const QString hour = u"&from=%1&to=%2&step=600000"_s.arg(now - 3'600'000).arg(now);
    const auto history = expect(u"/api/v1/history"_s, "GET", 200, {"GET", u"/api/v1/history?series=node:guian:cpu"_s + hour});
    QCOMPARE(jsonOf(history).value(u"points"_s).toArray().size(), 7);
    expect(u"/api/v1/history"_s, "GET", 200,
           {"GET", u"/api/v1/history?series=node:guian:accel:ascend-910b"_s + hour});
    expect(u"/api/v1/history"_s, "GET", 404, {"GET", u"/api/v1/history?series=node:nowhere:cpu"_s + hour});
    expect(u"/api/v1/history"_s, "GET", 400, {"GET", u"/api/v1/history?series=node:guian:temperature"_s + hour});
    expect(u"/api/v1/history"_s, "GET", 400,
           {"GET", u"/api/v1/history?series=node:guian:cpu&from=0&to=%1&step=1000"_s.arg(now)});

    const auto first = expect(u"/api/v1/metrics"_s, "GET", 200, {"GET", u"/api/v1/metrics?limit=5"_s});
    const QString cursor = jsonOf(first).value(u"cursor"_s).toString();
    expect(u"/api/v1/metrics"_s, "GET", 200, {"GET", u"/api/v1/metrics?since="_s + cursor});
    expect(u"/api/v1/metrics"_s, "GET", 400, {"GET", u"/api/v1/metrics?limit=-3"_s});
    expect(u"/api/v1/metrics"_s, "GET", 400, {"GET", u"/api/v1/metrics?since="_s + QString(129, u'x')});
    expect(u"/api/v1/metrics"_s, "GET", 400, {"GET", u"/api/v1/metrics?delta=2"_s});
    // The compact encoding, as a keyframe and as changes against the client's cursor.
    Call compact{"GET", u"/api/v1/metrics?limit=3"_s};
    compact.headers = {{"Accept", "application/cbor"}};
    const auto keyframe = expect(u"/api/v1/metrics"_s, "GET", 200, compact);
    QCOMPARE(keyframe.contentType, QByteArray("application/cbor"));
    const QString compactCursor = QCborValue::fromCbor(keyframe.body).toMap().value(u"cursor"_s).toString();
    QVERIFY(!compactCursor.isEmpty());
    compact.path = u"/api/v1/metrics?delta=1&since="_s + compactCursor;
    expect(u"/api/v1/metrics"_s, "GET", 200, compact);

    // An unchanged directory, links or offers: 304 to the ETag the client holds. Offers are priced
    // every 10 s: if a new price epoch began between the two requests, ask once more.
    for (const char *path : {"/api/v1/nodes", "/api/v1/links", "/api/v1/offers"}) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto full = expect(QLatin1String(path), "GET", 200, {"GET", QLatin1String(path)});
            Call conditional{"GET", QLatin1String(path)};
            conditional.headers = {{"If-None-Match", full.headers.value("etag")}};
            if (attempt == 0 && send(conditional).status != 304)
                continue;
            expect(QLatin1String(path), "GET", 304, conditional);
            break;
        }
    }
}

void TestOpenApiContract::jobs()
{
    const QString jobs = u"/api/v1/jobs"_s;
    const auto created = expect(jobs, "POST", 201,
                                {"POST", jobs,
                                 R"({"name":"tiny","kind":"inference","nodeId":"zhongwei",
                                     "requirements":{"acceleratorModel":"ascend-910b","accelerators":8,"durationHours":0.01}})"});
    m_jobId = jsonOf(created).value(u"id"_s).toString();
    QVERIFY(!m_jobId.isEmpty());
    // One job takes every card of guian and runs; a second one like it waits, queued with startedAt null.
    const QByteArray allCards = R"({"name":"all-cards","kind":"training","requirements":
                                    {"acceleratorModel":"ascend-910b","accelerators":4096,"durationHours":1000}})";
    const auto longJob = expect(jobs, "POST", 201, {"POST", u"/n/guian/api/v1/jobs"_s, allCards});
    QCOMPARE(jsonOf(longJob).value(u"state"_s).toString(), u"running"_s);
    const auto waiting = expect(jobs, "POST", 201, {"POST", u"/n/guian/api/v1/jobs"_s, allCards});
    QCOMPARE(jsonOf(waiting).value(u"state"_s).toString(), u"queued"_s);
    QVERIFY(jsonOf(waiting).value(u"startedAt"_s).isNull());
    expect(jobs, "GET", 200, {"GET", jobs}); // queued, running and completed jobs
    const QString cancel = u"/api/v1/jobs/%1/cancel"_s.arg(jsonOf(longJob).value(u"id"_s).toString());
    expect(u"/api/v1/jobs/{id}/cancel"_s, "POST", 200, {"POST", cancel});
    expect(u"/api/v1/jobs/{id}/cancel"_s, "POST", 409, {"POST", cancel});
    expect(u"/api/v1/jobs/{id}/cancel"_s, "POST", 404, {"POST", u"/api/v1/jobs/job-999999/cancel"_s});

    expect(jobs, "GET", 200, {"GET", jobs}); // a cancelled one too
    expect(u"/api/v1/jobs/{id}"_s, "GET", 200, {"GET", jobs + u'/' + m_jobId});
    expect(u"/api/v1/jobs/{id}"_s, "GET", 404, {"GET", u"/api/v1/jobs/job-999999"_s});
    // It runs now on the cards the first one freed, which the reservations below need.
    expect(u"/api/v1/jobs/{id}/cancel"_s, "POST", 200,
           {"POST", u"/api/v1/jobs/%1/cancel"_s.arg(jsonOf(waiting).value(u"id"_s).toString())});

    expect(jobs, "POST", 400, {"POST", jobs, R"({"name": tru)"});
    expect(jobs, "POST", 400,
           {"POST", jobs, R"({"name":5,"kind":"batch","requirements":{"durationHours":1}})"});
    // The node's limits, just past them: the document must say so too.
    expect(jobs, "POST", 400,
           {"POST", jobs, R"({"name":"   ","kind":"batch","requirements":{"durationHours":1}})"});
    expect(
        jobs, "POST", 400,
        {"POST", jobs,
         R"({"name":"j","kind":"batch","requirements":{"acceleratorModel":"h800","accelerators":100001,"durationHours":1}})"});
    expect(jobs, "POST", 400,
           {"POST", jobs,
            R"({"name":"j","kind":"batch","requirements":{"cpuCores":10000001,"durationHours":1}})"});
    expect(
        jobs, "POST", 400,
        {"POST", jobs, R"({"name":"j","kind":"batch","requirements":{"memoryGiB":1e10,"durationHours":1}})"});
    expect(
        jobs, "POST", 400,
        {"POST", jobs, R"({"name":"j","kind":"batch","requirements":{"storageTB":1e10,"durationHours":1}})"});
    expect(jobs, "POST", 400,
           {"POST", jobs, R"({"name":"j","kind":"batch","requirements":{"durationHours":8784.5}})"});
    expect(
        jobs, "POST", 400,
        {"POST", jobs, R"({"name":"j","kind":"batch","requirements":{"accelerators":1,"durationHours":1}})"});
    expect(jobs, "POST", 404,
           {"POST", jobs,
            R"({"name":"j","kind":"batch","nodeId":"atlantis","requirements":{"durationHours":1}})"});
    expect(jobs, "POST", 413, {"POST", jobs, QByteArray(70 * 1024, ' ')});
    expect(jobs, "POST", 415, {"POST", jobs, sampleBody(u"submitJob"_s), "dev-token", "text/plain"});
    expect(
        jobs, "POST", 422,
        {"POST", jobs,
         R"({"name":"j","kind":"batch","nodeId":"guian","requirements":{"acceleratorModel":"no-such-card","accelerators":1,"durationHours":1}})"});
    expect(
        jobs, "POST", 409,
        {"POST", jobs,
         R"({"name":"j","kind":"batch","nodeId":"guian","reservationId":"rsv-999999","requirements":{"durationHours":1}})"});
}

void TestOpenApiContract::reservations()
{
    const QString reservations = u"/api/v1/reservations"_s;
    const auto cpu = expect(reservations, "POST", 201,
                            {"POST", reservations, R"({"offerId":"guian.cpu","count":4,"hours":2})"});
    m_reservationId = jsonOf(cpu).value(u"id"_s).toString();
    QVERIFY(!m_reservationId.isEmpty());
    // A reservation a job uses: state used, with its jobId.
    const auto cards =
        expect(reservations, "POST", 201,
               {"POST", reservations, R"({"offerId":"guian.ascend-910b","count":2,"hours":1})"});
    const QString cardsId = jsonOf(cards).value(u"id"_s).toString();
    expect(
        u"/api/v1/jobs"_s, "POST", 201,
        {"POST", u"/api/v1/jobs"_s,
         R"({"name":"held","kind":"inference","nodeId":"guian","reservationId":")" + cardsId.toUtf8() +
             R"(","requirements":{"acceleratorModel":"ascend-910b","accelerators":2,"durationHours":1}})"});

    expect(reservations, "GET", 200, {"GET", reservations});
    const QString one = reservations + u'/' + m_reservationId;
    expect(u"/api/v1/reservations/{id}"_s, "GET", 200, {"GET", one});
    expect(u"/api/v1/reservations/{id}"_s, "GET", 200, {"GET", reservations + u'/' + cardsId});
    expect(u"/api/v1/reservations/{id}"_s, "GET", 404, {"GET", u"/api/v1/reservations/rsv-999999"_s});

    const QString cancel = u"/api/v1/reservations/{id}/cancel"_s;
    expect(cancel, "POST", 200, {"POST", one + u"/cancel"_s});
    expect(cancel, "POST", 409, {"POST", one + u"/cancel"_s});
    expect(cancel, "POST", 404, {"POST", u"/api/v1/reservations/rsv-999999/cancel"_s});

    expect(reservations, "POST", 400,
           {"POST", reservations, R"({"offerId":"guian.cpu","count":0,"hours":1})"});
    expect(reservations, "POST", 400,
           {"POST", reservations, R"({"offerId":"guian.cpu","count":10000001,"hours":1})"});
    expect(reservations, "POST", 400,
           {"POST", reservations, R"({"offerId":"guian.cpu","count":1,"hours":0})"});
    expect(reservations, "POST", 409,
           {"POST", reservations, R"({"offerId":"atlantis.cpu","count":1,"hours":1})"});
    expect(reservations, "POST", 413, {"POST", reservations, QByteArray(70 * 1024, ' ')});
    expect(reservations, "POST", 415,
           {"POST", reservations, sampleBody(u"reserve"_s), "dev-token", "text/plain"});
    // A job on a reservation that is no longer active.
    expect(u"/api/v1/jobs"_s, "POST", 409,
           {"POST", u"/api/v1/jobs"_s,
            R"({"name":"late","kind":"batch","nodeId":"guian","reservationId":")" + m_reservationId.toUtf8() +
                R"(","requirements":{"cpuCores":4,"durationHours":1}})"});
}

void TestOpenApiContract::faults()
{
    const QString faults = u"/sim/v1/faults"_s;
    const QString one = u"/sim/v1/faults/{kind}/{target}"_s;
    expect(faults, "GET", 200, {"GET", faults});
    // sh-finance is not asked anything else here, so its slow and malformed answers disturb nothing.
    expect(faults, "POST", 201, {"POST", faults, R"({"kind":"slow","target":"sh-finance","delayMs":1})"});
    expect(faults, "POST", 201,
           {"POST", faults, R"({"kind":"malformed","target":"sh-finance","mode":"nan"})"});
    expect(faults, "POST", 201,
           {"POST", faults, R"({"kind":"link-congested","target":"l-yrd-hub-sh-finance"})"});
    expect(faults, "GET", 200, {"GET", faults});
    expect(one, "DELETE", 200, {"DELETE", u"/sim/v1/faults/slow/sh-finance"_s});
    expect(one, "DELETE", 404, {"DELETE", u"/sim/v1/faults/slow/sh-finance"_s});
    expect(faults, "POST", 400, {"POST", faults, R"({"kind":"earthquake","target":"guian"})"});
    expect(faults, "POST", 400, {"POST", faults, R"({"kind":"slow","target":"guian","delayMs":60001})"});
    expect(faults, "POST", 400, {"POST", faults, R"({"kind":"malformed","target":"guian"})"});
    expect(faults, "POST", 404, {"POST", faults, R"({"kind":"node-down","target":"atlantis"})"});
    expect(faults, "POST", 413, {"POST", faults, QByteArray(70 * 1024, ' ')});
    expect(faults, "POST", 415, {"POST", faults, sampleBody(u"addFault"_s), "dev-token", "text/plain"});
    expect(faults, "DELETE", 200, {"DELETE", faults});
}

QString TestOpenApiContract::waitForAlarm(const QString &kind, const QString &sourceId, const QString &state)
{
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        const auto r = send({"GET", u"/api/v1/alarms"_s});
        for (const auto &v : jsonOf(r).value(u"alarms"_s).toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(u"kind"_s).toString() == kind && a.value(u"state"_s).toString() == state &&
                a.value(u"source"_s).toObject().value(u"id"_s).toString() == sourceId)
                return a.value(u"id"_s).toString();
        }
        QTest::qWait(100); // the simulator raises and clears alarms once a tick
    }
    return {};
}

void TestOpenApiContract::alarms()
{
    // A cleared alarm, then an active one (with an acknowledgement and comments) to act on.
    const QString faults = u"/sim/v1/faults"_s;
    expect(faults, "POST", 201, {"POST", faults, R"({"kind":"node-down","target":"gy-gov"})"});
    QVERIFY(!waitForAlarm(u"node-down"_s, u"gy-gov"_s, u"active"_s).isEmpty());
    expect(faults, "DELETE", 200, {"DELETE", faults});
    const QString cleared = waitForAlarm(u"node-down"_s, u"gy-gov"_s, u"cleared"_s);
    QVERIFY(!cleared.isEmpty());
    expect(faults, "POST", 201, {"POST", faults, R"({"kind":"node-down","target":"sh-finance"})"});
    m_alarmId = waitForAlarm(u"node-down"_s, u"sh-finance"_s, u"active"_s);
    QVERIFY(!m_alarmId.isEmpty());

    const QString alarms = u"/api/v1/alarms"_s;
    const QString ack = u"/api/v1/alarms/{id}/ack"_s;
    const QString unack = u"/api/v1/alarms/{id}/unack"_s;
    const QString comments = u"/api/v1/alarms/{id}/comments"_s;
    const QString one = u"/api/v1/alarms/"_s + m_alarmId;
    expect(ack, "POST", 200, {"POST", one + u"/ack"_s, R"({"comment":"on it","until":9999999999999})"});
    expect(comments, "POST", 201, {"POST", one + u"/comments"_s, R"({"text":"crew on the way"})"});
    const auto all = expect(alarms, "GET", 200, {"GET", alarms}); // acknowledged, commented and cleared ones
    QVERIFY(jsonOf(all).value(u"reset"_s).toBool());
    const QString cursor = jsonOf(all).value(u"cursor"_s).toString();
    expect(unack, "POST", 200, {"POST", one + u"/unack"_s});
    const auto changed = expect(alarms, "GET", 200, {"GET", alarms + u"?since="_s + cursor});
    QCOMPARE(jsonOf(changed).value(u"alarms"_s).toArray().size(), 1);
    expect(alarms, "GET", 400, {"GET", alarms + u"?since="_s + QString(129, u'x')});

    expect(unack, "POST", 409, {"POST", one + u"/unack"_s});
    expect(unack, "POST", 404, {"POST", u"/api/v1/alarms/alm-999999/unack"_s});
    expect(ack, "POST", 409, {"POST", u"/api/v1/alarms/%1/ack"_s.arg(cleared), sampleBody(u"ackAlarm"_s)});
    expect(ack, "POST", 404, {"POST", u"/api/v1/alarms/alm-999999/ack"_s, sampleBody(u"ackAlarm"_s)});
    expect(ack, "POST", 400, {"POST", one + u"/ack"_s, R"({"until":9999999999999})"});
    expect(ack, "POST", 400, {"POST", one + u"/ack"_s, R"({"comment":"   "})"});
    expect(ack, "POST", 413, {"POST", one + u"/ack"_s, QByteArray(70 * 1024, ' ')});
    expect(ack, "POST", 415, {"POST", one + u"/ack"_s, sampleBody(u"ackAlarm"_s), "dev-token", "text/plain"});
    expect(comments, "POST", 400, {"POST", one + u"/comments"_s, R"({"text":""})"});
    expect(comments, "POST", 404,
           {"POST", u"/api/v1/alarms/alm-999999/comments"_s, sampleBody(u"commentAlarm"_s)});
    expect(comments, "POST", 413, {"POST", one + u"/comments"_s, QByteArray(70 * 1024, ' ')});
    expect(comments, "POST", 415,
           {"POST", one + u"/comments"_s, sampleBody(u"commentAlarm"_s), "dev-token", "text/plain"});
    for (int i = 1; i < 100; ++i) // the first one is above
        QCOMPARE(send({"POST", one + u"/comments"_s, sampleBody(u"commentAlarm"_s)}).status, 201);
    expect(comments, "POST", 409, {"POST", one + u"/comments"_s, sampleBody(u"commentAlarm"_s)});
    expect(alarms, "GET", 200, {"GET", alarms}); // an alarm with every comment it may hold

    const QString silences = u"/api/v1/silences"_s;
    const QString silence = u"/api/v1/silences/{id}"_s;
    const auto created =
        expect(silences, "POST", 201,
               {"POST", silences,
                R"({"target":{"kind":"subtree","id":"yrd-hub"},"from":)" +
                    QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000) + R"(,"until":)" +
                    QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 7200 * 1000) +
                    R"(,"reason":"Yangtze delta maintenance"})"});
    m_silenceId = jsonOf(created).value(u"id"_s).toString();
    expect(silences, "GET", 200, {"GET", silences});
    expect(silence, "DELETE", 200, {"DELETE", silences + u'/' + m_silenceId});
    expect(silence, "DELETE", 404, {"DELETE", silences + u'/' + m_silenceId});
    expect(silences, "POST", 400,
           {"POST", silences, R"({"target":{"kind":"node","id":"guian"},"until":9999999999999})"});
    expect(silences, "POST", 400,
           {"POST", silences,
            R"({"target":{"kind":"endpoint","id":"guian"},"until":9999999999999,"reason":"x"})"});
    expect(silences, "POST", 404,
           {"POST", silences,
            R"({"target":{"kind":"node","id":"atlantis"},"until":9999999999999,"reason":"x"})"});
    expect(silences, "POST", 413, {"POST", silences, QByteArray(70 * 1024, ' ')});
    expect(silences, "POST", 415, {"POST", silences, sampleBody(u"addSilence"_s), "dev-token", "text/plain"});
    // The node holds at most 1,000 silences.
    const auto last = expect(silences, "POST", 201, {"POST", silences, sampleBody(u"addSilence"_s)});
    m_silenceId = jsonOf(last).value(u"id"_s).toString();
    for (int i = 1; i < 1000; ++i)
        QCOMPARE(send({"POST", silences, sampleBody(u"addSilence"_s)}).status, 201);
    expect(silences, "POST", 409, {"POST", silences, sampleBody(u"addSilence"_s)});
    expect(faults, "DELETE", 200, {"DELETE", faults});
}

// Identifier registration: the scenario's nodes as the simulator seeds them, then applications filed,
// approved (the next serial), rejected, suspended, reinstated and revoked, each refusal, and what the
// registry changes elsewhere: members served elsewhere in the directory, a suspended node that sells
// nothing and takes no work.
void TestOpenApiContract::registry()
{
    const QString registry = u"/api/v1/registry"_s;
    const QString one = u"/api/v1/registry/{id}"_s;
    const QString hub = u"/n/guizhou-hub/api/v1/registry"_s; // industry nodes join under a hub
    const auto step = [](const QString &id, const char *decision) {
        return u"/api/v1/registry/%1/%2"_s.arg(id, QLatin1String(decision));
    };
    const auto documented = [](const char *decision) {
        return u"/api/v1/registry/{id}/%1"_s.arg(QLatin1String(decision));
    };

    // Every node of the scenario, registered before the simulator started.
    const auto seeded = expect(registry, "GET", 200, {"GET", registry + u"?state=active"_s});
    const QJsonArray seededList = jsonOf(seeded).value(u"registrations"_s).toArray();
    const QJsonArray own = jsonOf(send({"GET", u"/api/v1/nodes"_s})).value(u"nodes"_s).toArray();
    QCOMPARE(seededList.size(), own.size());
    QCOMPARE(
        seededList.at(0).toObject().value(u"history"_s).toArray().at(0).toObject().value(u"by"_s).toString(),
        u"national registry"_s);
    // The serial approving an industry finance node in Guizhou assigns: one above the highest in use.
    int serial = 0;
    for (const auto &n : own) {
        const QString computeId = n.toObject().value(u"computeId"_s).toString();
        if (computeId.startsWith(u"CPN-I52-FIN-"_s))
            serial = std::max(serial, computeId.mid(12, 5).toInt());
    }
    const auto assigned = [](int n) { return u"CPN-I52-FIN-%1-"_s.arg(n, 5, 10, QChar(u'0')); };

    // Apply with the applicant's token, approve as a registrar who signed in.
    const auto filed = expect(registry, "POST", 201, {"POST", hub, application(u"gy-bank"_s), kApplyToken});
    const QJsonObject bank = jsonOf(filed);
    m_registrationId = bank.value(u"id"_s).toString();
    QCOMPARE(bank.value(u"state"_s).toString(), u"pending"_s);
    QVERIFY(bank.value(u"computeId"_s).isNull());
    QCOMPARE(bank.value(u"parentId"_s).toString(), u"guizhou-hub"_s);
    QCOMPARE(bank.value(u"history"_s).toArray().at(0).toObject().value(u"by"_s).toString(), u"applicant"_s);
    QCOMPARE(QString::fromUtf8(filed.headers.value("location")),
             m_sim.baseUrl().toString() + hub + u'/' + m_registrationId);
    const auto pending = expect(registry, "GET", 200, {"GET", registry + u"?state=pending"_s});
    QCOMPARE(jsonOf(pending).value(u"registrations"_s).toArray().size(), 1);
    expect(one, "GET", 200, {"GET", hub + u'/' + m_registrationId});
    expect(one, "GET", 404,
           {"GET", u"/n/guian/api/v1/registry/"_s + m_registrationId}); // outside guian's directory
    expect(one, "GET", 404, {"GET", registry + u"/reg-99999"_s});
    const auto approved = expect(documented("approve"), "POST", 200,
                                 {"POST", step(m_registrationId, "approve"), "{}", m_registrarToken});
    QCOMPARE(jsonOf(approved).value(u"state"_s).toString(), u"active"_s);
    QVERIFY(jsonOf(approved).value(u"computeId"_s).toString().startsWith(assigned(serial + 1)));
    QCOMPARE(actionsOf(jsonOf(approved)), (QStringList{u"applied"_s, u"approved"_s}));
    QCOMPARE(jsonOf(approved).value(u"history"_s).toArray().at(1).toObject().value(u"by"_s).toString(),
             u"registrar"_s);

    // The member, served elsewhere, follows the server's own nodes in the directory; metrics stay theirs.
    const auto withMember = expect(u"/api/v1/nodes"_s, "GET", 200, {"GET", u"/api/v1/nodes"_s});
    const QJsonArray nodes = jsonOf(withMember).value(u"nodes"_s).toArray();
    QCOMPARE(idsOf(nodes), idsOf(own) + QStringList{u"gy-bank"_s});
    QCOMPARE(nodes.last().toObject().value(u"baseUrl"_s).toString(), u"https://gy-bank.example.cn"_s);
    QCOMPARE(nodes.last().toObject().value(u"status"_s).toString(), u"online"_s);
    const auto hubNodes = expect(u"/api/v1/nodes"_s, "GET", 200, {"GET", u"/n/guizhou-hub/api/v1/nodes"_s});
    QVERIFY(idsOf(jsonOf(hubNodes).value(u"nodes"_s).toArray()).contains(u"gy-bank"_s));
    const auto metrics = jsonOf(send({"GET", u"/api/v1/metrics"_s}));
    QVERIFY(!idsOf(metrics.value(u"nodes"_s).toArray()).contains(u"gy-bank"_s));

    // Serials go up and are never given again, even once their identifier is revoked.
    const QString insurance =
        jsonOf(expect(registry, "POST", 201, {"POST", hub, application(u"gy-insurance"_s), kApplyToken}))
            .value(u"id"_s)
            .toString();
    const auto second = expect(documented("approve"), "POST", 200,
                               {"POST", step(insurance, "approve"), R"({"reason":"Checked on site"})"});
    QVERIFY(jsonOf(second).value(u"computeId"_s).toString().startsWith(assigned(serial + 2)));
    const auto revoked =
        expect(documented("revoke"), "POST", 200,
               {"POST", step(m_registrationId, "revoke"), R"({"reason":"Left the network"})"});
    QCOMPARE(jsonOf(revoked).value(u"state"_s).toString(), u"revoked"_s);
    QVERIFY(jsonOf(revoked).value(u"computeId"_s).toString().startsWith(assigned(serial + 1)));
    QVERIFY(
        !idsOf(jsonOf(send({"GET", u"/api/v1/nodes"_s})).value(u"nodes"_s).toArray()).contains(u"gy-bank"_s));
    const QString again =
        jsonOf(expect(registry, "POST", 201, {"POST", hub, application(u"gy-bank"_s), kApplyToken}))
            .value(u"id"_s)
            .toString();
    const auto third = expect(documented("approve"), "POST", 200, {"POST", step(again, "approve"), "{}"});
    QVERIFY(jsonOf(third).value(u"computeId"_s).toString().startsWith(assigned(serial + 3)));

    // A member suspended: listed and marked; reinstated.
    const auto suspended =
        expect(documented("suspend"), "POST", 200,
               {"POST", step(insurance, "suspend"), R"({"reason":"Contact does not answer"})"});
    QCOMPARE(jsonOf(suspended).value(u"state"_s).toString(), u"suspended"_s);
    const auto marked = expect(u"/api/v1/nodes"_s, "GET", 200, {"GET", u"/api/v1/nodes"_s});
    for (const auto &n : jsonOf(marked).value(u"nodes"_s).toArray()) {
        const QJsonObject node = n.toObject();
        QCOMPARE(node.contains(u"suspended"_s), node.value(u"id"_s).toString() == u"gy-insurance"_s);
    }
    expect(registry, "GET", 200, {"GET", registry + u"?state=suspended"_s});
    const auto reinstated =
        expect(documented("reinstate"), "POST", 200,
               {"POST", step(insurance, "reinstate"), R"({"reason":"Contact answers again"})"});
    QCOMPARE(actionsOf(jsonOf(reinstated)),
             (QStringList{u"applied"_s, u"approved"_s, u"suspended"_s, u"reinstated"_s}));

    // Rejected: no identifier, the node id free again.
    const QString broker =
        jsonOf(expect(registry, "POST", 201, {"POST", hub, application(u"gy-broker"_s), kApplyToken}))
            .value(u"id"_s)
            .toString();
    const auto rejected = expect(documented("reject"), "POST", 200,
                                 {"POST", step(broker, "reject"), R"({"reason":"No licence number given"})"});
    QCOMPARE(jsonOf(rejected).value(u"state"_s).toString(), u"rejected"_s);
    QVERIFY(jsonOf(rejected).value(u"computeId"_s).isNull());
    expect(registry, "GET", 200, {"GET", registry + u"?state=rejected"_s});
    expect(registry, "GET", 200, {"GET", registry + u"?state=revoked"_s});
    expect(registry, "GET", 200, {"GET", registry});                      // every state, with the scenario's
    expect(registry, "GET", 200, {"GET", u"/n/guian/api/v1/registry"_s}); // a cluster oversees none
    expect(registry, "GET", 400, {"GET", registry + u"?state=lapsed"_s});

    // A node this server serves, suspended: marked, no offers, no work, no reservations; never revoked.
    QString wuhu;
    for (const auto &g : seededList) {
        if (g.toObject().value(u"applicant"_s).toObject().value(u"nodeId"_s).toString() == u"wuhu"_s)
            wuhu = g.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!wuhu.isEmpty());
    expect(documented("suspend"), "POST", 200,
           {"POST", step(wuhu, "suspend"), R"({"reason":"Audit of its cooling"})"});
    const auto wuhuNode = expect(u"/api/v1/node"_s, "GET", 200, {"GET", u"/n/wuhu/api/v1/node"_s});
    QCOMPARE(jsonOf(wuhuNode).value(u"suspended"_s).toBool(), true);
    const auto offers = expect(u"/api/v1/offers"_s, "GET", 200, {"GET", u"/api/v1/offers"_s});
    for (const auto &o : jsonOf(offers).value(u"offers"_s).toArray())
        QVERIFY(o.toObject().value(u"nodeId"_s).toString() != u"wuhu"_s);
    expect(
        u"/api/v1/jobs"_s, "POST", 409,
        {"POST", u"/api/v1/jobs"_s,
         R"({"name":"j","kind":"batch","nodeId":"wuhu","requirements":{"cpuCores":1,"durationHours":1}})"});
    expect(u"/api/v1/reservations"_s, "POST", 409,
           {"POST", u"/api/v1/reservations"_s, R"({"offerId":"wuhu.cpu","count":1,"hours":1})"});
    expect(documented("revoke"), "POST", 409, {"POST", step(wuhu, "revoke"), R"({"reason":"x"})"});
    expect(documented("reinstate"), "POST", 200,
           {"POST", step(wuhu, "reinstate"), R"({"reason":"Audit passed"})"});
    QVERIFY(!jsonOf(send({"GET", u"/n/wuhu/api/v1/node"_s})).contains(u"suspended"_s));

    // Steps the state does not allow, and applications that cannot be taken.
    const QString waiting =
        jsonOf(expect(registry, "POST", 201, {"POST", hub, application(u"gy-pending"_s), kApplyToken}))
            .value(u"id"_s)
            .toString();
    const QByteArray why = R"({"reason":"contract"})";
    expect(documented("approve"), "POST", 409, {"POST", step(insurance, "approve"), "{}"});
    expect(documented("approve"), "POST", 409, {"POST", step(broker, "approve"), "{}"});
    expect(documented("reject"), "POST", 409, {"POST", step(insurance, "reject"), why});
    expect(documented("suspend"), "POST", 409, {"POST", step(waiting, "suspend"), why});
    expect(documented("reinstate"), "POST", 409, {"POST", step(insurance, "reinstate"), why});
    expect(documented("revoke"), "POST", 409, {"POST", step(m_registrationId, "revoke"), why});
    expect(documented("revoke"), "POST", 409, {"POST", step(waiting, "revoke"), why});
    expect(registry, "POST", 409,
           {"POST", hub, application(u"gy-pending"_s), kApplyToken}); // held by an application
    expect(registry, "POST", 409, {"POST", hub, application(u"guian"_s), kApplyToken}); // served here
    expect(registry, "POST", 422,
           {"POST", registry, application(u"gy-lost"_s), kApplyToken}); // industry under national
    expect(registry, "POST", 422,
           {"POST", hub, application(u"gy-hub"_s, {{u"role"_s, u"hub"_s}, {u"tier"_s, u"regional"_s}}),
            kApplyToken});
    expect(registry, "POST", 422,
           {"POST", u"/n/guian/api/v1/registry"_s, application(u"gy-lost"_s), kApplyToken});

    // Bodies the node refuses, which the document must refuse too.
    const auto bad = [&](const QByteArray &body) {
        expect(registry, "POST", 400, {"POST", hub, body, kApplyToken});
    };
    bad(R"({"nodeId": "gy-)");
    bad(application(u"gy-bad"_s, {{u"tier"_s, u"regional"_s}})); // an industry node is of tier industry
    bad(application(u"gy-bad"_s, {{u"sector"_s, u"XYZ"_s}}));
    bad(application(u"gy-bad"_s, {{u"province"_s, u"CN-XX"_s}}));
    bad(application(u"gy-bad"_s, {{u"baseUrl"_s, u"ftp://gy-bad.example.cn"_s}}));
    bad(application(u"gy-bad"_s, {{u"contact"_s, u"   "_s}}));
    bad(application(u"gy-bad"_s, {{u"name"_s, u""_s}}));
    bad(application(u"Not An Id"_s));
    bad(application(u"gy-bad"_s, {{u"lat"_s, 91}}));
    bad(application(u"gy-bad"_s, {}, u"lon"_s));
    expect(registry, "POST", 413, {"POST", hub, QByteArray(70 * 1024, ' '), kApplyToken});
    expect(registry, "POST", 415, {"POST", hub, application(u"gy-bad"_s), kApplyToken, "text/plain"});
    const QByteArray longReason = R"({"reason":")" + QByteArray(501, 'x') + R"("})";
    for (const char *decision : {"approve", "reject", "suspend", "reinstate", "revoke"}) {
        const QString path = documented(decision);
        expect(path, "POST", 400, {"POST", step(waiting, decision), R"({"reason":5})"});
        expect(path, "POST", 400, {"POST", step(waiting, decision), longReason});
        expect(path, "POST", 404, {"POST", step(u"reg-99999"_s, decision), why});
        expect(path, "POST", 404,
               {"POST", u"/n/guian"_s + step(waiting, decision), why}); // outside guian's directory
        expect(path, "POST", 413, {"POST", step(waiting, decision), QByteArray(70 * 1024, ' ')});
        expect(path, "POST", 415, {"POST", step(waiting, decision), why, "dev-token", "text/plain"});
        if (qstrcmp(decision, "approve") != 0) { // every step but approve says why
            expect(path, "POST", 400, {"POST", step(waiting, decision), "{}"});
            expect(path, "POST", 400, {"POST", step(waiting, decision), R"({"reason":"  "})"});
        }
    }
    // The audit trail of a registration that went through every step it can.
    const auto trail = expect(one, "GET", 200, {"GET", registry + u'/' + m_registrationId});
    QCOMPARE(actionsOf(jsonOf(trail)), (QStringList{u"applied"_s, u"approved"_s, u"revoked"_s}));
    QCOMPARE(jsonOf(trail).value(u"history"_s).toArray().at(2).toObject().value(u"reason"_s).toString(),
             u"Left the network"_s);
}

// 401, 403 and 404 (an unknown node) for every documented operation that lists them, and a wrong method
// on every documented path.
void TestOpenApiContract::tokensRoutesAndMethods()
{
    QVERIFY(!m_jobId.isEmpty() && !m_reservationId.isEmpty() && !m_registrationId.isEmpty());
    const QJsonObject paths = m_document.value(u"paths"_s).toObject();
    for (const auto &op : m_validator->operations()) {
        const QByteArray method = op.method.toLatin1();
        const QString path = sampleArgument(op.path);
        const QByteArray body = sampleBody(op.operationId);
        if (op.statuses.contains(401)) {
            expect(op.path, method, 401, {method, path, body, {}});
            expect(op.path, method, 401, {method, path, body, "no-such-token"});
        }
        if (op.statuses.contains(403))
            expect(op.path, method, 403, {method, path, body, tokenWithout(op.scopes)});
        if (op.statuses.contains(404) && path.startsWith(u"/api/"))
            expect(op.path, method, 404, {method, u"/n/atlantis"_s + path, body});
    }
    // A method no operation of the path has: the answer must be documented by the path's operations.
    for (auto item = paths.begin(); item != paths.end(); ++item) {
        QByteArray wrong;
        for (const char *candidate : {"PUT", "PATCH", "DELETE"}) {
            if (wrong.isEmpty() &&
                !item.value().toObject().contains(QString::fromLatin1(candidate).toLower()))
                wrong = candidate;
        }
        const Call call{wrong, sampleArgument(item.key()), "{}"};
        const OpenApiValidator::Response r = send(call);
        if (r.status != 405) {
            m_mismatches.append(
                u"%1 %2: expected 405, got %3"_s.arg(QString::fromLatin1(wrong), call.path).arg(r.status));
            continue;
        }
        bool documented = false;
        for (const auto &op : m_validator->operations()) {
            if (op.path == item.key() && op.statuses.contains(405)) {
                documented = true;
                check(op.path, op.method.toLatin1(), call, r);
            }
        }
        if (!documented)
            m_mismatches.append(u"%1 %2: 405, which no operation of %3 documents"_s.arg(
                QString::fromLatin1(wrong), call.path, item.key()));
    }
}

void TestOpenApiContract::unavailableNode()
{
    expect(u"/sim/v1/faults"_s, "POST", 201,
           {"POST", u"/sim/v1/faults"_s, R"({"kind":"node-down","target":"guian"})"});
    for (const auto &op : m_validator->operations()) {
        if (op.statuses.contains(503)) {
            const QByteArray method = op.method.toLatin1();
            expect(op.path, method, 503,
                   {method, u"/n/guian"_s + sampleArgument(op.path), sampleBody(op.operationId)});
        }
    }
    expect(u"/sim/v1/faults"_s, "DELETE", 200, {"DELETE", u"/sim/v1/faults"_s});
}

void TestOpenApiContract::everyDocumentedResponseIsExercised()
{
    QStringList missing;
    for (const auto &op : m_validator->operations()) {
        for (int status : op.statuses) {
            if (!m_exercised.contains(key(op.path, op.method.toLatin1(), status)))
                missing.append(key(op.path, op.method.toLatin1(), status));
        }
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"documented but never produced and checked:\n"_s + missing.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestOpenApiContract)
#include "tst_openapicontract.moc"
