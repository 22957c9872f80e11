#include "gatewayprocess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>

#include <functional>

using namespace Qt::StringLiterals;

// Prometheus stops answering: the gateway keeps answering, serves no made-up samples, says why, turns
// the site offline after offline_after, and reports again once Prometheus is back. The test runs its
// own real Prometheus (scraping the site fixture's node_exporter and dcgm exporter) so that stopping it
// leaves the fixture's Prometheus to the other tests.
class TestGatewayOutage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void staleThenOfflineWithTheReasonThenBack();

private:
    bool startPrometheus();
    QJsonObject get(const QString &path);

    QHash<QString, QString> m_env;
    QTemporaryDir m_dir;
    quint16 m_prometheusPort = 0;
    QProcess m_prometheus;
    GatewayProcess m_gateway;
    QNetworkAccessManager m_nam;
};

void TestGatewayOutage::initTestCase()
{
    m_env = readSiteEnv();
    QVERIFY2(!m_env.value(u"NODE_EXPORTER_URL"_s).isEmpty(), "no NODE_EXPORTER_URL in CPN_SITE_ENV");
    QTcpServer probe; // a free loopback port for this test's Prometheus
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_prometheusPort = probe.serverPort();
    probe.close();
    const auto target = [&](const char *key) {
        return QUrl(m_env.value(QString::fromLatin1(key))).authority();
    };
    QFile config(m_dir.filePath(u"prometheus.yml"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(u"global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                 "scrape_configs:\n  - job_name: site\n    static_configs:\n      - targets: ['%1', '%2']\n"_s
                     .arg(target("NODE_EXPORTER_URL"), target("DCGM_EXPORTER_URL"))
                     .toUtf8());
    config.close();
    QVERIFY(startPrometheus());
    const QString url = u"http://127.0.0.1:%1"_s.arg(m_prometheusPort);
    QVERIFY(m_gateway.start(
        GatewayProcess::configFor(url, m_dir.filePath(u"state"_s), u"offline_after = 4\n"_s)));
}

void TestGatewayOutage::cleanupTestCase()
{
    m_gateway.stop();
    if (m_prometheus.state() != QProcess::NotRunning) {
        m_prometheus.terminate();
        m_prometheus.waitForFinished(10000);
    }
}

bool TestGatewayOutage::startPrometheus()
{
    m_prometheus.setProgram(u"prometheus"_s);
    m_prometheus.setArguments({u"--config.file="_s + m_dir.filePath(u"prometheus.yml"_s),
                               u"--storage.tsdb.path="_s + m_dir.filePath(u"tsdb"_s),
                               u"--web.listen-address=127.0.0.1:%1"_s.arg(m_prometheusPort),
                               u"--storage.remote.flush-deadline=2s"_s});
    m_prometheus.setStandardOutputFile(m_dir.filePath(u"prometheus.log"_s), QIODevice::Append);
    m_prometheus.setStandardErrorFile(m_dir.filePath(u"prometheus.log"_s), QIODevice::Append);
    m_prometheus.start();
    return m_prometheus.waitForStarted(5000);
}

void TestGatewayOutage::staleThenOfflineWithTheReasonThenBack()
{
    const auto status = [&] { return get(u"/gateway/v1/status"_s); };
    const auto siteStatus = [&] { return get(u"/api/v1/node"_s)[u"status"_s].toString(); };
    // Prometheus' first scrape comes about 5 s after its start, and a rate needs two.
    QVERIFY2(cpn::testing::eventually([&] { return !get(u"/api/v1/metrics"_s)[u"nodes"_s].toArray().isEmpty(); }, 30000),
             qPrintable(status()[u"reason"_s].toString()));
    QCOMPARE(siteStatus(), u"online"_s);

    m_prometheus.terminate();
    QVERIFY(m_prometheus.waitForFinished(10000));
    QVERIFY2(
        cpn::testing::eventually([&] { return status()[u"reason"_s].toString().startsWith(u"Prometheus unreachable"_s); },
                   10000),
        qPrintable(status()[u"reason"_s].toString()));
    // Stale: the gateway still answers, with no new sample from here on; then offline.
    const QString cursor = get(u"/api/v1/metrics"_s)[u"cursor"_s].toString();
    QVERIFY(cpn::testing::eventually([&] { return siteStatus() == u"offline"_s; }, 10000));
    QCOMPARE(status()[u"status"_s].toString(), u"offline"_s);
    QVERIFY(status()[u"reason"_s].toString().startsWith(u"Prometheus unreachable"_s));
    const QJsonObject during = get(u"/api/v1/metrics?since="_s + cursor);
    QCOMPARE(during[u"reset"_s].toBool(), false);
    QCOMPARE(during[u"nodes"_s].toArray().size(), 0); // no sample was made up while it was down

    QVERIFY(startPrometheus());
    QVERIFY2(cpn::testing::eventually([&] { return siteStatus() == u"online"_s; }, 30000),
             qPrintable(status()[u"reason"_s].toString()));
    QCOMPARE(status()[u"reason"_s].toString(), QString());
    QVERIFY(!get(u"/api/v1/metrics?since="_s + cursor)[u"nodes"_s].toArray().isEmpty());
}

QJsonObject TestGatewayOutage::get(const QString &path)
{
    QNetworkRequest request(QUrl(m_gateway.url().toString() + path));
    request.setTransferTimeout(10000);
    request.setRawHeader("Authorization", "Bearer " + GatewayProcess::kToken.toUtf8());
    QNetworkReply *reply = m_nam.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(); // the transfer timeout ends a hung request
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}


QTEST_GUILESS_MAIN(TestGatewayOutage)
#include "tst_gatewayoutage.moc"
