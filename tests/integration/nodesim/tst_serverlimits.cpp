#include "support/sanitizers.h"
#include "support/testca.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

const QByteArray kToken = "limits-token";
constexpr qint64 kMiB = 1024 * 1024;

// A real cpn-nodesim on loopback, with what /proc says about it.
class Nodesim
{
public:
    bool start(const QStringList &extra, QString *error)
    {
        const QString program = qEnvironmentVariable("CPN_NODESIM");
        if (program.isEmpty()) {
            *error = QStringLiteral("CPN_NODESIM is not set");
            return false;
        }
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                             QStringLiteral("--scenario"), QStringLiteral("synthetic:2000"),
                                             QStringLiteral("--dev-token"), QString::fromLatin1(kToken)} +
                                     extra);
        QByteArray out;
        const QByteArray prefix = "cpn-nodesim listening on ";
        QTest::qWaitFor(
            [&] {
                out += m_process.readAllStandardOutput();
                return out.contains('\n') || m_process.state() == QProcess::NotRunning;
            },
            20000);
        const qsizetype at = out.indexOf(prefix);
        if (at < 0) {
            *error = QStringLiteral("cpn-nodesim did not start: ") + QString::fromUtf8(out);
            return false;
        }
        const QByteArray url =
            out.mid(at + prefix.size(), out.indexOf('\n', at) - at - prefix.size()).trimmed();
        port = quint16(url.mid(url.lastIndexOf(':') + 1).toUInt());
        return port != 0;
    }
    ~Nodesim()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    // A line of /proc/<pid>/<file> ("VmRSS:", "rchar:") in its unit (kB, bytes).
    qint64 proc(const char *file, const QByteArray &key) const
    {
        QFile f(QStringLiteral("/proc/%1/%2").arg(m_process.processId()).arg(QLatin1String(file)));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith(key))
                return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
        }
        return -1;
    }
    qint64 rssMiB() const { return proc("status", "VmRSS:") / 1024; }
    qint64 bytesRead() const { return proc("io", "rchar:"); }

    quint16 port = 0;

private:
    QProcess m_process;
};

// One raw client connection: sends what it is given as fast as the server takes it, and keeps
// what comes back.
struct Client
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray received;
    qint64 queued = 0; // bytes handed to the socket
    bool closed = false;

    explicit Client(quint16 port, const QHostAddress &from = {}, QTcpSocket *s = nullptr)
        : socket(s ? s : new QTcpSocket)
    {
        QObject::connect(socket.get(), &QTcpSocket::readyRead, [this] { received += socket->readAll(); });
        QObject::connect(socket.get(), &QTcpSocket::disconnected, [this] { closed = true; });
        QObject::connect(socket.get(), &QTcpSocket::errorOccurred, [this] { closed = true; });
        if (!from.isNull())
            socket->bind(from);
        if (!s)
            socket->connectToHost(QHostAddress::LocalHost, port);
    }
    bool connected(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    }
    void send(const QByteArray &bytes)
    {
        socket->write(bytes);
        queued += bytes.size();
    }
    // Sends `total` bytes of `chunk` after `head`, never more than 1 MiB ahead of the server, until
    // all are sent or the server closes.
    void flood(const QByteArray &head, const QByteArray &chunk, qint64 total)
    {
        send(head);
        const auto more = [this, chunk, total, end = queued + total] {
            while (!closed && queued < end && socket->bytesToWrite() < kMiB)
                send(chunk.left(end - queued));
        };
        QObject::connect(socket.get(), &QTcpSocket::bytesWritten, more);
        more();
    }
    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }
};

QByteArray getNodes(const QByteArray &extra = {})
{
    return "GET /api/v1/nodes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + kToken + "\r\n" +
           extra + "\r\n";
}

// The number of complete answers in `bytes` (each carries a Content-Length).
int answersIn(const QByteArray &bytes)
{
    int answers = 0;
    qsizetype at = 0;
    for (;;) {
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n", at);
        if (headEnd < 0)
            return answers;
        const QByteArray head = bytes.mid(at, headEnd - at).toLower();
        const qsizetype cl = head.indexOf("content-length:");
        const qint64 length =
            cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
        if (headEnd + 4 + length > bytes.size())
            return answers;
        at = headEnd + 4 + length;
        ++answers;
    }
}

} // namespace

