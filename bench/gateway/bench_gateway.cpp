// bench_gateway: one metrics tick of cpn-gateway for a site of 64 hosts with 8 GPUs each. Starts
// tools/fake-dcgm-exporter.py (--host-count 64 --node-series: dcgm-exporter's 512 GPU series and
// node_exporter's series for 64 hosts) and a real Prometheus scraping it each second, in a temporary
// directory on free loopback ports, then times the gateway's PrometheusPoller from a tick's start to
// its sample, and counts its queries. Prints medians as `name: value unit`:
//
//   gateway.tick_ms.64, gateway.queries_per_tick.64        the poller: a few queries for the whole site
//   gateway.tick_ms.64.baseline, ..._per_tick.64.baseline  the same figures asked per host (each of the
//                                                           poller's queries with a host matcher, 64x)
//
//   bench_gateway [--runs N]        (BENCH_SHORT=1: 3 runs)

#include "common/median.h"
#include "gatewayconfig.h"
#include "prometheuspoller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using benchstats::median;

namespace {

constexpr int kHosts = 64;
constexpr int kGpusPerHost = 8;

void print(const char *name, double value, const char *unit, int decimals = 1)
{
    std::printf("%s: %.*f %s\n", name, decimals, value, unit);
    std::fflush(stdout);
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A process that dies with the bench.
struct Child : QProcess
{
    ~Child() override
    {
        terminate();
        if (!waitForFinished(5000))
            kill();
        waitForFinished(2000);
    }
};

// One instant query, answered synchronously (for the readiness check only).
QJsonArray instant(QNetworkAccessManager &nam, const QUrl &prometheus, const QString &promql)
{
    QUrl url = prometheus;
    url.setPath(u"/api/v1/query"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = nam.post(request, "query=" + QUrl::toPercentEncoding(promql));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll())[u"data"_s][u"result"_s].toArray();
}

// The per-host baseline: each of the poller's queries restricted to one host (node_exporter's series by
// `instance`, dcgm-exporter's by `Hostname`) and sent for every host at once, the same way the poller
// sends its own; the tick ends when every answer is in and read.
class PerHostPoller : public QObject
{
public:
    PerHostPoller(const QUrl &prometheus, const QStringList &siteQueries) : m_prometheus(prometheus)
    {
        static const QRegularExpression selector(u"\\b(node_[A-Za-z_]+|DCGM_[A-Z_]+)(\\{([^}]*)\\})?"_s);
        for (int h = 1; h <= kHosts; ++h) {
            for (QString promql : siteQueries) {
                QString out;
                qsizetype last = 0;
                for (auto it = selector.globalMatch(promql); it.hasNext();) {
                    const auto m = it.next();
                    const QString label =
                        m.captured(1).startsWith(u"node_"_s) ? u"instance"_s : u"Hostname"_s;
                    const QString matcher = u"%1=\"n%2\""_s.arg(label).arg(h);
                    const QString inner = m.captured(3);
                    out += promql.mid(last, m.capturedStart() - last) + m.captured(1) + u'{' +
                           (inner.isEmpty() ? matcher : inner + u',' + matcher) + u'}';
                    last = m.capturedEnd();
                }
                m_queries.append(out + promql.mid(last));
            }
        }
    }
    int queriesPerTick() const { return int(m_queries.size()); }
    QString firstQuery() const { return m_queries.value(0); }

    // One tick; returns the series answered (for a sanity check), -1 when a query failed.
    int tick()
    {
        QUrl url = m_prometheus;
        url.setPath(u"/api/v1/query"_s);
        const QByteArray time =
            QByteArray::number((QDateTime::currentMSecsSinceEpoch() - 500) / 1000.0, 'f', 3);
        int pending = int(m_queries.size()), series = 0;
        bool failed = false;
        QEventLoop loop;
        for (const QString &promql : std::as_const(m_queries)) {
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply *reply =
                m_nam.post(request, "query=" + QUrl::toPercentEncoding(promql) + "&time=" + time);
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                reply->deleteLater();
                const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
                if (answer[u"status"_s] != u"success"_s)
                    failed = true;
                series += int(answer[u"data"_s][u"result"_s].toArray().size());
                if (--pending == 0)
                    loop.quit();
            });
        }
        loop.exec();
        return failed ? -1 : series;
    }

private:
    QUrl m_prometheus;
    QStringList m_queries;
    QNetworkAccessManager m_nam;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = qEnvironmentVariableIntValue("BENCH_SHORT") ? 3 : 15;
    if (const qsizetype i = app.arguments().indexOf(u"--runs"_s); i > 0 && i + 1 < app.arguments().size())
        runs = std::max(1, app.arguments().at(i + 1).toInt());

