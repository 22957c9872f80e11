#include "apirouter.h"
#include "auth.h"
#include "clock.h"
#include "oauthserver.h"
#include "signinthrottle.h"
#include "oauthusers.h"
#include "scenariobuilder.h"
#include "simulator.h"
#include "simulatorbackend.h"

#include "domain/protocoljson.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace cpn::server;
using namespace cpn::sim;
using namespace Qt::StringLiterals;

// The authorization server in-process, request by request, on a manual clock: every rule of
// docs/node-api.md, "Authentication", including the ones a browser-driven test cannot reach.
class TestOAuthServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void metadata();
    void refusedClientOrRedirect_data();
    void refusedClientOrRedirect();
    void invalidRequestRedirects_data();
    void invalidRequestRedirects();
    void loginPageHasTheForm();
    void wrongPasswordShowsTheFormAgain();
    void guessingIsThrottledByAddress();
    void anAccountIsNeverLockedForLong();
    void anonymousRequestsCostNothing();
    void codeForTokens();
    void pkceVerifierChecked_data();
    void pkceVerifierChecked();
    void codeIsSingleUse();
    void codeExpires();
    void redirectUriMustMatch();
    void operatorCannotSubmit();
    void plannerSubmits();
    void accessTokenExpires();
    void refreshRotates();
    void reusedRefreshEndsTheGrant();
    void reuseIsCaughtAfterTenThousandRefreshes();
    void revokingRefreshRevokesAccess();
    void revokeAlwaysAnswers200();
    void tokenEndpointErrors();
    void usersFile_data();
    void usersFile();

private:
    struct Pkce
    {
        QString verifier;
        QString challenge;
    };
    static Pkce makePkce(char fill = 'v');
    ApiResponse call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                     const QByteArray &contentType = "application/x-www-form-urlencoded");
    ApiResponse authorize(const QString &scope, const QString &challenge, const QString &state = u"st-1"_s,
                          const QString &redirect = kRedirect);
    static QString requestIdOf(const ApiResponse &page);
    // Signs in through the form; returns the code from the redirect (empty on failure).
    QString signIn(const QString &user, const QString &password, const QString &scope, const Pkce &pkce);
    ApiResponse exchange(const QString &code, const QString &verifier, const QString &redirect = kRedirect);
    ApiResponse refresh(const QString &refreshToken);
    static QJsonObject json(const ApiResponse &r) { return QJsonDocument::fromJson(r.body).object(); }
    ApiResponse api(const QByteArray &method, const QString &path, const QString &token, const QByteArray &body = {});

    static inline const QString kRedirect = u"http://127.0.0.1:53682/callback"_s;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Auth> m_auth;
    std::unique_ptr<OAuthServer> m_server;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<SimulatorBackend> m_backend;
    std::unique_ptr<ApiRouter> m_router;
    QString m_peer = u"127.0.0.1"_s; // the client address of call()
};

void TestOAuthServer::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_auth = std::make_unique<Auth>(*m_clock);
    OAuthServer::Config config;
    config.accessTokenTtlSeconds = 60;
    config.tokenPrefix = u"CANARY-"_s;
    m_server = std::make_unique<OAuthServer>(*m_auth, OAuthUsers::demo(), *m_clock, config);
    m_server->setIssuer(QUrl(u"http://127.0.0.1:9999"_s));
    Simulator::Config simConfig;
    m_sim = std::make_unique<Simulator>(ScenarioBuilder::defaultNetwork(), simConfig, *m_clock);
    m_sim->scenario().setRootUrl(QUrl(u"http://127.0.0.1:9999"_s));
    m_backend = std::make_unique<SimulatorBackend>(*m_sim);
    m_router = std::make_unique<ApiRouter>(*m_backend, *m_auth);
}

void TestOAuthServer::cleanup()
{
    m_router.reset();
    m_backend.reset();
    m_sim.reset();
    m_server.reset();
    m_auth.reset();
    m_clock.reset();
}

