#include "api/guardedrequest.h"

#include "api/backoff.h"
#include "domain/gzip.h"
#include "domain/logging.h"
#include "domain/protocoljson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>

#include <algorithm>

namespace cpn::api {
namespace {

// Server-supplied text shown to people: keep it short and on one line.
QString shortText(const QString &text, int maxLength = 300)
{
    QString simplified = text.simplified();
    if (simplified.size() > maxLength)
        simplified = simplified.left(maxLength) + QStringLiteral("…");
    return simplified;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type == "application/problem+json" || type == "application/json";
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString transportRefusal(const QUrl &url, bool allowPlainHttp)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("cpn::api", "'%1' is not a valid node URL")
            .arg(shortText(url.toDisplayString(QUrl::RemoveUserInfo), 200));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme != u"http")
        return QCoreApplication::translate("cpn::api", "the %1 scheme is not supported, only https and http")
            .arg(shortText(scheme, 20));
    if (allowPlainHttp || isLoopbackHost(url.host()))
        return {};
    return QCoreApplication::translate(
               "cpn::api", "plain http to %1 is not allowed; use https or allow plain http for this endpoint")
        .arg(url.host());
}

std::optional<QSslConfiguration> sslConfigurationFor(const QString &caFile, QString *error)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (caFile.isEmpty())
        return configuration;
    // Read once per file and thread, again only when the file changes: requests run every second.
    struct CachedCa
    {
        QDateTime modified;
        qint64 size = -1;
        QList<QSslCertificate> certificates;
    };
    thread_local QHash<QString, CachedCa> cache;
    const QFileInfo info(caFile);
    if (!info.isFile() || !info.isReadable()) {
        *error = QCoreApplication::translate("cpn::api", "The CA file %1 cannot be read").arg(caFile);
        return std::nullopt;
    }
    CachedCa &cached = cache[info.absoluteFilePath()];
    if (cached.modified != info.lastModified() || cached.size != info.size()) {
        cached.certificates = info.size() > 4 * 1024 * 1024 ? QList<QSslCertificate>()
                                                            : QSslCertificate::fromPath(caFile, QSsl::Pem);
        cached.modified = info.lastModified();
        cached.size = info.size();
    }
    if (cached.certificates.isEmpty()) {
        *error = QCoreApplication::translate("cpn::api", "The CA file %1 holds no PEM certificate").arg(caFile);
        return std::nullopt;
    }
    configuration.addCaCertificates(cached.certificates);
    return configuration;
}

QString tlsErrorSentence(const QList<QSslError> &errors, const QString &host, bool caFileConfigured)
{
    const auto has = [&errors](std::initializer_list<QSslError::SslError> kinds) {
        return std::any_of(errors.begin(), errors.end(), [&](const QSslError &e) {
            return std::find(kinds.begin(), kinds.end(), e.error()) != kinds.end();
        });
    };
    const QString name = shortText(host, 100);
    if (has({QSslError::CertificateExpired}))
        return QCoreApplication::translate("cpn::api", "The certificate of %1 has expired").arg(name);
    if (has({QSslError::CertificateNotYetValid}))
        return QCoreApplication::translate("cpn::api", "The certificate of %1 is not valid yet; check the clocks")
            .arg(name);
    if (has({QSslError::CertificateRevoked}))
        return QCoreApplication::translate("cpn::api", "The certificate of %1 has been revoked").arg(name);
    if (has({QSslError::HostNameMismatch}))
        return QCoreApplication::translate("cpn::api", "The certificate presented by %1 is issued for another host name")
            .arg(name);
    if (has({QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToGetIssuerCertificate,
             QSslError::SelfSignedCertificate, QSslError::SelfSignedCertificateInChain,
             QSslError::UnableToVerifyFirstCertificate, QSslError::CertificateUntrusted,
             QSslError::CertificateRejected})) {
        return caFileConfigured
                   ? QCoreApplication::translate("cpn::api", "The certificate of %1 is signed by an authority that is "
                                                             "neither a system CA nor in the node's CA file")
                         .arg(name)
                   : QCoreApplication::translate("cpn::api", "The certificate of %1 is signed by an unknown "
                                                             "authority; configure the node's CA file")
                         .arg(name);
    }
    if (!errors.isEmpty())
        return QCoreApplication::translate("cpn::api", "The certificate of %1 was refused: %2")
            .arg(name, shortText(errors.constFirst().errorString()));
    return QCoreApplication::translate("cpn::api", "The secure connection to %1 failed").arg(name);
}

