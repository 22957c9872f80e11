// A chart pinned in one federation, the console started again on another one (a real cpn-nodesim of
// another scenario and seed, where the node does not exist): the card says so, greyed, and draws
// nothing, not the samples the cache keeps under that id; it stays pinned, and is a chart again
// when the console is back on the federation that has the node.
#include "api/localsimulator.h"
#include "charts/chartspec.h"
#include "consoleapp.h"
#include "itemmodels/nodetablemodel.h"
#include "ui/dashboardpanel.h"
#include "ui/mainwindow.h"
#include "widgets/charts/chartcard.h"
#include "widgets/charts/chartview.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

namespace {
const QString kToken = QStringLiteral("dev-token-of-the-pinned-elsewhere-test");
}

class TestPinnedElsewhere : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chartOfAMissingNodeIsGreyedAndEmpty();

private:
    std::unique_ptr<ConsoleApp> connectTo(const api::LocalSimulator &simulator);
    static QStringList nodeIds(const ConsoleApp &console);

    QTemporaryDir m_dir;
    api::LocalSimulator m_pinnedIn;  // default scenario, seed 42
    api::LocalSimulator m_elsewhere; // synthetic, seed 7
    std::unique_ptr<QSettings> m_settings;
};

void TestPinnedElsewhere::initTestCase()
{
    QVERIFY(m_dir.isValid());
    api::LocalSimulator::Options a;
    a.devToken = kToken;
    m_pinnedIn.start(a);
    api::LocalSimulator::Options b;
    b.devToken = kToken;
    b.scenario = QStringLiteral("synthetic:12");
    b.seed = 7;
    m_elsewhere.start(b);
    QVERIFY2(m_pinnedIn.waitForStarted(), qPrintable(m_pinnedIn.errorString()));
    QVERIFY2(m_elsewhere.waitForStarted(), qPrintable(m_elsewhere.errorString()));
    m_settings =
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
}

std::unique_ptr<ConsoleApp> TestPinnedElsewhere::connectTo(const api::LocalSimulator &simulator)
{
    ConsoleOptions options;
    options.connectUrls = {simulator.baseUrl()};
    options.token = kToken;
    options.cacheDirectory = m_dir.path(); // one cache for every run, as on a control-room machine
    auto console = std::make_unique<ConsoleApp>(options, m_settings.get());
    console->start();
    if (!QTest::qWaitFor([&] { return console->nodeModel().rowCount() > 0; }, 15000))
        return {};
    return console;
}

QStringList TestPinnedElsewhere::nodeIds(const ConsoleApp &console)
{
    QStringList ids;
    const NodeTableModel &nodes = console.nodeModel();
    for (int row = 0; row < nodes.rowCount(); ++row)
        ids << nodes.index(row, 0).data(NodeTableModel::NodeIdRole).toString();
    return ids;
}

void TestPinnedElsewhere::chartOfAMissingNodeIsGreyedAndEmpty()
{
    QStringList elsewhereIds;
    {
        auto console = connectTo(m_elsewhere);
        QVERIFY(console);
        elsewhereIds = nodeIds(*console);
    }
    QString nodeId;
    {
        auto console = connectTo(m_pinnedIn);
        QVERIFY(console);
        // A node the other federation does not have (both have a national hub, say).
        for (const QString &id : nodeIds(*console)) {
            if (!elsewhereIds.contains(id) && nodeId.isEmpty())
                nodeId = id;
        }
        QVERIFY(!nodeId.isEmpty());
        QVERIFY(console->window()->pinChart({charts::ChartSpec::Kind::NodeUtilization, nodeId}));
        charts::ChartCard *card = console->window()->dashboard()->card(0);
        QTRY_VERIFY_WITH_TIMEOUT(!card->linePoints(0).isEmpty(), 15000); // its samples, drawn
        console->window()->close();                                      // saves the pinned chart
    }
    {
        auto console = connectTo(m_elsewhere);
        QVERIFY(console);
        QVERIFY2(!nodeIds(*console).contains(nodeId), "the other federation has the node too");
        DashboardPanel *dashboard = console->window()->dashboard();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->count(), 1, 5000);
        charts::ChartCard *card = dashboard->card(0);
        QVERIFY(!card->isInFederation());
        QCOMPARE(card->title(), QStringLiteral("%1: not in this federation").arg(nodeId));
        QVERIFY(!card->view()->isVisibleTo(card));
        // A few polls later still nothing drawn, though the cache holds that id's samples.
        QTRY_VERIFY_WITH_TIMEOUT(console->nodeModel().rowCount() > 0, 5000);
        for (int i = 0; i < card->feeder().count(); ++i)
            QVERIFY(card->linePoints(i).isEmpty());
        console->window()->close();
    }
    {
        auto console = connectTo(m_pinnedIn);
        QVERIFY(console);
        DashboardPanel *dashboard = console->window()->dashboard();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->count(), 1, 5000); // still pinned
        charts::ChartCard *card = dashboard->card(0);
        QVERIFY(card->isInFederation());
        QVERIFY(!card->title().contains(QStringLiteral("not in this federation")));
        QTRY_VERIFY_WITH_TIMEOUT(!card->linePoints(0).isEmpty(), 15000);
    }
}

QTEST_MAIN(TestPinnedElsewhere)
#include "tst_pinnedelsewhere.moc"