TestOAuthServer::Pkce TestOAuthServer::makePkce(char fill)
{
    Pkce p;
    p.verifier = QString(43, QLatin1Char(fill));
    p.challenge = QString::fromLatin1(QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return p;
}

ApiResponse TestOAuthServer::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                  const QByteArray &contentType)
{
    const QUrl url(u"http://127.0.0.1:9999"_s + pathAndQuery);
    ApiRequest r;
    r.method = method;
    r.path = url.path();
    r.query = QUrlQuery(url);
    r.body = body;
    r.contentType = body.isEmpty() ? QByteArray() : contentType;
    r.peer = m_peer;
    return m_server->handle(r);
}

ApiResponse TestOAuthServer::authorize(const QString &scope, const QString &challenge, const QString &state,
                                       const QString &redirect)
{
    QUrlQuery q;
    q.addQueryItem(u"response_type"_s, u"code"_s);
    q.addQueryItem(u"client_id"_s, u"cpn-console"_s);
    q.addQueryItem(u"redirect_uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
    if (!scope.isEmpty())
        q.addQueryItem(u"scope"_s, QString::fromLatin1(QUrl::toPercentEncoding(scope)));
    if (!state.isEmpty())
        q.addQueryItem(u"state"_s, state);
    if (!challenge.isEmpty()) {
        q.addQueryItem(u"code_challenge"_s, challenge);
        q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    }
    return call("GET", u"/oauth/authorize?"_s + q.query(QUrl::FullyEncoded));
}

QString TestOAuthServer::requestIdOf(const ApiResponse &page)
{
    static const QRegularExpression field(uR"re(name="request_id" value="([^"]+)")re"_s);
    return field.match(QString::fromUtf8(page.body)).captured(1);
}

QString TestOAuthServer::signIn(const QString &user, const QString &password, const QString &scope, const Pkce &pkce)
{
    const ApiResponse page = authorize(scope, pkce.challenge);
    if (page.status != 200)
        return {};
    const QByteArray form = "request_id=" + QUrl::toPercentEncoding(requestIdOf(page)) +
                            "&username=" + QUrl::toPercentEncoding(user) + "&password=" + QUrl::toPercentEncoding(password);
    const ApiResponse answer = call("POST", u"/oauth/authorize"_s, form);
    if (answer.status != 302)
        return {};
    const QUrl location(QString::fromUtf8(answer.header("Location")));
    return QUrlQuery(location).queryItemValue(u"code"_s, QUrl::FullyDecoded);
}

ApiResponse TestOAuthServer::exchange(const QString &code, const QString &verifier, const QString &redirect)
{
    QByteArray body = "grant_type=authorization_code&client_id=cpn-console&code=" + QUrl::toPercentEncoding(code) +
                      "&redirect_uri=" + QUrl::toPercentEncoding(redirect);
    if (!verifier.isNull())
        body += "&code_verifier=" + QUrl::toPercentEncoding(verifier);
    return call("POST", u"/oauth/token"_s, body);
}

ApiResponse TestOAuthServer::refresh(const QString &refreshToken)
{
    // As QtNetworkAuth 6.4 sends it: with redirect_uri and an empty client_secret.
    return call("POST", u"/oauth/token"_s,
                "grant_type=refresh_token&client_id=cpn-console&client_secret=&redirect_uri=" +
                    QUrl::toPercentEncoding(kRedirect) + "&refresh_token=" + QUrl::toPercentEncoding(refreshToken));
}

ApiResponse TestOAuthServer::api(const QByteArray &method, const QString &path, const QString &token,
                                 const QByteArray &body)
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.contentType = body.isEmpty() ? QByteArray() : QByteArray("application/json");
    if (!token.isEmpty())
        r.authorization = "Bearer " + token.toUtf8();
    return m_router->handle(r);
}

void TestOAuthServer::metadata()
{
    const ApiResponse r = call("GET", u"/.well-known/oauth-authorization-server"_s);
    QCOMPARE(r.status, 200);
    const QJsonObject m = json(r);
    QCOMPARE(m.value(u"issuer"_s).toString(), u"http://127.0.0.1:9999"_s);
    QCOMPARE(m.value(u"authorization_endpoint"_s).toString(), u"http://127.0.0.1:9999/oauth/authorize"_s);
    QCOMPARE(m.value(u"token_endpoint"_s).toString(), u"http://127.0.0.1:9999/oauth/token"_s);
    QCOMPARE(m.value(u"revocation_endpoint"_s).toString(), u"http://127.0.0.1:9999/oauth/revoke"_s);
    QCOMPARE(m.value(u"code_challenge_methods_supported"_s).toVariant().toStringList(), QStringList{u"S256"_s});
    QCOMPARE(m.value(u"response_types_supported"_s).toVariant().toStringList(), QStringList{u"code"_s});
    QCOMPARE(m.value(u"token_endpoint_auth_methods_supported"_s).toVariant().toStringList(), QStringList{u"none"_s});
    const QStringList scopes = m.value(u"scopes_supported"_s).toVariant().toStringList();
    QVERIFY(scopes.contains(u"metrics:read"_s));
    QVERIFY(scopes.contains(u"jobs:write"_s));
    QVERIFY(!scopes.contains(u"sim:control"_s));
}

void TestOAuthServer::refusedClientOrRedirect_data()
{
    QTest::addColumn<QString>("query");
    const QString ok = u"response_type=code&state=s&code_challenge=%1&code_challenge_method=S256"_s.arg(makePkce().challenge);
    QTest::newRow("unknown client") << u"client_id=evil&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcb&"_s + ok;
    QTest::newRow("no client") << u"redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcb&"_s + ok;
    QTest::newRow("no redirect") << u"client_id=cpn-console&"_s + ok;
    QTest::newRow("https redirect") << u"client_id=cpn-console&redirect_uri=https%3A%2F%2F127.0.0.1%3A5000%2Fcb&"_s + ok;
    QTest::newRow("remote host") << u"client_id=cpn-console&redirect_uri=http%3A%2F%2Fevil.example%2Fcb&"_s + ok;
    QTest::newRow("look-alike host") << u"client_id=cpn-console&redirect_uri=http%3A%2F%2Flocalhost.evil.example%2Fcb&"_s + ok;
    QTest::newRow("other loopback") << u"client_id=cpn-console&redirect_uri=http%3A%2F%2F127.0.0.2%3A5000%2Fcb&"_s + ok;
    QTest::newRow("user info") << u"client_id=cpn-console&redirect_uri=http%3A%2F%2Fevil%40127.0.0.1%3A5000%2Fcb&"_s + ok;
    QTest::newRow("fragment") << u"client_id=cpn-console&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcb%23x&"_s + ok;
    QTest::newRow("two redirects") << u"client_id=cpn-console&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2F&redirect_uri=http%3A%2F%2F127.0.0.1%3A2%2F&"_s + ok;
}

void TestOAuthServer::refusedClientOrRedirect()
{
    QFETCH(QString, query);
    const ApiResponse r = call("GET", u"/oauth/authorize?"_s + query);
    QCOMPARE(r.status, 400);
    QVERIFY(r.contentType.startsWith("text/html"));
    QVERIFY(r.header("Location").isEmpty()); // never sent to an unvalidated URI
}

void TestOAuthServer::invalidRequestRedirects_data()
{
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("error");
    const QString challenge = makePkce().challenge;
    QTest::newRow("no challenge") << u"response_type=code&state=s1"_s << u"invalid_request"_s;
    QTest::newRow("plain method") << u"response_type=code&state=s1&code_challenge_method=plain&code_challenge="_s + challenge
                                  << u"invalid_request"_s;
    QTest::newRow("no method") << u"response_type=code&state=s1&code_challenge="_s + challenge << u"invalid_request"_s;
    QTest::newRow("short challenge") << u"response_type=code&state=s1&code_challenge_method=S256&code_challenge=abc"_s
                                     << u"invalid_request"_s;
    QTest::newRow("no state") << u"response_type=code&code_challenge_method=S256&code_challenge="_s + challenge
                              << u"invalid_request"_s;
    QTest::newRow("token response") << u"response_type=token&state=s1&code_challenge_method=S256&code_challenge="_s + challenge
                                    << u"unsupported_response_type"_s;
    QTest::newRow("unknown scope") << u"response_type=code&state=s1&scope=sim%3Acontrol&code_challenge_method=S256&code_challenge="_s + challenge
                                   << u"invalid_scope"_s;
}

void TestOAuthServer::invalidRequestRedirects()
{
    QFETCH(QString, extra);
    QFETCH(QString, error);
    const ApiResponse r =
        call("GET", u"/oauth/authorize?client_id=cpn-console&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcb&"_s + extra);
    QCOMPARE(r.status, 302);
    const QUrl location(QString::fromUtf8(r.header("Location")));
    QCOMPARE(location.host(), u"127.0.0.1"_s);
    QCOMPARE(location.port(), 5000);
    const QUrlQuery q(location);
    QCOMPARE(q.queryItemValue(u"error"_s), error);
    QVERIFY(!q.hasQueryItem(u"code"_s));
    if (extra.contains(u"state=s1"))
        QCOMPARE(q.queryItemValue(u"state"_s), u"s1"_s);
}

void TestOAuthServer::loginPageHasTheForm()
{
    const ApiResponse page = authorize(u"metrics:read jobs:write"_s, makePkce().challenge);
    QCOMPARE(page.status, 200);
    QVERIFY(page.contentType.startsWith("text/html"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(u"method=\"post\" action=\"/oauth/authorize\""));
    QVERIFY(html.contains(u"name=\"username\""));
    QVERIFY(html.contains(u"name=\"password\""));
    QVERIFY(html.contains(u"type=\"submit\""));
    QVERIFY(!requestIdOf(page).isEmpty());
    QVERIFY(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
}

void TestOAuthServer::wrongPasswordShowsTheFormAgain()
{
    const ApiResponse page = authorize(u"metrics:read"_s, makePkce().challenge);
    const QString requestId = requestIdOf(page);
    for (const QByteArray &credentials : {QByteArray("username=operator&password=planner"),
                                          QByteArray("username=nobody&password=operator"), QByteArray("username=operator")}) {
        const ApiResponse r = call("POST", u"/oauth/authorize"_s, "request_id=" + requestId.toUtf8() + '&' + credentials);
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("Location").isEmpty());
        QVERIFY(r.body.contains("Wrong user name or password"));
        QCOMPARE(requestIdOf(r), requestId); // the same request, to try again
    }
    const ApiResponse right = call("POST", u"/oauth/authorize"_s,
                                   "request_id=" + requestId.toUtf8() + "&username=operator&password=operator");
    QCOMPARE(right.status, 302);
    // The request is spent by the sign-in.
    QCOMPARE(call("POST", u"/oauth/authorize"_s, "request_id=" + requestId.toUtf8() + "&username=operator&password=operator")
                 .status,
             400);
}

void TestOAuthServer::guessingIsThrottledByAddress()
{
    const QString requestId = requestIdOf(authorize(u"metrics:read"_s, makePkce().challenge));
    const auto attempt = [&](const QString &peer, const QByteArray &password) {
        m_peer = peer;
        return call("POST", u"/oauth/authorize"_s, "request_id=" + requestId.toUtf8() + "&username=operator&password=" + password);
    };
    const QString guesser = u"10.0.0.1"_s;
    for (int i = 0; i < SignInThrottle::kFreeAddressFailures + 1; ++i)
        QCOMPARE(attempt(guesser, "wrong").status, 401);
    // Now each try waits: not even the right password is checked meanwhile.
    const ApiResponse held = attempt(guesser, "operator");
    QCOMPARE(held.status, 429);
    QCOMPARE(held.header("Retry-After"), QByteArray("1"));
    m_clock->advanceMs(1000);
    QCOMPARE(attempt(guesser, "wrong").status, 401);
    QCOMPARE(attempt(guesser, "operator").header("Retry-After"), QByteArray("2")); // doubled
    // The real user, elsewhere, signs in (with a request of its own); the guesser still waits.
    m_peer = u"10.0.0.2"_s;
    QVERIFY(!signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, makePkce()).isEmpty());
    QCOMPARE(attempt(guesser, "operator").status, 429);
    // Before: five wrong passwords ended the request, and a new one cost one anonymous GET.
}

void TestOAuthServer::anAccountIsNeverLockedForLong()
{
    // Guesses at one account from many addresses: the account slows down, to at most a minute.
    const QString requestId = requestIdOf(authorize(u"metrics:read"_s, makePkce().challenge));
    for (int i = 0; i < 300; ++i) {
        m_peer = u"10.1.%1.%2"_s.arg(i / 250).arg(i % 250);
        const int status = call("POST", u"/oauth/authorize"_s,
                                "request_id=" + requestId.toUtf8() + "&username=operator&password=guess" + QByteArray::number(i))
                               .status;
        QVERIFY(status == 401 || status == 429);
        m_clock->advanceMs(20);
    }
    m_peer = u"192.168.7.7"_s;
    const ApiResponse held = call("POST", u"/oauth/authorize"_s, "request_id=" + requestId.toUtf8() + "&username=operator&password=operator");
    QCOMPARE(held.status, 429);
    QVERIFY2(held.header("Retry-After").toInt() <= 60, held.header("Retry-After").constData());
    m_clock->advanceMs(SignInThrottle::kMaxAccountDelayMs);
    QCOMPARE(call("POST", u"/oauth/authorize"_s, "request_id=" + requestId.toUtf8() + "&username=operator&password=operator").status,
             302);
}

void TestOAuthServer::anonymousRequestsCostNothing()
{
    // Authorization requests are not stored (the request id is signed): 5,000 of them block nobody.
    for (int i = 0; i < 5000; ++i)
        QCOMPARE(authorize(u"metrics:read"_s, makePkce().challenge, u"s%1"_s.arg(i)).status, 200);
    const Pkce pkce = makePkce();
    QVERIFY(!signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce).isEmpty());
    // A request id that was tampered with is refused.
    QString forged = requestIdOf(authorize(u"metrics:read"_s, pkce.challenge));
    forged[2] = forged[2] == u'A' ? u'B' : u'A';
    QCOMPARE(call("POST", u"/oauth/authorize"_s, "request_id=" + forged.toUtf8() + "&username=operator&password=operator").status,
             400);
    // One expires with the login's lifetime.
    const QString old = requestIdOf(authorize(u"metrics:read"_s, pkce.challenge));
    m_clock->advanceMs(OAuthServer::kLoginLifetimeMs);
    QCOMPARE(call("POST", u"/oauth/authorize"_s, "request_id=" + old.toUtf8() + "&username=operator&password=operator").status, 400);
}

void TestOAuthServer::codeForTokens()
{
    const Pkce pkce = makePkce();
    const QString code = signIn(u"planner"_s, u"planner"_s, u"metrics:read jobs:write"_s, pkce);
    QVERIFY(code.startsWith(u"CANARY-"));
    const ApiResponse r = exchange(code, pkce.verifier);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/json"));
    const QJsonObject t = json(r);
    QVERIFY(t.value(u"access_token"_s).toString().startsWith(u"CANARY-"));
    QVERIFY(t.value(u"refresh_token"_s).toString().startsWith(u"CANARY-"));
    QCOMPARE(t.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(t.value(u"expires_in"_s).toInt(), 60);
    QCOMPARE(t.value(u"scope"_s).toString(), u"metrics:read jobs:write"_s);
    QCOMPARE(t.value(u"username"_s).toString(), u"planner"_s);
    // 32 random bytes in base64url after the prefix.
    QCOMPARE(t.value(u"access_token"_s).toString().size(), 7 + 43);
    QCOMPARE(api("GET", u"/n/guian/api/v1/metrics"_s, t.value(u"access_token"_s).toString()).status, 200);
}

void TestOAuthServer::pkceVerifierChecked_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::newRow("missing") << QString();
    QTest::newRow("empty") << u""_s;
    QTest::newRow("another verifier") << makePkce('w').verifier;
    QTest::newRow("the challenge itself") << makePkce().challenge;
    QTest::newRow("too short") << u"vvvv"_s;
}

void TestOAuthServer::pkceVerifierChecked()
{
    QFETCH(QString, verifier);
    const Pkce pkce = makePkce();
    const QString code = signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce);
    QVERIFY(!code.isEmpty());
    const ApiResponse r = exchange(code, verifier);
    QCOMPARE(r.status, 400);
    QCOMPARE(json(r).value(u"error"_s).toString(), u"invalid_grant"_s);
    QVERIFY(!json(r).value(u"error_description"_s).toString().isEmpty());
    // A failed attempt spends the code: the right verifier cannot follow a guess.
    QCOMPARE(exchange(code, pkce.verifier).status, 400);
}