GuardedRequest::GuardedRequest(const ClientOptions &options, const Spec &spec, QObject *context, Done done)
    : QObject(context), m_maxBodyBytes(spec.maxBodyBytes > 0 ? spec.maxBodyBytes : options.maxBodyBytes),
      m_transferTimeoutMs(options.transferTimeoutMs), m_deadlineMs(options.deadlineMs),
      m_url(spec.url.adjusted(QUrl::RemoveUserInfo)), m_context(context), m_done(std::move(done)),
      m_caFileConfigured(!options.caFile.isEmpty()), m_conditional(!spec.ifNoneMatch.isEmpty()),
      m_inflateLater(spec.inflateLater)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        abortWith(ApiError::timeout(
            QCoreApplication::translate("cpn::api", "no complete answer within %1 ms").arg(m_deadlineMs)));
    });
}

GuardedRequest::~GuardedRequest()
{
    // Destroyed with its context before the reply finished: drop the transfer, report nothing.
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void GuardedRequest::start(QNetworkAccessManager *nam, const Spec &spec, const ClientOptions &options,
                           QObject *context, Done done)
{
    auto *request = new GuardedRequest(options, spec, context, std::move(done));
    if (hasControlCharacters(spec.token)) {
        request->complete(ApiError::refused(
            QCoreApplication::translate("cpn::api", "the access token contains control characters")));
        return;
    }

    QNetworkRequest networkRequest(spec.url);
    networkRequest.setTransferTimeout(options.transferTimeoutMs);
    // Debian's Qt 6.4 carries unfixed HTTP/2 CVEs; the protocol needs nothing HTTP/2 offers.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // A redirect could carry the bearer token to another host: never follow one.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    if (spec.url.scheme().compare(QStringLiteral("https"), Qt::CaseInsensitive) == 0) {
        QString error;
        const auto ssl = sslConfigurationFor(options.caFile, &error);
        if (!ssl) {
            request->complete(ApiError::tls(error));
            return;
        }
        networkRequest.setSslConfiguration(*ssl);
    }
    networkRequest.setRawHeader("Accept", spec.accept);
    if (!spec.ifNoneMatch.isEmpty())
        networkRequest.setRawHeader("If-None-Match", spec.ifNoneMatch);
    // Qt asks for gzip and inflates it; m_maxBodyBytes caps what it inflates, so its own ratio
    // check (meant for callers without a cap) would only refuse well-compressed answers.
    networkRequest.setDecompressedSafetyCheckThreshold(-1);
    // Asked for by us, gzip is left to decodedBody(): Qt inflates only what it asked for itself.
    if (spec.inflateLater)
        networkRequest.setRawHeader("Accept-Encoding", "gzip");
    if (!spec.token.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + spec.token.toUtf8());
    const bool hasBody = spec.verb != "GET";
    if (hasBody)
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    QNetworkReply *reply =
        hasBody ? nam->sendCustomRequest(networkRequest, spec.verb, spec.body) : nam->get(networkRequest);
    request->attach(reply);
}

void GuardedRequest::attach(QNetworkReply *reply)
{
    m_reply = reply;
    // Qt's network thread fills the reply's buffer as fast as the node sends; bounded, the socket
    // waits for this thread to read instead of the console's memory growing.
    reply->setReadBufferSize(kReadBufferBytes);
    connect(reply, &QNetworkReply::metaDataChanged, this, &GuardedRequest::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &GuardedRequest::onReadyRead);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (!m_discardBody && received > m_maxBodyBytes)
            abortWith(ApiError::tooLarge(
                QCoreApplication::translate("cpn::api", "more than %1 bytes").arg(m_maxBodyBytes)));
    });
    connect(reply, &QNetworkReply::finished, this, &GuardedRequest::onFinished);
    // Recorded for the message, never ignored: the reply then fails with SslHandshakeFailedError.
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    m_deadline.start(m_deadlineMs);
}

void GuardedRequest::onMetaDataChanged()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_inflateLater) {
        const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed().toLower();
        m_gzipped = encoding == "gzip";
        if (status < 300 && !m_gzipped && !encoding.isEmpty() && encoding != "identity") {
            abortWith(ApiError::protocol(
                QCoreApplication::translate("cpn::api", "the answer came in the unsupported encoding %1")
                    .arg(shortText(QString::fromLatin1(encoding), 40))));
            return;
        }
    }
    if (status == 304 && m_conditional) {
        m_discardBody = true; // a 304 has no body
        return;
    }
    if (status >= 300) {
        // Only a bounded problem+json is worth reading from a failed reply.
        const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        m_discardBody = !isJsonContentType(type) || length > kMaxProblemBytes;
        // A body not worth reading ends the request now, with what the node said.
        if (m_discardBody)
            abortWith(errorFromReply());
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_maxBodyBytes)
        abortWith(ApiError::tooLarge(
            QCoreApplication::translate("cpn::api", "the node announced %1 bytes, the limit is %2")
                .arg(length.toLongLong())
                .arg(m_maxBodyBytes)));
}

