#include "oauthserver.h"

#include "auth.h"
#include "clock.h"
#include "constanttime.h"
#include "oauthloginpage.h"

#include "domain/logging.h"
#include "domain/protocoljson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace cpn::server {
namespace {

const QString kMetadataPath = QStringLiteral("/.well-known/oauth-authorization-server");
const QString kAuthorizePath = QStringLiteral("/oauth/authorize");
const QString kTokenPath = QStringLiteral("/oauth/token");
const QString kRevokePath = QStringLiteral("/oauth/revoke");
constexpr int kGrantIdBytes = 16;

QByteArray base64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64url(const QString &text, qsizetype maxChars)
{
    if (text.size() > maxChars)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding |
                                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

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

ApiResponse tooMany(const QString &text, qint64 waitMs)
{
    ApiResponse r = html(OAuthLoginPage::error(text), 429);
    r.addHeader("Retry-After", QByteArray::number((waitMs + 999) / 1000));
    return r;
}

} // namespace

OAuthServer::OAuthServer(Auth &auth, OAuthUsers users, const Clock &clock, Config config)
    : m_auth(auth), m_users(std::move(users)), m_clock(clock), m_config(std::move(config)), m_key(32, Qt::Uninitialized),
      m_throttle(clock)
{
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
}

QByteArray OAuthServer::sign(const QByteArray &purpose, const QByteArray &data) const
{
    return QMessageAuthenticationCode::hash(purpose + '|' + data, m_key, QCryptographicHash::Sha256);
}

QString OAuthServer::requestIdOf(const PendingLogin &login) const
{
    const QByteArray payload = QJsonDocument(QJsonArray{login.redirectUri, login.state, login.challenge,
                                                        login.scopes.join(u' '), login.expiresAtMs})
                                   .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(base64url(payload) + '.' + base64url(sign("login", payload)));
}

std::optional<OAuthServer::PendingLogin> OAuthServer::loginOf(const QString &requestId) const
{
    const qsizetype dot = requestId.indexOf(u'.');
    const auto payload = fromBase64url(requestId.left(dot), 4096);
    const auto mac = fromBase64url(requestId.mid(dot + 1), 64);
    if (dot < 0 || !payload || !mac || !equalConstantTime(*mac, sign("login", *payload)))
        return std::nullopt;
    const QJsonArray a = QJsonDocument::fromJson(*payload).array();
    PendingLogin login{a.at(0).toString(), a.at(1).toString(), a.at(2).toString(),
                       a.at(3).toString().split(u' ', Qt::SkipEmptyParts), a.at(4).toInteger()};
    if (login.expiresAtMs <= m_clock.nowMs())
        return std::nullopt;
    return login;
}

QString OAuthServer::refreshTokenOf(const QString &grant, qint64 generation) const
{
    QByteArray data = *fromBase64url(grant, 64);
    for (int shift = 56; shift >= 0; shift -= 8)
        data.append(char((generation >> shift) & 0xff));
    return m_config.tokenPrefix + QString::fromLatin1(base64url(data + sign("refresh", data)));
}

std::optional<OAuthServer::RefreshClaim> OAuthServer::claimOf(const QString &refreshToken) const
{
    if (!refreshToken.startsWith(m_config.tokenPrefix))
        return std::nullopt;
    const auto bytes = fromBase64url(refreshToken.mid(m_config.tokenPrefix.size()), 128);
    if (!bytes || bytes->size() != kGrantIdBytes + 8 + 32)
        return std::nullopt;
    const QByteArray data = bytes->left(kGrantIdBytes + 8);
    if (!equalConstantTime(bytes->mid(kGrantIdBytes + 8), sign("refresh", data)))
        return std::nullopt;
    qint64 generation = 0;
    for (int i = kGrantIdBytes; i < kGrantIdBytes + 8; ++i)
        generation = (generation << 8) | quint8(data.at(i));
    return RefreshClaim{QString::fromLatin1(base64url(data.left(kGrantIdBytes))), generation};
}

void OAuthServer::endGrant(const QString &grant)
{
    m_grants.remove(grant);
    m_auth.revokeGrant(grant);
}

void OAuthServer::setIssuer(const QUrl &issuer)
{
    m_issuer = issuer.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery).toString();
}

QStringList OAuthServer::supportedScopes()
{
    return Auth::readScopes() + QStringList{Auth::kJobsWrite, Auth::kAlarmsWrite, Auth::kRegistryRead, Auth::kRegistryWrite};
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

    const QString requestId =
        requestIdOf(PendingLogin{redirectUri, state, challenge, scopes, m_clock.nowMs() + kLoginLifetimeMs});
    return html(OAuthLoginPage::login(m_config.serviceName, requestId, clientId, scopes));
}

