#include "nodeserver.h"

#include "domain/logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace cpn::sim {
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
    responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &h : response.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(head ? QByteArray() : response.body);
}

} // namespace

NodeServer::NodeServer(ApiRouter &router, Simulator &simulator, QObject *parent)
    : QAbstractHttpServer(parent), m_router(router), m_sim(simulator)
{
}

quint16 NodeServer::listenLocal(quint16 port) { return listen(QHostAddress::LocalHost, port); }

bool NodeServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.query = request.query();
    api.body = request.body();
    api.authorization = request.value("Authorization");
    api.contentType = request.value("Content-Type");

    ApiResponse response = m_router.handle(api);
    const bool head = api.method == "HEAD";
    qCDebug(lcSim).noquote() << api.method << api.path << response.status;

    if (!response.nodeId.isEmpty() && response.status >= 200 && response.status < 300) {
        const QString mode = m_sim.faults().malformedModeFor(response.nodeId);
        if (!mode.isEmpty())
            response.body = FaultInjector::malform(response.body, mode);
    }
    const int delayMs = response.nodeId.isEmpty() ? 0 : m_sim.faults().delayMsFor(response.nodeId);
    if (delayMs <= 0) {
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, response, head);
        return true;
    }
    // Slow fault: keep the responder and answer later without blocking other clients. If the
    // client gives up first, the socket is gone and the answer is dropped.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QTimer::singleShot(delayMs, this, [responder, response, head, guard = QPointer<QTcpSocket>(socket)] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            writeResponse(*responder, response, head);
    });
    return true;
}

void NodeServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Unreachable: handleRequest() answers every request.
}

} // namespace cpn::sim
