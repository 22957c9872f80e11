#include "auth/account.h"

#include <QCoreApplication>

namespace cpn::auth {

Account::Role Account::role() const
{
    if (!signedIn)
        return Role::None;
    if (scopes.contains(QStringLiteral("jobs:write")))
        return Role::Planner;
    return scopes.contains(QStringLiteral("registry:write")) ? Role::Registrar : Role::Operator;
}

QString Account::roleName() const
{
    switch (role()) {
    case Role::None:
        return QCoreApplication::translate("cpn::auth", "Signed out");
    case Role::Operator:
        return QCoreApplication::translate("cpn::auth", "Operator");
    case Role::Planner:
        return QCoreApplication::translate("cpn::auth", "Planner");
    case Role::Registrar:
        return QCoreApplication::translate("cpn::auth", "Registrar");
    }
    return {};
}

QString Account::displayName() const
{
    if (!user.isEmpty())
        return user;
    switch (role()) {
    case Role::Planner:
        return QCoreApplication::translate("cpn::auth", "planner");
    case Role::Operator:
        return QCoreApplication::translate("cpn::auth", "operator");
    case Role::Registrar:
        return QCoreApplication::translate("cpn::auth", "registrar");
    case Role::None:
        break;
    }
    return {};
}

} // namespace cpn::auth
