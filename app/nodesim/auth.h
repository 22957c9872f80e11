#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cpn::sim {

// Maps bearer tokens to scopes. Today: static development tokens from the command line; the
// OAuth issue will add issued tokens with expiry behind the same check().
class Auth
{
public:
    static const QStringList &readScopes(); // node:read metrics:read offers:read jobs:read
    static const QStringList &allScopes();  // the read scopes, jobs:write and sim:control
    static inline const QString kSimControl = QStringLiteral("sim:control");

    void addToken(const QString &token, const QStringList &scopes);
    // With no tokens configured the simulator runs open: every request is allowed.
    bool isOpen() const { return m_tokens.isEmpty(); }

    enum class Outcome { Allowed, Unauthorized, Forbidden };
    Outcome check(const QByteArray &authorizationHeader, const QString &scope) const;

private:
    QHash<QString, QSet<QString>> m_tokens;
};

} // namespace cpn::sim
