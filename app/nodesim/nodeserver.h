#pragma once

#include "apirouter.h"

#include <QAbstractHttpServer>

namespace cpn::sim {

// The HTTP side: turns QHttpServerRequests into ApiRequests, applies the transport faults (slow,
// malformed) and writes the answer. Subclasses QAbstractHttpServer rather than QHttpServer
// because QHttpServer 6.4 answers unmatched requests itself with a plain-text 404, and every
// answer here must be problem+json.
class NodeServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    NodeServer(ApiRouter &router, Simulator &simulator, QObject *parent = nullptr);

    // Listens on 127.0.0.1 only; 0 picks a free port. Returns the port, 0 on failure.
    quint16 listenLocal(quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiRouter &m_router;
    Simulator &m_sim;
};

} // namespace cpn::sim