void TestOAuthServer::codeIsSingleUse()
{
    const Pkce pkce = makePkce();
    const QString code = signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce);
    const ApiResponse first = exchange(code, pkce.verifier);
    QCOMPARE(first.status, 200);
    const QString access = json(first).value(u"access_token"_s).toString();
    const ApiResponse second = exchange(code, pkce.verifier);
    QCOMPARE(second.status, 400);
    QCOMPARE(json(second).value(u"error"_s).toString(), u"invalid_grant"_s);
    // A replayed code may be stolen: what it gave is revoked.
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, access).status, 401);
}

void TestOAuthServer::codeExpires()
{
    const Pkce pkce = makePkce();
    const QString code = signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce);
    m_clock->advanceMs(OAuthServer::kCodeLifetimeMs + 1);
    QCOMPARE(json(exchange(code, pkce.verifier)).value(u"error"_s).toString(), u"invalid_grant"_s);
}

void TestOAuthServer::redirectUriMustMatch()
{
    const Pkce pkce = makePkce();
    const QString code = signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce);
    const ApiResponse r = exchange(code, pkce.verifier, u"http://127.0.0.1:53682/other"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(json(r).value(u"error"_s).toString(), u"invalid_grant"_s);
}

void TestOAuthServer::operatorCannotSubmit()
{
    const Pkce pkce = makePkce();
    // The operator asks for jobs:write too; the role grants only the read scopes.
    const QString code = signIn(u"operator"_s, u"operator"_s, u"metrics:read jobs:read jobs:write"_s, pkce);
    const QJsonObject t = json(exchange(code, pkce.verifier));
    QCOMPARE(t.value(u"scope"_s).toString(), u"metrics:read jobs:read"_s);
    const QString access = t.value(u"access_token"_s).toString();
    QCOMPARE(api("GET", u"/api/v1/jobs"_s, access).status, 200);
    const ApiResponse r = api("POST", u"/api/v1/jobs"_s, access,
                              R"({"name":"j","kind":"batch","requirements":{"cpuCores":8,"durationHours":1}})");
    QCOMPARE(r.status, 403);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    const auto problem = cpn::protocol::parseProblem(r.body);
    QVERIFY(problem.ok());
    QVERIFY(problem.value().detail.contains(u"jobs:write"));
    QVERIFY(r.header("WWW-Authenticate").contains("insufficient_scope"));
}

