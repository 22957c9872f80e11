#include "gatewayprocess.h"

#include "api/nodeapiclient.h"
#include "support/openapivalidator.h"
#include "support/testca.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUrlQuery>

#include <functional>

using namespace cpn;
using namespace Qt::StringLiterals;

namespace {

// The documented defaults (docs/gateway.md) the gateway runs when the config does not override them.
const QString kCpuQuery = u"1 - avg(irate(node_cpu_seconds_total{mode=\"idle\"}[1m]))"_s;
const QString kMemoryQuery = u"1 - sum(node_memory_MemAvailable_bytes) / sum(node_memory_MemTotal_bytes)"_s;
// The site's uplink for the tests: the counters of the machine's busiest interface (node_exporter leaves out
// lo); its latency a real round trip (Prometheus scraping node_exporter), where a real site would use
// blackbox_exporter's probe.
QString linksFor(const QString &device)
{
    return u"[links]\n"
           "uplink.peer = hub-gd\n"
           "uplink.interfaces = device=\"%1\"\n"
           "uplink.capacity_gbps = 10\n"
           "uplink.latency = scrape_duration_seconds{job=\"node\"} * 1000\n"_s.arg(device);
}
QString uplinkAb(const QString &device)
{
    return u"sum(irate(node_network_transmit_bytes_total{device=\"%1\"}[1m])) * 8 / 1e9"_s.arg(device);
}
const QString kUplinkLatency = u"scrape_duration_seconds{job=\"node\"} * 1000"_s;

} // namespace

// cpn-gateway, a real child process, on the site fixture's real Prometheus and exporters.
class TestGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cpuAndMemoryMatchPrometheusAtTheSameInstant();
    void h800UtilizationFollowsTheExporter();
    void historyIsPrometheusQueryRangeWithItsGaps();
    void uplinkFromTheInterfaceCounters();
    void badConfigNamesTheLineAndKey();
    void everyAnswerValidatesAgainstOpenApi();
    void consoleClientReadsTheSite();
    void workloadChangesAnswer503WithoutSlurm();
    void aQueryPrometheusRefusesIsTheReason();
    void servesHttpsWithTheConfiguredCertificate();
    void signInPageNamesTheSite();

private:
    using Answer = GatewayAnswer;
    Answer send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                bool withToken = true);
    Answer gateway(const QString &path) { return send("GET", QUrl(m_gateway.url().toString() + path)); }
    // The latest sample the gateway serves (GET /metrics without a cursor answers the latest tick).
    QJsonObject latestSample();
    double prometheusAt(const QString &promql, qint64 tsMs);
    // Prometheus' own query_range, as {ts ms -> value}.
    QHash<qint64, double> prometheusRange(const QString &promql, qint64 fromMs, qint64 toMs, qint64 stepMs);
    bool setGpuUtilization(int percent);

    QHash<QString, QString> m_env;
    QNetworkAccessManager m_nam;
    QString m_device; // the uplink's interface
    GatewayProcess m_gateway;
    QTemporaryDir m_dir;
};

void TestGateway::initTestCase()
{
    m_env = readSiteEnv();
    QVERIFY2(!m_env.value(u"PROMETHEUS_URL"_s).isEmpty(), "no PROMETHEUS_URL in CPN_SITE_ENV");
    QVERIFY(setGpuUtilization(40));
    const QJsonArray busiest =
        send("GET", QUrl(m_env.value(u"PROMETHEUS_URL"_s) + u"/api/v1/query?query=topk(1,node_network_transmit_bytes_total)"_s), {}, false)
            .json()[u"data"_s][u"result"_s]
            .toArray();
    QVERIFY2(!busiest.isEmpty(), "node_exporter reports no network interface");
    m_device = busiest[0][u"metric"_s][u"device"_s].toString();
    QVERIFY(m_gateway.start(
        GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s), m_dir.filePath(u"state"_s)) + linksFor(m_device)));
    QVERIFY2(cpn::testing::eventually([&] { return !latestSample().isEmpty(); }, 15000), "the gateway serves no sample");
}

void TestGateway::cpuAndMemoryMatchPrometheusAtTheSameInstant()
{
    const QJsonObject sample = latestSample();
    const qint64 ts = sample[u"ts"_s].toInteger();
    QVERIFY(ts > 0);
    const QJsonObject util = sample[u"util"_s].toObject();
    const double cpu = prometheusAt(kCpuQuery, ts);
    const double memory = prometheusAt(kMemoryQuery, ts);
    QVERIFY2(cpu >= 0 && cpu <= 1, qPrintable(QString::number(cpu)));
    QVERIFY2(
        qAbs(util[u"cpu"_s].toDouble() - cpu) < 1e-9,
        qPrintable(u"gateway %1, Prometheus %2 at %3"_s.arg(util[u"cpu"_s].toDouble()).arg(cpu).arg(ts)));
    QVERIFY2(qAbs(util[u"memory"_s].toDouble() - memory) < 1e-9,
             qPrintable(u"gateway %1, Prometheus %2"_s.arg(util[u"memory"_s].toDouble()).arg(memory)));
}

