#include "auth.h"

#include "clock.h"

#include <QCryptographicHash>

namespace cpn::server {
namespace {

// Expired tokens are remembered this long so their holder hears "expired" rather than "unknown".
constexpr qint64 kRememberExpiredMs = 24 * 3600 * 1000;

} // namespace

const QStringList &Auth::readScopes()
{
    static const QStringList scopes{QStringLiteral("node:read"), QStringLiteral("metrics:read"),
                                    QStringLiteral("offers:read"), QStringLiteral("jobs:read"), kAlarmsRead};
    return scopes;
}

const QStringList &Auth::allScopes()
{
    static const QStringList scopes = readScopes() + QStringList{kJobsWrite, kAlarmsWrite, kRegistryRead, kRegistryWrite, kRegistryApply, kSimControl};
    return scopes;
}

Auth::Auth() : m_clock(new SystemClock), m_ownsClock(true) {}

Auth::Auth(const Clock &clock) : m_clock(&clock), m_ownsClock(false) {}

Auth::~Auth()
{
    if (m_ownsClock)
        delete m_clock;
}

QByteArray Auth::digest(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

void Auth::addToken(const QString &token, const QStringList &scopes, const QString &username)
{
    m_tokens.insert(digest(token), Entry{QSet<QString>(scopes.begin(), scopes.end()), -1, {}, username});
}

void Auth::addIssuedToken(const QString &token, const QStringList &scopes, qint64 expiresAtMs,
                          const QString &grant, const QString &username)
{
    dropLongExpired();
    const QByteArray key = digest(token);
    m_tokens.insert(key, Entry{QSet<QString>(scopes.begin(), scopes.end()), expiresAtMs, grant, username});
    if (grant.isEmpty())
        return;
    // Each refresh issues a token: without this, a client refreshing in a loop grows the table and
    // every lookup with it.
    QList<QByteArray> &ofGrant = m_byGrant[grant];
    ofGrant.append(key);
    while (ofGrant.size() > kTokensPerGrant)
        m_tokens.remove(ofGrant.takeFirst());
}

QString Auth::username(const QByteArray &authorizationHeader) const
{
    const Entry *entry = find(authorizationHeader);
    return entry ? entry->username : QString();
}

void Auth::revokeToken(const QString &token)
{
    const QByteArray key = digest(token);
    const auto it = m_tokens.constFind(key);
    if (it == m_tokens.cend() || it->expiresAtMs < 0) // development tokens stay
        return;
    if (const auto grant = m_byGrant.find(it->grant); grant != m_byGrant.end()) {
        grant->removeAll(key);
        if (grant->isEmpty())
            m_byGrant.erase(grant);
    }
    m_tokens.erase(it);
}

void Auth::revokeGrant(const QString &grant)
{
    if (grant.isEmpty())
        return;
    for (const QByteArray &key : m_byGrant.take(grant))
        m_tokens.remove(key);
}

void Auth::dropLongExpired()
{
    const qint64 now = m_clock->nowMs();
    if (now < m_nextSweepMs)
        return;
    m_nextSweepMs = now + 60'000;
    m_tokens.removeIf([&](const auto &it) {
        const bool forget = it.value().expiresAtMs >= 0 && it.value().expiresAtMs + kRememberExpiredMs < now;
        if (forget && !it.value().grant.isEmpty()) {
            if (const auto grant = m_byGrant.find(it.value().grant); grant != m_byGrant.end()) {
                grant->removeAll(it.key());
                if (grant->isEmpty())
                    m_byGrant.erase(grant);
            }
        }
        return forget;
    });
}

const Auth::Entry *Auth::find(const QByteArray &authorizationHeader) const
{
    const QByteArray header = authorizationHeader.trimmed();
    if (header.size() < 7 || header.left(7).toLower() != "bearer ")
        return nullptr;
    const QByteArray presented = header.mid(7).trimmed();
    if (presented.isEmpty())
        return nullptr;
    // Looked up by digest: timing can reveal at most how digests compare, not the token.
    const auto it = m_tokens.constFind(QCryptographicHash::hash(presented, QCryptographicHash::Sha256));
    return it == m_tokens.cend() ? nullptr : &it.value();
}

Auth::Outcome Auth::authenticate(const QByteArray &authorizationHeader) const
{
    const QByteArray header = authorizationHeader.trimmed();
    if (header.size() < 6 || header.left(6).toLower() != "bearer")
        return Outcome::Unauthorized; // no bearer credentials at all
    const Entry *entry = find(authorizationHeader);
    if (!entry)
        return Outcome::InvalidToken;
    if (entry->expiresAtMs >= 0 && m_clock->nowMs() >= entry->expiresAtMs)
        return Outcome::Expired;
    return Outcome::Allowed;
}

Auth::Outcome Auth::check(const QByteArray &authorizationHeader, const QString &scope) const
{
    const Outcome outcome = authenticate(authorizationHeader);
    if (outcome != Outcome::Allowed)
        return outcome;
    return find(authorizationHeader)->scopes.contains(scope) ? Outcome::Allowed : Outcome::Forbidden;
}

Auth::Denial Auth::denial(Outcome outcome, const QString &scope)
{
    switch (outcome) {
    case Outcome::Allowed:
    case Outcome::Unauthorized:
        break;
    case Outcome::InvalidToken:
        return {401, QStringLiteral("The bearer token is unknown or revoked"),
                "Bearer error=\"invalid_token\", error_description=\"unknown or revoked token\""};
    case Outcome::Expired:
        return {401, QStringLiteral("The bearer token has expired"),
                "Bearer error=\"invalid_token\", error_description=\"the access token expired\""};
    case Outcome::Forbidden:
        return {403, QStringLiteral("The token lacks the scope %1").arg(scope),
                "Bearer error=\"insufficient_scope\", scope=\"" + scope.toUtf8() + '"'};
    }
    return {401, QStringLiteral("A valid bearer token is required"), "Bearer"};
}

} // namespace cpn::server