void TestOAuthServer::plannerSubmits()
{
    const Pkce pkce = makePkce();
    const QString code = signIn(u"planner"_s, u"planner"_s, {}, pkce); // no scope: all the role allows
    const QJsonObject t = json(exchange(code, pkce.verifier));
    QVERIFY(t.value(u"scope"_s).toString().split(u' ').contains(u"jobs:write"_s));
    const ApiResponse r = api("POST", u"/api/v1/jobs"_s, t.value(u"access_token"_s).toString(),
                              R"({"name":"j","kind":"batch","requirements":{"cpuCores":8,"durationHours":1}})");
    QCOMPARE(r.status, 201);
    // Simulator control stays with the development token.
    QCOMPARE(m_auth->check("Bearer " + t.value(u"access_token"_s).toString().toUtf8(), Auth::kSimControl),
             Auth::Outcome::Forbidden);
}

void TestOAuthServer::accessTokenExpires()
{
    const Pkce pkce = makePkce();
    const QJsonObject t = json(exchange(signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce), pkce.verifier));
    const QString access = t.value(u"access_token"_s).toString();
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, access).status, 200);
    m_clock->advanceMs(60'000);
    const ApiResponse r = api("GET", u"/api/v1/metrics"_s, access);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QVERIFY(r.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    // The refresh token still works and gives a fresh access token.
    const ApiResponse renewed = refresh(t.value(u"refresh_token"_s).toString());
    QCOMPARE(renewed.status, 200);
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, json(renewed).value(u"access_token"_s).toString()).status, 200);
}

