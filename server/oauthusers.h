#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpn::server {

// The people who may sign in to the simulator's authorization server, with their roles: an
// operator reads and acts on alarms, a registrar also decides on the identifier registry, a planner
// submits jobs. Passwords are kept only as salted PBKDF2 digests.
class OAuthUsers
{
public:
    enum class Role { Operator, Planner, Registrar };
    static QStringList scopesOf(Role role);

    // operator/operator, planner/planner and registrar/registrar.
    static OAuthUsers demo();
    // {"users":[{"username":"...","password":"...","role":"operator"|"planner"|"registrar"}]}; nullopt and
    // *error on a file that cannot be read or breaks that shape.
    static std::optional<OAuthUsers> fromFile(const QString &path, QString *error);
    static std::optional<OAuthUsers> fromJson(const QByteArray &json, QString *error);

    void add(const QString &username, const QString &password, Role role);
    int size() const { return int(m_users.size()); }

    // The role of the user when the password is right. Costs the same whether or not the user
    // exists, so timing does not reveal user names.
    std::optional<Role> verify(const QString &username, const QString &password) const;

private:
    struct User
    {
        QByteArray salt;
        QByteArray digest;
        Role role = Role::Operator;
    };
    static QByteArray derive(const QString &password, const QByteArray &salt);

    QHash<QString, User> m_users;
};

} // namespace cpn::server
