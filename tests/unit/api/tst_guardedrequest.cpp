#include "api/guardedrequest.h"
#include "domain/gzip.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace cpn::api;

namespace {

// A loopback HTTP/1.1 server that answers every request with a canned response, optionally one
// byte at a time or not at all. Real sockets, so the client's real network stack is exercised.
class CannedServer : public QObject
{
public:
    struct Response
    {
        QByteArray bytes;
        int trickleMs = 0; // > 0: one byte per interval
        bool hang = false; // never answer
        qint64 endlessUpTo = 0; // > 0: after `bytes`, filler for as long as the client reads, up to this
    };

    CannedServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    QUrl url(const QString &path = QStringLiteral("/x")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    static QByteArray http(const QByteArray &statusLine, const QByteArray &headers, const QByteArray &body)
    {
        return "HTTP/1.1 " + statusLine +
               "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
               headers + "\r\n" + body;
    }

    Response response;
    QList<QByteArray> requestHeads;
    qint64 streamed = 0; // filler bytes the client's socket accepted (endless answers)

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            if (buffer->contains("\r\n\r\n"))
                return; // already answered; ignore a request body
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            requestHeads.append(buffer->left(end));
            if (response.hang)
                return;
            if (response.endlessUpTo > 0) {
                socket->write(response.bytes);
                stream(socket);
                return;
            }
            if (response.trickleMs <= 0) {
                socket->write(response.bytes);
                socket->disconnectFromHost();
                return;
            }
            auto *timer = new QTimer(socket);
            auto remaining = std::make_shared<QByteArray>(response.bytes);
            connect(timer, &QTimer::timeout, socket, [socket, remaining] {
                if (remaining->isEmpty())
                    return socket->disconnectFromHost();
                socket->write(remaining->left(1));
                remaining->remove(0, 1);
            });
            timer->start(response.trickleMs);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    // Keeps about 1 MiB queued until the client stops reading or closes: what it accepted is `streamed`.
    void stream(QTcpSocket *socket)
    {
        static const QByteArray filler(1 << 20, 'x');
        const auto topUp = [this, socket] {
            while (socket->bytesToWrite() < filler.size() && streamed < response.endlessUpTo) {
                socket->write(filler);
                streamed += filler.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, topUp);
        topUp();
    }

    QTcpServer m_server;
};

} // namespace

class tst_GuardedRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transportRefusal_data();
    void transportRefusal();
    void success();
    void noAuthorizationWithoutToken();
    void contentLengthTooLarge();
    void streamedBodyTooLarge();
    void redirectIsNotFollowed();
    void problemDetails();
    void nonJsonErrorBodyIsDiscarded();
    void endlessErrorBodyEndsWithTheNodesStatus();
    void endlessBodyWithoutLengthStopsAtTheLimit();
    void deadline();
    void transferTimeout();
    void connectionRefused();
    void tokenWithNewlineIsRefused();
    void destroyedContextGetsNoCallback();
    void gzipIsInflatedWhereTheBodyIsParsed();
    void gzipBombIsRefusedOnceInflated();
    void brokenGzipIsAProtocolError();
    void unsupportedEncodingIsRefused();
    void gzipProblemDetailsAreRead();

private:
    std::optional<ApiResult<RawReply>> run(const GuardedRequest::Spec &spec,
                                           const ClientOptions &options = {});
    QNetworkAccessManager m_nam;
};

std::optional<ApiResult<RawReply>> tst_GuardedRequest::run(const GuardedRequest::Spec &spec,
                                                           const ClientOptions &options)
{
    std::optional<ApiResult<RawReply>> result;
    QObject context;
    GuardedRequest::start(&m_nam, spec, options, &context, [&](const ApiResult<RawReply> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qWarning("no answer within 10 s");
    return result;
}

void tst_GuardedRequest::transportRefusal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowPlainHttp");
    QTest::addColumn<bool>("refused");
    QTest::newRow("https anywhere") << "https://node.example.cn/api" << false << false;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080/n/guian" << false << false;
    QTest::newRow("http loopback v4 other") << "http://127.1.2.3:8080" << false << false;
    QTest::newRow("http loopback v6") << "http://[::1]:8080" << false << false;
    QTest::newRow("http localhost") << "http://localhost:8080" << false << false;
    QTest::newRow("http remote") << "http://node.example.cn" << false << true;
    QTest::newRow("http lan address") << "http://192.168.1.5" << false << true;
    QTest::newRow("http remote allowed") << "http://node.example.cn" << true << false;
    QTest::newRow("localhost lookalike") << "http://localhost.example.cn" << false << true;
    QTest::newRow("ftp") << "ftp://node.example.cn" << true << true;
    QTest::newRow("no host") << "http:///x" << true << true;
}

void tst_GuardedRequest::transportRefusal()
{
    QFETCH(QString, url);
    QFETCH(bool, allowPlainHttp);
    QFETCH(bool, refused);
    QCOMPARE(!cpn::api::transportRefusal(QUrl(url), allowPlainHttp).isEmpty(), refused);
}

void tst_GuardedRequest::success()
{
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", "Content-Type: application/json\r\n", "{\"a\":1}");
    const auto result = run({"GET", server.url(), {}, QStringLiteral("secret-token")});
    QVERIFY(result && result->ok());
    QCOMPARE(result->value().httpStatus, 200);
    QCOMPARE(result->value().body, QByteArray("{\"a\":1}"));
    QCOMPARE(server.requestHeads.size(), 1);
    const QByteArray head = server.requestHeads.constFirst();
    QVERIFY2(head.contains("\r\nAuthorization: Bearer secret-token"), head.constData());
    QVERIFY2(head.contains("\r\nAccept: application/json"), head.constData());
    QVERIFY(head.startsWith("GET /x HTTP/1.1"));
}

void tst_GuardedRequest::noAuthorizationWithoutToken()
{
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", {}, "{}");
    const auto result = run({"POST", server.url(), "{}", {}});
    QVERIFY(result && result->ok());
    QVERIFY(!server.requestHeads.constFirst().contains("Authorization"));
    QVERIFY(server.requestHeads.constFirst().contains("Content-Type: application/json"));
}

void tst_GuardedRequest::contentLengthTooLarge()
{
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", {}, QByteArray(4096, 'x'));
    ClientOptions options;
    options.maxBodyBytes = 1000;
    const auto result = run({"GET", server.url(), {}, {}}, options);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::TooLarge);
}

void tst_GuardedRequest::streamedBodyTooLarge()
{
    // No Content-Length: the cap must hold while the bytes arrive.
    CannedServer server;
    server.response.bytes = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + QByteArray(200000, 'x');
    ClientOptions options;
    options.maxBodyBytes = 1000;
    const auto result = run({"GET", server.url(), {}, {}}, options);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::TooLarge);
}