ApiResponse OAuthServer::authorizePost(const ApiRequest &request)
{
    if (!isFormBody(request))
        return html(OAuthLoginPage::error(QStringLiteral("The sign-in form was not sent as a form.")), 400);
    const Form form = parseForm(request.body);
    const QString requestId = form.value(QStringLiteral("request_id"));
    const QByteArray requestKey = sha256(requestId);
    const auto pending = loginOf(requestId);
    if (!pending || m_spentLogins.contains(requestKey))
        return html(OAuthLoginPage::error(QStringLiteral("This sign-in request is unknown or has expired.")), 400);

    const QString username = form.value(QStringLiteral("username"));
    // Asked before the password is checked: while waiting, even the right password is not tried.
    if (const qint64 waitMs = m_throttle.waitMs(request.peer, username); waitMs > 0)
        return tooMany(QStringLiteral("Too many failed sign-ins; try again in %1 s.").arg((waitMs + 999) / 1000), waitMs);
    const auto role = m_users.verify(username, form.value(QStringLiteral("password")));
    if (!role) {
        qCInfo(lcServer).noquote() << "sign-in failed for user" << username.left(64) << "from" << request.peer;
        m_throttle.failed(request.peer, username);
        return html(OAuthLoginPage::login(m_config.serviceName, requestId, kClientId, pending->scopes,
                                          QStringLiteral("Wrong user name or password")),
                    401);
    }
    m_throttle.succeeded(request.peer, username);
    if (m_usedCodes.size() + m_codes.size() >= kMaxCodes || m_spentLogins.size() >= kMaxCodes)
        return redirectError(pending->redirectUri, pending->state, QStringLiteral("temporarily_unavailable"),
                             QStringLiteral("too many sign-ins at once; try again in a minute"));
    const PendingLogin login = *pending;
    m_spentLogins.insert(requestKey, login.expiresAtMs); // one login per authorization request

    QStringList granted;
    const QStringList allowed = OAuthUsers::scopesOf(*role);
    for (const QString &scope : login.scopes) {
        if (allowed.contains(scope))
            granted.append(scope);
    }
    if (granted.isEmpty())
        return redirectError(login.redirectUri, login.state, QStringLiteral("access_denied"),
                             QStringLiteral("the user's role grants none of the requested scopes"));
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
        endGrant(used->grant);
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

    if (m_grants.size() >= kMaxGrants) {
        removeExpired(m_grants, m_clock.nowMs());
        if (m_grants.size() >= kMaxGrants)
            return oauthError(QStringLiteral("temporarily_unavailable"), QStringLiteral("too many grants; try later"), 503);
    }
    QByteArray id(kGrantIdBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(id.data()), kGrantIdBytes / 4);
    const QString grant = QString::fromLatin1(base64url(id));
    m_grants.insert(grant, Grant{code.scopes, code.username, 0, m_clock.nowMs() + kRefreshLifetimeMs});
    m_usedCodes.insert(key, SpentCode{grant, code.expiresAtMs});
    return issueTokens(grant, code.scopes);
}

ApiResponse OAuthServer::tokenFromRefresh(const QHash<QString, QString> &form)
{
    // QtNetworkAuth 6.4 also sends redirect_uri and an empty client_secret: both are ignored.
    const auto claim = claimOf(form.value(QStringLiteral("refresh_token")));
    const auto it = claim ? m_grants.find(claim->grant) : m_grants.end();
    if (it == m_grants.end() || it->expiresAtMs <= m_clock.nowMs())
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("unknown, revoked or expired refresh token"));
    if (claim->generation != it->generation) {
        // RFC 9700 §4.14.2: a rotated refresh token used again means two holders; end the grant.
        endGrant(claim->grant);
        qCWarning(lcServer) << "a rotated refresh token was used again; its grant is revoked";
        return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("the refresh token was already used"));
    }
    QStringList scopes = it->scopes;
    if (form.contains(QStringLiteral("scope")) && !form.value(QStringLiteral("scope")).trimmed().isEmpty()) {
        scopes = form.value(QStringLiteral("scope")).split(u' ', Qt::SkipEmptyParts);
        scopes.removeDuplicates();
        for (const QString &scope : scopes) {
            if (!it->scopes.contains(scope))
                return oauthError(QStringLiteral("invalid_scope"),
                                  QStringLiteral("%1 was not granted to this refresh token").arg(scope.left(64)));
        }
    }
    ++it->generation;
    it->expiresAtMs = m_clock.nowMs() + kRefreshLifetimeMs;
    return issueTokens(claim->grant, scopes);
}

ApiResponse OAuthServer::issueTokens(const QString &grant, const QStringList &scopes)
{
    const Grant &g = m_grants.value(grant);
    const qint64 now = m_clock.nowMs();
    const QString accessToken = newSecret();
    // The refresh token keeps the grant's full scopes, even when this access token was narrowed.
    const QString refreshToken = refreshTokenOf(grant, g.generation);
    const QString username = g.username;
    m_auth.addIssuedToken(accessToken, scopes, now + qint64(m_config.accessTokenTtlSeconds) * 1000, grant,
                          username);
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
    if (const auto claim = claimOf(token); claim && m_grants.contains(claim->grant))
        endGrant(claim->grant);
    else
        m_auth.revokeToken(token);
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
    // Every few seconds, not at every request: the sweep is linear in what is held.
    const qint64 now = m_clock.nowMs();
    if (now < m_nextSweepMs)
        return;
    m_nextSweepMs = now + 5'000;
    removeExpired(m_codes, now);
    removeExpired(m_usedCodes, now);
    removeExpired(m_grants, now);
    m_spentLogins.removeIf([now](const auto &it) { return it.value() <= now; });
}

} // namespace cpn::server
