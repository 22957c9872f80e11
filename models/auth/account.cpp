#include "auth/account.h"

#include <QCoreApplication>

namespace cpn::auth {

Account::Role Account::role() const
{
    if (!signedIn)
        return Role::None;
    return scopes.contains(QStringLiteral("jobs:write")) ? Role::Planner : Role::Operator;
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
    case Role::None:
        break;
    }
    return {};
}

} // namespace cpn::auth
