// bench_nodesim: what one core of cpn-nodesim serves. Starts the real server (synthetic:2000, then
// synthetic:10000 for sizes), sends requests over loopback and reads the server's CPU time from
// /proc/<pid>/task/*/schedstat around them, so other load on the machine does not count. Prints
// medians as `name: value unit`:
//
//   nodesim.metrics_cpu_ms.2000_tick_build   the first request of a tick (compact+delta+gzip: encodes it)
//   nodesim.metrics_req_per_s.2000           later requests for the same tick (the same bytes for all)
//   nodesim.nodes_req_per_s.2000, ..._304    /nodes in full, and when unchanged (If-None-Match)
//   nodesim.offers_req_per_s.2000, ..._304
//   nodesim.consoles_per_core.2000           consoles polling metrics at 1 Hz and offers every 5 s
//   nodesim.bytes_per_tick.N_<encoding>      one tick at N nodes: json, json_gzip, cbor, cbor_delta,
//   cbor_delta_gzip
//
// Each "baseline" figure is the same request to a server started with --no-response-cache asking
// for JSON without gzip, which is what every console received before.
//
//   bench_nodesim [--runs N] [--short]      (--short or BENCH_SHORT=1: 2 runs, fewer requests)

#include "common/median.h"
#include "api/localsimulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

const QByteArray kToken = "bench-nodesim-token";

using benchstats::median;

void print(const char *name, double value, const char *unit, const QString &note = {})
{
    std::printf("%s: %.*f %s%s\n", name,
                value < 10     ? 3
                : value < 1000 ? 1
                               : 0,
                value, unit, note.isEmpty() ? "" : qPrintable(QStringLiteral("  (%1)").arg(note)));
    std::fflush(stdout);
}

// One cpn-nodesim process, its port and its CPU time.
class Server
{
public:
    bool start(const QString &scenario, bool responseCache)
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return false;
        m_port = probe.serverPort();
        probe.close();
        QStringList arguments{QStringLiteral("--port"),      QString::number(m_port),
                              QStringLiteral("--scenario"),  scenario,
                              QStringLiteral("--dev-token"), QString::fromLatin1(kToken)};
        if (!responseCache)
            arguments << QStringLiteral("--no-response-cache");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(cpn::api::LocalSimulator::defaultProgram(), arguments);
        return m_process.waitForStarted() && QTest::qWaitFor(
                                                 [this] {
                                                     m_output += m_process.readAllStandardOutput();
                                                     return m_output.contains("listening");
                                                 },
                                                 60000);
    }
    ~Server()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    // Nanoseconds this process has spent on a CPU, all threads.
    qint64 cpuNs() const
    {
        qint64 total = 0;
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(m_process.processId()));
        for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile f(tasks.filePath(task + QStringLiteral("/schedstat")));
            if (f.open(QIODevice::ReadOnly))
                total += f.readAll().split(' ').value(0).toLongLong();
        }
        return total;
    }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

struct Answer
{
    int status = 0;
    QByteArray body; // as on the wire (not inflated)
    QByteArray etag;
};

class Client
{
public:
    Answer get(const QString &url, const QByteArray &accept = "application/json",
               const QByteArray &encoding = "identity", const QByteArray &ifNoneMatch = {})
    {
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Authorization", "Bearer " + kToken);
        request.setRawHeader("Accept", accept);
        request.setRawHeader("Accept-Encoding", encoding); // set by hand: Qt then leaves the body as sent
        if (!ifNoneMatch.isEmpty())
            request.setRawHeader("If-None-Match", ifNoneMatch);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(120000);
        QNetworkReply *reply = m_nam.get(request);
        QEventLoop loop; // not QTest::qWaitFor, which sleeps 10 ms between looks
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                 reply->rawHeader("ETag")};
        reply->deleteLater();
        return a;
    }

private:
    QNetworkAccessManager m_nam;
};

// The sequence number of the newest tick, asked of a one-node scope so no national tick is built.
qint64 newestTick(Client &client, const Server &server, const QString &leaf)
{
    const Answer a = client.get(server.url(QStringLiteral("/n/%1/api/v1/metrics?limit=1").arg(leaf)));
    return QJsonDocument::fromJson(a.body).object().value(QStringLiteral("cursor")).toString().toLongLong();
}

