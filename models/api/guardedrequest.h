#pragma once

#include "api/apierror.h"
#include "api/clientoptions.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cpn::api {

// What came back from a successful (2xx) exchange.
struct RawReply
{
    int httpStatus = 0; // 304: the answer held under `etag` is still current; body is empty
    QByteArray body;
    QByteArray etag; // the answer's ETag, if any
    bool gzipped = false;    // body is still gzip (Spec::inflateLater): decodedBody() inflates it
    qint64 maxBodyBytes = 0; // what body may inflate to
};

// The body of raw as the node meant it: inflated when it came gzipped, refused (TooLarge) past its
// limit and (Protocol) when the stream is broken. Pure, so it runs on the thread that parses.
ApiResult<QByteArray> decodedBody(const RawReply &raw);

// A problem+json body of a failed reply is read up to this size; anything else is discarded.
inline constexpr qsizetype kMaxProblemBytes = 64 * 1024;
// What Qt may hold of an answer before this side reads it.
inline constexpr qint64 kReadBufferBytes = 1024 * 1024;

// Why a URL must not be contacted (empty when it may): only http(s), and plain http only to a
// loopback host unless allowPlainHttp.
QString transportRefusal(const QUrl &url, bool allowPlainHttp);
bool isLoopbackHost(const QString &host);

// The TLS settings of one endpoint: the system CAs, plus the certificates of caFile when it is set
// (a node's private CA). nullopt and *error when the file cannot be read or holds no certificate.
// Files are read once and again only when they change on disk.
std::optional<QSslConfiguration> sslConfigurationFor(const QString &caFile, QString *error);
// One translated sentence saying why the certificate of host was refused, e.g. "The certificate of
// 127.0.0.1 is signed by an unknown authority; configure the node's CA file".
QString tlsErrorSentence(const QList<QSslError> &errors, const QString &host, bool caFileConfigured);

// One HTTP exchange with the hardening QNetworkAccessManager lacks by default:
// transfer timeout, wall-clock deadline, no HTTP/2, no redirects (a 3xx is an error, so a token never
// travels to another host; a 304 to a conditional request is an answer), a body cap checked against
// Content-Length and while bytes arrive, and failed replies read only as a bounded problem+json.
// gzip is asked for; QNetworkAccessManager inflates it on the caller's thread, unless
// Spec::inflateLater leaves that to decodedBody() where the body is parsed (the metrics of a
// large federation inflate to a few hundred kB a second, which the UI thread need not pay for). https uses the endpoint's CA file besides the
// system CAs; certificate errors are never ignored and fail the request as ApiError::Kind::Tls.
//
// The result is posted to `context` through its event loop, so `done` never runs inside the caller
// and never runs once `context` is gone. Destroying the request (with its parent) aborts the transfer.
class GuardedRequest : public QObject
{
    Q_OBJECT

public:
    struct Spec
    {
        QByteArray verb = "GET";
        QUrl url;
        QByteArray body; // sent as application/json when not empty or the verb is POST
        QString token;
        QByteArray accept = "application/json";
        QByteArray ifNoneMatch{}; // an ETag held: an unchanged answer comes back as a 304
        qint64 maxBodyBytes = 0; // the answer limit of this request; 0: the endpoint's maxBodyBytes
        bool inflateLater = false; // hand a gzip body back compressed (RawReply::gzipped)
    };
    using Done = std::function<void(const ApiResult<RawReply> &)>;

    static void start(QNetworkAccessManager *nam, const Spec &spec, const ClientOptions &options,
                      QObject *context, Done done);
    ~GuardedRequest() override;

private:
    GuardedRequest(const ClientOptions &options, const Spec &spec, QObject *context, Done done);
    void attach(QNetworkReply *reply);
    void onMetaDataChanged();
    void onReadyRead();
    void onFinished();
    void abortWith(const ApiError &error);
    ApiError errorFromReply() const;
    void complete(const ApiResult<RawReply> &result);

    qint64 m_maxBodyBytes;
    int m_transferTimeoutMs;
    int m_deadlineMs;
    QUrl m_url; // for logging: never carries credentials
    QPointer<QObject> m_context;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body;
    bool m_discardBody = false; // a failed reply whose body is not worth reading
    bool m_caFileConfigured = false;
    bool m_conditional = false;   // sent with If-None-Match: a 304 is an answer
    bool m_inflateLater = false;  // gzip asked for by us, so Qt leaves the body compressed
    bool m_gzipped = false;       // the answer came with Content-Encoding: gzip
    QList<QSslError> m_sslErrors; // reported by the handshake; the reply then fails
    std::optional<ApiError> m_failure;
};

} // namespace cpn::api
