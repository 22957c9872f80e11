#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cpn::server {

class Clock;

// Maps bearer tokens to scopes: static development tokens from the command line and the access
// tokens the authorization server issues, which expire and can be revoked per grant. Tokens are
// kept only as SHA-256 digests, so a lookup by digest reveals nothing about a token's bytes and
// the process never holds them in the clear longer than a request.
class Auth
{
public:
    static const QStringList &readScopes(); // node:read metrics:read offers:read jobs:read alarms:read
    static const QStringList &allScopes();  // the read scopes, jobs:write, alarms:write, registry:* and sim:control
    static inline const QString kSimControl = QStringLiteral("sim:control");
    static inline const QString kJobsWrite = QStringLiteral("jobs:write");
    static inline const QString kAlarmsRead = QStringLiteral("alarms:read");
    static inline const QString kAlarmsWrite = QStringLiteral("alarms:write");
    // Identifier registration: reading the registry, deciding on it, and applying to join.
    static inline const QString kRegistryRead = QStringLiteral("registry:read");
    static inline const QString kRegistryWrite = QStringLiteral("registry:write");
    static inline const QString kRegistryApply = QStringLiteral("registry:apply");
    // Who acts with a development token (--dev-token, --read-token) on alarms.
    static inline const QString kDevUser = QStringLiteral("developer");
    static inline const QString kReadUser = QStringLiteral("reader");
    static inline const QString kApplicantUser = QStringLiteral("applicant");

    Auth(); // time from the system clock
    explicit Auth(const Clock &clock);
    ~Auth();
    Auth(const Auth &) = delete;
    Auth &operator=(const Auth &) = delete;

    // A token that never expires (--dev-token, --read-token).
    void addToken(const QString &token, const QStringList &scopes, const QString &username = kDevUser);
    // An issued access token, valid until expiresAtMs on the clock; grant groups the tokens one
    // sign-in produced so revoking its refresh token revokes them all.
    void addIssuedToken(const QString &token, const QStringList &scopes, qint64 expiresAtMs,
                        const QString &grant, const QString &username = {});
    void revokeToken(const QString &token);
    void revokeGrant(const QString &grant);

    enum class Outcome { Allowed, Unauthorized, InvalidToken, Expired, Forbidden };
    Outcome check(const QByteArray &authorizationHeader, const QString &scope) const;

    // What a denied request is told: the HTTP status, the problem detail and the RFC 6750 challenge.
    struct Denial
    {
        int status = 401;
        QString detail;
        QByteArray challenge; // the WWW-Authenticate value
    };
    static Denial denial(Outcome outcome, const QString &scope);
    // Allowed when the header carries a known, unexpired token, whatever its scopes.
    Outcome authenticate(const QByteArray &authorizationHeader) const;

    // The user name of the token in the header (empty when it is unknown): who acknowledged.
    QString username(const QByteArray &authorizationHeader) const;

    static QByteArray digest(const QString &token);
    // Tokens held (development and issued, expired ones included until forgotten).
    qsizetype tokenCount() const { return m_tokens.size(); }
    // Access tokens a grant keeps valid at once: the newest and the one before (a request sent just
    // before a refresh still passes); older ones are revoked as new ones are issued.
    static constexpr int kTokensPerGrant = 2;

private:
    struct Entry
    {
        QSet<QString> scopes;
        qint64 expiresAtMs = -1; // -1: never
        QString grant;
        QString username;
    };
    const Entry *find(const QByteArray &authorizationHeader) const;
    void dropLongExpired();

    const Clock *m_clock;
    bool m_ownsClock;
    QHash<QByteArray, Entry> m_tokens;             // SHA-256 of the token -> entry
    QHash<QString, QList<QByteArray>> m_byGrant;   // grant -> its tokens' digests, oldest first
    qint64 m_nextSweepMs = 0;                      // expired tokens are looked for at most once a minute
};

} // namespace cpn::server