void TestGateway::h800UtilizationFollowsTheExporter()
{
    for (const int percent : {63, 21}) {
        QVERIFY(setGpuUtilization(percent));
        double served = -1;
        QVERIFY2(cpn::testing::eventually(
                     [&] {
                         served = latestSample()[u"util"_s][u"accelerators"_s][u"h800"_s].toDouble(-1);
                         return qAbs(served - percent / 100.0) < 1e-9;
                     },
                     10000),
                 qPrintable(u"h800 still at %1, not %2"_s.arg(served).arg(percent / 100.0)));
    }
    // The GPUs' power draw (the exporter's figure, in W) is the site's power in kW.
    QVERIFY(latestSample()[u"powerKw"_s].toDouble() > 0);
}

void TestGateway::historyIsPrometheusQueryRangeWithItsGaps()
{
    // An hour back reaches before the fixture's Prometheus (a fresh database) existed: a gap, not zeros.
    const qint64 toMs = latestSample()[u"ts"_s].toInteger();
    const qint64 stepMs = 10'000;
    const qint64 fromMs = toMs - 360 * stepMs;
    const auto historyOf = [&](const QString &metric) {
        return gateway(u"/api/v1/history?series=node:lab-site:%1&from=%2&to=%3&step=%4"_s.arg(metric).arg(fromMs).arg(toMs).arg(stepMs));
    };
    const Answer cpu = historyOf(u"cpu"_s);
    QCOMPARE(cpu.status, 200);
    const QJsonArray points = cpu.json()[u"points"_s].toArray();
    QCOMPARE(points.size(), 361);
    const QHash<qint64, double> expected = prometheusRange(kCpuQuery, fromMs, toMs, stepMs);
    QVERIFY(!expected.isEmpty());
    int values = 0;
    for (const QJsonValue &point : points) {
        const qint64 ts = point[0].toInteger();
        const QJsonValue value = point[1];
        QVERIFY2(value.isNull() == !expected.contains(ts), qPrintable(u"at %1"_s.arg(ts)));
        if (!value.isNull()) {
            QVERIFY2(qAbs(value.toDouble() - expected.value(ts)) < 1e-9,
                     qPrintable(u"gateway %1, Prometheus %2 at %3"_s.arg(value.toDouble()).arg(expected.value(ts)).arg(ts)));
            ++values;
        }
    }
    QVERIFY(points.first()[1].isNull());
    QVERIFY(!points.last()[1].isNull());
    QCOMPARE(values, expected.size());

    // Accelerators by model and power from the exporter; Slurm's queue keeps no series.
    const QJsonArray h800 = historyOf(u"accel:h800"_s).json()[u"points"_s].toArray();
    QCOMPARE(h800.size(), 361);
    QVERIFY(h800.last()[1].toDouble(-1) >= 0 && h800.last()[1].toDouble(-1) <= 1);
    QVERIFY(historyOf(u"power_kw"_s).json()[u"points"_s].toArray().last()[1].toDouble() > 0);
    QCOMPARE(historyOf(u"accel:mi300"_s).json()[u"points"_s].toArray().last()[1].isNull(), true);
    const Answer queued = historyOf(u"queued_jobs"_s);
    QCOMPARE(queued.status, 404);
    QCOMPARE(queued.json()[u"detail"_s].toString(), u"This site keeps no history of queued_jobs"_s);
}

