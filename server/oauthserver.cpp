#include "oauthserver.h"

#include "auth.h"
#include "clock.h"
#include "constanttime.h"
#include "oauthloginpage.h"

#include "domain/logging.h"
#include "domain/protocoljson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace cpn::server {
namespace {

const QString kMetadataPath = QStringLiteral("/.well-known/oauth-authorization-server");
const QString kAuthorizePath = QStringLiteral("/oauth/authorize");
const QString kTokenPath = QStringLiteral("/oauth/token");
const QString kRevokePath = QStringLiteral("/oauth/revoke");
// Bounds on what unauthenticated callers can make the server remember.
constexpr qsizetype kMaxPending = 1000;
constexpr qsizetype kMaxRemembered = 10000;

QByteArray sha256(const QString &text) { return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256); }

// RFC 7636 §4.1: 43 to 128 unreserved characters (the same shape serves for the challenge).
bool isPkceString(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    return shape.match(text).hasMatch();
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// application/x-www-form-urlencoded ('+' is a space), for bodies and the authorization query alike.
struct Form
{
    QHash<QString, QString> values;
    QStringList repeated; // RFC 6749 §3.1: parameters must not be repeated
    QString value(const QString &key) const { return values.value(key); }
};

Form parseForm(const QByteArray &body)
{
    Form form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const auto decode = [](QByteArray part) {
            part.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
        };
        const QString key = decode(eq < 0 ? pair : pair.left(eq));
        if (form.values.contains(key))
            form.repeated.append(key);
        form.values.insert(key, eq < 0 ? QString() : decode(pair.mid(eq + 1)));
    }
    return form;
}

bool isFormBody(const ApiRequest &request)
{
    return request.contentType.split(';').constFirst().trimmed().toLower() == "application/x-www-form-urlencoded";
}

QByteArray pct(const QString &value) { return QUrl::toPercentEncoding(value); }

ApiResponse jsonResponse(const QJsonObject &object, int status = 200)
{
    ApiResponse r;
    r.status = status;
    r.body = protocol::toBody(object);
    r.addHeader("Pragma", "no-cache");
    return r;
}

// RFC 6749 §5.2: plain JSON, not problem+json, because OAuth clients parse exactly this shape.
ApiResponse oauthError(const QString &error, const QString &description, int status = 400)
{
    ApiResponse r = jsonResponse({{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}},
                                 status);
    if (status == 401)
        r.addHeader("WWW-Authenticate", "Basic realm=\"cpn-nodesim\"");
    return r;
}

ApiResponse html(const QByteArray &body, int status = 200)
{
    ApiResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = body;
    // No framing (clickjacking of the login form), no scripts, no referrer carrying the code.
    r.addHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    r.addHeader("X-Frame-Options", "DENY");
    r.addHeader("Referrer-Policy", "no-referrer");
    return r;
}

ApiResponse redirect(const QString &redirectUri, const QList<QPair<QString, QString>> &parameters)
{
    QByteArray location = QUrl(redirectUri).toEncoded();
    char separator = location.contains('?') ? '&' : '?';
    for (const auto &p : parameters) {
        location += separator + pct(p.first) + '=' + pct(p.second);
        separator = '&';
    }
    ApiResponse r;
    r.status = 302;
    r.contentType = "text/plain";
    r.addHeader("Location", location);
    r.addHeader("Referrer-Policy", "no-referrer");
    return r;
}

ApiResponse redirectError(const QString &redirectUri, const QString &state, const QString &error,
                          const QString &description)
{
    QList<QPair<QString, QString>> parameters{{QStringLiteral("error"), error},
                                              {QStringLiteral("error_description"), description}};
    if (!state.isEmpty())
        parameters.append({QStringLiteral("state"), state});
    return redirect(redirectUri, parameters);
}

template <typename Map> void removeExpired(Map &map, qint64 now)
{
    map.removeIf([now](const auto &it) { return it.value().expiresAtMs <= now; });
}

} // namespace

OAuthServer::OAuthServer(Auth &auth, OAuthUsers users, const Clock &clock, Config config)
    : m_auth(auth), m_users(std::move(users)), m_clock(clock), m_config(std::move(config))
{
}

void OAuthServer::setIssuer(const QUrl &issuer)
{
    m_issuer = issuer.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery).toString();
}

QStringList OAuthServer::supportedScopes()
{
    return Auth::readScopes() + QStringList{Auth::kJobsWrite, Auth::kAlarmsWrite};
}

bool OAuthServer::handles(const QString &path)
{
    return path == kMetadataPath || path == kAuthorizePath || path == kTokenPath || path == kRevokePath;
}