// The protocol server against a hostile network (docs/architecture.md, "Serving the protocol"): limits
// applied as bytes arrive, slow and surplus connections dropped, others answered meanwhile.
class TestServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oversizedHeaderIs431WithoutBeingRead();
    void oversizedBodyIs413WithoutBeingRead_data();
    void oversizedBodyIs413WithoutBeingRead();
    void pipelinedRequestsWaitInTheClientsSocket();
    void slowReadersShareOneCopyOfAnAnswer();
    void slowHeadersAreDroppedWhileOthersAreAnswered();
    void connectionsBeyondThePerAddressCapAreRefused();
    void idleConnectionsAreClosed();
    void totalCapMakesRoomByDroppingSilentConnections();
    void totalCapMakesRoomAtTheMostCrowdedAddress();
    void tlsIsServedUnderTheSameLimits();

private:
    bool answered(quint16 port, const QHostAddress &from = {});
    Nodesim m_sim;
};

void TestServerLimits::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({}, &error), qPrintable(error));
}

bool TestServerLimits::answered(quint16 port, const QHostAddress &from)
{
    Client c(port, from);
    c.send(getNodes("Connection: close\r\n"));
    return QTest::qWaitFor([&] { return answersIn(c.received) == 1 || c.closed; }, 10000) &&
           c.status() == 200;
}

void TestServerLimits::oversizedHeaderIs431WithoutBeingRead()
{
    const qint64 readBefore = m_sim.bytesRead();
    Client c(m_sim.port);
    c.flood("GET /api/v1/nodes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ", QByteArray(256 * 1024, 'a'),
            50 * kMiB);
    QVERIFY2(QTest::qWaitFor([&] { return c.closed; }, 20000), "the connection stays open");
    QCOMPARE(c.status(), 431);
    QVERIFY(c.received.contains("application/problem+json"));
    const qint64 read = m_sim.bytesRead() - readBefore;
    QVERIFY2(read < 16 * kMiB, qPrintable(QStringLiteral("the server read %1 bytes").arg(read)));
    QVERIFY(answered(m_sim.port));
}

void TestServerLimits::oversizedBodyIs413WithoutBeingRead_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("chunk");
    const QByteArray post =
        "POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Authorization: Bearer " +
        kToken + "\r\n";
    QTest::newRow("Content-Length") << post + "Content-Length: 104857600\r\n\r\n"
                                    << QByteArray(256 * 1024, '{');
    const QByteArray data(256 * 1024, '{');
    QTest::newRow("chunked") << post + "Transfer-Encoding: chunked\r\n\r\n"
                             << "40000\r\n" + data + "\r\n"; // 0x40000 = 256 KiB per chunk
}

void TestServerLimits::oversizedBodyIs413WithoutBeingRead()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, chunk);
    const qint64 readBefore = m_sim.bytesRead();
    Client c(m_sim.port);
    c.flood(head, chunk, 50 * kMiB);
    QVERIFY2(QTest::qWaitFor([&] { return c.closed; }, 20000), "the connection stays open");
    QCOMPARE(c.status(), 413);
    const qint64 read = m_sim.bytesRead() - readBefore;
    QVERIFY2(read < 16 * kMiB, qPrintable(QStringLiteral("the server read %1 bytes").arg(read)));
    QVERIFY(answered(m_sim.port));
}

void TestServerLimits::pipelinedRequestsWaitInTheClientsSocket()
{
    // 200 requests for the whole federation at once, none of the answers read: the server must not
    // hold 200 answers (hundreds of MB) for this client.
    Client probe(m_sim.port);
    probe.send(getNodes("Accept-Encoding: identity\r\nConnection: close\r\n"));
    QVERIFY(QTest::qWaitFor([&] { return answersIn(probe.received) == 1; }, 10000));
    const qint64 answerMiB = probe.received.size() / kMiB;
    QVERIFY2(answerMiB >= 1, "the federation's answer is smaller than the test assumes");

    constexpr int kRequests = 200;
    const qint64 rssBefore = m_sim.rssMiB();
    Client c(m_sim.port);
    c.socket->setReadBufferSize(64 * 1024); // the client does not read: its kernel buffer fills
    QObject::disconnect(c.socket.get(), &QTcpSocket::readyRead, nullptr, nullptr);
    QByteArray requests;
    for (int i = 0; i < kRequests; ++i)
        requests += getNodes();
    c.send(requests);
    const qint64 allowance = 64 + 8 * answerMiB; // kernel buffers, one answer being written, heap slack
    QVERIFY2(kUnderAddressSanitizer ||
                 !QTest::qWaitFor([&] { return m_sim.rssMiB() - rssBefore > allowance; }, 5000),
             qPrintable(QStringLiteral("the server grew by %1 MiB").arg(m_sim.rssMiB() - rssBefore)));
    qInfo("the server grew by %lld MiB with %d answers of %lld MiB unread", m_sim.rssMiB() - rssBefore,
          kRequests, answerMiB);
    QVERIFY2(answered(m_sim.port), "another client is not answered meanwhile");

    // Once the client reads, every request is answered in turn.
    c.socket->setReadBufferSize(0);
    QObject::connect(c.socket.get(), &QTcpSocket::readyRead, [&c] { c.received += c.socket->readAll(); });
    c.received += c.socket->readAll();
    QVERIFY2(QTest::qWaitFor([&] { return answersIn(c.received) == kRequests; }, 60000),
             qPrintable(QStringLiteral("%1 answers").arg(answersIn(c.received))));
}