    QTemporaryDir dir;
    const int exporterPort = freePort(), prometheusPort = freePort();
    Child exporter;
    exporter.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    exporter.start(u"python3"_s,
                   {QStringLiteral(CPN_SOURCE_DIR "/tools/fake-dcgm-exporter.py"), u"--init"_s, u"--port"_s,
                    QString::number(exporterPort), u"--values"_s, dir.filePath(u"dcgm-values.json"_s),
                    u"--host-count"_s, QString::number(kHosts), u"--gpus"_s, QString::number(kGpusPerHost),
                    u"--node-series"_s});
    QFile yml(dir.filePath(u"prometheus.yml"_s));
    yml.open(QIODevice::WriteOnly);
    yml.write(u"global: {scrape_interval: 1s, scrape_timeout: 1s}\n"
              "scrape_configs:\n"
              "  - job_name: site\n"
              "    honor_labels: true\n"
              "    static_configs: [{targets: ['127.0.0.1:%1']}]\n"_s.arg(exporterPort)
                  .toUtf8());
    yml.close();
    Child prometheus;
    prometheus.setProcessChannelMode(QProcess::MergedChannels);
    prometheus.setStandardOutputFile(dir.filePath(u"prometheus.log"_s));
    prometheus.start(u"prometheus"_s, {u"--config.file="_s + yml.fileName(),
                                       u"--storage.tsdb.path="_s + dir.filePath(u"data"_s),
                                       u"--web.listen-address=127.0.0.1:%1"_s.arg(prometheusPort)});
    if (!exporter.waitForStarted() || !prometheus.waitForStarted()) {
        std::fprintf(stderr, "bench_gateway: cannot start python3 or prometheus (scripts/install-deps.sh)\n");
        return 1;
    }
    const QUrl prometheusUrl(u"http://127.0.0.1:%1"_s.arg(prometheusPort));
    QNetworkAccessManager nam;
    // Three scrapes in, so that irate() has two samples before the instant the poller asks about.
    const bool ready = QTest::qWaitFor(
        [&] {
            return instant(nam, prometheusUrl, u"count(count_over_time(DCGM_FI_DEV_GPU_UTIL[1m]) >= 3)"_s)
                       .at(0)[u"value"_s][1]
                       .toString()
                       .toInt() == kHosts * kGpusPerHost;
        },
        30000);
    if (!ready) {
        std::fprintf(stderr, "bench_gateway: Prometheus did not scrape the fake exporter (log in %s)\n",
                     qPrintable(dir.filePath(u"prometheus.log"_s)));
        return 1;
    }

    // The gateway's default queries for node_exporter and dcgm-exporter (no NPU or DCU at this site).
    const QString configText =
        u"[site]\nid = bench-site\nname = Bench Site\ncompute_id = CPN-I52-GEN-00042-H\n"
        "tier = industry\nrole = industry\nprovince = CN-GZ\nlat = 26.6\nlon = 106.6\n"
        "[server]\ndev_token = bench\n[prometheus]\nurl = %1\ninterval = 60\n"
        "npu_util =\nnpu_count =\nnpu_power =\ndcu_util =\ndcu_count =\ndcu_power =\n"
        "[state]\ndirectory = %2\n"_s.arg(prometheusUrl.toString(), dir.path());
    QString error;
    auto config = cpn::gateway::GatewayConfig::parse(configText, u"bench.conf"_s, &error);
    if (!config) {
        std::fprintf(stderr, "bench_gateway: %s\n", qPrintable(error));
        return 1;
    }
    cpn::gateway::PrometheusPoller poller(*config);
    QList<double> tickMs;
    int gpus = 0;
    QString failure;
    for (int run = 0; run <= runs; ++run) { // run 0 warms the connections up, uncounted
        QEventLoop loop;
        QElapsedTimer clock;
        const auto a = QObject::connect(&poller, &cpn::gateway::PrometheusPoller::sampled, &loop,
                                        [&](const cpn::NodeSample &, const cpn::NodeCapacity &capacity) {
                                            gpus = 0;
                                            for (const auto &a : capacity.accelerators)
                                                gpus += a.count;
                                            loop.quit();
                                        });
        const auto f = QObject::connect(&poller, &cpn::gateway::PrometheusPoller::failed, &loop,
                                        [&](const QString &reason) {
                                            failure = reason;
                                            loop.quit();
                                        });
        clock.start();
        poller.start(); // a tick now (the 60 s timer never fires during the bench)
        loop.exec();
        const double ms = clock.nsecsElapsed() / 1e6;
        QObject::disconnect(a);
        QObject::disconnect(f);
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "bench_gateway: the poller failed: %s\n", qPrintable(failure));
            return 1;
        }
        if (run > 0)
            tickMs.append(ms);
    }
    if (gpus != kHosts * kGpusPerHost) {
        std::fprintf(stderr, "bench_gateway: the poller counted %d GPUs, not %d\n", gpus,
                     kHosts * kGpusPerHost);
        return 1;
    }

    const auto &p = config->prometheus;
    QStringList siteQueries{p.cpu, p.memory, p.storage, p.cpuCores, p.memoryBytes, p.storageBytes};
    siteQueries << p.acceleratorUtil.value(u"dcgm"_s) << p.acceleratorCount.value(u"dcgm"_s)
                << p.acceleratorPower.value(u"dcgm"_s);
    PerHostPoller baseline(prometheusUrl, siteQueries);
    QList<double> baselineMs;
    const int baselineRuns = std::max(1, runs / 3);
    for (int run = 0; run <= baselineRuns; ++run) {
        QElapsedTimer clock;
        clock.start();
        const int series = baseline.tick();
        const double ms = clock.nsecsElapsed() / 1e6;
        if (series != kHosts * siteQueries.size()) {
            std::fprintf(stderr, "bench_gateway: the per-host baseline got %d series, not %lld (e.g. %s)\n",
                         series, kHosts * siteQueries.size(), qPrintable(baseline.firstQuery()));
            return 1;
        }
        if (run > 0)
            baselineMs.append(ms);
    }

    print("gateway.tick_ms.64", median(tickMs), "ms");
    print("gateway.tick_ms.64.baseline", median(baselineMs), "ms");
    print("gateway.queries_per_tick.64", poller.queriesPerTick(), "queries", 0);
    print("gateway.queries_per_tick.64.baseline", baseline.queriesPerTick(), "queries", 0);
    print("gateway.speedup.64", median(baselineMs) / median(tickMs), "x");
    return 0;
}
