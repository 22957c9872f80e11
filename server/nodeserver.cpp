#include "nodeserver.h"

#include "oauthserver.h"
#include "serverextension.h"

#include "domain/logging.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace cpn::server {
namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

void writeResponse(QHttpServerResponder &responder, const ApiResponse &response, bool head)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    const bool notModified = response.status == 304;
    const bool gzipped = !response.gzipBody.isEmpty();
    const QByteArray &body = gzipped ? response.gzipBody : response.body;
    if (!notModified) {
        responder.writeHeader("Content-Type", response.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    }
    if (gzipped)
        responder.writeHeader("Content-Encoding", "gzip");
    // An answer with an ETag may be kept, but only used after asking whether it is still current.
    responder.writeHeader("Cache-Control", response.header("ETag").isEmpty() ? "no-store" : "no-cache");
    for (const auto &h : response.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(head || notModified ? QByteArray() : body);
}

} // namespace

NodeServer::NodeServer(ApiRouter &router, OAuthServer *oauth, ServerExtension *extension, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_oauth(oauth), m_extension(extension)
{
}

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
    sslSetup(configuration);
    m_tls = true;
    return true;
}

quint16 NodeServer::listenLocal(quint16 port) { return listen(QHostAddress::LocalHost, port); }

bool NodeServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Headers and body go out in separate writes: without this, a body shorter than a segment
    // waits for the client's delayed ACK of the headers (40 ms on Linux) under Nagle's algorithm.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.query = request.query();
    api.body = request.body();
    api.authorization = request.value("Authorization");
    api.contentType = request.value("Content-Type");
    api.accept = request.value("Accept");
    api.acceptEncoding = request.value("Accept-Encoding");
    api.ifNoneMatch = request.value("If-None-Match");
    api.peer = socket->peerAddress().toString();

    ApiResponse response = m_oauth && OAuthServer::handles(api.path) ? m_oauth->handle(api) : m_router.handle(api);
    const bool head = api.method == "HEAD";
    if (!response.deferred) {
        answer(std::move(response), makeResponder(request, socket), socket, head, api.method, api.path);
        return true;
    }
    // Answered later (the backend asked another service): keep the responder without blocking other
    // clients. If the client gives up first, the socket is gone and the answer is dropped.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    response.deferred->onReady([this, guard = QPointer<NodeServer>(this), responder, socket = QPointer<QTcpSocket>(socket),
                                nodeId = response.nodeId, head, method = api.method, path = api.path](const ApiResponse &later) {
        if (!guard || !socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        ApiResponse r = later;
        r.nodeId = nodeId;
        answer(std::move(r), std::move(*responder), socket, head, method, path);
    });
    return true;
}

void NodeServer::answer(ApiResponse response, QHttpServerResponder &&responder, QTcpSocket *socket, bool head,
                        const QByteArray &method, const QString &path)
{
    qCDebug(lcServer).noquote() << method << path << response.status;
    if (m_extension && !response.nodeId.isEmpty() && response.status >= 200 && response.status < 300)
        m_extension->alter(response);
    const int delayMs = m_extension && !response.nodeId.isEmpty() ? m_extension->delayMs(response.nodeId) : 0;
    if (delayMs <= 0) {
        writeResponse(responder, response, head);
        return;
    }
    // Held answer (slow fault): keep the responder and answer later without blocking other clients. If the
    // client gives up first, the socket is gone and the answer is dropped.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    QTimer::singleShot(delayMs, this, [held, response, head, guard = QPointer<QTcpSocket>(socket)] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            writeResponse(*held, response, head);
    });
}

void NodeServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Unreachable: handleRequest() answers every request.
}

} // namespace cpn::server
