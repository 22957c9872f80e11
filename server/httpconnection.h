#pragma once

#include "httprequestparser.h"
#include "serveroptions.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace cpn::server {

// One client connection: reads requests through an HttpRequestParser as bytes arrive, one at a time,
// and writes their answers, under the ConnectionLimits. A request is handed out (requestReady) only
// whole and within its limits; the next one is read only after its answer, and only once the unsent
// answers are under maxUnsentAnswerBytes, so a client that pipelines without reading waits in its own
// socket. The connection deletes itself (and its socket) once closed: hold it in a QPointer.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // Takes the socket (connected; for TLS a QSslSocket whose server handshake has started).
    HttpConnection(QTcpSocket *socket, const ConnectionLimits &limits, HttpRequestParser::BodyLimit bodyLimit,
                   QObject *parent = nullptr);

    // Answers the request last handed out: `head` holds the status line and header lines (each ending
    // in CRLF), without the blank line; Connection: close is added when the connection ends after it.
    void respond(const QByteArray &head, const QByteArray &body);

    // The client's address (for limits by client, such as sign-in throttling).
    QHostAddress peerAddress() const;
    // Whether the client has not yet completed a request since it connected, and since when: such a
    // connection may be dropped to make room for another (HttpListener).
    bool awaitingFirstRequest() const;
    qint64 ageMs() const { return m_age.elapsed(); }
    // Closes the connection at once, without an answer.
    void drop();

Q_SIGNALS:
    void requestReady(const cpn::server::HttpRequest &request);
    // A request refused as it arrived (400, 408, 413, 431, 501, 505): answer it with respond(), after
    // which the connection closes.
    void requestRefused(int status, const QByteArray &detail);

private:
    enum class Phase { AwaitingRequest, Reading, Handling, Closing };

    void readInput();
    void refuse(int status, const QByteArray &detail);
    void close();
    void finishWhenSent();
    void writeBody();
    bool canReadNext() const;
    void armTimer();
    void onTimeout();
    void onBytesWritten();

    QTcpSocket *m_socket;
    const ConnectionLimits m_limits;
    HttpRequestParser m_parser;
    QByteArray m_input; // received, not yet parsed: the rest of a head, or the next pipelined request
    Phase m_phase = Phase::AwaitingRequest;
    bool m_keepAlive = true;
    bool m_firstRequest = true;
    bool m_continueSent = false;
    bool m_lingering = false; // refused over plain TCP: drain the input before closing
    qint64 m_lingered = 0;
    bool m_finishing = false;
    QByteArray m_unsentBody; // the answer being written (shared, not copied), from m_unsentFrom on
    qint64 m_unsentFrom = 0;
    QElapsedTimer m_age;
    QTimer m_timer;
};

} // namespace cpn::server
