// `cpn-console --demo --connect URL` (scripts/site-demo.sh): the console's own simulated federation and
// the root at URL side by side, each online with its nodes in the one table, and URL not remembered for
// the next start (it is the demo's, as the simulator is). A real cpn-nodesim stands for URL.
#include "api/endpointsetting.h"
#include "api/localsimulator.h"
#include "consoleapp.h"
#include "ui/mainwindow.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

class tst_ConsoleDemoConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoAndConnectShowBoth();

private:
    static bool hasNode(const NodeTableModel &nodes, const QString &id, bool prefix = false)
    {
        for (int row = 0; row < nodes.rowCount(); ++row) {
            const QString nodeId = nodes.index(row, 0).data(NodeTableModel::NodeIdRole).toString();
            if (prefix ? nodeId.startsWith(id) : nodeId == id)
                return true;
        }
        return false;
    }
};

void tst_ConsoleDemoConnect::demoAndConnectShowBoth()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString token = QStringLiteral("dev-token-of-the-site");
    api::LocalSimulator site; // the root given with --connect: a synthetic federation (ids "hub-...")
    api::LocalSimulator::Options siteOptions;
    siteOptions.devToken = token;
    siteOptions.scenario = QStringLiteral("synthetic:12");
    site.start(siteOptions);
    QVERIFY2(site.waitForStarted(), qPrintable(site.errorString()));

    QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions options;
    options.demo = true;
    options.connectUrls = {site.baseUrl()};
    options.token = token;
    options.cacheDirectory = dir.path();
    auto console = std::make_unique<ConsoleApp>(options, &settings);
    console->start();
    const NodeTableModel &nodes = console->nodeModel();
    QTRY_VERIFY_WITH_TIMEOUT(hasNode(nodes, QStringLiteral("hub-"), true), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(hasNode(nodes, QStringLiteral("guizhou-hub")), 20000);
    ConnectionIndicator *indicator = console->window()->endpointIndicator(site.baseUrl().toString());
    QVERIFY(indicator);
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), ConnectionIndicator::State::Online, 15000);
    QVERIFY(api::loadEndpoints(settings).isEmpty());
    console.reset();
    site.stop();
}

QTEST_MAIN(tst_ConsoleDemoConnect)
#include "tst_consoledemoconnect.moc"