void TestGateway::uplinkFromTheInterfaceCounters()
{
    const QJsonArray links = gateway(u"/api/v1/links"_s).json()[u"links"_s].toArray();
    QCOMPARE(links.size(), 1);
    QCOMPARE(links[0][u"id"_s].toString(), u"uplink"_s);
    QCOMPARE(links[0][u"a"_s].toString(), u"lab-site"_s);
    QCOMPARE(links[0][u"b"_s].toString(), u"hub-gd"_s);

    QJsonObject tick;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     tick = gateway(u"/api/v1/metrics"_s).json();
                     return !tick[u"links"_s].toArray().isEmpty();
                 },
                 10000),
             "no link sample");
    const QJsonObject sample = tick[u"links"_s].toArray().last().toObject();
    const qint64 ts = sample[u"ts"_s].toInteger();
    QCOMPARE(sample[u"id"_s].toString(), u"uplink"_s);
    QCOMPARE(sample[u"status"_s].toString(), u"up"_s);
    const double ab = prometheusAt(uplinkAb(m_device), ts);
    QVERIFY2(ab >= 0, qPrintable(QString::number(ab)));
    QVERIFY2(qAbs(sample[u"abGbps"_s].toDouble() - ab) < 1e-12,
             qPrintable(u"gateway %1, Prometheus %2"_s.arg(sample[u"abGbps"_s].toDouble()).arg(ab)));
    QVERIFY(qAbs(sample[u"latencyMs"_s].toDouble() - prometheusAt(kUplinkLatency, ts)) < 1e-9);

    // Its history is Prometheus' query_range of the same counters.
    const qint64 stepMs = 5000;
    const qint64 fromMs = ts - 12 * stepMs;
    const QJsonArray points =
        gateway(u"/api/v1/history?series=link:uplink:ab_gbps&from=%1&to=%2&step=%3"_s.arg(fromMs).arg(ts).arg(stepMs))
            .json()[u"points"_s]
            .toArray();
    const QHash<qint64, double> expected = prometheusRange(uplinkAb(m_device), fromMs, ts, stepMs);
    QCOMPARE(points.size(), 13);
    for (const QJsonValue &p : points) {
        QCOMPARE(p[1].isNull(), !expected.contains(p[0].toInteger()));
        if (!p[1].isNull())
            QVERIFY(qAbs(p[1].toDouble() - expected.value(p[0].toInteger())) < 1e-12);
    }
    QVERIFY(!points.last()[1].isNull());
}

void TestGateway::badConfigNamesTheLineAndKey()
{
    QString text = GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s), m_dir.filePath(u"state"_s));
    text.replace(u"[models]\n"_s, u"intervall = 2\n[models]\n"_s);
    const QString path = m_dir.filePath(u"bad.conf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();
    const int line = int(text.left(text.indexOf(u"intervall"_s)).count(u'\n')) + 1;
    QProcess process;
    process.start(QStringLiteral(CPN_GATEWAY_EXE), {u"--config"_s, path});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(u"%1:%2: prometheus.intervall: unknown key"_s.arg(path).arg(line)),
             qPrintable(error));
}

