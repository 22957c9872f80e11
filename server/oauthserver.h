#pragma once

#include "apirouter.h"
#include "oauthusers.h"

#include <QHash>
#include <QUrl>

namespace cpn::server {

class Auth;
class Clock;

// The simulator's OAuth 2 authorization server for native apps (RFC 6749, 7636, 8252, 8414,
// 7009): a login page, authorization codes bound to a PKCE S256 challenge, expiring access
// tokens (handed to Auth, which the API checks) and rotating refresh tokens. One server for
// every node the simulator serves. docs/node-api.md, "Authentication", is the contract.
// Pure request -> response like ApiRouter, so every rule can be unit tested without sockets.
class OAuthServer
{
public:
    static inline const QString kClientId = QStringLiteral("cpn-console");
    static constexpr qint64 kCodeLifetimeMs = 60'000;
    static constexpr qint64 kLoginLifetimeMs = 10 * 60'000;
    static constexpr qint64 kRefreshLifetimeMs = 30LL * 24 * 3600'000;
    static constexpr int kMaxLoginFailures = 5; // per authorization request; then it must start again

    struct Config
    {
        int accessTokenTtlSeconds = 3600;
        QString tokenPrefix; // issued tokens start with it (tests grep for a canary)
        QString serviceName = QStringLiteral("the CPN node simulator"); // "Sign in to <serviceName>"
    };

    OAuthServer(Auth &auth, OAuthUsers users, const Clock &clock, Config config);

    // The simulator's root URL, e.g. http://127.0.0.1:8080; the endpoints hang below it.
    void setIssuer(const QUrl &issuer);
    QString issuer() const { return m_issuer; }

    static bool handles(const QString &path);
    ApiResponse handle(const ApiRequest &request);

    // RFC 8252 §7.3: loopback http on any port, host exactly 127.0.0.1, [::1] or localhost.
    static bool isAllowedRedirectUri(const QString &uri);
    static QStringList supportedScopes();

private:
    struct PendingLogin // an authorization request waiting for the login form
    {
        QString redirectUri;
        QString state;
        QString challenge;
        QStringList scopes;
        qint64 expiresAtMs = 0;
        int failures = 0; // wrong passwords so far
    };
    struct Code
    {
        QString redirectUri;
        QString challenge;
        QStringList scopes;
        QString username;
        qint64 expiresAtMs = 0;
    };
    struct Refresh
    {
        QString grant;
        QStringList scopes;
        QString username;
        qint64 expiresAtMs = 0;
    };

    ApiResponse metadata() const;
    ApiResponse authorizeGet(const ApiRequest &request);
    ApiResponse authorizePost(const ApiRequest &request);
    ApiResponse token(const ApiRequest &request);
    ApiResponse tokenFromCode(const QHash<QString, QString> &form);
    ApiResponse tokenFromRefresh(const QHash<QString, QString> &form);
    ApiResponse revoke(const ApiRequest &request);
    ApiResponse issueTokens(const QString &grant, const QStringList &scopes, const QStringList &grantScopes,
                            const QString &username);

    QString newSecret() const; // the prefix and 32 random bytes, base64url
    void dropExpired();

    Auth &m_auth;
    OAuthUsers m_users;
    const Clock &m_clock;
    Config m_config;
    QString m_issuer;
    QHash<QString, PendingLogin> m_logins;     // request_id -> request
    QHash<QByteArray, Code> m_codes;           // SHA-256 of the code -> what it grants
    QHash<QByteArray, QString> m_usedCodes;    // SHA-256 of a redeemed code -> its grant
    QHash<QByteArray, Refresh> m_refreshes;    // SHA-256 of the refresh token -> its grant
    QHash<QByteArray, QString> m_oldRefreshes; // SHA-256 of a rotated refresh token -> its grant
};

} // namespace cpn::server