// The last node of the directory: it has no nodes below, so asking it for metrics costs little.
QString leafOf(Client &client, const Server &server)
{
    const auto nodes = QJsonDocument::fromJson(client.get(server.url(QStringLiteral("/api/v1/nodes"))).body)
                           .object()
                           .value(QStringLiteral("nodes"))
                           .toArray();
    return nodes.last().toObject().value(QStringLiteral("id")).toString();
}

qint64 waitForNewTick(Client &client, const Server &server, const QString &leaf)
{
    const qint64 now = newestTick(client, server, leaf);
    qint64 next = now;
    if (now <= 0 || !QTest::qWaitFor(
                        [&] {
                            next = newestTick(client, server, leaf);
                            return next > now;
                        },
                        5000))
        qFatal("bench_nodesim: no new tick from %s", qPrintable(leaf));
    return next;
}

struct MetricsCost
{
    QList<double> buildMs; // the first request of a tick
    QList<double> hitMs;   // each later request for it
};

MetricsCost measureMetrics(Client &client, const Server &server, const QString &leaf,
                           const QByteArray &accept, const QByteArray &encoding, bool delta, int runs,
                           int requests)
{
    MetricsCost cost;
    for (int run = 0; run < runs; ++run) {
        const qint64 tick = waitForNewTick(client, server, leaf);
        // What a console that holds the tick before asks: exactly one new tick (limit=1: the
        // answer stays the same when the next tick comes during the run).
        const QString url = server.url(QStringLiteral("/api/v1/metrics?limit=1&since=%1%2")
                                           .arg(tick - 1)
                                           .arg(delta ? QStringLiteral("&delta=1") : QString()));
        const qint64 t0 = server.cpuNs();
        client.get(url, accept, encoding);
        const qint64 t1 = server.cpuNs();
        for (int i = 0; i < requests; ++i)
            client.get(url, accept, encoding);
        const qint64 t2 = server.cpuNs();
        cost.buildMs.append((t1 - t0) / 1e6);
        cost.hitMs.append((t2 - t1) / 1e6 / requests);
    }
    return cost;
}

// CPU ms per request of `requests` identical GETs, median over runs.
double measureGets(Client &client, const Server &server, const QString &path, const QByteArray &encoding,
                   bool conditional, int runs, int requests)
{
    QList<double> ms;
    for (int run = 0; run < runs; ++run) {
        // Built (and compressed) once outside the window: every later console gets these bytes.
        const QByteArray etag = client.get(server.url(path), "application/json", encoding).etag;
        const QByteArray ifNoneMatch = conditional ? etag : QByteArray();
        const qint64 t0 = server.cpuNs();
        for (int i = 0; i < requests; ++i)
            client.get(server.url(path), "application/json", encoding, ifNoneMatch);
        ms.append((server.cpuNs() - t0) / 1e6 / requests);
    }
    return median(ms);
}

