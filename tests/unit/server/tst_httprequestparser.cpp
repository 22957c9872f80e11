#include "httprequestparser.h"

#include <QTest>

using namespace cpn::server;
using State = HttpRequestParser::State;

// The rules of server/httprequestparser.h: framing, limits applied as bytes arrive, pipelining.
class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestArrivingByteByByte();
    void pipelinedRequestsStayInTheInput();
    void chunkedBodyIsJoined();
    void oversizedHeadIsRefusedBeforeItEnds();
    void declaredOversizedBodyIsRefusedBeforeItArrives();
    void chunksAddingUpBeyondTheLimitAreRefused();
    void malformedFraming_data();
    void malformedFraming();
    void connectionPersistence();
};

namespace {

HttpRequestParser parser(qint64 maxHead = 1024, qint64 maxBody = 100)
{
    return HttpRequestParser(maxHead, [maxBody](const HttpRequest &) { return maxBody; });
}

} // namespace

void TestHttpRequestParser::requestArrivingByteByByte()
{
    HttpRequestParser p = parser();
    const QByteArray wire =
        "\r\nPOST /api/v1/jobs?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\nhello";
    QByteArray input;
    State s = State::Idle;
    for (char c : wire) {
        QCOMPARE(s == State::Complete, false);
        input += c;
        s = p.consume(input);
    }
    QCOMPARE(s, State::Complete);
    const HttpRequest r = p.takeRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.target, QByteArray("/api/v1/jobs?x=1"));
    QCOMPARE(r.body, QByteArray("hello"));
    QCOMPARE(r.header("x-a"), QByteArray("1, 2"));
    QVERIFY(input.isEmpty());
    QCOMPARE(p.state(), State::Idle);
}

void TestHttpRequestParser::pipelinedRequestsStayInTheInput()
{
    HttpRequestParser p = parser();
    QByteArray input = "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\nGET /c";
    QCOMPARE(p.consume(input), State::Complete);
    QCOMPARE(p.takeRequest().target, QByteArray("/a"));
    QCOMPARE(input, QByteArray("GET /b HTTP/1.1\r\n\r\nGET /c"));
    QCOMPARE(p.consume(input), State::Complete);
    QCOMPARE(p.takeRequest().target, QByteArray("/b"));
    QCOMPARE(p.consume(input), State::Head);
}

void TestHttpRequestParser::chunkedBodyIsJoined()
{
    HttpRequestParser p = parser();
    QByteArray input = "POST / HTTP/1.1\r\nTransfer-Encoding: "
                       "chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\nX-Trailer: t\r\n\r\nNEXT";
    QCOMPARE(p.consume(input), State::Complete);
    QCOMPARE(p.takeRequest().body, QByteArray("hello!"));
    QCOMPARE(input, QByteArray("NEXT"));
}

void TestHttpRequestParser::oversizedHeadIsRefusedBeforeItEnds()
{
    HttpRequestParser p = parser(1024);
    QByteArray input = "GET / HTTP/1.1\r\nX-Pad: " + QByteArray(1000, 'a');
    QCOMPARE(p.consume(input), State::Head);
    input += QByteArray(100, 'a');
    QCOMPARE(p.consume(input), State::Failed);
    QCOMPARE(p.errorStatus(), 431);
}

void TestHttpRequestParser::declaredOversizedBodyIsRefusedBeforeItArrives()
{
    HttpRequestParser p = parser(1024, 100);
    QByteArray input = "POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n";
    QCOMPARE(p.consume(input), State::Failed);
    QCOMPARE(p.errorStatus(), 413);
}

void TestHttpRequestParser::chunksAddingUpBeyondTheLimitAreRefused()
{
    HttpRequestParser p = parser(1024, 100);
    QByteArray input =
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + QByteArray(64, 'x') + "\r\n";
    QCOMPARE(p.consume(input), State::Body);
    input += "40\r\n";
    QCOMPARE(p.consume(input), State::Failed);
    QCOMPARE(p.errorStatus(), 413);
}

void TestHttpRequestParser::malformedFraming_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::newRow("both lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("differing lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("bad chunk size") << QByteArray(
                                           "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                    << 400;
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
    QTest::newRow("absolute target") << QByteArray("GET http://a/ HTTP/1.1\r\n\r\n") << 400;
}

void TestHttpRequestParser::malformedFraming()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    HttpRequestParser p = parser();
    QCOMPARE(p.consume(wire), State::Failed);
    QCOMPARE(p.errorStatus(), status);
}

void TestHttpRequestParser::connectionPersistence()
{
    HttpRequest r;
    r.minorVersion = 1;
    QVERIFY(r.keepAlive());
    r.headers = {{"connection", "Keep-Alive, Close"}};
    QVERIFY(!r.keepAlive());
    r.minorVersion = 0;
    r.headers = {};
    QVERIFY(!r.keepAlive());
    r.headers = {{"connection", "keep-alive"}};
    QVERIFY(r.keepAlive());
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