void TestGateway::everyAnswerValidatesAgainstOpenApi()
{
    QFile file(QStringLiteral(CPN_OPENAPI_JSON));
    QVERIFY(file.open(QIODevice::ReadOnly));
    OpenApiValidator validator(QJsonDocument::fromJson(file.readAll()).object());
    validator.setUndocumentedPropertiesAreErrors(true);
    const QString cursor = gateway(u"/api/v1/metrics"_s).json()[u"cursor"_s].toString();
    const QList<std::pair<QString, QString>> calls{
        {u"/api/v1/node"_s, u"/api/v1/node"_s},
        {u"/api/v1/nodes"_s, u"/api/v1/nodes"_s},
        {u"/api/v1/links"_s, u"/api/v1/links"_s},
        {u"/api/v1/metrics"_s, u"/api/v1/metrics"_s},
        {u"/api/v1/metrics"_s, u"/api/v1/metrics?since="_s + cursor},
        {u"/api/v1/offers"_s, u"/api/v1/offers"_s},
        {u"/api/v1/jobs"_s, u"/api/v1/jobs"_s},
        {u"/api/v1/reservations"_s, u"/api/v1/reservations"_s},
        {u"/api/v1/alarms"_s, u"/api/v1/alarms"_s},
        {u"/api/v1/silences"_s, u"/api/v1/silences"_s},
        {u"/api/v1/jobs/{id}"_s, u"/api/v1/jobs/no-such-job"_s},
        {u"/api/v1/history"_s, u"/api/v1/history?series=node:lab-site:cpu&from=%1&to=%2&step=5000"_s.arg(
                                   QDateTime::currentMSecsSinceEpoch() - 120'000).arg(QDateTime::currentMSecsSinceEpoch() - 5000)},
        {u"/api/v1/history"_s, u"/api/v1/history?series=node:lab-site:running_jobs&from=0&to=5000&step=5000"_s},
        {u"/api/v1/history"_s, u"/api/v1/history?series=link:uplink:latency_ms&from=%1&to=%2&step=5000"_s.arg(
                                   QDateTime::currentMSecsSinceEpoch() - 60'000).arg(QDateTime::currentMSecsSinceEpoch() - 5000)},
    };
    QStringList mismatches;
    for (const auto &[documented, path] : calls) {
        const Answer a = gateway(path);
        OpenApiValidator::Response r{a.status, a.contentType, a.headers, a.body};
        for (const QString &m : validator.validateResponse(documented, u"GET"_s, r))
            mismatches << u"GET %1 (%2): %3"_s.arg(path).arg(a.status).arg(m);
    }
    const Answer refused =
        send("POST", QUrl(m_gateway.url().toString() + u"/api/v1/jobs"_s),
             R"({"name":"contract","kind":"batch","requirements":{"cpuCores":1,"durationHours":1}})");
    OpenApiValidator::Response r{refused.status, refused.contentType, refused.headers, refused.body};
    for (const QString &m : validator.validateResponse(u"/api/v1/jobs"_s, u"POST"_s, r))
        mismatches << u"POST /api/v1/jobs (%1): %2"_s.arg(refused.status).arg(m);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
}

void TestGateway::consoleClientReadsTheSite()
{
    api::ClientOptions options;
    options.token = GatewayProcess::kToken;
    options.allowPlainHttp = true;
    api::NodeApiClient client(&m_nam, m_gateway.url(), options);
    std::optional<api::ApiResult<protocol::NodeDirectory>> directory;
    client.fetchDirectory([&](const auto &r) { directory = r; });
    QVERIFY(QTest::qWaitFor([&] { return directory.has_value(); }, 10000));
    QVERIFY2(directory->ok(), qPrintable(directory->error().message()));
    QCOMPARE(directory->value().nodes.size(), 1);
    const Node &site = directory->value().nodes.first();
    QCOMPARE(site.id, u"lab-site"_s);
    QCOMPARE(site.nameZh, u"实验站点"_s);
    QCOMPARE(site.status, NodeStatus::Online);
    QCOMPARE(site.capacity.accelerators, (QList<AcceleratorPool>{{u"h800"_s, 24}}));
    QVERIFY(site.capacity.cpuCores > 0);

    std::optional<api::ApiResult<MetricsBatch>> metrics;
    client.fetchMetrics({}, [&](const auto &r) { metrics = r; });
    QVERIFY(QTest::qWaitFor([&] { return metrics.has_value(); }, 10000));
    QVERIFY2(metrics->ok(), qPrintable(metrics->error().message()));
    QCOMPARE(metrics->value().nodes.size(), 1);
    QCOMPARE(metrics->value().nodes.first().nodeId, u"lab-site"_s);
    QVERIFY(metrics->value().nodes.first().acceleratorUtil.contains(u"h800"_s));

    // The client asks for compact metrics: the next answer holds deltas against the tick it decoded.
    const QString cursor = metrics->value().cursor;
    std::optional<api::ApiResult<MetricsBatch>> next;
    QVERIFY(cpn::testing::eventually(
        [&] {
            next.reset();
            client.fetchMetrics(cursor, [&](const auto &r) { next = r; });
            return QTest::qWaitFor([&] { return next.has_value(); }, 10000) && next->ok() &&
                   !next->value().nodes.isEmpty();
        },
        10000));
    QCOMPARE(next->value().reset, false);
    const NodeSample &decoded = next->value().nodes.last();
    QVERIFY(decoded.tsMs > metrics->value().nodes.first().tsMs);
    QCOMPARE(decoded.acceleratorUtil.value(u"h800"_s), 0.21); // the exporter's last figure, at 1e-4
}

void TestGateway::workloadChangesAnswer503WithoutSlurm()
{
    const Answer a = send("POST", QUrl(m_gateway.url().toString() + u"/api/v1/jobs"_s),
                          R"({"name":"x","kind":"batch","requirements":{"cpuCores":1,"durationHours":1}})");
    QCOMPARE(a.status, 503);
    QCOMPARE(a.json()[u"detail"_s].toString(), u"this site's workload manager is not connected yet"_s);
    QCOMPARE(gateway(u"/api/v1/offers"_s).json()[u"offers"_s].toArray().size(), 0);
}

void TestGateway::aQueryPrometheusRefusesIsTheReason()
{
    GatewayProcess gateway;
    QVERIFY(gateway.start(GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s),
                                                    m_dir.filePath(u"state2"_s), u"memory = sum(up) +\n"_s)));
    QString reason;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     reason = send("GET", QUrl(gateway.url().toString() + u"/gateway/v1/status"_s))
                                  .json()[u"reason"_s]
                                  .toString();
                     return !reason.isEmpty();
                 },
                 10000),
             "no reason given");
    QVERIFY2(reason.startsWith(u"Prometheus answered 400 to the memory query"_s), qPrintable(reason));
    const Answer metrics = send("GET", QUrl(gateway.url().toString() + u"/api/v1/metrics"_s));
    QCOMPARE(metrics.status, 200); // the gateway keeps answering, with no sample
    QCOMPARE(metrics.json()[u"nodes"_s].toArray().size(), 0);
}

