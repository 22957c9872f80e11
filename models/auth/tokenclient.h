#pragma once

#include "auth/servermetadata.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace cpn::auth {

// What a token endpoint granted. Secrets: nothing here may be logged or written outside the vault.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the server issued none
    QStringList scopes;
    qint64 expiresInSeconds = 0; // 0: the server did not say
    QString user;                // the signed-in user when the server names one (non-standard "username")
};

// Why a token request failed, sorted by what the caller must do about it.
struct TokenError
{
    enum class Kind {
        InvalidGrant, // the code or refresh token is no good (RFC 6749 invalid_grant): sign in again
        Rejected,     // any other RFC 6749 error: a misconfiguration, not worth retrying
        Transient,    // network, timeout or 5xx: keep what we hold and try later
        Protocol,     // a 2xx answer that is not a usable token response
    };
    Kind kind = Kind::Transient;
    QString code;    // the RFC 6749 "error" when there was one
    QString message; // one translated sentence for people
};

struct TokenReply
{
    std::optional<TokenSet> tokens;
    TokenError error;
    bool ok() const { return tokens.has_value(); }
};

// The console's side of the token and revocation endpoints (public client, no secret), with the
// same hardening as the protocol client: transfer timeout, wall-clock deadline, no HTTP/2, no
// redirects, bounded bodies. Callbacks run later on this object's thread, never inside the call.
class TokenClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const TokenReply &)>;

    TokenClient(QNetworkAccessManager *nam, const ServerMetadata &metadata, const QString &clientId,
                QObject *parent = nullptr);

    void exchangeCode(const QString &code, const QString &redirectUri, const QByteArray &verifier, Done done);
    // `previousScopes` stand when the answer leaves "scope" out (RFC 6749 5.1).
    void refresh(const QString &refreshToken, const QStringList &previousScopes, Done done);
    // RFC 7009; `done(true)` also when the server answers 200 for a token it did not know.
    void revoke(const QString &token, const QString &typeHint, std::function<void(bool ok, QString message)> done);

    static TokenReply parseTokenResponse(const QByteArray &body, const QStringList &fallbackScopes);
    static TokenError parseErrorResponse(int httpStatus, const QByteArray &body);

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    using RawDone = std::function<void(int httpStatus, const QByteArray &body, const QString &networkError)>;
    void postForm(const QUrl &url, const QUrlQuery &form, RawDone done);
    void tokenRequest(const QUrlQuery &form, const QStringList &fallbackScopes, Done done);

    QNetworkAccessManager *m_nam;
    ServerMetadata m_metadata;
    QString m_clientId;
    int m_timeoutMs = 15000;
};

} // namespace cpn::auth
