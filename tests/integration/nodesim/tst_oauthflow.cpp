#include "api/localsimulator.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace cpn;
using namespace Qt::StringLiterals;

// The real cpn-nodesim's authorization server over HTTP, as a browser and the console use it: the
// login form, the code for tokens with PKCE, scopes by role, expiry (--token-ttl), the canary prefix
// (--token-prefix) and a users file (--users).
class TestOAuthFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void metadataNamesTheIssuer();
    void everyApiPathNeedsAToken();
    void loginFormToCode();
    void wrongOrMissingVerifierRejected();
    void operatorSubmitIsForbidden();
    void accessTokenExpires();
    void usersFileReplacesTheDemoUsers();

private:
    struct Reply
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
        QByteArray location;
        QByteArray wwwAuthenticate;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    struct Pkce
    {
        QString verifier;
        QString challenge;
    };
    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {}, const QByteArray &token = {},
               const QByteArray &contentType = "application/x-www-form-urlencoded");
    static Pkce makePkce();
    QUrl authorizeUrl(const QUrl &root, const QString &scope, const Pkce &pkce) const;
    // The login page, then the form; the redirect's Location (empty if none).
    Reply postLogin(const QUrl &root, const QString &user, const QString &password, const QString &scope,
                    const Pkce &pkce);
    QString codeFrom(const Reply &redirect) const;
    Reply exchange(const QUrl &root, const QString &code, const QString &verifier);
    QJsonObject signIn(const QUrl &root, const QString &user, const QString &password, const QString &scope);

    static inline const QString kRedirect = u"http://127.0.0.1:41234/cb"_s;
    static inline const QString kState = u"state-ä+&="_s;
    api::LocalSimulator m_sim;
    QUrl m_root;
    QNetworkAccessManager m_nam;
};

void TestOAuthFlow::initTestCase()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    api::LocalSimulator::Options options;
    options.devToken = u"oauth-flow-dev"_s;
    options.extraArguments = {u"--token-ttl"_s, u"2"_s, u"--token-prefix"_s, u"CANARY-OAUTH-"_s};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));
    m_root = m_sim.baseUrl();
}

void TestOAuthFlow::cleanupTestCase() { m_sim.stop(); }

TestOAuthFlow::Reply TestOAuthFlow::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                         const QByteArray &token, const QByteArray &contentType)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(5000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.body = reply->readAll();
    r.location = reply->rawHeader("Location");
    r.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    reply->deleteLater();
    return r;
}

TestOAuthFlow::Pkce TestOAuthFlow::makePkce()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    Pkce p;
    p.verifier = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    p.challenge = QString::fromLatin1(QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return p;
}

QUrl TestOAuthFlow::authorizeUrl(const QUrl &root, const QString &scope, const Pkce &pkce) const
{
    QUrlQuery q;
    const auto add = [&q](const QString &key, const QString &value) {
        q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"response_type"_s, u"code"_s);
    add(u"client_id"_s, u"cpn-console"_s);
    add(u"redirect_uri"_s, kRedirect);
    add(u"scope"_s, scope);
    add(u"state"_s, kState);
    add(u"code_challenge"_s, pkce.challenge);
    add(u"code_challenge_method"_s, u"S256"_s);
    QUrl url(root.toString() + u"/oauth/authorize"_s);
    url.setQuery(q);
    return url;
}

