#include "httplistener.h"

#include "httpconnection.h"

#include "domain/logging.h"

#include <QSslSocket>
#include <QTimer>

#include <algorithm>

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

HttpListener::HttpListener(const ConnectionLimits &limits, HttpRequestParser::BodyLimit bodyLimit,
                           QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_bodyLimit(std::move(bodyLimit))
{
    // Qt's default backlog of 50 drops the SYNs of a burst, and a dropped SYN costs a client 1 s
    // (the kernel caps it at net.core.somaxconn).
    setListenBacklogSize(4096);
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
    const int fromAddress = m_perAddress.value(address);
    HttpConnection *evicted = nullptr;
    if (fromAddress < m_limits.maxConnectionsPerAddress && m_open >= m_limits.maxConnections) {
        evicted = placeToGiveUp(fromAddress);
        if (evicted) {
            release(evicted);
            evicted->drop();
        }
    }
    if (fromAddress >= m_limits.maxConnectionsPerAddress || m_open >= m_limits.maxConnections) {
        qCDebug(lcSim) << "connection refused:" << m_open << "open," << fromAddress << "from" << address;
        socket->abort();
        delete socket;
        return;
    }
    ++m_perAddress[address];
    ++m_open;
    if (m_tls) {
        auto *tls = static_cast<QSslSocket *>(socket);
        tls->setSslConfiguration(*m_tls);
        tls->startServerEncryption();
    }
    auto *connection = new HttpConnection(socket, m_limits, m_bodyLimit, this);
    m_connections.insert(connection, address);
    connect(connection, &QObject::destroyed, this, [this, connection] { release(connection); });
    Q_EMIT connectionOpened(connection);
}

void HttpListener::release(HttpConnection *connection)
{
    const auto it = m_connections.constFind(connection);
    if (it == m_connections.cend())
        return; // already released when it was evicted
    --m_open;
    if (auto count = m_perAddress.find(*it); count != m_perAddress.end() && --*count <= 0)
        m_perAddress.erase(count);
    m_connections.erase(it);
}

HttpConnection *HttpListener::placeToGiveUp(int newcomersPlaces) const
{
    // A connection that has not completed a request yet, from the address holding the most places
    // (then the one waiting longest), so that a flood from many addresses cannot keep out, nor push
    // out, a client with few connections. It must have had its chance to send its request: a tenth
    // of a second, long for a client on its way to sending one (those accepted in the same burst as
    // the newcomer have not been read yet), unless its address holds more places than the newcomer's.
    constexpr qint64 minimumAgeMs = 100;
    HttpConnection *chosen = nullptr;
    int chosenPlaces = 0;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        HttpConnection *c = it.key();
        if (!c->awaitingFirstRequest())
            continue;
        const int places = m_perAddress.value(it.value());
        if (c->ageMs() < minimumAgeMs && places <= newcomersPlaces + 1)
            continue;
        if (!chosen || places > chosenPlaces || (places == chosenPlaces && c->ageMs() > chosen->ageMs())) {
            chosen = c;
            chosenPlaces = places;
        }
    }
    return chosen;
}

} // namespace cpn::server