bool OAuthServer::isAllowedRedirectUri(const QString &uri)
{
    if (uri.isEmpty() || uri.size() > 2048)
        return false;
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    // Exact hosts only: a name that merely resolves to loopback could be rebound elsewhere.
    const QString host = url.host();
    return host == u"127.0.0.1" || host == u"::1" || host == u"localhost";
}

ApiResponse OAuthServer::handle(const ApiRequest &request)
{
    dropExpired();
    if (request.body.size() > ApiRouter::kMaxRequestBytes)
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("the body is too large"), 413);
    if (request.path == kMetadataPath) {
        if (request.method != "GET" && request.method != "HEAD")
            return ApiRouter::problem(405, QStringLiteral("Use GET"), request.path);
        return metadata();
    }
    if (request.path == kAuthorizePath) {
        if (request.method == "GET" || request.method == "HEAD")
            return authorizeGet(request);
        if (request.method == "POST")
            return authorizePost(request);
        return html(OAuthLoginPage::error(QStringLiteral("Use GET or POST.")), 405);
    }
    if (request.method != "POST")
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("use POST"), 405);
    if (request.path == kTokenPath)
        return token(request);
    return revoke(request);
}

ApiResponse OAuthServer::metadata() const
{
    const auto array = [](const QStringList &list) { return QJsonArray::fromStringList(list); };
    return jsonResponse({
        {QStringLiteral("issuer"), m_issuer},
        {QStringLiteral("authorization_endpoint"), m_issuer + kAuthorizePath},
        {QStringLiteral("token_endpoint"), m_issuer + kTokenPath},
        {QStringLiteral("revocation_endpoint"), m_issuer + kRevokePath},
        {QStringLiteral("response_types_supported"), array({QStringLiteral("code")})},
        {QStringLiteral("grant_types_supported"),
         array({QStringLiteral("authorization_code"), QStringLiteral("refresh_token")})},
        {QStringLiteral("code_challenge_methods_supported"), array({QStringLiteral("S256")})},
        {QStringLiteral("token_endpoint_auth_methods_supported"), array({QStringLiteral("none")})},
        {QStringLiteral("revocation_endpoint_auth_methods_supported"), array({QStringLiteral("none")})},
        {QStringLiteral("scopes_supported"), array(supportedScopes())},
    });
}

ApiResponse OAuthServer::authorizeGet(const ApiRequest &request)
{
    const Form form = parseForm(request.query.query(QUrl::FullyEncoded).toUtf8());
    const auto value = [&form](const char *key) { return form.value(QLatin1String(key)); };
    const QString clientId = value("client_id");
    const QString redirectUri = value("redirect_uri");
    // Until client and redirect URI are known good, errors go to this page, never to the URI.
    if (clientId != kClientId || form.repeated.contains(u"client_id"))
        return html(OAuthLoginPage::error(QStringLiteral("Unknown client_id; this server knows only %1.").arg(kClientId)),
                    400);
    if (form.repeated.contains(u"redirect_uri") || !isAllowedRedirectUri(redirectUri))
        return html(OAuthLoginPage::error(QStringLiteral(
                        "The redirect_uri must be a loopback http address (127.0.0.1, [::1] or localhost).")),
                    400);

    const QString state = value("state");
    if (!form.repeated.isEmpty())
        return redirectError(redirectUri, state, QStringLiteral("invalid_request"),
                             QStringLiteral("%1 is repeated").arg(form.repeated.constFirst().left(64)));
    if (value("response_type") != u"code")
        return redirectError(redirectUri, state, QStringLiteral("unsupported_response_type"),
                             QStringLiteral("only response_type=code is supported"));
    if (state.isEmpty() || state.size() > 512)
        return redirectError(redirectUri, state.left(512), QStringLiteral("invalid_request"),
                             QStringLiteral("a state of up to 512 characters is required"));
    const QString challenge = value("code_challenge");
    if (challenge.isEmpty() || value("code_challenge_method") != u"S256")
        return redirectError(redirectUri, state, QStringLiteral("invalid_request"),
                             QStringLiteral("PKCE is required: code_challenge with code_challenge_method=S256"));
    if (!isPkceString(challenge))
        return redirectError(redirectUri, state, QStringLiteral("invalid_request"),
                             QStringLiteral("code_challenge must be 43 to 128 base64url characters"));
    QStringList scopes = value("scope").split(u' ', Qt::SkipEmptyParts);
    scopes.removeDuplicates();
    for (const QString &scope : scopes) {
        if (!supportedScopes().contains(scope))
            return redirectError(redirectUri, state, QStringLiteral("invalid_scope"),
                                 QStringLiteral("unknown scope %1").arg(scope.left(64)));
    }
    if (scopes.isEmpty())
        scopes = supportedScopes(); // then the user's role decides

    if (m_logins.size() >= kMaxPending)
        return html(OAuthLoginPage::error(QStringLiteral("Too many sign-ins are pending; try again in a few minutes.")),
                    503);
    const QString requestId = newSecret();
    m_logins.insert(requestId, PendingLogin{redirectUri, state, challenge, scopes, m_clock.nowMs() + kLoginLifetimeMs});
    return html(OAuthLoginPage::login(m_config.serviceName, requestId, clientId, scopes));
}

