#include "auth/signinflow.h"

#include "auth/authlogging.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>

namespace cpn::auth {
SignInFlow::SignInFlow(QNetworkAccessManager *nam, const ServerMetadata &metadata, const QStringList &scopes,
                       QObject *parent)
    : QObject(parent), m_nam(nam), m_metadata(metadata), m_scopes(scopes),
      m_flow(new QOAuth2AuthorizationCodeFlow(nam, this)), m_tokens(nam, metadata, kClientId, this)
{
    silenceNetworkAuthLogging();
    m_flow->setClientIdentifier(kClientId);
    m_flow->setAuthorizationUrl(metadata.authorizationEndpoint);
    m_flow->setAccessTokenUrl(metadata.tokenEndpoint);
    m_flow->setScope(scopes.join(u' '));
    // Qt 6.4 has no PKCE: the challenge goes into the authorization request through the hook.
    m_flow->setModifyParametersFunction([this](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
        if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
            return;
        parameters->replace(QStringLiteral("code_challenge"), QString::fromLatin1(m_pkce.challenge()));
        parameters->replace(QStringLiteral("code_challenge_method"), QString::fromLatin1(Pkce::method()));
    });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        const bool opened = m_openBrowser && m_openBrowser(url);
        if (!opened)
            qCWarning(lcAuth).noquote() << "no browser could be opened for the sign-in; the user opens its URL by hand";
        Q_EMIT awaitingBrowser(url, opened);
    });
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(5 * 60 * 1000);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("the sign-in was not completed in the browser in time")); });
}

SignInFlow::~SignInFlow()
{
    stopListening();
}

QUrl SignInFlow::redirectUri() const
{
    return isActive() ? QUrl(m_redirectUri) : QUrl();
}

void SignInFlow::start()
{
    cancel();
    ++m_attempt;
    auto *handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    if (!handler->isListening()) {
        delete handler;
        fail(tr("the console could not listen on 127.0.0.1 for the browser's answer"));
        return;
    }
    handler->setCallbackPath(kCallbackPath);
    handler->setCallbackText(
        QCoreApplication::translate("cpn::auth", "The CPN console has your sign-in. You can close this page."));
    m_handler = handler;
    m_redirectUri = handler->callback();
    m_pkce = Pkce::generate();
    m_state = QString::fromLatin1(randomUrlSafe(32));
    m_exchanging = false;
    m_flow->setReplyHandler(handler);
    m_flow->setState(m_state);
    qCInfo(lcAuth).noquote() << "sign-in started at" << m_metadata.issuer.toDisplayString()
                             << "; waiting for the browser on 127.0.0.1 port" << handler->port();
    m_timeout.start();
    Q_EMIT activeChanged(true);
    m_flow->grant(); // builds the URL and emits authorizeWithBrowser
    // The flow would judge callbacks itself (and pass on an error whatever its state): we do instead.
    if (m_handler) {
        disconnect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, m_flow, nullptr);
        connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this, &SignInFlow::onCallback);
    }
}

void SignInFlow::cancel()
{
    ++m_attempt;
    m_state.clear();
    m_exchanging = false;
    m_timeout.stop();
    stopListening();
}

void SignInFlow::stopListening()
{
    if (m_handler) {
        // No new connections from now on; the browser's connection still gets its page before
        // the handler (and with it that socket) goes.
        m_handler->close();
        QTimer::singleShot(10000, m_handler.data(), &QObject::deleteLater);
        m_handler.clear();
        Q_EMIT activeChanged(false);
    }
}

void SignInFlow::onCallback(const QVariantMap &values)
{
    const QString state = values.value(QStringLiteral("state")).toString();
    if (m_state.isEmpty() || state != m_state) {
        // A forged or stale redirect: neither its code nor its error may touch this sign-in.
        const QString reason = state.isEmpty() ? tr("a callback without state was ignored")
                                               : tr("a callback with a state that is not this sign-in's was ignored");
        qCWarning(lcAuth).noquote() << reason;
        Q_EMIT callbackIgnored(reason);
        return;
    }
    m_state.clear(); // accepted once
    const QString error = values.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        const QString description = values.value(QStringLiteral("error_description")).toString().simplified().left(300);
        fail(description.isEmpty() ? tr("the authorization server refused the sign-in: %1").arg(error.left(64))
                                   : tr("the authorization server refused the sign-in: %1 (%2)")
                                         .arg(error.left(64), description));
        return;
    }
    const QString code = values.value(QStringLiteral("code")).toString();
    if (code.isEmpty()) {
        fail(tr("the browser came back without an authorization code"));
        return;
    }
    stopListening();
    m_timeout.stop();
    m_exchanging = true;
    const quint64 attempt = m_attempt;
    m_tokens.exchangeCode(code, m_redirectUri, m_pkce.verifier, [this, attempt](const TokenReply &reply) {
        if (attempt != m_attempt)
            return;
        m_exchanging = false;
        m_pkce = {};
        if (!reply.ok()) {
            fail(reply.error.message);
            return;
        }
        qCInfo(lcAuth).noquote() << "signed in at" << m_metadata.issuer.toDisplayString() << "with scopes"
                                 << reply.tokens->scopes.join(u' ');
        Q_EMIT succeeded(*reply.tokens);
    });
}

void SignInFlow::fail(const QString &message)
{
    cancel();
    qCWarning(lcAuth).noquote() << "sign-in failed:" << message;
    Q_EMIT failed(message);
}

} // namespace cpn::auth