void tst_GuardedRequest::redirectIsNotFollowed()
{
    CannedServer elsewhere;
    elsewhere.response.bytes = CannedServer::http("200 OK", {}, "{}");
    CannedServer server;
    server.response.bytes =
        CannedServer::http("302 Found", "Location: " + elsewhere.url().toEncoded() + "\r\n", {});
    const auto result = run({"GET", server.url(), {}, QStringLiteral("secret-token")});
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Http);
    QCOMPARE(result->error().httpStatus, 302);
    QVERIFY(elsewhere.requestHeads.isEmpty()); // the token never travelled
}

void tst_GuardedRequest::problemDetails()
{
    CannedServer server;
    server.response.bytes = CannedServer::http(
        "503 Service Unavailable", "Content-Type: application/problem+json\r\nRetry-After: 7\r\n",
        R"({"type":"urn:cpn:problem:unavailable","title":"Unavailable","status":503,"detail":"node guian is down"})");
    const auto result = run({"GET", server.url(), {}, {}});
    QVERIFY(result && !result->ok());
    const ApiError error = result->error();
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, 503);
    QCOMPARE(error.title, QStringLiteral("Unavailable"));
    QCOMPARE(error.detail, QStringLiteral("node guian is down"));
    QCOMPARE(error.retryAfterSeconds, 7);
}

void tst_GuardedRequest::nonJsonErrorBodyIsDiscarded()
{
    CannedServer server;
    server.response.bytes = CannedServer::http("500 Internal Server Error", "Content-Type: text/html\r\n",
                                               "<html>{\"detail\":1}</html>");
    const auto result = run({"GET", server.url(), {}, {}});
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().httpStatus, 500);
    QCOMPARE(result->error().title, QStringLiteral("Internal Server Error"));
    QVERIFY(result->error().detail.isEmpty());
    QCOMPARE(result->error().retryAfterSeconds, -1);
}

void tst_GuardedRequest::endlessErrorBodyEndsWithTheNodesStatus()
{
    // A 500 whose body never ends: the console says 500 at once, not "timed out" after reading it all.
    CannedServer server;
    server.response.bytes = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n";
    server.response.endlessUpTo = qint64(2) << 30;
    ClientOptions options;
    options.deadlineMs = 8000;
    const auto result = run({"GET", server.url(), {}, {}}, options);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Http);
    QCOMPARE(result->error().httpStatus, 500);
    // Closed after the head, so the socket buffers hold about all the node could push.
    QTRY_VERIFY_WITH_TIMEOUT(server.streamed > 0, 5000);
    QVERIFY2(server.streamed < 64 << 20, qPrintable(QString::number(server.streamed)));
}

void tst_GuardedRequest::endlessBodyWithoutLengthStopsAtTheLimit()
{
    // A 200 with no length: reading stops at the answer limit, the buffers bounded meanwhile.
    CannedServer server;
    server.response.bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
    server.response.endlessUpTo = qint64(2) << 30;
    ClientOptions options;
    options.maxBodyBytes = 4 << 20;
    const auto result = run({"GET", server.url(), {}, {}}, options);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::TooLarge);
    QVERIFY2(server.streamed < 64 << 20, qPrintable(QString::number(server.streamed)));
}