void TestOAuthServer::refreshRotates()
{
    const Pkce pkce = makePkce();
    const QJsonObject t = json(exchange(signIn(u"planner"_s, u"planner"_s, u"metrics:read jobs:write"_s, pkce), pkce.verifier));
    const ApiResponse r = refresh(t.value(u"refresh_token"_s).toString());
    QCOMPARE(r.status, 200);
    const QJsonObject renewed = json(r);
    QVERIFY(renewed.value(u"refresh_token"_s).toString() != t.value(u"refresh_token"_s).toString());
    QVERIFY(renewed.value(u"access_token"_s).toString() != t.value(u"access_token"_s).toString());
    QCOMPARE(renewed.value(u"scope"_s).toString(), u"metrics:read jobs:write"_s);
    // A narrower scope on refresh is allowed; a wider one is not.
    const ApiResponse narrowed = call("POST", u"/oauth/token"_s,
                                      "grant_type=refresh_token&client_id=cpn-console&scope=metrics%3Aread&refresh_token=" +
                                          renewed.value(u"refresh_token"_s).toString().toUtf8());
    QCOMPARE(narrowed.status, 200);
    QCOMPARE(json(narrowed).value(u"scope"_s).toString(), u"metrics:read"_s);
    const ApiResponse wider = call("POST", u"/oauth/token"_s,
                                   "grant_type=refresh_token&client_id=cpn-console&scope=offers%3Aread&refresh_token=" +
                                       json(narrowed).value(u"refresh_token"_s).toString().toUtf8());
    QCOMPARE(json(wider).value(u"error"_s).toString(), u"invalid_scope"_s);
    // The narrowed refresh token still carries the grant's full scopes.
    const ApiResponse full = refresh(json(narrowed).value(u"refresh_token"_s).toString());
    QCOMPARE(json(full).value(u"scope"_s).toString(), u"metrics:read jobs:write"_s);
}