void GuardedRequest::onReadyRead()
{
    if (m_failure)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_discardBody)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 limit = status >= 300 ? kMaxProblemBytes : m_maxBodyBytes;
    if (m_body.size() + chunk.size() > limit) {
        if (status >= 300) {
            m_discardBody = true;
            m_body.clear();
            abortWith(errorFromReply());
            return;
        }
        abortWith(ApiError::tooLarge(
            QCoreApplication::translate("cpn::api", "more than %1 bytes").arg(m_maxBodyBytes)));
        return;
    }
    m_body += chunk;
}

void GuardedRequest::abortWith(const ApiError &error)
{
    if (m_failure || !m_reply)
        return;
    m_failure = error;
    m_reply->abort(); // finishes the reply, which lands in onFinished()
}

void GuardedRequest::onFinished()
{
    m_deadline.stop();
    if (!m_failure && m_reply->isOpen())
        onReadyRead(); // whatever is still buffered
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_failure) {
        complete(*m_failure);
    } else if (status >= 200 && status < 300 && m_reply->error() == QNetworkReply::NoError) {
        complete(RawReply{status, std::move(m_body), m_reply->rawHeader("ETag").left(256), m_gzipped,
                          m_maxBodyBytes});
    } else if (status == 304 && m_conditional) {
        complete(RawReply{status, {}, m_reply->rawHeader("ETag").left(256)});
    } else {
        complete(errorFromReply());
    }
}

ApiError GuardedRequest::errorFromReply() const
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason =
        shortText(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), 100);
    if (status >= 300 && status < 400) {
        const QUrl target = m_reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        return ApiError::http(status, reason,
                              QCoreApplication::translate("cpn::api", "redirect to %1 not followed")
                                  .arg(shortText(target.toDisplayString(QUrl::RemoveUserInfo), 200)));
    }
    if (status >= 400) {
        QString title = reason;
        QString detail;
        const auto body = m_discardBody ? std::nullopt
                          : m_gzipped   ? gunzip(m_body, kMaxProblemBytes)
                                        : std::optional<QByteArray>(m_body);
        if (body && !body->isEmpty()) {
            const auto problem = protocol::parseProblem(*body);
            if (problem.ok()) {
                if (!problem.value().title.isEmpty())
                    title = shortText(problem.value().title, 100);
                detail = shortText(problem.value().detail);
            }
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const int retryAfter = parseRetryAfter(m_reply->rawHeader("Retry-After"), now.toMSecsSinceEpoch());
        return ApiError::http(status, title, detail, retryAfter);
    }
    if (!m_sslErrors.isEmpty() || m_reply->error() == QNetworkReply::SslHandshakeFailedError)
        return ApiError::tls(tlsErrorSentence(m_sslErrors, m_url.host(), m_caFileConfigured));
    switch (m_reply->error()) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt 6.4 reports an expired transfer timeout this way
        return ApiError::timeout(
            QCoreApplication::translate("cpn::api", "no data for %1 ms").arg(m_transferTimeoutMs));
    default:
        return ApiError::network(shortText(m_reply->errorString()));
    }
}

ApiResult<QByteArray> decodedBody(const RawReply &raw)
{
    if (!raw.gzipped)
        return raw.body;
    bool tooLarge = false;
    std::optional<QByteArray> body = gunzip(raw.body, raw.maxBodyBytes, &tooLarge);
    if (tooLarge)
        return ApiError::tooLarge(
            QCoreApplication::translate("cpn::api", "more than %1 bytes once inflated").arg(raw.maxBodyBytes));
    if (!body)
        return ApiError::protocol(QCoreApplication::translate("cpn::api", "the answer's gzip stream is broken"));
    return std::move(*body);
}

void GuardedRequest::complete(const ApiResult<RawReply> &result)
{
    if (!result.ok())
        qCInfo(lcApi).noquote() << m_url.toDisplayString() << "failed:" << result.error().message();
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    // Delivered through the event loop: the caller's stack is never re-entered, and nothing is
    // delivered once the context is gone.
    if (m_context) {
        QMetaObject::invokeMethod(
            m_context, [done = std::move(m_done), result] { done(result); }, Qt::QueuedConnection);
    }
    deleteLater();
}

} // namespace cpn::api