void TestGateway::servesHttpsWithTheConfiguredCertificate()
{
    const QString ca = m_dir.filePath(u"ca"_s);
    const QString made = cpn::testing::makeTestCa(ca);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QString text = GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s), m_dir.filePath(u"state3"_s));
    text.replace(u"[prometheus]\n"_s,
                 u"tls_cert = %1/server.pem\ntls_key = %1/server.key\n[prometheus]\n"_s.arg(ca));
    GatewayProcess gateway;
    QVERIFY(gateway.start(text));
    QCOMPARE(gateway.url().scheme(), u"https"_s);

    api::ClientOptions options;
    options.token = GatewayProcess::kToken;
    options.caFile = ca + u"/ca.pem"_s;
    api::NodeApiClient client(&m_nam, gateway.url(), options);
    std::optional<api::ApiResult<Node>> identity;
    client.fetchIdentity([&](const auto &r) { identity = r; });
    QVERIFY(QTest::qWaitFor([&] { return identity.has_value(); }, 10000));
    QVERIFY2(identity->ok(), qPrintable(identity->error().message()));
    QCOMPARE(identity->value().id, u"lab-site"_s);
    QCOMPARE(identity->value().baseUrl, gateway.url());
}

TestGateway::Answer TestGateway::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                      bool withToken)
{
    return sendAndWait(m_nam, method, url, body, withToken);
}

QJsonObject TestGateway::latestSample()
{
    const QJsonArray nodes = gateway(u"/api/v1/metrics"_s).json()[u"nodes"_s].toArray();
    return nodes.isEmpty() ? QJsonObject() : nodes.last().toObject();
}

double TestGateway::prometheusAt(const QString &promql, qint64 tsMs)
{
    QUrl url(m_env.value(u"PROMETHEUS_URL"_s) + u"/api/v1/query"_s);
    QUrlQuery query;
    query.addQueryItem(u"query"_s, QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    query.addQueryItem(u"time"_s, QString::number(tsMs / 1000.0, 'f', 3));
    url.setQuery(query);
    const QJsonArray result = send("GET", url, {}, false).json()[u"data"_s][u"result"_s].toArray();
    return result.isEmpty() ? qQNaN() : result.first()[u"value"_s].toArray().at(1).toString().toDouble();
}

QHash<qint64, double> TestGateway::prometheusRange(const QString &promql, qint64 fromMs, qint64 toMs, qint64 stepMs)
{
    QUrl url(m_env.value(u"PROMETHEUS_URL"_s) + u"/api/v1/query_range"_s);
    QUrlQuery query;
    query.addQueryItem(u"query"_s, QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    query.addQueryItem(u"start"_s, QString::number(fromMs / 1000.0, 'f', 3));
    query.addQueryItem(u"end"_s, QString::number(toMs / 1000.0, 'f', 3));
    query.addQueryItem(u"step"_s, QString::number(stepMs / 1000.0, 'f', 3));
    url.setQuery(query);
    QHash<qint64, double> values;
    const QJsonArray result = send("GET", url, {}, false).json()[u"data"_s][u"result"_s].toArray();
    for (const QJsonValue &pair : result.isEmpty() ? QJsonArray() : result.first()[u"values"_s].toArray())
        values.insert(qRound64(pair[0].toDouble() * 1000), pair[1].toString().toDouble());
    return values;
}

bool TestGateway::setGpuUtilization(int percent)
{
    return cpn::testing::setGpuUtilization(m_env, [percent](const QString &, int) { return percent; });
}

void TestGateway::signInPageNamesTheSite()
{
    QUrl url(m_gateway.url().toString() + u"/oauth/authorize"_s);
    QUrlQuery query;
    query.addQueryItem(u"client_id"_s, u"cpn-console"_s);
    query.addQueryItem(u"redirect_uri"_s, u"http://127.0.0.1:1/callback"_s);
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"state"_s, u"s1"_s);
    query.addQueryItem(u"code_challenge"_s, QString(43, u'a'));
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    url.setQuery(query);
    const Answer page = send("GET", url, {}, false);
    QCOMPARE(page.status, 200);
    QVERIFY2(page.body.contains("<h1>Sign in to Lab Site</h1>"), page.body.constData());
    QVERIFY(!page.body.contains("simulator"));
}

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