ApiResponse OAuthServer::authorizePost(const ApiRequest &request)
{
    if (!isFormBody(request))
        return html(OAuthLoginPage::error(QStringLiteral("The sign-in form was not sent as a form.")), 400);
    const Form form = parseForm(request.body);
    const auto it = m_logins.find(form.value(QStringLiteral("request_id")));
    if (it == m_logins.end())
        return html(OAuthLoginPage::error(QStringLiteral("This sign-in request is unknown or has expired.")), 400);

    const QString username = form.value(QStringLiteral("username"));
    const auto role = m_users.verify(username, form.value(QStringLiteral("password")));
    if (!role) {
        qCInfo(lcServer).noquote() << "sign-in failed for user" << username.left(64);
        if (++it->failures >= kMaxLoginFailures) {
            m_logins.erase(it);
            return html(OAuthLoginPage::error(QStringLiteral("Too many wrong passwords for this sign-in request.")), 401);
        }
        return html(OAuthLoginPage::login(m_config.serviceName, it.key(), kClientId, it->scopes,
                                          QStringLiteral("Wrong user name or password")),
                    401);
    }
    const PendingLogin login = it.value();
    m_logins.erase(it); // one login per authorization request

    QStringList granted;
    const QStringList allowed = OAuthUsers::scopesOf(*role);
    for (const QString &scope : login.scopes) {
        if (allowed.contains(scope))
            granted.append(scope);
    }
    if (granted.isEmpty())
        return redirectError(login.redirectUri, login.state, QStringLiteral("access_denied"),
                             QStringLiteral("the user's role grants none of the requested scopes"));
    if (m_codes.size() >= kMaxPending)
        return redirectError(login.redirectUri, login.state, QStringLiteral("temporarily_unavailable"),
                             QStringLiteral("too many unredeemed codes"));
    const QString code = newSecret();
    m_codes.insert(sha256(code), Code{login.redirectUri, login.challenge, granted, username,
                                      m_clock.nowMs() + kCodeLifetimeMs});
    qCInfo(lcServer).noquote() << "user" << username << "signed in; scopes" << granted.join(u' ');
    return redirect(login.redirectUri, {{QStringLiteral("code"), code}, {QStringLiteral("state"), login.state}});
}

ApiResponse OAuthServer::token(const ApiRequest &request)
{
    if (!isFormBody(request))
        return oauthError(QStringLiteral("invalid_request"),
                          QStringLiteral("the body must be application/x-www-form-urlencoded"));
    const Form form = parseForm(request.body);
    if (!form.repeated.isEmpty())
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("%1 is repeated").arg(form.repeated.constFirst().left(64)));
    const QString clientId = form.value(QStringLiteral("client_id"));
    if (clientId != kClientId)
        return oauthError(QStringLiteral("invalid_client"), QStringLiteral("unknown client_id"), 401);
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType == u"authorization_code")
        return tokenFromCode(form.values);
    if (grantType == u"refresh_token")
        return tokenFromRefresh(form.values);
    return oauthError(QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("grant_type must be authorization_code or refresh_token"));
}

ApiResponse OAuthServer::tokenFromCode(const QHash<QString, QString> &form)
{
    const QByteArray key = sha256(form.value(QStringLiteral("code")));
    if (const auto used = m_usedCodes.constFind(key); used != m_usedCodes.cend()) {
        // RFC 6749 §4.1.2: a code presented twice may have been stolen; revoke what it gave.
        m_auth.revokeGrant(used.value());
        m_refreshes.removeIf([&](const auto &it) { return it.value().grant == used.value(); });
        qCWarning(lcServer) << "an authorization code was presented twice; its tokens are revoked";
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("the code was already used"));
    }
    const auto it = m_codes.constFind(key);
    if (it == m_codes.cend())
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("unknown or expired code"));
    const Code code = it.value();
    m_codes.erase(it); // single use, even when the attempt fails: a verifier cannot be guessed twice

    if (form.value(QStringLiteral("redirect_uri")) != code.redirectUri)
        return oauthError(QStringLiteral("invalid_grant"),
                          QStringLiteral("redirect_uri differs from the authorization request"));
    const QString verifier = form.value(QStringLiteral("code_verifier"));
    if (verifier.isEmpty())
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("code_verifier is required (PKCE)"));
    if (!isPkceString(verifier) || !equalConstantTime(s256(verifier).toLatin1(), code.challenge.toLatin1()))
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("code_verifier does not match the challenge"));

    const QString grant = newSecret();
    if (m_usedCodes.size() >= kMaxRemembered)
        m_usedCodes.clear();
    m_usedCodes.insert(key, grant);
    return issueTokens(grant, code.scopes, code.scopes, code.username);
}

