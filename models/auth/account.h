#pragma once

#include <QDateTime>
#include <QStringList>
#include <QUrl>

namespace cpn::auth {

// Who is signed in at one endpoint and what they may do. Holds no secret, so it may be shown, logged
// and compared freely; the tokens themselves live in AccountSession and the TokenVault only.
struct Account
{
    enum class Role { None, Operator, Planner, Registrar };

    QUrl endpoint;
    QString user;       // as the server names it; may be empty
    QStringList scopes; // granted, e.g. "node:read", "jobs:write"
    QDateTime expiresAt; // of the current access token (UTC); invalid when unknown
    bool signedIn = false;

    bool hasScope(const QString &scope) const { return signedIn && scopes.contains(scope); }
    // Planner when jobs:write is granted, else Operator; None when signed out.
    Role role() const;
    QString roleName() const; // translated
    // The user's name, else the role in lower case ("operator"), for sentences like "you are signed in as …".
    QString displayName() const;

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace cpn::auth