TestOAuthFlow::Reply TestOAuthFlow::postLogin(const QUrl &root, const QString &user, const QString &password,
                                              const QString &scope, const Pkce &pkce)
{
    const Reply page = send("GET", authorizeUrl(root, scope, pkce));
    static const QRegularExpression field(uR"re(name="request_id" value="([^"]+)")re"_s);
    const QString requestId = field.match(QString::fromUtf8(page.body)).captured(1);
    return send("POST", QUrl(root.toString() + u"/oauth/authorize"_s),
                "request_id=" + QUrl::toPercentEncoding(requestId) + "&username=" + QUrl::toPercentEncoding(user) +
                    "&password=" + QUrl::toPercentEncoding(password));
}

QString TestOAuthFlow::codeFrom(const Reply &redirect) const
{
    return QUrlQuery(QUrl::fromEncoded(redirect.location)).queryItemValue(u"code"_s, QUrl::FullyDecoded);
}

TestOAuthFlow::Reply TestOAuthFlow::exchange(const QUrl &root, const QString &code, const QString &verifier)
{
    QByteArray body = "grant_type=authorization_code&client_id=cpn-console&redirect_uri=" +
                      QUrl::toPercentEncoding(kRedirect) + "&code=" + QUrl::toPercentEncoding(code);
    if (!verifier.isEmpty())
        body += "&code_verifier=" + QUrl::toPercentEncoding(verifier);
    return send("POST", QUrl(root.toString() + u"/oauth/token"_s), body);
}

QJsonObject TestOAuthFlow::signIn(const QUrl &root, const QString &user, const QString &password, const QString &scope)
{
    const Pkce pkce = makePkce();
    const Reply redirect = postLogin(root, user, password, scope, pkce);
    if (redirect.status != 302)
        return {};
    const Reply tokens = exchange(root, codeFrom(redirect), pkce.verifier);
    return tokens.status == 200 ? tokens.json() : QJsonObject();
}

void TestOAuthFlow::metadataNamesTheIssuer()
{
    const Reply r = send("GET", QUrl(m_root.toString() + u"/.well-known/oauth-authorization-server"_s));
    QCOMPARE(r.status, 200);
    const QJsonObject m = r.json();
    QCOMPARE(m.value(u"issuer"_s).toString(), m_root.toString());
    QCOMPARE(m.value(u"token_endpoint"_s).toString(), m_root.toString() + u"/oauth/token"_s);
    QCOMPARE(m.value(u"code_challenge_methods_supported"_s).toVariant().toStringList(), QStringList{u"S256"_s});
}

void TestOAuthFlow::everyApiPathNeedsAToken()
{
    for (const QString &path : {u"/api/v1/node"_s, u"/api/v1/metrics"_s, u"/n/guian/api/v1/offers"_s, u"/api/v1/nope"_s}) {
        const Reply r = send("GET", QUrl(m_root.toString() + path));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        QVERIFY(r.wwwAuthenticate.startsWith("Bearer"));
    }
    QCOMPARE(send("GET", QUrl(m_root.toString() + u"/api/v1/node"_s), {}, "oauth-flow-dev").status, 200);
}

void TestOAuthFlow::loginFormToCode()
{
    const Pkce pkce = makePkce();
    const Reply page = send("GET", authorizeUrl(m_root, u"metrics:read"_s, pkce));
    QCOMPARE(page.status, 200);
    QVERIFY(page.contentType.startsWith("text/html"));
    QVERIFY(page.body.contains("name=\"username\""));
    QVERIFY(page.body.contains("name=\"password\""));

    const Reply wrong = postLogin(m_root, u"operator"_s, u"guess"_s, u"metrics:read"_s, pkce);
    QCOMPARE(wrong.status, 401);
    QVERIFY(wrong.location.isEmpty());
    QVERIFY(wrong.body.contains("Wrong user name or password"));

    const Reply redirect = postLogin(m_root, u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce);
    QCOMPARE(redirect.status, 302);
    const QUrl location = QUrl::fromEncoded(redirect.location);
    QCOMPARE(location.adjusted(QUrl::RemoveQuery).toString(), kRedirect);
    QCOMPARE(QUrlQuery(location).queryItemValue(u"state"_s, QUrl::FullyDecoded), kState);
    QVERIFY(codeFrom(redirect).startsWith(u"CANARY-OAUTH-"));

    const Reply tokens = exchange(m_root, codeFrom(redirect), pkce.verifier);
    QCOMPARE(tokens.status, 200);
    const QJsonObject t = tokens.json();
    QVERIFY(t.value(u"access_token"_s).toString().startsWith(u"CANARY-OAUTH-"));
    QCOMPARE(t.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(t.value(u"expires_in"_s).toInt(), 2);
    const Reply metrics = send("GET", QUrl(m_root.toString() + u"/n/guian/api/v1/metrics"_s), {},
                               t.value(u"access_token"_s).toString().toUtf8());
    QCOMPARE(metrics.status, 200);
}

void TestOAuthFlow::wrongOrMissingVerifierRejected()
{
    for (const QString &verifier : {QString(), makePkce().verifier}) {
        const Pkce pkce = makePkce();
        const Reply redirect = postLogin(m_root, u"planner"_s, u"planner"_s, u"metrics:read"_s, pkce);
        QCOMPARE(redirect.status, 302);
        const Reply r = exchange(m_root, codeFrom(redirect), verifier);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.contentType, QByteArray("application/json"));
        QCOMPARE(r.json().value(u"error"_s).toString(), u"invalid_grant"_s);
        QVERIFY(!r.json().contains(u"access_token"_s));
    }
}

void TestOAuthFlow::operatorSubmitIsForbidden()
{
    const QJsonObject t = signIn(m_root, u"operator"_s, u"operator"_s, u"jobs:read jobs:write"_s);
    QCOMPARE(t.value(u"scope"_s).toString(), u"jobs:read"_s);
    const Reply r = send("POST", QUrl(m_root.toString() + u"/api/v1/jobs"_s),
                         R"({"name":"j","kind":"batch","requirements":{"cpuCores":8,"durationHours":1}})",
                         t.value(u"access_token"_s).toString().toUtf8(), "application/json");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QVERIFY(r.json().value(u"detail"_s).toString().contains(u"jobs:write"));

    const QJsonObject planner = signIn(m_root, u"planner"_s, u"planner"_s, u"jobs:read jobs:write"_s);
    const Reply submitted = send("POST", QUrl(m_root.toString() + u"/api/v1/jobs"_s),
                                 R"({"name":"j","kind":"batch","requirements":{"cpuCores":8,"durationHours":1}})",
                                 planner.value(u"access_token"_s).toString().toUtf8(), "application/json");
    QCOMPARE(submitted.status, 201);
}

void TestOAuthFlow::accessTokenExpires()
{
    const QJsonObject t = signIn(m_root, u"operator"_s, u"operator"_s, u"node:read"_s);
    const QByteArray access = t.value(u"access_token"_s).toString().toUtf8();
    QVERIFY(!access.isEmpty());
    const QUrl node(m_root.toString() + u"/api/v1/node"_s);
    // --token-ttl 2: the same token stops working within a few seconds.
    Reply r;
    QTRY_VERIFY_WITH_TIMEOUT((r = send("GET", node, {}, access)).status == 401, 10000);
    QVERIFY(r.wwwAuthenticate.contains("error=\"invalid_token\""));
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    // The refresh token gives a working one.
    const Reply renewed = send("POST", QUrl(m_root.toString() + u"/oauth/token"_s),
                               "grant_type=refresh_token&client_id=cpn-console&refresh_token=" +
                                   QUrl::toPercentEncoding(t.value(u"refresh_token"_s).toString()));
    QCOMPARE(renewed.status, 200);
    QCOMPARE(send("GET", node, {}, renewed.json().value(u"access_token"_s).toString().toUtf8()).status, 200);
}

void TestOAuthFlow::usersFileReplacesTheDemoUsers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"users.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"users":[{"username":"lin","password":"s3cret pass","role":"planner"}]})");
    file.close();

    api::LocalSimulator sim;
    api::LocalSimulator::Options options;
    options.devToken = u"users-file-dev"_s;
    options.extraArguments = {u"--users"_s, path};
    sim.start(options);
    QVERIFY2(sim.waitForStarted(15000), qPrintable(sim.errorString()));
    const QUrl root = sim.baseUrl();
    QCOMPARE(postLogin(root, u"operator"_s, u"operator"_s, u"metrics:read"_s, makePkce()).status, 401);
    const QJsonObject t = signIn(root, u"lin"_s, u"s3cret pass"_s, u"metrics:read jobs:write"_s);
    QCOMPARE(t.value(u"scope"_s).toString(), u"metrics:read jobs:write"_s);
    sim.stop();

    // A broken users file stops the simulator at start with a message, instead of running without users.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"users":[{"username":"lin","role":"admin"}]})");
    file.close();
    api::LocalSimulator broken;
    broken.start(options);
    QVERIFY(!broken.waitForStarted(15000));
}

QTEST_GUILESS_MAIN(TestOAuthFlow)
#include "tst_oauthflow.moc"