void TestServerLimits::slowReadersShareOneCopyOfAnAnswer()
{
    // 120 clients ask for the whole federation (the response cache holds one copy) and read nothing:
    // the server must not copy the answer into every socket.
    constexpr int kReaders = 120;
    Client warm(m_sim.port); // the answer is built (and cached) before the server is measured
    warm.send(getNodes("Accept-Encoding: identity\r\n"));
    QVERIFY(QTest::qWaitFor([&] { return answersIn(warm.received) == 1; }, 10000));
    const qint64 rssBefore = m_sim.rssMiB();
    std::vector<std::unique_ptr<Client>> readers;
    for (int i = 0; i < kReaders; ++i) {
        readers.push_back(
            std::make_unique<Client>(m_sim.port, QHostAddress(QStringLiteral("127.0.1.%1").arg(i / 40))));
        QObject::disconnect(readers.back()->socket.get(), &QTcpSocket::readyRead, nullptr, nullptr);
        readers.back()->send(getNodes("Accept-Encoding: identity\r\n"));
    }
    QVERIFY2(kUnderAddressSanitizer ||
                 !QTest::qWaitFor([&] { return m_sim.rssMiB() - rssBefore > 64; }, 3000),
             qPrintable(QStringLiteral("the server grew by %1 MiB").arg(m_sim.rssMiB() - rssBefore)));
    qInfo("the server grew by %lld MiB with %d answers unread", m_sim.rssMiB() - rssBefore, kReaders);
    QVERIFY2(answered(m_sim.port), "another client is not answered meanwhile");
}

void TestServerLimits::slowHeadersAreDroppedWhileOthersAreAnswered()
{
    // A slowloris: one header byte a second, never the blank line. The default header timeout is 10 s.
    QElapsedTimer elapsed;
    elapsed.start();
    Client slow(m_sim.port);
    QVERIFY(slow.connected());
    slow.send("GET /api/v1/nodes HTTP/1.1\r\nX-Slow: ");
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, [&slow] { slow.send("a"); });
    drip.start(1000);
    int answers = 0;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     if (slow.closed)
                         return true;
                     answers += answered(m_sim.port) ? 1 : 0;
                     return false;
                 },
                 20000),
             "the slow connection stays open");
    QVERIFY2(elapsed.elapsed() > 8000, "closed before the header timeout");
    QVERIFY2(answers > 0, "no other client was answered meanwhile");
    QVERIFY(!slow.received.startsWith("HTTP/1.1 200"));
}

void TestServerLimits::connectionsBeyondThePerAddressCapAreRefused()
{
    // The default cap is 64 connections per address. The loopback addresses are clients of their own:
    // 127.0.0.9 (which no other case uses, so no connection of theirs still counts) and 127.0.0.2.
    const QHostAddress crowded(QStringLiteral("127.0.0.9"));
    std::vector<std::unique_ptr<Client>> held;
    for (int i = 0; i < 64; ++i)
        held.push_back(std::make_unique<Client>(m_sim.port, crowded));
    for (auto &c : held)
        QVERIFY(c->connected());
    Client extra(m_sim.port, crowded);
    QVERIFY2(QTest::qWaitFor([&] { return extra.closed; }, 5000), "the 65th connection is kept");
    QVERIFY2(answered(m_sim.port, QHostAddress(QStringLiteral("127.0.0.2"))), "another address is refused");
    for (auto &c : held)
        QVERIFY2(!c->closed, "a connection within the cap was closed");
    held.clear();
    QVERIFY2(QTest::qWaitFor([&] { return answered(m_sim.port, crowded); }, 10000),
             "the address stays refused");
}

