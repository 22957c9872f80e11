#include "httplistener.h"

#include "httpconnection.h"

#include "domain/logging.h"

#include <QSslSocket>
#include <QTimer>

namespace cpn::server {
namespace {

// IPv4 clients of a dual-stack socket count as their IPv4 address.
QString addressKey(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ipv4 = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ipv4).toString() : address.toString();
}

} // namespace

HttpListener::HttpListener(const ConnectionLimits &limits, HttpRequestParser::BodyLimit bodyLimit, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_bodyLimit(std::move(bodyLimit))
{
    // Out of descriptors, QTcpServer stops accepting for good: try again shortly, the flood may be over.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcSim) << "accepting a connection failed:" << error << errorString();
        QTimer::singleShot(100, this, [this] { resumeAccepting(); });
    });
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString address = addressKey(socket->peerAddress());
    int &fromAddress = m_perAddress[address];
    if (m_open >= m_limits.maxConnections || fromAddress >= m_limits.maxConnectionsPerAddress) {
        ++m_refused;
        qCDebug(lcSim) << "connection refused:" << m_open << "open," << fromAddress << "from" << address;
        if (fromAddress == 0)
            m_perAddress.remove(address);
        socket->abort();
        delete socket;
        return;
    }
    ++fromAddress;
    ++m_open;
    if (m_tls) {
        auto *tls = static_cast<QSslSocket *>(socket);
        tls->setSslConfiguration(*m_tls);
        tls->startServerEncryption();
    }
    auto *connection = new HttpConnection(socket, m_limits, m_bodyLimit, this);
    connect(connection, &QObject::destroyed, this, [this, address] { release(address); });
    Q_EMIT connectionOpened(connection);
}

void HttpListener::release(const QString &address)
{
    --m_open;
    if (auto it = m_perAddress.find(address); it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
}

} // namespace cpn::server
