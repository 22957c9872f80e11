// bench_server_attack: what an attack from one process costs a real cpn-nodesim (synthetic:2000) and
// its legitimate clients (docs/architecture.md, "Serving the protocol"). A second process (this
// program with --attack) opens, from loopback addresses 127.0.0.2 and up:
//
//   2,000 slow connections   a request head that never ends, one byte every 2 s
//   20 large bodies          POST /api/v1/jobs declaring (or chunking) 100 MB, sent until refused
//   5,000 sign-in pages      anonymous GET /oauth/authorize over 50 connections
//
// Slow connections and bodies are opened again as soon as the server closes them, for the attack's
// length (40 s; 15 s with --short). Meanwhile a legitimate client on 127.0.0.1 reads GET /api/v1/nodes
// with a token every 50 ms, on a kept-alive connection and on a new connection every tenth request,
// and every twentieth turn signs in as the demo operator (the login page, the password, the code for a
// token). Prints:
//
//   server.attack.max_rss_mb              the server's peak resident memory (VmHWM) over the attack
//   server.attack.max_rss_mb.baseline     the same before the attack
//   server.attack.legit_p99_ms            the legitimate client's 99th percentile latency under attack
//   server.attack.legit_p99_ms.baseline   the same without the attack
//   server.attack.legit_failed            legitimate requests that failed under attack
//   server.attack.signin_p99_ms           the legitimate sign-ins' 99th percentile, page to token, under attack
//   server.attack.signin_p99_ms.baseline  the same without the attack
//   server.attack.signin_failed           legitimate sign-ins that did not end with a token under attack
//   server.attack.authorize_<status>      how the anonymous sign-in pages were answered
//   server.attack.slow_closed             slow connections the server closed (each then opened again)
//   server.attack.bodies_refused          large bodies the server refused (each then sent again)
//
//   bench_server_attack [--short]          (--short or BENCH_SHORT=1: a shorter attack)

#include "api/localsimulator.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

const QByteArray kToken = "bench-attack-token";
constexpr qint64 kMiB = 1024 * 1024;

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.*f %s\n", name, value < 10 ? 3 : value < 1000 ? 1 : 0, value, unit);
    std::fflush(stdout);
}

void raiseDescriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// The 99th percentile (nearest rank).
double p99(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(0.99 * double(values.size())));
    return values[std::max<size_t>(rank, 1) - 1];
}

// ---- the attacking process -------------------------------------------------------------------

class Attack : public QObject
{
public:
    Attack(quint16 port, int seconds) : m_port(port), m_seconds(seconds) {}