ApiResponse OAuthServer::tokenFromRefresh(const QHash<QString, QString> &form)
{
    // QtNetworkAuth 6.4 also sends redirect_uri and an empty client_secret: both are ignored.
    const QByteArray key = sha256(form.value(QStringLiteral("refresh_token")));
    if (const auto old = m_oldRefreshes.constFind(key); old != m_oldRefreshes.cend()) {
        // RFC 9700 §4.14.2: a rotated refresh token used again means two holders; end the grant.
        const QString grant = old.value();
        m_auth.revokeGrant(grant);
        m_refreshes.removeIf([&](const auto &it) { return it.value().grant == grant; });
        qCWarning(lcServer) << "a rotated refresh token was used again; its grant is revoked";
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("the refresh token was already used"));
    }
    const auto it = m_refreshes.constFind(key);
    if (it == m_refreshes.cend())
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("unknown, revoked or expired refresh token"));
    const Refresh refresh = it.value();
    QStringList scopes = refresh.scopes;
    if (form.contains(QStringLiteral("scope")) && !form.value(QStringLiteral("scope")).trimmed().isEmpty()) {
        scopes = form.value(QStringLiteral("scope")).split(u' ', Qt::SkipEmptyParts);
        scopes.removeDuplicates();
        for (const QString &scope : scopes) {
            if (!refresh.scopes.contains(scope))
                return oauthError(QStringLiteral("invalid_scope"),
                                  QStringLiteral("%1 was not granted to this refresh token").arg(scope.left(64)));
        }
    }
    m_refreshes.erase(it);
    if (m_oldRefreshes.size() >= kMaxRemembered)
        m_oldRefreshes.clear();
    m_oldRefreshes.insert(key, refresh.grant);
    return issueTokens(refresh.grant, scopes, refresh.scopes, refresh.username);
}

ApiResponse OAuthServer::issueTokens(const QString &grant, const QStringList &scopes, const QStringList &grantScopes,
                                     const QString &username)
{
    const qint64 now = m_clock.nowMs();
    const QString accessToken = newSecret();
    const QString refreshToken = newSecret();
    m_auth.addIssuedToken(accessToken, scopes, now + qint64(m_config.accessTokenTtlSeconds) * 1000, grant,
                          username);
    // The refresh token keeps the grant's full scopes, even when this access token was narrowed.
    m_refreshes.insert(sha256(refreshToken), Refresh{grant, grantScopes, username, now + kRefreshLifetimeMs});
    return jsonResponse({
        {QStringLiteral("access_token"), accessToken},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), m_config.accessTokenTtlSeconds},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("scope"), scopes.join(u' ')},
        {QStringLiteral("username"), username}, // for the console's "Signed in as"; not a secret
    });
}

ApiResponse OAuthServer::revoke(const ApiRequest &request)
{
    if (!isFormBody(request))
        return oauthError(QStringLiteral("invalid_request"),
                          QStringLiteral("the body must be application/x-www-form-urlencoded"));
    const QString token = parseForm(request.body).value(QStringLiteral("token"));
    if (token.isEmpty())
        return oauthError(QStringLiteral("invalid_request"), QStringLiteral("token is required"));
    // RFC 7009 §2.2: 200 whether or not the token was known.
    const auto it = m_refreshes.constFind(sha256(token));
    if (it != m_refreshes.cend()) {
        const QString grant = it->grant;
        m_auth.revokeGrant(grant);
        m_refreshes.removeIf([&](const auto &r) { return r.value().grant == grant; });
        m_oldRefreshes.removeIf([&](const auto &r) { return r.value() == grant; });
    } else {
        m_auth.revokeToken(token);
    }
    ApiResponse r;
    r.contentType = "application/json";
    r.body = "{}";
    return r;
}

QString OAuthServer::newSecret() const
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return m_config.tokenPrefix +
           QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void OAuthServer::dropExpired()
{
    const qint64 now = m_clock.nowMs();
    removeExpired(m_logins, now);
    removeExpired(m_codes, now);
    removeExpired(m_refreshes, now);
}

} // namespace cpn::server