void TestServerLimits::idleConnectionsAreClosed()
{
    Nodesim sim;
    QString error;
    QVERIFY2(sim.start({QStringLiteral("--idle-timeout"), QStringLiteral("1")}, &error), qPrintable(error));
    // A kept-alive connection is closed after its idle time.
    Client idle(sim.port);
    idle.send(getNodes());
    QVERIFY(QTest::qWaitFor([&] { return answersIn(idle.received) == 1; }, 10000));
    QVERIFY2(QTest::qWaitFor([&] { return idle.closed; }, 5000), "the idle connection stays open");
}

void TestServerLimits::totalCapMakesRoomByDroppingSilentConnections()
{
    Nodesim sim;
    QString error;
    QVERIFY2(sim.start({QStringLiteral("--max-connections"), QStringLiteral("3")}, &error),
             qPrintable(error));
    const auto answeredOn = [](Client &c) {
        c.send(getNodes());
        return QTest::qWaitFor([&] { return answersIn(c.received) == 1; }, 10000);
    };
    // Three connections in total, from three addresses: two kept alive, one that has sent nothing.
    Client a(sim.port), b(sim.port, QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(answeredOn(a) && answeredOn(b));
    Client silent(sim.port, QHostAddress(QStringLiteral("127.0.0.3")));
    QVERIFY(silent.connected());
    // A fourth takes the silent one's place once that one has had its chance (0.1 s) to send a
    // request; until then the newcomer is refused, and tries again as clients do.
    std::unique_ptr<Client> d;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     if (silent.closed)
                         return true;
                     if (!d || d->closed)
                         d = std::make_unique<Client>(sim.port, QHostAddress(QStringLiteral("127.0.0.4")));
                     return false;
                 },
                 10000),
             "the silent connection is kept");
    QVERIFY2(answeredOn(*d), "the new connection is not answered");
    // ...and with three clients that have all been answered, a fifth is refused.
    Client e(sim.port, QHostAddress(QStringLiteral("127.0.0.5")));
    QVERIFY2(QTest::qWaitFor([&] { return e.closed; }, 5000), "the fifth connection is kept");
    QVERIFY(!a.closed && !b.closed && !d->closed);
}

void TestServerLimits::totalCapMakesRoomAtTheMostCrowdedAddress()
{
    Nodesim sim;
    QString error;
    QVERIFY2(sim.start({QStringLiteral("--max-connections"), QStringLiteral("4")}, &error),
             qPrintable(error));
    // Every place is taken by one address's connections that have sent nothing, however young...
    std::vector<std::unique_ptr<Client>> crowd;
    for (int i = 0; i < 4; ++i)
        crowd.push_back(std::make_unique<Client>(sim.port, QHostAddress(QStringLiteral("127.0.0.6"))));
    for (auto &c : crowd)
        QVERIFY(c->connected());
    // ...and a client from another address still gets in, in place of one of them.
    Client newcomer(sim.port, QHostAddress(QStringLiteral("127.0.0.7")));
    newcomer.send(getNodes());
    QVERIFY2(QTest::qWaitFor([&] { return answersIn(newcomer.received) == 1 || newcomer.closed; }, 10000) &&
                 newcomer.status() == 200,
             "the newcomer is refused");
    QCOMPARE(std::count_if(crowd.begin(), crowd.end(), [](const auto &c) { return c->closed; }), 1);
}

void TestServerLimits::tlsIsServedUnderTheSameLimits()
{
    QTemporaryDir dir;
    const QString made = cpn::testing::makeTestCa(dir.path());
    QVERIFY2(made.isEmpty(), qPrintable(made));
    Nodesim sim;
    QString error;
    QVERIFY2(sim.start({QStringLiteral("--tls-cert"), dir.filePath(QStringLiteral("server.pem")),
                        QStringLiteral("--tls-key"), dir.filePath(QStringLiteral("server.key"))},
                       &error),
             qPrintable(error));
    const auto tlsClient = [&] {
        auto *socket = new QSslSocket;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca.pem"))));
        socket->setSslConfiguration(configuration);
        auto client = std::make_unique<Client>(sim.port, QHostAddress(), socket);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), sim.port);
        return client;
    };
    auto ok = tlsClient();
    ok->send(getNodes("Connection: close\r\n"));
    QVERIFY(QTest::qWaitFor([&] { return answersIn(ok->received) == 1; }, 10000));
    QCOMPARE(ok->status(), 200);
    QCOMPARE(answersIn(ok->received), 1);

    auto big = tlsClient();
    big->flood("GET /api/v1/nodes HTTP/1.1\r\nX-Padding: ", QByteArray(256 * 1024, 'a'), 8 * kMiB);
    QVERIFY2(QTest::qWaitFor([&] { return big->closed; }, 20000), "the connection stays open");
    QCOMPARE(big->status(), 431);
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"