void TestOAuthServer::reusedRefreshEndsTheGrant()
{
    const Pkce pkce = makePkce();
    const QJsonObject t = json(exchange(signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce), pkce.verifier));
    const QJsonObject renewed = json(refresh(t.value(u"refresh_token"_s).toString()));
    const ApiResponse again = refresh(t.value(u"refresh_token"_s).toString());
    QCOMPARE(again.status, 400);
    QCOMPARE(json(again).value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(refresh(renewed.value(u"refresh_token"_s).toString()).status, 400);
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, renewed.value(u"access_token"_s).toString()).status, 401);
}

void TestOAuthServer::reuseIsCaughtAfterTenThousandRefreshes()
{
    // A stolen refresh token is used first; the thief refreshes its copy 10,000 times; then the victim
    // presents the stolen token. Before, the server had forgotten it by then and answered "unknown".
    const Pkce pkce = makePkce();
    const QJsonObject victim = json(exchange(signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce), pkce.verifier));
    const QString stolen = victim.value(u"refresh_token"_s).toString();
    QJsonObject thief = json(refresh(stolen));
    const qsizetype tokensBefore = m_auth->tokenCount();
    for (int i = 0; i < 10000; ++i) {
        thief = json(refresh(thief.value(u"refresh_token"_s).toString()));
        QVERIFY(thief.contains(u"access_token"_s));
    }
    // Refreshing in a loop does not pile up access tokens: the grant keeps its newest two.
    QVERIFY2(m_auth->tokenCount() <= tokensBefore + 1, qPrintable(QString::number(m_auth->tokenCount())));
    const ApiResponse presented = refresh(stolen);
    QCOMPARE(json(presented).value(u"error_description"_s).toString(), u"the refresh token was already used"_s);
    QCOMPARE(refresh(thief.value(u"refresh_token"_s).toString()).status, 400);
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, thief.value(u"access_token"_s).toString()).status, 401);
}