void bytesPerTick(Client &client, int nodes, int runs)
{
    Server server;
    if (!server.start(QStringLiteral("synthetic:%1").arg(nodes), true)) {
        std::fprintf(stderr, "bench_nodesim: cannot start cpn-nodesim\n");
        return;
    }
    const QString leaf = leafOf(client, server);
    QHash<QString, QList<double>> sizes;
    for (int run = 0; run < runs; ++run) {
        const qint64 tick = waitForNewTick(client, server, leaf);
        // limit=1: one tick, even if the next one arrives while the six encodings are asked for.
        const QString since = server.url(QStringLiteral("/api/v1/metrics?limit=1&since=%1").arg(tick - 1));
        sizes[QStringLiteral("json")].append(client.get(since).body.size());
        sizes[QStringLiteral("json_gzip")].append(client.get(since, "application/json", "gzip").body.size());
        sizes[QStringLiteral("cbor")].append(client.get(since, "application/cbor").body.size());
        sizes[QStringLiteral("cbor_gzip")].append(client.get(since, "application/cbor", "gzip").body.size());
        sizes[QStringLiteral("cbor_delta")].append(
            client.get(since + QStringLiteral("&delta=1"), "application/cbor").body.size());
        sizes[QStringLiteral("cbor_delta_gzip")].append(
            client.get(since + QStringLiteral("&delta=1"), "application/cbor", "gzip").body.size());
    }
    const double json = median(sizes.value(QStringLiteral("json")));
    for (const char *encoding : {"json", "json_gzip", "cbor", "cbor_gzip", "cbor_delta", "cbor_delta_gzip"}) {
        const double bytes = median(sizes.value(QLatin1String(encoding)));
        const QByteArray name =
            QStringLiteral("nodesim.bytes_per_tick.%1_%2").arg(nodes).arg(QLatin1String(encoding)).toLatin1();
        print(name.constData(), bytes, "bytes",
              qstrcmp(encoding, "json") == 0
                  ? QStringLiteral("baseline: what every console received")
                  : QStringLiteral("%1x smaller than json").arg(json / bytes, 0, 'f', 1));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool shortRun =
        args.contains(QStringLiteral("--short")) || qEnvironmentVariableIntValue("BENCH_SHORT") > 0;
    int runs = shortRun ? 2 : 5;
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = std::max(1, args[i + 1].toInt());
    const int requests = shortRun ? 10 : 40;
    if (cpn::api::LocalSimulator::defaultProgram().isEmpty()) {
        std::fprintf(stderr, "bench_nodesim: cpn-nodesim not found\n");
        return 1;
    }
    Client client;

    // What consoles received before: JSON without gzip, every answer built for its request.
    double baseMetrics = 0;
    double baseNodes = 0;
    double baseOffers = 0;
    {
        Server server;
        if (!server.start(QStringLiteral("synthetic:2000"), false))
            return 1;
        const QString leaf = leafOf(client, server);
        const MetricsCost m =
            measureMetrics(client, server, leaf, "application/json", "identity", false, runs, requests);
        baseMetrics = median(m.hitMs); // the tick's samples were cached before too; the answer was not
        baseNodes = measureGets(client, server, QStringLiteral("/api/v1/nodes"), "identity", false, runs,
                                requests / 4 + 1);
        baseOffers = measureGets(client, server, QStringLiteral("/api/v1/offers"), "identity", false, runs,
                                 requests / 4 + 1);
    }
    Server server;
    if (!server.start(QStringLiteral("synthetic:2000"), true))
        return 1;
    const QString leaf = leafOf(client, server);
    const MetricsCost m =
        measureMetrics(client, server, leaf, "application/cbor", "gzip", true, runs, requests);
    const double build = median(m.buildMs);
    const double hit = median(m.hitMs);
    const double nodes =
        measureGets(client, server, QStringLiteral("/api/v1/nodes"), "gzip", false, runs, requests);
    const double nodes304 =
        measureGets(client, server, QStringLiteral("/api/v1/nodes"), "gzip", true, runs, requests);
    const double offers =
        measureGets(client, server, QStringLiteral("/api/v1/offers"), "gzip", false, runs, requests);
    const double offers304 =
        measureGets(client, server, QStringLiteral("/api/v1/offers"), "gzip", true, runs, requests);
    const double offersBuild = baseOffers; // a cached offer list is rebuilt once per 10 s epoch

    const QString base = QStringLiteral("baseline %1 req/s");
    print("nodesim.metrics_cpu_ms.2000_tick_build", build, "ms",
          QStringLiteral("once per tick for all consoles"));
    print("nodesim.metrics_req_per_s.2000", 1000 / hit, "req/s", base.arg(1000 / baseMetrics, 0, 'f', 0));
    print("nodesim.nodes_req_per_s.2000", 1000 / nodes, "req/s", base.arg(1000 / baseNodes, 0, 'f', 0));
    print("nodesim.nodes_req_per_s.2000_304", 1000 / nodes304, "req/s",
          base.arg(1000 / baseNodes, 0, 'f', 0));
    print("nodesim.offers_req_per_s.2000", 1000 / offers, "req/s", base.arg(1000 / baseOffers, 0, 'f', 0));
    print("nodesim.offers_req_per_s.2000_304", 1000 / offers304, "req/s",
          base.arg(1000 / baseOffers, 0, 'f', 0));
    // A console polls metrics every second and offers every 5 s (OfferBook); half of those are 304s
    // with 10 s price epochs, counted here as full answers.
    const double perConsole = hit + offers / 5;
    const double consoles = (1000 - build - offersBuild / 10) / perConsole;
    const double baseConsoles = 1000 / (baseMetrics + baseOffers / 5);
    print("nodesim.consoles_per_core.2000", consoles, "consoles",
          QStringLiteral("target >= 500; baseline %1").arg(baseConsoles, 0, 'f', 0));

    bytesPerTick(client, 2000, runs);
    bytesPerTick(client, 10000, shortRun ? 1 : 3);
    return 0;
}
