#include "gatewayprocess.h"

#include "charts/historysource.h"
#include "consoleapp.h"
#include "itemmodels/nodetablemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>
#include <QTemporaryDir>

using namespace cpn;
using namespace cpn::console;
using namespace Qt::StringLiterals;

// The console connected to a real site's gateway (File > Connect to Federation… or --connect): the site is
// listed, and its charts reach back before the console started, from Prometheus through GET /history.
class TestGatewayConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chartsReachBeforeTheConsoleStarted();
};

void TestGatewayConsole::chartsReachBeforeTheConsoleStarted()
{
    const QHash<QString, QString> env = readSiteEnv();
    QVERIFY2(!env.value(u"PROMETHEUS_URL"_s).isEmpty(), "no PROMETHEUS_URL in CPN_SITE_ENV");
    // The site must have a past for the charts to reach: a CPU figure 5 s old in Prometheus.
    QNetworkAccessManager nam;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     QUrl url(env.value(u"PROMETHEUS_URL"_s) + u"/api/v1/query"_s);
                     url.setQuery(u"query=%1&time=%2"_s.arg(
                         QString::fromLatin1(QUrl::toPercentEncoding(
                             u"1 - avg(irate(node_cpu_seconds_total{mode=\"idle\"}[1m]))"_s)),
                         QString::number((QDateTime::currentMSecsSinceEpoch() - 5000) / 1000.0, 'f', 3)));
                     return !sendAndWait(nam, "GET", url, {}, false).json()[u"data"_s][u"result"_s].toArray().isEmpty();
                 },
                 30000),
             "Prometheus has no CPU figure 5 s old");
    QTemporaryDir dir;
    GatewayProcess gateway;
    QVERIFY(gateway.start(GatewayProcess::configFor(env.value(u"PROMETHEUS_URL"_s), dir.filePath(u"state"_s))));

    ConsoleOptions options;
    options.connectUrls = {gateway.url()};
    options.token = GatewayProcess::kToken;
    options.cacheDirectory = dir.path(); // a fresh cache: nothing of the site in it
    ConsoleApp console(options, nullptr);
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    console.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.nodeModel().rowCount() == 1, 20000);
    QCOMPARE(console.nodeModel().index(0, 0).data(NodeTableModel::NodeIdRole).toString(), u"lab-site"_s);

    QVERIFY(console.history());
    std::optional<charts::HistorySeries> read;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    console.history()->readSeries({charts::SeriesKey::Kind::Node, u"lab-site"_s, u"cpu"_s}, now - 600'000, now,
                                  &console, [&read](const charts::HistorySeries &series) { read = series; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
    QVERIFY(!read->points.isEmpty());
    // The fixture's Prometheus scraped the site before this console (and this gateway) existed.
    QVERIFY2(read->points.constFirst().tsMs < startedMs - 4000,
             qPrintable(u"first point %1 ms before the start, %2 points, last %3"_s.arg(startedMs - read->points.constFirst().tsMs).arg(read->points.size()).arg(read->points.constLast().tsMs - startedMs)));
    for (qsizetype i = 1; i < read->points.size(); ++i)
        QVERIFY(read->points.at(i).tsMs > read->points.at(i - 1).tsMs);
    for (const charts::HistoryPoint &p : std::as_const(read->points))
        QVERIFY(p.mean >= 0 && p.mean <= 1);
}

QTEST_MAIN(TestGatewayConsole)
#include "tst_gatewayconsole.moc"
