#pragma once

#include "apirouter.h"
#include "oauthusers.h"
#include "signinthrottle.h"

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
    // Bounds on what the server remembers. Grants (one per sign-in, kept until their refresh token
    // lapses) and spent codes are never forgotten early: when full, new sign-ins wait (503).
    static constexpr qsizetype kMaxGrants = 100'000;
    static constexpr qsizetype kMaxCodes = 10'000;

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
    // An authorization request waiting for the login form. Not stored: it travels in the form as
    // its signed request_id, so anonymous requests cost the server nothing.
    struct PendingLogin
    {
        QString redirectUri;
        QString state;
        QString challenge;
        QStringList scopes;
        qint64 expiresAtMs = 0;
    };
    struct Code
    {
        QString redirectUri;
        QString challenge;
        QStringList scopes;
        QString username;
        qint64 expiresAtMs = 0;
    };
    // One sign-in's grant. Its refresh tokens are signed (grant, generation) pairs: the current one
    // is the grant's generation, any older one presented means two holders (RFC 9700 §4.14), and no
    // token needs to be remembered to know it.
    struct Grant
    {
        QStringList scopes;
        QString username;
        qint64 generation = 0;
        qint64 expiresAtMs = 0;
    };
    struct SpentCode // remembered while the code could still be presented
    {
        QString grant;
        qint64 expiresAtMs = 0;
    };

    ApiResponse metadata() const;
    ApiResponse authorizeGet(const ApiRequest &request);
    ApiResponse authorizePost(const ApiRequest &request);
    ApiResponse token(const ApiRequest &request);
    ApiResponse tokenFromCode(const QHash<QString, QString> &form);
    ApiResponse tokenFromRefresh(const QHash<QString, QString> &form);
    ApiResponse revoke(const ApiRequest &request);
    ApiResponse issueTokens(const QString &grant, const QStringList &scopes);
    void endGrant(const QString &grant);

    QString newSecret() const; // the prefix and 32 random bytes, base64url
    QByteArray sign(const QByteArray &purpose, const QByteArray &data) const;
    QString requestIdOf(const PendingLogin &login) const;
    std::optional<PendingLogin> loginOf(const QString &requestId) const;
    QString refreshTokenOf(const QString &grant, qint64 generation) const;
    struct RefreshClaim
    {
        QString grant;
        qint64 generation = 0;
    };
    std::optional<RefreshClaim> claimOf(const QString &refreshToken) const;
    void dropExpired();

    Auth &m_auth;
    OAuthUsers m_users;
    const Clock &m_clock;
    Config m_config;
    QString m_issuer;
    QByteArray m_key; // signs request ids and refresh tokens; random per run
    SignInThrottle m_throttle;
    QHash<QByteArray, qint64> m_spentLogins;  // SHA-256 of a used request_id -> when it would expire
    QHash<QByteArray, Code> m_codes;          // SHA-256 of the code -> what it grants
    QHash<QByteArray, SpentCode> m_usedCodes; // SHA-256 of a redeemed code -> its grant
    QHash<QString, Grant> m_grants;           // grant id -> its state
    qint64 m_nextSweepMs = 0;
};

} // namespace cpn::server