    void run()
    {
        raiseDescriptorLimit();
        startSlowConnections();
        startLargeBodies();
        startSignInPages();
        QTimer::singleShot(m_seconds * 1000, qApp, [this] { finish(); });
    }

private:
    QTcpSocket *open(int addressIndex)
    {
        auto *socket = new QTcpSocket(this);
        socket->bind(QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + addressIndex)));
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        return socket;
    }

    // A slow connection, opened again whenever the server closes it: 2,000 at all times.
    void openSlow(int index)
    {
        QTcpSocket *socket = open(index / 50); // 50 per address, under the per-address cap
        socket->write("GET /api/v1/nodes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, index] {
            ++m_slowClosed;
            m_slow[size_t(index)] = nullptr;
            socket->deleteLater();
            if (!m_done)
                openSlow(index);
        });
        m_slow[size_t(index)] = socket;
    }

    void startSlowConnections()
    {
        m_slow.assign(2000, nullptr);
        for (int i = 0; i < 2000; ++i)
            openSlow(i);
        auto *drip = new QTimer(this);
        connect(drip, &QTimer::timeout, this, [this] {
            for (QTcpSocket *s : m_slow) {
                if (s && s->state() == QAbstractSocket::ConnectedState)
                    s->write("a");
            }
        });
        drip->start(2000);
    }

    // A client sending a 100 MB body (declared, or in chunks), sending it again whenever refused: 20 at
    // all times.
    void openLargeBody(int index)
    {
        static const QByteArray post = "POST /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                       "application/json\r\nAuthorization: Bearer " +
                                       kToken + "\r\n";
        static const QByteArray data(256 * 1024, '{');
        QTcpSocket *socket = open(40 + index);
        const bool chunked = index % 2;
        socket->write(post +
                      (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: 104857600\r\n\r\n"));
        const QByteArray piece = chunked ? "40000\r\n" + data + "\r\n" : data;
        auto sent = std::make_shared<qint64>(0);
        const auto more = [socket, piece, sent] {
            while (*sent < 100 * 1000 * 1000 && socket->state() == QAbstractSocket::ConnectedState &&
                   socket->bytesToWrite() < kMiB) {
                socket->write(piece);
                *sent += piece.size();
            }
        };
        connect(socket, &QTcpSocket::connected, this, more);
        connect(socket, &QTcpSocket::bytesWritten, this, more);
        connect(socket, &QTcpSocket::readyRead, this, [socket] { socket->readAll(); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, index] {
            ++m_bodiesRefused;
            socket->deleteLater();
            if (!m_done)
                openLargeBody(index);
        });
    }

    void startLargeBodies()
    {
        for (int i = 0; i < 20; ++i)
            openLargeBody(i);
    }

    // One of 50 connections asking for sign-in pages, 100 each, one after another; opened again if
    // the server closes it before (a connection the server dropped to make room, say).
    void openSignIn(int index, std::shared_ptr<int> left)
    {
        static const QByteArray request =
            "GET "
            "/oauth/"
            "authorize?response_type=code&client_id=cpn-console&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb"
            "&state=attack&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method="
            "S256 "
            "HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        QTcpSocket *socket = open(60 + index / 10);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::connected, this, [socket, left] {
            if (*left > 0)
                socket->write(request);
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, left] {
            *buffer += socket->readAll();
            // One answer at a time: its head, then Content-Length bytes.
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end).toLower();
                const qsizetype cl = head.indexOf("content-length:");
                const qint64 length =
                    cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                ++m_authorize[buffer->mid(9, 3).toInt()];
                buffer->remove(0, end + 4 + length);
                if (--*left > 0)
                    socket->write(request);
            }
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, index, left] {
            socket->deleteLater();
            if (!m_done && *left > 0)
                openSignIn(index, left);
        });
    }

    void startSignInPages()
    {
        for (int c = 0; c < 50; ++c)
            openSignIn(c, std::make_shared<int>(100));
    }

    void finish()
    {
        m_done = true;
        print("server.attack.slow_closed", m_slowClosed, "connections");
        print("server.attack.bodies_refused", m_bodiesRefused, "connections");
        int answered = 0;
        for (auto it = m_authorize.cbegin(); it != m_authorize.cend(); ++it) {
            const QByteArray name = "server.attack.authorize_" + QByteArray::number(it.key());
            print(name.constData(), it.value(), "answers");
            answered += it.value();
        }
        print("server.attack.authorize_unanswered", 5000 - answered, "requests");
        qApp->quit();
    }

    const quint16 m_port;
    const int m_seconds;
    std::vector<QTcpSocket *> m_slow;
    int m_slowClosed = 0;
    int m_bodiesRefused = 0;
    bool m_done = false;
    QMap<int, int> m_authorize;
};

// ---- the measuring process -------------------------------------------------------------------

class Server
{
public:
    bool start()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return false;
        port = probe.serverPort();
        probe.close();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(cpn::api::LocalSimulator::defaultProgram(),
                        {QStringLiteral("--port"), QString::number(port), QStringLiteral("--scenario"),
                         QStringLiteral("synthetic:2000"), QStringLiteral("--dev-token"),
                         QString::fromLatin1(kToken)});
        QByteArray output;
        return m_process.waitForStarted() && QTest::qWaitFor(
                                                 [&] {
                                                     output += m_process.readAllStandardOutput();
                                                     return output.contains("listening");
                                                 },
                                                 60000);
    }
    ~Server()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    // A line of /proc/<pid>/status in MiB.
    double statusMiB(const QByteArray &key) const
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith(key))
                return line.mid(key.size()).trimmed().split(' ').first().toDouble() / 1024;
        }
        return 0;
    }

    quint16 port = 0;

