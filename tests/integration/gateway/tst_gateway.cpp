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

} // namespace

// cpn-gateway, a real child process, on the site fixture's real Prometheus and exporters.
class TestGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cpuAndMemoryMatchPrometheusAtTheSameInstant();
    void h800UtilizationFollowsTheExporter();
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
    bool setGpuUtilization(int percent);

    QHash<QString, QString> m_env;
    QNetworkAccessManager m_nam;
    GatewayProcess m_gateway;
    QTemporaryDir m_dir;
};

void TestGateway::initTestCase()
{
    m_env = readSiteEnv();
    QVERIFY2(!m_env.value(u"PROMETHEUS_URL"_s).isEmpty(), "no PROMETHEUS_URL in CPN_SITE_ENV");
    QVERIFY(setGpuUtilization(40));
    QVERIFY(m_gateway.start(
        GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s), m_dir.filePath(u"state"_s))));
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

bool TestGateway::setGpuUtilization(int percent)
{
    // Rewritten whole: the exporter must never read half a file.
    const QString path = m_env.value(u"DCGM_VALUES_FILE"_s);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QJsonObject values = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray gpus = values.value(u"gpus"_s).toArray();
    for (qsizetype i = 0; i < gpus.size(); ++i) {
        QJsonObject gpu = gpus.at(i).toObject();
        gpu[u"util"_s] = percent;
        gpus.replace(i, gpu);
    }
    values[u"gpus"_s] = gpus;
    QSaveFile out(path);
    return !gpus.isEmpty() && out.open(QIODevice::WriteOnly) &&
           out.write(QJsonDocument(values).toJson()) > 0 && out.commit();
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
