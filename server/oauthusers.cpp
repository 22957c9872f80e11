#include "oauthusers.h"

#include "auth.h"
#include "constanttime.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace cpn::server {
namespace {

// Qt's PBKDF2 costs about 28 ms per sign-in at this count (measured on the 2-core build machine): slow
// enough to make guessing from a stolen digest expensive, short enough not to stall the simulator.
constexpr int kIterations = 10000;
constexpr int kDigestBytes = 32;
constexpr qint64 kMaxUsersFileBytes = 1024 * 1024;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

} // namespace

QStringList OAuthUsers::scopesOf(Role role)
{
    // Operators act on alarms and read the identifier registry; registrars are operators who also
    // decide on it; planners submit jobs and only read alarms.
    QStringList scopes = Auth::readScopes();
    switch (role) {
    case Role::Planner:
        scopes.append(Auth::kJobsWrite);
        break;
    case Role::Registrar:
        scopes.append(Auth::kRegistryWrite);
        Q_FALLTHROUGH();
    case Role::Operator:
        scopes += QStringList{Auth::kAlarmsWrite, Auth::kRegistryRead};
        break;
    }
    return scopes;
}

QByteArray OAuthUsers::derive(const QString &password, const QByteArray &salt)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, kIterations,
                                              kDigestBytes);
}

OAuthUsers OAuthUsers::demo()
{
    OAuthUsers users;
    users.add(QStringLiteral("operator"), QStringLiteral("operator"), Role::Operator);
    users.add(QStringLiteral("planner"), QStringLiteral("planner"), Role::Planner);
    users.add(QStringLiteral("registrar"), QStringLiteral("registrar"), Role::Registrar);
    return users;
}

std::optional<OAuthUsers> OAuthUsers::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the users file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxUsersFileBytes) {
        *error = QStringLiteral("the users file %1 is larger than 1 MiB").arg(path);
        return std::nullopt;
    }
    auto users = fromJson(file.readAll(), error);
    if (!users)
        *error = QStringLiteral("%1: %2").arg(path, *error);
    return users;
}

std::optional<OAuthUsers> OAuthUsers::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonValue list = document.object().value(QStringLiteral("users"));
    if (!list.isArray() || list.toArray().isEmpty()) {
        *error = QStringLiteral("expected {\"users\": [...]} with at least one user");
        return std::nullopt;
    }
    OAuthUsers users;
    int index = 0;
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject user = value.toObject();
        const QString name = user.value(QStringLiteral("username")).toString();
        const QString password = user.value(QStringLiteral("password")).toString();
        const QString role = user.value(QStringLiteral("role")).toString();
        if (name.isEmpty() || name.size() > 64 || password.isEmpty() || password.size() > 256) {
            *error = QStringLiteral("users[%1] needs a username (up to 64 characters) and a password").arg(index);
            return std::nullopt;
        }
        if (role != u"operator" && role != u"planner" && role != u"registrar") {
            *error = QStringLiteral("users[%1].role must be operator, planner or registrar").arg(index);
            return std::nullopt;
        }
        if (users.m_users.contains(name)) {
            *error = QStringLiteral("users[%1]: %2 is listed twice").arg(index).arg(name);
            return std::nullopt;
        }
        users.add(name, password,
                  role == u"planner" ? Role::Planner : role == u"registrar" ? Role::Registrar : Role::Operator);
        ++index;
    }
    return users;
}

void OAuthUsers::add(const QString &username, const QString &password, Role role)
{
    const QByteArray salt = randomBytes(16);
    m_users.insert(username, User{salt, derive(password, salt), role});
}

std::optional<OAuthUsers::Role> OAuthUsers::verify(const QString &username, const QString &password) const
{
    static const User nobody{QByteArray(16, '\0'), QByteArray(kDigestBytes, '\0'), Role::Operator};
    const auto it = m_users.constFind(username);
    const User &user = it == m_users.cend() ? nobody : it.value();
    const bool match = equalConstantTime(derive(password, user.salt), user.digest);
    if (!match || it == m_users.cend())
        return std::nullopt;
    return user.role;
}

} // namespace cpn::server
