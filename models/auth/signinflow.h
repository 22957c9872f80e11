#pragma once

#include "auth/pkce.h"
#include "auth/servermetadata.h"
#include "auth/tokenclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace cpn::auth {

// One browser sign-in against one authorization server (RFC 8252): QOAuth2AuthorizationCodeFlow
// builds the authorization request and QOAuthHttpServerReplyHandler receives the redirect on
// 127.0.0.1 at an ephemeral port, listening only while a sign-in is under way. Around them, the
// workarounds QtNetworkAuth 6.4 needs: PKCE S256 through the parameter hook, a
// fresh 32-byte state before every grant() that is accepted once, callbacks judged here (a wrong
// state, or an error under a state that is not ours, is ignored and the sign-in goes on), and the
// code exchanged by TokenClient rather than by the flow.
class SignInFlow : public QObject
{
    Q_OBJECT

public:
    // Opens the authorization URL in the user's browser; false if it could not. The default, set by the
    // UI layer, is QDesktopServices::openUrl; tests drive a headless Chromium instead.
    using BrowserOpener = std::function<bool(const QUrl &)>;
    static inline const QString kClientId = QStringLiteral("cpn-console");
    static inline const QString kCallbackPath = QStringLiteral("/cpn-console/signed-in");

    SignInFlow(QNetworkAccessManager *nam, const ServerMetadata &metadata, const QStringList &scopes,
               QObject *parent = nullptr);
    ~SignInFlow() override;

    void setBrowserOpener(BrowserOpener opener) { m_openBrowser = std::move(opener); }
    // How long the loopback listener waits for the browser (default 5 minutes).
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }
    const ServerMetadata &metadata() const { return m_metadata; }

    // Starts a sign-in: a new listener, verifier and state; the browser opens. A sign-in already under
    // way is cancelled first.
    void start();
    void cancel();
    bool isActive() const { return !m_handler.isNull(); }
    // The loopback redirect URI of the sign-in under way (empty otherwise).
    QUrl redirectUri() const;

Q_SIGNALS:
    // The sign-in waits for the user at `authorizationUrl`; `browserOpened` false: no browser could be
    // opened, and the user opens the URL by hand (the listener waits all the same).
    void awaitingBrowser(const QUrl &authorizationUrl, bool browserOpened);
    void activeChanged(bool active); // the listener started or stopped: a sign-in began or ended
    void succeeded(const cpn::auth::TokenSet &tokens);
    void failed(const QString &message); // translated, for the UI
    // A callback was ignored (wrong or missing state, a foreign error): the sign-in goes on.
    void callbackIgnored(const QString &reason);

private:
    void onCallback(const QVariantMap &values);
    void stopListening();
    void fail(const QString &message);

    QNetworkAccessManager *m_nam;
    ServerMetadata m_metadata;
    QStringList m_scopes;
    BrowserOpener m_openBrowser;
    QOAuth2AuthorizationCodeFlow *m_flow;
    TokenClient m_tokens;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QTimer m_timeout;
    Pkce m_pkce;
    QString m_state;       // empty once accepted or cancelled: a state is good for one callback
    QString m_redirectUri;
    bool m_exchanging = false;
    quint64 m_attempt = 0; // answers of a cancelled sign-in are dropped
};

} // namespace cpn::auth
