#pragma once

#include "api/clientoptions.h"
#include "auth/account.h"
#include "auth/servermetadata.h"
#include "auth/signinflow.h"
#include "auth/tokenclient.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace cpn::auth {

class TokenRefresher;
class TokenVault;

// The account at one endpoint (a federation root): sign-in through the browser, the tokens while
// signed in, their refresh, the refresh token in the vault across sessions, and sign-out with
// revocation. The access token leaves this object only through accessToken(), to the protocol clients.
class AccountSession : public QObject
{
    Q_OBJECT

public:
    static QStringList defaultScopes(); // the five read scopes, jobs:write and alarms:write; the server
                                        // grants what the user's role allows

    AccountSession(QNetworkAccessManager *nam, const QUrl &endpoint, const api::ClientOptions &options,
                   TokenVault *vault, QObject *parent = nullptr);
    ~AccountSession() override;

    QUrl endpoint() const { return m_account.endpoint; }
    const Account &account() const { return m_account; }
    bool isSignedIn() const { return m_account.signedIn; }
    bool isSigningIn() const;
    // Secret: for the Authorization header only.
    QString accessToken() const { return m_tokens.accessToken; }
    bool hasRefreshToken() const { return !m_tokens.refreshToken.isEmpty(); }
    TokenVault *vault() const { return m_vault; }
    TokenRefresher *refresher() const { return m_refresher.get(); }
    SignInFlow *flow() const { return m_flow; }

    void setBrowserOpener(SignInFlow::BrowserOpener opener);
    // Discovers the authorization server (once), then opens the browser.
    void signIn();
    void cancelSignIn();
    // Revokes the tokens at the server (best effort) and forgets them here and in the vault.
    void signOut();
    // Signs in again without the browser from a refresh token kept in the vault; restoreFinished() tells.
    void restore();
    // A request was refused with 401 while carrying `rejectedToken`: `retry(true)` once a different
    // access token is in (refreshing at most once for any number of such requests), else `retry(false)`.
    void handleUnauthorized(const QString &rejectedToken, std::function<void(bool retry)> retry);

Q_SIGNALS:
    void accountChanged(const cpn::auth::Account &account);
    void accessTokenChanged(); // hand accessToken() to the protocol clients
    void signInFailed(const QString &message);
    // A sign-in waits for the user in the browser (SignInFlow::awaitingBrowser).
    void signInAwaitingBrowser(const QUrl &authorizationUrl, bool browserOpened);
    void signingInChanged(); // isSigningIn() changed
    void restoreFinished(bool signedIn);
    // A sentence for the Events log (never a secret).
    void notice(const QString &message);

private:
    void withMetadata(std::function<void()> then);
    void ensureFlow();
    void adopt(const TokenSet &tokens, bool fromRefresh);
    void forget(const QString &why);
    void saveToVault();
    QString vaultKey() const;

    QNetworkAccessManager *m_nam;
    api::ClientOptions m_options;
    TokenVault *m_vault;
    Account m_account;
    TokenSet m_tokens;
    std::optional<ServerMetadata> m_metadata;
    bool m_discovering = false;
    QList<std::function<void()>> m_afterDiscovery;
    SignInFlow::BrowserOpener m_openBrowser;
    SignInFlow *m_flow = nullptr;
    TokenClient *m_tokenClient = nullptr;
    std::unique_ptr<TokenRefresher> m_refresher;
};

} // namespace cpn::auth