private:
    QProcess m_process;
};

// A legitimate client: GET /api/v1/nodes with a token as the console sends it, one after another;
// every tenth request on a new connection.
class LegitClient
{
public:
    explicit LegitClient(quint16 port) : m_port(port) {}

    // The latency of one request in ms, or -1 when it failed (no answer within 10 s).
    double request(bool newConnection)
    {
        if (newConnection || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket = std::make_unique<QTcpSocket>();
            m_socket->connectToHost(QHostAddress::LocalHost, m_port);
        }
        QElapsedTimer timer;
        timer.start();
        m_socket->write("GET /api/v1/nodes HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                        "Accept-Encoding: gzip\r\nAuthorization: Bearer " +
                        kToken + "\r\n\r\n");
        QByteArray received;
        qint64 length = -1;
        qsizetype headEnd = -1;
        QEventLoop loop; // not QTest::qWaitFor, which sleeps 10 ms between looks
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(m_socket.get(), &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(m_socket.get(), &QTcpSocket::readyRead, &loop, [&] {
            received += m_socket->readAll();
            if (headEnd < 0 && (headEnd = received.indexOf("\r\n\r\n")) >= 0) {
                const QByteArray head = received.left(headEnd).toLower();
                const qsizetype cl = head.indexOf("content-length:");
                length = head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            }
            if (headEnd >= 0 && received.size() >= headEnd + 4 + length)
                loop.quit();
        });
        deadline.start(10000);
        loop.exec();
        QObject::disconnect(m_socket.get(), nullptr, &loop, nullptr);
        const bool ok =
            headEnd >= 0 && received.size() >= headEnd + 4 + length && received.startsWith("HTTP/1.1 200");
        if (!ok)
            m_socket.reset();
        return ok ? double(timer.nsecsElapsed()) / 1e6 : -1;
    }

private:
    const quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
};

// A legitimate sign-in, as the console's browser and token exchange do it: the login page, the password
// posted with its request id, the code exchanged with the PKCE verifier.
class LegitSignIn
{
public:
    explicit LegitSignIn(quint16 port) : m_base(QStringLiteral("http://127.0.0.1:%1").arg(port))
    {
        m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    // Milliseconds from the login page to the token, or -1 when it did not end with one (10 s a step).
    double signIn()
    {
        QElapsedTimer timer;
        timer.start();
        const QString redirect = QStringLiteral("http://127.0.0.1:9/callback");
        QByteArray random(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
        const auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QByteArray verifier = random.toBase64(base64url);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("cpn-console"));
        query.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
        query.addQueryItem(QStringLiteral("code_challenge"),
                           QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(base64url)));
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        const auto page = send("GET", QStringLiteral("/oauth/authorize?") + query.query(), {});
        static const QRegularExpression field(QStringLiteral(R"re(name="request_id" value="([^"]+)")re"));
        const QString requestId = field.match(QString::fromUtf8(page.body)).captured(1);
        if (page.status != 200 || requestId.isEmpty())
            return -1;
        const auto login = send("POST", QStringLiteral("/oauth/authorize"),
                                "request_id=" + QUrl::toPercentEncoding(requestId) + "&username=operator&password=operator");
        const QString code = QUrlQuery(QUrl::fromEncoded(login.location)).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        if (login.status != 302 || code.isEmpty())
            return -1;
        const auto token = send("POST", QStringLiteral("/oauth/token"),
                                "grant_type=authorization_code&client_id=cpn-console&redirect_uri=" +
                                    QUrl::toPercentEncoding(redirect) + "&code=" + QUrl::toPercentEncoding(code) +
                                    "&code_verifier=" + verifier);
        if (token.status != 200 || !token.body.contains("access_token"))
            return -1;
        return double(timer.nsecsElapsed()) / 1e6;
    }

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray location;
    };
    Answer send(const QByteArray &method, const QString &path, const QByteArray &form)
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setTransferTimeout(10000);
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = method == "POST" ? m_nam.post(request, form) : m_nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      reply->rawHeader("Location")};
        reply->deleteLater();
        return answer;
    }