void TestOAuthServer::revokingRefreshRevokesAccess()
{
    const Pkce pkce = makePkce();
    const QJsonObject t = json(exchange(signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce), pkce.verifier));
    const QString access = t.value(u"access_token"_s).toString();
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, access).status, 200);
    const ApiResponse r = call("POST", u"/oauth/revoke"_s,
                               "token_type_hint=refresh_token&token=" + t.value(u"refresh_token"_s).toString().toUtf8());
    QCOMPARE(r.status, 200);
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, access).status, 401);
    QCOMPARE(json(refresh(t.value(u"refresh_token"_s).toString())).value(u"error"_s).toString(), u"invalid_grant"_s);
}

void TestOAuthServer::revokeAlwaysAnswers200()
{
    QCOMPARE(call("POST", u"/oauth/revoke"_s, "token=never-issued").status, 200);
    const Pkce pkce = makePkce();
    const QJsonObject t = json(exchange(signIn(u"operator"_s, u"operator"_s, u"metrics:read"_s, pkce), pkce.verifier));
    const QString access = t.value(u"access_token"_s).toString();
    QCOMPARE(call("POST", u"/oauth/revoke"_s, "token=" + access.toUtf8()).status, 200);
    QCOMPARE(api("GET", u"/api/v1/metrics"_s, access).status, 401);
}

