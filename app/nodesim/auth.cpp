#include "auth.h"

namespace cpn::sim {
namespace {

// Compares without an early exit, so response times do not reveal how much of a token matched.
bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

const QStringList &Auth::readScopes()
{
    static const QStringList scopes{QStringLiteral("node:read"), QStringLiteral("metrics:read"),
                                    QStringLiteral("offers:read"), QStringLiteral("jobs:read")};
    return scopes;
}

const QStringList &Auth::allScopes()
{
    static const QStringList scopes = readScopes() + QStringList{QStringLiteral("jobs:write"), kSimControl};
    return scopes;
}

void Auth::addToken(const QString &token, const QStringList &scopes)
{
    m_tokens.insert(token, QSet<QString>(scopes.begin(), scopes.end()));
}

Auth::Outcome Auth::check(const QByteArray &authorizationHeader, const QString &scope) const
{
    if (isOpen())
        return Outcome::Allowed;
    const QByteArray header = authorizationHeader.trimmed();
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return Outcome::Unauthorized;
    const QByteArray presented = header.mid(7).trimmed();
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        if (equalConstantTime(presented, it.key().toUtf8()))
            return it.value().contains(scope) ? Outcome::Allowed : Outcome::Forbidden;
    }
    return Outcome::Unauthorized;
}

} // namespace cpn::sim
