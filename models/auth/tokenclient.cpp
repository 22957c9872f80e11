#include "auth/tokenclient.h"

#include "auth/authlogging.h"
#include "domain/jsonreader.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace cpn::auth {
namespace {

constexpr qsizetype kMaxTokenBodyBytes = 64 * 1024;
constexpr qint64 kMaxExpiresInSeconds = 366LL * 24 * 3600;

bool printableAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

} // namespace

TokenClient::TokenClient(QNetworkAccessManager *nam, const ServerMetadata &metadata, const QString &clientId,
                         QObject *parent)
    : QObject(parent), m_nam(nam), m_metadata(metadata), m_clientId(clientId)
{
}

void TokenClient::exchangeCode(const QString &code, const QString &redirectUri, const QByteArray &verifier,
                               Done done)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    tokenRequest(form, {}, std::move(done));
}

void TokenClient::refresh(const QString &refreshToken, const QStringList &previousScopes, Done done)
{
    // Unlike QOAuth2AuthorizationCodeFlow 6.4: no redirect_uri and no empty client_secret.
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken);
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    tokenRequest(form, previousScopes, std::move(done));
}

void TokenClient::revoke(const QString &token, const QString &typeHint,
                         std::function<void(bool, QString)> done)
{
    if (m_metadata.revocationEndpoint.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done] { done(false, tr("the server offers no revocation endpoint")); }, Qt::QueuedConnection);
        return;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), token);
    if (!typeHint.isEmpty())
        form.addQueryItem(QStringLiteral("token_type_hint"), typeHint);
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    postForm(m_metadata.revocationEndpoint, form,
             [done = std::move(done)](int status, const QByteArray &body, const QString &networkError) {
                 if (status == 200) {
                     done(true, {});
                 } else if (status == 0) {
                     done(false, networkError);
                 } else {
                     done(false, parseErrorResponse(status, body).message);
                 }
             });
}

void TokenClient::tokenRequest(const QUrlQuery &form, const QStringList &fallbackScopes, Done done)
{
    postForm(m_metadata.tokenEndpoint, form,
             [done = std::move(done), fallbackScopes](int status, const QByteArray &body, const QString &networkError) {
                 TokenReply reply;
                 if (status == 0) {
                     reply.error = {TokenError::Kind::Transient, {}, networkError};
                 } else if (status == 200) {
                     reply = parseTokenResponse(body, fallbackScopes);
                 } else {
                     reply.error = parseErrorResponse(status, body);
                 }
                 if (!reply.ok())
                     qCWarning(lcAuth).noquote() << "token request failed:" << reply.error.message;
                 done(reply);
             });
}

TokenReply TokenClient::parseTokenResponse(const QByteArray &body, const QStringList &fallbackScopes)
{
    TokenReply reply;
    QString error;
    const auto object = parseObject(body, kMaxTokenBodyBytes, &error);
    JsonReader reader;
    TokenSet tokens;
    if (!object) {
        reader.fail(error);
    } else {
        tokens.accessToken = reader.string(*object, QStringLiteral("access_token"), 4096);
        const QString type = reader.string(*object, QStringLiteral("token_type"), 32);
        if (reader.ok() && type.compare(QStringLiteral("Bearer"), Qt::CaseInsensitive) != 0)
            reader.failAt(QStringLiteral("token_type"), tr("only Bearer tokens are supported"));
        tokens.expiresInSeconds =
            reader.optionalInteger(*object, QStringLiteral("expires_in"), 1, kMaxExpiresInSeconds, 0);
        tokens.refreshToken = reader.optionalString(*object, QStringLiteral("refresh_token"), 4096);
        const QString scope = reader.optionalString(*object, QStringLiteral("scope"), 1024);
        tokens.scopes = scope.isEmpty() ? fallbackScopes : scope.split(u' ', Qt::SkipEmptyParts);
        tokens.user = reader.optionalString(*object, QStringLiteral("username"), 64).simplified();
        if (reader.ok() && (tokens.accessToken.isEmpty() || !printableAscii(tokens.accessToken)
                            || !printableAscii(tokens.refreshToken)))
            reader.fail(tr("the token holds characters a bearer token cannot have"));
    }
    if (!reader.ok()) {
        reply.error = {TokenError::Kind::Protocol, {},
                       tr("the token endpoint's answer is not usable: %1").arg(reader.error())};
        return reply;
    }
    reply.tokens = tokens;
    return reply;
}

TokenError TokenClient::parseErrorResponse(int httpStatus, const QByteArray &body)
{
    if (httpStatus >= 500 || httpStatus == 429)
        return {TokenError::Kind::Transient, {}, tr("the authorization server answered HTTP %1").arg(httpStatus)};
    QString error;
    const auto object = parseObject(body, kMaxTokenBodyBytes, &error);
    QString code;
    QString description;
    if (object) {
        JsonReader reader;
        code = reader.optionalString(*object, QStringLiteral("error"), 64);
        description = reader.optionalString(*object, QStringLiteral("error_description"), 300).simplified();
        if (!reader.ok() || !printableAscii(code))
            code.clear();
    }
    const QString message = code.isEmpty()
                                ? tr("the authorization server refused the request (HTTP %1)").arg(httpStatus)
                                : description.isEmpty()
                                      ? tr("the authorization server refused the request: %1").arg(code)
                                      : tr("the authorization server refused the request: %1 (%2)").arg(code, description);
    return {code == u"invalid_grant" ? TokenError::Kind::InvalidGrant : TokenError::Kind::Rejected, code, message};
}

void TokenClient::postForm(const QUrl &url, const QUrlQuery &form, RawDone done)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // Form encoding: '+' and every reserved character percent-encoded, so tokens survive intact.
    QByteArray body;
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkReply *reply = m_nam->post(request, body);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_timeoutMs);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxTokenBodyBytes)
            reply->abort();
    });
    QPointer<TokenClient> self(this);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), self] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->bytesAvailable() <= kMaxTokenBodyBytes ? reply->readAll() : QByteArray();
        // Aborted by the deadline or the size cap, or no HTTP answer at all.
        const bool networkFailure = status == 0 || reply->error() == QNetworkReply::OperationCanceledError
                                    || reply->error() == QNetworkReply::TimeoutError;
        const QString networkError = reply->error() == QNetworkReply::OperationCanceledError
                                         ? tr("no answer from the authorization server in time")
                                         : reply->errorString();
        // Posted, so the caller's stack is never re-entered.
        QMetaObject::invokeMethod(
            self,
            [done, status = networkFailure ? 0 : status, answer, networkError] { done(status, answer, networkError); },
            Qt::QueuedConnection);
    });
}

} // namespace cpn::auth
