#pragma once

#include "apirouter.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

namespace cpn::server {

class OAuthServer;
class ServerExtension;

// The HTTP side: turns QHttpServerRequests into ApiRequests, lets the extension delay or alter the
// answer (cpn-nodesim's slow and malformed faults) and writes it. Subclasses QAbstractHttpServer
// rather than QHttpServer because QHttpServer 6.4 answers unmatched requests itself with a
// plain-text 404, and every answer here must be problem+json.
class NodeServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // oauth (optional) answers the authorization server's paths; the router answers the rest.
    NodeServer(ApiRouter &router, OAuthServer *oauth = nullptr, ServerExtension *extension = nullptr,
               QObject *parent = nullptr);

    // Serves https with this PEM certificate (chain) and key; call before listening.
    bool setupTls(const QString &certificateFile, const QString &keyFile, QString *error);
    bool isTls() const { return m_tls; }

    // Listens on 127.0.0.1 only; 0 picks a free port. Returns the port, 0 on failure.
    quint16 listenLocal(quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // Writes an answer, or holds it while the extension's slow fault says so.
    void answer(ApiResponse response, QHttpServerResponder &&responder, QTcpSocket *socket, bool head,
                const QByteArray &method, const QString &path);

    ApiRouter &m_router;
    OAuthServer *m_oauth;
    ServerExtension *m_extension;
    bool m_tls = false;
};

} // namespace cpn::server