void tst_GuardedRequest::deadline()
{
    // Bytes keep trickling in, so the transfer timeout never fires; the deadline must.
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", {}, QByteArray(10000, ' ') + "{}");
    server.response.trickleMs = 5;
    ClientOptions options;
    options.deadlineMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto result = run({"GET", server.url(), {}, {}}, options);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Timeout);
    QVERIFY(elapsed.elapsed() < 3000);
}

void tst_GuardedRequest::transferTimeout()
{
    CannedServer server;
    server.response.hang = true;
    ClientOptions options;
    options.transferTimeoutMs = 200;
    const auto result = run({"GET", server.url(), {}, {}}, options);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Timeout);
}

void tst_GuardedRequest::connectionRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    const auto result = run({"GET", QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), {}, {}});
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Network);
    QVERIFY(!result->error().message().isEmpty());
}

void tst_GuardedRequest::tokenWithNewlineIsRefused()
{
    CannedServer server;
    const auto result = run({"GET", server.url(), {}, QStringLiteral("abc\r\nX-Evil: 1")});
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Refused);
    QVERIFY(server.requestHeads.isEmpty());
}

void tst_GuardedRequest::destroyedContextGetsNoCallback()
{
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", {}, "{}");
    server.response.trickleMs = 20;
    bool called = false;
    auto *context = new QObject;
    GuardedRequest::start(&m_nam, {"GET", server.url(), {}, {}}, {}, context,
                          [&](const auto &) { called = true; });
    QTRY_COMPARE(server.requestHeads.size(), 1);
    delete context;
    QTest::qWait(300); // long enough for the whole trickled answer
    QVERIFY(!called);
}


void tst_GuardedRequest::gzipIsInflatedWhereTheBodyIsParsed()
{
    const QByteArray json = "{\"samples\":[" + QByteArray("1,").repeated(5000) + "2]}";
    CannedServer server;
    server.response.bytes =
        CannedServer::http("200 OK", "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", cpn::gzip(json));
    GuardedRequest::Spec spec{"GET", server.url(), {}, {}};
    spec.inflateLater = true;
    const auto result = run(spec);
    QVERIFY(result && result->ok());
    // Qt did not inflate it: the reply holds what came over the wire.
    QVERIFY(result->value().gzipped);
    QCOMPARE(result->value().body, cpn::gzip(json));
    QVERIFY2(server.requestHeads.constFirst().contains("\r\nAccept-Encoding: gzip"),
             server.requestHeads.constFirst().constData());
    const ApiResult<QByteArray> body = decodedBody(result->value());
    QVERIFY(body.ok());
    QCOMPARE(body.value(), json);
}

void tst_GuardedRequest::gzipBombIsRefusedOnceInflated()
{
    // 4 MB of zeros arrive as about 4 kB: the limit holds for what they inflate to.
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", "Content-Encoding: gzip\r\n",
                                               cpn::gzip(QByteArray(4 * 1024 * 1024, '0')));
    ClientOptions options;
    options.maxBodyBytes = 100000;
    GuardedRequest::Spec spec{"GET", server.url(), {}, {}};
    spec.inflateLater = true;
    const auto result = run(spec, options);
    QVERIFY(result && result->ok());
    const ApiResult<QByteArray> body = decodedBody(result->value());
    QVERIFY(!body.ok());
    QCOMPARE(body.error().kind, ApiError::Kind::TooLarge);
}

void tst_GuardedRequest::brokenGzipIsAProtocolError()
{
    CannedServer server;
    const QByteArray truncated = cpn::gzip(QByteArray(50000, 'x')).chopped(8);
    server.response.bytes = CannedServer::http("200 OK", "Content-Encoding: gzip\r\n", truncated);
    GuardedRequest::Spec spec{"GET", server.url(), {}, {}};
    spec.inflateLater = true;
    const auto result = run(spec);
    QVERIFY(result && result->ok());
    const ApiResult<QByteArray> body = decodedBody(result->value());
    QVERIFY(!body.ok());
    QCOMPARE(body.error().kind, ApiError::Kind::Protocol);
}

void tst_GuardedRequest::unsupportedEncodingIsRefused()
{
    CannedServer server;
    server.response.bytes = CannedServer::http("200 OK", "Content-Encoding: br\r\n", "\x1b\x03\x00");
    GuardedRequest::Spec spec{"GET", server.url(), {}, {}};
    spec.inflateLater = true;
    const auto result = run(spec);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().kind, ApiError::Kind::Protocol);
    QVERIFY2(result->error().message().contains(u"br"), qPrintable(result->error().message()));
}

void tst_GuardedRequest::gzipProblemDetailsAreRead()
{
    CannedServer server;
    server.response.bytes = CannedServer::http(
        "429 Too Many Requests", "Content-Type: application/problem+json\r\nContent-Encoding: gzip\r\n",
        cpn::gzip(R"({"title":"Slow down","detail":"one console polls too often"})"));
    GuardedRequest::Spec spec{"GET", server.url(), {}, {}};
    spec.inflateLater = true;
    const auto result = run(spec);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().httpStatus, 429);
    QVERIFY2(result->error().message().contains(u"one console polls too often"), qPrintable(result->error().message()));
}

QTEST_GUILESS_MAIN(tst_GuardedRequest)
#include "tst_guardedrequest.moc"
