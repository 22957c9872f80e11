#include "auth/accountsession.h"

#include "auth/authlogging.h"
#include "auth/tokenrefresher.h"
#include "auth/tokenvault.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cpn::auth {
QStringList AccountSession::defaultScopes()
{
    return {QStringLiteral("node:read"),   QStringLiteral("metrics:read"), QStringLiteral("offers:read"),
            QStringLiteral("jobs:read"),   QStringLiteral("alarms:read"),  QStringLiteral("jobs:write"),
            QStringLiteral("alarms:write"), QStringLiteral("registry:read"), QStringLiteral("registry:write")};
}

AccountSession::AccountSession(QNetworkAccessManager *nam, const QUrl &endpoint, const api::ClientOptions &options,
                               TokenVault *vault, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(options), m_vault(vault)
{
    m_account.endpoint = endpoint;
}

AccountSession::~AccountSession() = default;

bool AccountSession::isSigningIn() const
{
    return m_discovering || (m_flow && m_flow->isActive());
}

void AccountSession::setBrowserOpener(SignInFlow::BrowserOpener opener)
{
    m_openBrowser = std::move(opener);
    if (m_flow)
        m_flow->setBrowserOpener(m_openBrowser);
}

QString AccountSession::vaultKey() const
{
    return QStringLiteral("refresh:") + m_account.endpoint.adjusted(QUrl::StripTrailingSlash).toString();
}

void AccountSession::withMetadata(std::function<void()> then)
{
    if (m_metadata) {
        then();
        return;
    }
    m_afterDiscovery.append(std::move(then));
    if (m_discovering)
        return;
    m_discovering = true;
    Q_EMIT signingInChanged();
    ServerMetadata::discover(m_nam, m_account.endpoint, m_options, this,
                             [this](const api::ApiResult<ServerMetadata> &result) {
                                 m_discovering = false;
                                 const auto waiting = std::exchange(m_afterDiscovery, {});
                                 if (!result.ok()) {
                                     const QString message =
                                         tr("%1 offers no usable sign-in: %2")
                                             .arg(m_account.endpoint.toDisplayString(), result.error().message());
                                     qCWarning(lcAuth).noquote() << message;
                                     Q_EMIT signingInChanged();
                                     Q_EMIT signInFailed(message);
                                     Q_EMIT restoreFinished(false);
                                     return;
                                 }
                                 m_metadata = result.value();
                                 ensureFlow();
                                 for (const auto &action : waiting)
                                     action();
                                 Q_EMIT signingInChanged();
                             });
}

void AccountSession::ensureFlow()
{
    if (m_flow)
        return;
    m_flow = new SignInFlow(m_nam, *m_metadata, defaultScopes(), this);
    m_flow->setBrowserOpener(m_openBrowser);
    connect(m_flow, &SignInFlow::succeeded, this, [this](const TokenSet &tokens) { adopt(tokens, false); });
    connect(m_flow, &SignInFlow::failed, this, &AccountSession::signInFailed);
    connect(m_flow, &SignInFlow::awaitingBrowser, this, &AccountSession::signInAwaitingBrowser);
    connect(m_flow, &SignInFlow::activeChanged, this, &AccountSession::signingInChanged);
    connect(m_flow, &SignInFlow::callbackIgnored, this, &AccountSession::notice);
    m_tokenClient = new TokenClient(m_nam, *m_metadata, SignInFlow::kClientId, this);
    m_refresher = std::make_unique<TokenRefresher>(
        m_tokenClient, [this] { return m_tokens.refreshToken; }, [this] { return m_tokens.scopes; });
    connect(m_refresher.get(), &TokenRefresher::refreshed, this, [this](const TokenSet &tokens) { adopt(tokens, true); });
    connect(m_refresher.get(), &TokenRefresher::rejected, this, [this](const QString &message) {
        forget(tr("The sign-in at %1 has ended (%2); sign in again.").arg(m_account.endpoint.toDisplayString(), message));
    });
    connect(m_refresher.get(), &TokenRefresher::failedTemporarily, this, [this](const QString &message, qint64 retryInMs) {
        Q_EMIT notice(tr("Could not refresh the sign-in at %1 (%2); trying again in %3 s.")
                          .arg(m_account.endpoint.toDisplayString(), message)
                          .arg((retryInMs + 999) / 1000));
    });
}

void AccountSession::signIn()
{
    withMetadata([this] { m_flow->start(); });
}

void AccountSession::cancelSignIn()
{
    qCInfo(lcAuth).noquote() << "sign-in at" << m_account.endpoint.toDisplayString() << "cancelled";
    m_afterDiscovery.clear();
    if (m_flow)
        m_flow->cancel();
}

void AccountSession::restore()
{
    m_vault->load(vaultKey(), [this](const std::optional<QByteArray> &saved) {
        const QJsonObject o = saved ? QJsonDocument::fromJson(*saved).object() : QJsonObject();
        const QString refreshToken = o.value(QStringLiteral("refresh_token")).toString();
        if (refreshToken.isEmpty()) {
            Q_EMIT restoreFinished(false);
            return;
        }
        m_tokens.refreshToken = refreshToken;
        m_tokens.user = o.value(QStringLiteral("user")).toString();
        for (const QJsonValue &scope : o.value(QStringLiteral("scopes")).toArray())
            m_tokens.scopes.append(scope.toString());
        withMetadata([this] {
            m_refresher->refreshNow([this](bool refreshed) { Q_EMIT restoreFinished(refreshed); });
        });
    });
}

void AccountSession::adopt(const TokenSet &tokens, bool fromRefresh)
{
    const QString previousUser = m_tokens.user;
    const QString previousRefresh = m_tokens.refreshToken;
    m_tokens = tokens;
    if (m_tokens.refreshToken.isEmpty() && fromRefresh)
        m_tokens.refreshToken = previousRefresh; // not rotated: the old one stands
    if (m_tokens.user.isEmpty() && fromRefresh)
        m_tokens.user = previousUser;
    const bool wasSignedIn = m_account.signedIn;
    m_account.signedIn = true;
    m_account.user = m_tokens.user;
    m_account.scopes = m_tokens.scopes;
    m_account.expiresAt = tokens.expiresInSeconds > 0
                              ? QDateTime::currentDateTimeUtc().addSecs(tokens.expiresInSeconds)
                              : QDateTime();
    if (!fromRefresh)
        m_refresher->scheduleFor(tokens.expiresInSeconds);
    saveToVault();
    Q_EMIT accessTokenChanged();
    Q_EMIT accountChanged(m_account);
    if (!wasSignedIn)
        Q_EMIT notice(tr("Signed in at %1 as %2 (%3).")
                          .arg(m_account.endpoint.toDisplayString(), m_account.displayName(), m_account.roleName()));
}

void AccountSession::saveToVault()
{
    if (m_tokens.refreshToken.isEmpty()) {
        m_vault->remove(vaultKey());
        return;
    }
    QJsonObject o;
    o.insert(QStringLiteral("refresh_token"), m_tokens.refreshToken);
    o.insert(QStringLiteral("user"), m_tokens.user);
    o.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(m_tokens.scopes));
    m_vault->store(vaultKey(), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void AccountSession::forget(const QString &why)
{
    const bool wasSignedIn = m_account.signedIn || !m_tokens.refreshToken.isEmpty();
    m_tokens = {};
    m_vault->remove(vaultKey());
    if (m_refresher)
        m_refresher->stop();
    m_account.signedIn = false;
    m_account.user.clear();
    m_account.scopes.clear();
    m_account.expiresAt = {};
    Q_EMIT accessTokenChanged();
    Q_EMIT accountChanged(m_account);
    if (wasSignedIn && !why.isEmpty())
        Q_EMIT notice(why);
}

void AccountSession::signOut()
{
    cancelSignIn();
    const TokenSet tokens = m_tokens;
    forget(tr("Signed out at %1.").arg(m_account.endpoint.toDisplayString()));
    if (!m_tokenClient)
        return;
    // Revoke the refresh token first: servers that revoke the family take the access token with it.
    const QString endpoint = m_account.endpoint.toDisplayString();
    auto report = [this, endpoint](bool ok, const QString &message) {
        if (!ok)
            Q_EMIT notice(tr("The server at %1 did not confirm the sign-out: %2").arg(endpoint, message));
    };
    if (!tokens.refreshToken.isEmpty())
        m_tokenClient->revoke(tokens.refreshToken, QStringLiteral("refresh_token"), report);
    if (!tokens.accessToken.isEmpty())
        m_tokenClient->revoke(tokens.accessToken, QStringLiteral("access_token"), report);
}

void AccountSession::handleUnauthorized(const QString &rejectedToken, std::function<void(bool)> retry)
{
    if (!m_account.signedIn && m_tokens.refreshToken.isEmpty()) {
        retry(false);
        return;
    }
    if (!m_tokens.accessToken.isEmpty() && rejectedToken != m_tokens.accessToken) {
        retry(true); // refreshed since that request left: just send it again
        return;
    }
    if (!m_refresher) {
        retry(false);
        return;
    }
    qCInfo(lcAuth) << "a request was refused with 401: refreshing once";
    m_refresher->refreshNow(std::move(retry));
}

} // namespace cpn::auth