void TestOAuthServer::tokenEndpointErrors()
{
    QCOMPARE(json(call("POST", u"/oauth/token"_s, "grant_type=password&client_id=cpn-console&username=a&password=b"))
                 .value(u"error"_s).toString(),
             u"unsupported_grant_type"_s);
    const ApiResponse wrongClient = call("POST", u"/oauth/token"_s, "grant_type=authorization_code&client_id=x&code=y");
    QCOMPARE(wrongClient.status, 401);
    QCOMPARE(json(wrongClient).value(u"error"_s).toString(), u"invalid_client"_s);
    QCOMPARE(call("POST", u"/oauth/token"_s, "grant_type=refresh_token", "application/json").status, 400);
    QCOMPARE(call("GET", u"/oauth/token"_s).status, 405);
    QCOMPARE(json(call("POST", u"/oauth/token"_s, "grant_type=authorization_code&client_id=cpn-console&code=a&code=b"))
                 .value(u"error"_s).toString(),
             u"invalid_request"_s);
}

void TestOAuthServer::usersFile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("two users") << QByteArray(R"({"users":[{"username":"ana","password":"pw1","role":"operator"},{"username":"bo","password":"pw2","role":"planner"}]})") << true;
    QTest::newRow("not json") << QByteArray("users: ana") << false;
    QTest::newRow("no users") << QByteArray(R"({"users":[]})") << false;
    QTest::newRow("unknown role") << QByteArray(R"({"users":[{"username":"ana","password":"pw","role":"admin"}]})") << false;
    QTest::newRow("no password") << QByteArray(R"({"users":[{"username":"ana","role":"operator"}]})") << false;
    QTest::newRow("twice") << QByteArray(R"({"users":[{"username":"a","password":"p","role":"operator"},{"username":"a","password":"q","role":"planner"}]})") << false;
}

void TestOAuthServer::usersFile()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QString error;
    const auto users = OAuthUsers::fromJson(json, &error);
    QCOMPARE(users.has_value(), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (!valid)
        return;
    QCOMPARE(users->verify(u"bo"_s, u"pw2"_s), std::optional(OAuthUsers::Role::Planner));
    QCOMPARE(users->verify(u"ana"_s, u"pw1"_s), std::optional(OAuthUsers::Role::Operator));
    QVERIFY(!users->verify(u"ana"_s, u"pw2"_s));
    QVERIFY(!users->verify(u"operator"_s, u"operator"_s)); // the demo users are gone
}

QTEST_GUILESS_MAIN(TestOAuthServer)
#include "tst_oauthserver.moc"
