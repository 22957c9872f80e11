#pragma once

#include "apirouter.h"
#include "httprequestparser.h"
#include "serveroptions.h"

#include <QObject>

namespace cpn::server {

class HttpConnection;
class HttpListener;
class OAuthServer;
class ServerExtension;

// The HTTP side: turns the requests of its HttpListener into ApiRequests, lets the extension delay
// or alter the answer (cpn-nodesim's slow and malformed faults) and writes it. Its own HTTP/1.1 layer
// (server/httpconnection.h) rather than QtHttpServer, whose 6.4 holds whole requests before anyone
// may refuse them and never closes a connection: docs/architecture.md, "Serving the protocol".
class NodeServer : public QObject
{
    Q_OBJECT

public:
    // oauth (optional) answers the authorization server's paths; the router answers the rest.
    NodeServer(ApiRouter &router, OAuthServer *oauth = nullptr, ServerExtension *extension = nullptr,
               const ConnectionLimits &limits = {}, QObject *parent = nullptr);
    ~NodeServer() override;

    // Serves https with this PEM certificate (chain) and key; call before listening.
    bool setupTls(const QString &certificateFile, const QString &keyFile, QString *error);
    bool isTls() const;

    // Listens on 127.0.0.1 only; 0 picks a free port. Returns the port, 0 on failure.
    quint16 listenLocal(quint16 port);

    // The largest body a request may carry on its route (never more than the limits' maxBodyBytes).
    qint64 bodyLimit(const HttpRequest &head) const;

private:
    void handle(HttpConnection *connection, const HttpRequest &request);
    // Writes an answer, or holds it while the extension's slow fault says so.
    void answer(ApiResponse response, HttpConnection *connection, bool head, const QByteArray &method,
                const QString &path);

    ApiRouter &m_router;
    OAuthServer *m_oauth;
    ServerExtension *m_extension;
    const ConnectionLimits m_limits;
    HttpListener *m_listener;
};

} // namespace cpn::server
