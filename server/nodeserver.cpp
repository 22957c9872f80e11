#include "nodeserver.h"

#include "httpconnection.h"
#include "httplistener.h"
#include "oauthserver.h"
#include "serverextension.h"

#include "domain/logging.h"

#include <QFile>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace cpn::server {
namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

void writeResponse(HttpConnection &connection, const ApiResponse &response, bool head)
{
    const bool notModified = response.status == 304;
    const bool gzipped = !response.gzipBody.isEmpty();
    const QByteArray &body = gzipped ? response.gzipBody : response.body;
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    const auto add = [&out](const QByteArray &name, const QByteArray &value) {
        out += name + ": " + value + "\r\n";
    };
    if (!notModified) {
        add("Content-Type", response.contentType);
        add("Content-Length", QByteArray::number(body.size()));
    }
    if (gzipped)
        add("Content-Encoding", "gzip");
    // An answer with an ETag may be kept, but only used after asking whether it is still current.
    add("Cache-Control", response.header("ETag").isEmpty() ? "no-store" : "no-cache");
    for (const auto &h : response.headers)
        add(h.first, h.second);
    connection.respond(out, head || notModified ? QByteArray() : body);
}

} // namespace

NodeServer::NodeServer(ApiRouter &router, OAuthServer *oauth, ServerExtension *extension,
                       const ConnectionLimits &limits, QObject *parent)
    : QObject(parent), m_router(router), m_oauth(oauth), m_extension(extension), m_limits(limits),
      m_listener(new HttpListener(
          limits, [this](const HttpRequest &head) { return bodyLimit(head); }, this))
{
    connect(m_listener, &HttpListener::connectionOpened, this, [this](HttpConnection *connection) {
        connect(connection, &HttpConnection::requestReady, this,
                [this, connection](const HttpRequest &request) { handle(connection, request); });
        connect(connection, &HttpConnection::requestRefused, this,
                [this, connection](int status, const QByteArray &detail) {
                    qCDebug(lcServer) << "refused" << status << detail;
                    writeResponse(*connection,
                                  ApiRouter::problem(status, QString::fromUtf8(detail), QString()), false);
                });
    });
}

NodeServer::~NodeServer() = default;

bool NodeServer::setupTls(const QString &certificateFile, const QString &keyFile, QString *error)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no PEM certificate in %1").arg(certificateFile);
        return false;
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the key %1: %2").arg(keyFile, file.errorString());
        return false;
    }
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted RSA or EC private key in PEM").arg(keyFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
    m_listener->setTls(configuration);
    return true;
}

bool NodeServer::isTls() const
{
    return m_listener->isTls();
}

quint16 NodeServer::listenLocal(quint16 port)
{
    if (!m_listener->listen(QHostAddress::LocalHost, port)) {
        qCCritical(lcServer).noquote() << "cannot listen:" << m_listener->errorString();
        return 0;
    }
    return m_listener->serverPort();
}

qint64 NodeServer::bodyLimit(const HttpRequest &) const
{
    // Every route takes small JSON or form bodies, the router's and authorization server's limit.
    return std::min<qint64>(m_limits.maxBodyBytes, ApiRouter::kMaxRequestBytes);
}

void NodeServer::handle(HttpConnection *connection, const HttpRequest &request)
{
    const QUrl url = QUrl::fromEncoded(request.target);
    ApiRequest api;
    api.method = request.method;
    api.path = url.path();
    api.query = QUrlQuery(url);
    api.body = request.body;
    api.authorization = request.header("authorization");
    api.contentType = request.header("content-type");
    api.accept = request.header("accept");
    api.acceptEncoding = request.header("accept-encoding");
    api.ifNoneMatch = request.header("if-none-match");
    api.peer = connection->peerAddress().toString();

    ApiResponse response =
        m_oauth && OAuthServer::handles(api.path) ? m_oauth->handle(api) : m_router.handle(api);
    const bool head = api.method == "HEAD";
    if (!response.deferred) {
        answer(std::move(response), connection, head, api.method, api.path);
        return;
    }
    // Answered later (the backend asked another service) without blocking other clients. If the
    // client gives up first, the connection is gone and the answer is dropped.
    response.deferred->onReady([this, guard = QPointer<NodeServer>(this),
                                connection = QPointer<HttpConnection>(connection), nodeId = response.nodeId,
                                head, method = api.method, path = api.path](const ApiResponse &later) {
        if (!guard || !connection)
            return;
        ApiResponse r = later;
        r.nodeId = nodeId;
        answer(std::move(r), connection, head, method, path);
    });
}

void NodeServer::answer(ApiResponse response, HttpConnection *connection, bool head, const QByteArray &method,
                        const QString &path)
{
    qCDebug(lcServer).noquote() << method << path << response.status;
    if (m_extension && !response.nodeId.isEmpty() && response.status >= 200 && response.status < 300)
        m_extension->alter(response);
    const int delayMs = m_extension && !response.nodeId.isEmpty() ? m_extension->delayMs(response.nodeId) : 0;
    if (delayMs <= 0) {
        writeResponse(*connection, response, head);
        return;
    }
    // Held answer (slow fault): answer later without blocking other clients. If the client gives up
    // first, the connection is gone and the answer is dropped.
    QTimer::singleShot(delayMs, this, [response, head, guard = QPointer<HttpConnection>(connection)] {
        if (guard)
            writeResponse(*guard, response, head);
    });
}

} // namespace cpn::server
