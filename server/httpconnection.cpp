#include "httpconnection.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace cpn::server {
namespace {

// What one read takes off the socket, and all the socket itself may hold: the rest waits in the
// kernel, and TCP flow control slows the client down.
constexpr qint64 kReadChunk = 64 * 1024;
// After a refusal, what is still read and dropped so that the client gets the answer before the
// connection closes (closing with unread input resets it, and the client may lose the answer).
constexpr qint64 kLingerBytes = 1024 * 1024;
// How much of an answer's body is handed to the socket at a time.
constexpr qint64 kWriteChunk = 64 * 1024;

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const ConnectionLimits &limits,
                               HttpRequestParser::BodyLimit bodyLimit, QObject *parent)
    : QObject(parent), m_socket(socket), m_limits(limits),
      m_parser(limits.maxHeaderBytes, std::move(bodyLimit))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadChunk);
    // Headers and body go out in separate writes: without this, a body shorter than a segment
    // waits for the client's delayed ACK of the headers (40 ms on Linux) under Nagle's algorithm.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    });
    m_age.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    // The first request's head must arrive within the header timeout of the connection (and of a TLS
    // handshake): a client that connects and sends nothing is a slow client too.
    m_timer.start(m_limits.headerTimeoutMs);
}

QHostAddress HttpConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

bool HttpConnection::awaitingFirstRequest() const
{
    return m_firstRequest && (m_phase == Phase::AwaitingRequest || m_phase == Phase::Reading);
}

void HttpConnection::drop()
{
    m_phase = Phase::Closing;
    m_timer.stop();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::readInput()
{
    if (m_phase == Phase::Closing && m_lingering) {
        m_lingered += m_socket->skip(m_socket->bytesAvailable());
        if (m_lingered > kLingerBytes)
            m_socket->abort();
        return;
    }
    while (m_phase == Phase::AwaitingRequest || m_phase == Phase::Reading) {
        if (!canReadNext())
            return; // onBytesWritten() resumes
        const HttpRequestParser::State before = m_parser.state();
        const HttpRequestParser::State now = m_parser.consume(m_input);
        if (now == HttpRequestParser::State::Failed) {
            refuse(m_parser.errorStatus(), m_parser.errorDetail());
            return;
        }
        if (now == HttpRequestParser::State::Complete) {
            const HttpRequest request = m_parser.takeRequest();
            m_keepAlive = request.keepAlive();
            m_phase = Phase::Handling;
            m_firstRequest = false;
            m_continueSent = false;
            m_timer.stop(); // the server's own time is not the client's fault
            Q_EMIT requestReady(request);
            return;
        }
        if (before == HttpRequestParser::State::Idle && now != HttpRequestParser::State::Idle) {
            m_phase = Phase::Reading;
            if (!m_firstRequest)
                m_timer.start(m_limits.headerTimeoutMs);
        }
        if (now == HttpRequestParser::State::Body) {
            m_timer.start(m_limits.idleTimeoutMs); // a body must keep arriving
            if (m_parser.expectsContinue() && !m_continueSent) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_continueSent = true;
            }
        }
        if (m_socket->bytesAvailable() == 0)
            return;
        m_input += m_socket->read(kReadChunk);
    }
}

void HttpConnection::respond(const QByteArray &head, const QByteArray &body)
{
    if (m_phase != Phase::Handling || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(head + (m_keepAlive ? "\r\n" : "Connection: close\r\n\r\n"));
    m_unsentBody = body;
    m_unsentFrom = 0;
    writeBody();
    if (!m_keepAlive) {
        close();
        return;
    }
    m_phase = Phase::AwaitingRequest;
    m_timer.start(m_limits.idleTimeoutMs);
    // Not from within the answer: the next pipelined request is read from the event loop.
    QMetaObject::invokeMethod(this, &HttpConnection::readInput, Qt::QueuedConnection);
}

bool HttpConnection::canReadNext() const
{
    // The body of the last answer is all with the socket, which holds no more than the limit.
    return m_unsentFrom >= m_unsentBody.size() && m_socket->bytesToWrite() <= m_limits.maxUnsentAnswerBytes;
}

void HttpConnection::writeBody()
{
    // The body goes to the socket as the socket drains: an answer shared by many clients (the
    // response cache's) is not copied whole into the socket of each one that reads slowly.
    while (m_unsentFrom < m_unsentBody.size() && m_socket->bytesToWrite() < kWriteChunk) {
        const qint64 n = std::min<qint64>(kWriteChunk, m_unsentBody.size() - m_unsentFrom);
        m_socket->write(m_unsentBody.constData() + m_unsentFrom, n);
        m_unsentFrom += n;
    }
    if (m_unsentFrom >= m_unsentBody.size()) {
        m_unsentBody.clear();
        m_unsentFrom = 0;
    }
}

void HttpConnection::refuse(int status, const QByteArray &detail)
{
    m_phase = Phase::Handling;
    m_keepAlive = false; // what follows on the connection cannot be trusted to be a request
    m_lingering = qobject_cast<QSslSocket *>(m_socket) == nullptr;
    m_input.clear();
    Q_EMIT requestRefused(status, detail);
    if (m_phase == Phase::Handling)
        close();
}

void HttpConnection::close()
{
    m_phase = Phase::Closing;
    m_input.clear();
    // A client that does not read its last answer is not waited for longer than a slow header.
    m_timer.start(m_limits.headerTimeoutMs);
    finishWhenSent();
    if (m_lingering)
        readInput();
}

void HttpConnection::finishWhenSent()
{
    if (m_finishing || m_unsentFrom < m_unsentBody.size())
        return;
    if (!m_lingering) {
        m_finishing = true;
        m_socket->disconnectFromHost(); // closes once the socket has written what it holds
        return;
    }
    // The answer is out: end our side (FIN) and drop the client's input until it closes its own.
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_finishing = true;
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    }
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::AwaitingRequest:
        if (m_firstRequest)
            refuse(408, "The request did not arrive in time");
        else
            close(); // an idle kept-alive connection
        break;
    case Phase::Reading:
        refuse(408, "The request did not arrive in time");
        break;
    case Phase::Handling:
        break;
    case Phase::Closing:
        m_socket->abort();
        break;
    }
}

void HttpConnection::onBytesWritten()
{
    writeBody();
    if (m_phase == Phase::Closing) {
        m_timer.start(m_limits.headerTimeoutMs);
        finishWhenSent();
    } else if (m_phase == Phase::AwaitingRequest) {
        m_timer.start(m_limits.idleTimeoutMs);
        if (canReadNext())
            readInput();
    }
}

} // namespace cpn::server
