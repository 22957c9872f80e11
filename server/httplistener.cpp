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
        qCWarning(lcServer) << "accepting a connection failed:" << error << errorString();
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
        evicted = slowestFirstRequest(fromAddress);
        if (evicted) {
            release(evicted);
            evicted->drop();
        }
    }
    if (fromAddress >= m_limits.maxConnectionsPerAddress || m_open >= m_limits.maxConnections) {
        qCDebug(lcServer) << "connection refused:" << m_open << "open," << fromAddress << "from" << address;
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

HttpConnection *HttpListener::slowestFirstRequest(int newcomersConnections) const
{
    // Not one accepted in the same burst as the newcomer: those have not been read yet. A tenth of a
    // second is long for a client on its way to sending a request, and short enough that an attacker
    // reconnecting at once cannot keep every place.
    constexpr qint64 minimumAgeMs = 100;
    // Unless the newcomer's address holds fewer places than the most crowded one: then that one gives
    // up a place, so that a flood from many addresses cannot keep a client with few connections out.
    QString crowded;
    int mostPlaces = 0;
    for (auto it = m_perAddress.cbegin(); it != m_perAddress.cend(); ++it) {
        if (it.value() > mostPlaces) {
            mostPlaces = it.value();
            crowded = it.key();
        }
    }
    const bool fromCrowded = newcomersConnections + 1 < mostPlaces;
    HttpConnection *slowest = nullptr;
    HttpConnection *slowestOfCrowded = nullptr;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        HttpConnection *c = it.key();
        if (!c->awaitingFirstRequest())
            continue;
        if (c->ageMs() >= minimumAgeMs && (!slowest || c->ageMs() > slowest->ageMs()))
            slowest = c;
        if (fromCrowded && it.value() == crowded &&
            (!slowestOfCrowded || c->ageMs() > slowestOfCrowded->ageMs()))
            slowestOfCrowded = c;
    }
    return slowest ? slowest : slowestOfCrowded;
}

} // namespace cpn::server
