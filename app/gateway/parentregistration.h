#pragma once

#include "domain/registration.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkReply;
class QNetworkRequest;

namespace cpn::gateway {

// cpn-gateway --register-with URL (docs/gateway.md, "Joining a parent"): the site applies to join under the
// parent whose base URL is URL (POST <URL>/api/v1/registry, docs/node-api.md "Identifier registration"),
// retrying with backoff while the parent does not answer; a 4xx is final, but for a 409 naming the
// registration that already holds the site's node id, which it then follows. The registration's id is
// kept in <state directory>/registration.json, so a restarted gateway follows it instead of applying
// again. Every pollMs it asks GET <URL>/api/v1/registry/{id}; a token without registry:read (a parent's
// apply token) gets 403 there, and the gateway then follows the parent's directory (GET <URL>/api/v1/nodes,
// node:read): listed with a compute identifier is active (or suspended), no longer listed is revoked; a
// rejection and the registrar's reasons are not visible that way. status() is the `registration`
// object of GET /gateway/v1/status; each change is logged.
class ParentRegistration : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 10000;
    static constexpr int kDefaultPollMs = 30000;
    static constexpr int kFirstRetryMs = 1000; // then doubled up to kMaxRetryMs
    static constexpr int kMaxRetryMs = 60000;
    // A registration with its 1,000 steps of 500-character reasons stays well below this.
    static constexpr qint64 kMaxRegistrationBytes = 2 * 1024 * 1024;
    static constexpr qint64 kMaxDirectoryBytes = 16 * 1024 * 1024;
    static constexpr qint64 kMaxProblemBytes = 64 * 1024;
    static constexpr qint64 kMaxStateFileBytes = 64 * 1024;
    static constexpr int kMaxTokenLength = 4096;
    static inline const QString kStateFileName = QStringLiteral("registration.json");

    struct Options
    {
        QUrl parentUrl; // the parent's base URL, no trailing slash
        QString token;  // registry:apply, and registry:read to see the decisions themselves
        QString stateDirectory;
        int pollMs = kDefaultPollMs;
        QString servedComputeId; // site.compute_id: an assigned identifier that differs is logged
    };

    ParentRegistration(RegistrationRequest request, Options options, QObject *parent = nullptr);

    // Reads what an earlier run saved in the state directory: the registration to follow when it was
    // filed with the same parent for the same node id. False with *error for a file that is there but
    // cannot be read (the gateway then refuses to start rather than apply twice).
    bool restore(QString *error);
    // Applies, or follows the restored registration.
    void start();

    QJsonObject status() const;
    QString state() const { return m_state; }

    // --register-with's value: an http(s) base URL without query, fragment or user info.
    static QUrl parentUrlFrom(const QString &text, QString *error);
    // A bearer token as RFC 6750 writes it (b64token), read from a file or the environment.
    static bool validToken(const QString &token);

private:
    enum class Via { Registry, Directory };

    QNetworkRequest requestFor(const QString &path) const;
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body,
                        qint64 maxBytes);
    void apply();
    void applied(QNetworkReply *reply);
    void poll();
    void polledRegistration(QNetworkReply *reply);
    void polledDirectory(QNetworkReply *reply);
    void follow(const QString &id); // a registration the parent holds for the site's node id
    // What the parent said of the registration; logs a change and saves it.
    void update(const QString &state, const QString &computeId, const QString &reason);
    // Why the last exchange failed ("" once one works); logs a change.
    void setError(const QString &error);
    // Logs an assigned compute identifier that differs from the one the gateway serves, once.
    void noteIdentifier();
    void retryLater(const QString &why);
    bool save();
    // "" when the reply is an HTTP answer read whole; else why there is none.
    static QString transportFailure(QNetworkReply *reply);
    static QString problemDetail(QNetworkReply *reply, const QByteArray &body);

    const RegistrationRequest m_request;
    const Options m_options;
    QNetworkAccessManager m_nam;
    QTimer m_pollTimer;
    QTimer m_retryTimer;
    int m_retryMs = kFirstRetryMs;
    bool m_busy = false; // one request at a time
    Via m_via = Via::Registry;
    QByteArray m_directoryEtag;
    bool m_listed = false; // seen in the parent's directory (following it)

    QString m_id;
    QString m_state = QStringLiteral("applying"); // applying, refused, lost, or a RegistrationState
    QString m_computeId;
    QString m_reason;
    QString m_error;
    QString m_warnedComputeId;
};

} // namespace cpn::gateway