    QString m_base;
    QNetworkAccessManager m_nam;
};

// A console polls; it does not hammer. Between two requests the event loop runs (the pause is the
// client's pace, not a wait for the server).
constexpr int kLegitIntervalMs = 50;
constexpr int kSignInEvery = 20; // turns: about one sign-in a second

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int measure(bool shortRun)
{
    Server server;
    if (!server.start()) {
        std::fprintf(stderr, "cpn-nodesim did not start\n");
        return 1;
    }
    LegitClient legit(server.port);
    for (int i = 0; i < 20; ++i)
        legit.request(false); // the first answers are built, later ones come from the response cache
    LegitSignIn signIns(server.port);
    std::vector<double> baseline;
    std::vector<double> signInBaseline;
    for (int i = 0; i < (shortRun ? 60 : 200); ++i) {
        pause(kLegitIntervalMs);
        const double ms = legit.request(i % 10 == 0);
        if (ms >= 0)
            baseline.push_back(ms);
        if (i % kSignInEvery == 0) {
            if (const double signInMs = signIns.signIn(); signInMs >= 0)
                signInBaseline.push_back(signInMs);
        }
    }
    const double rssBaseline = server.statusMiB("VmHWM:");

    QProcess attacker;
    attacker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    attacker.start(QCoreApplication::applicationFilePath(),
                   {QStringLiteral("--attack"), QString::number(server.port), QStringLiteral("--seconds"),
                    QString::number(shortRun ? 15 : 40)});
    attacker.waitForStarted();
    std::vector<double> attacked;
    std::vector<double> signInsAttacked;
    int failed = 0;
    int signInsFailed = 0;
    double maxRss = 0;
    for (int i = 0; attacker.state() != QProcess::NotRunning; ++i) {
        pause(kLegitIntervalMs);
        const double ms = legit.request(i % 10 == 0);
        if (ms >= 0)
            attacked.push_back(ms);
        else
            ++failed;
        if (i % kSignInEvery == 0) {
            const double signInMs = signIns.signIn();
            if (signInMs >= 0)
                signInsAttacked.push_back(signInMs);
            else
                ++signInsFailed;
        }
        maxRss = std::max(maxRss, server.statusMiB("VmRSS:"));
    }
    std::fputs(attacker.readAllStandardOutput().constData(), stdout);
    maxRss = std::max(maxRss, server.statusMiB("VmHWM:"));

    print("server.attack.max_rss_mb", maxRss, "MiB");
    print("server.attack.max_rss_mb.baseline", rssBaseline, "MiB");
    print("server.attack.legit_p99_ms", p99(attacked), "ms");
    print("server.attack.legit_p99_ms.baseline", p99(baseline), "ms");
    print("server.attack.legit_requests", double(attacked.size()), "requests");
    print("server.attack.legit_failed", failed, "requests");
    print("server.attack.signin_p99_ms", p99(signInsAttacked), "ms");
    print("server.attack.signin_p99_ms.baseline", p99(signInBaseline), "ms");
    print("server.attack.signin_failed", signInsFailed, "sign-ins");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--attack")); at >= 0) {
        const int seconds = args.value(args.indexOf(QStringLiteral("--seconds")) + 1).toInt();
        Attack attack(quint16(args.value(at + 1).toUInt()), seconds > 0 ? seconds : 40);
        attack.run();
        return app.exec();
    }
    const bool shortRun =
        args.contains(QStringLiteral("--short")) || qEnvironmentVariableIntValue("BENCH_SHORT");
    return measure(shortRun);
}
