#include "api/localsimulator.h"
#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"
#include "consoleapp.h"
#include "integration/api/simcontrol.h"
#include "state/federationstate.h"
#include "ui/mainwindow.h"
#include "widgets/loadindicator.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

namespace {
const QString kToken = QStringLiteral("tst-consolekeepsup-token");
}

// A console that falls behind: the screen skips to the newest tick and says so in the status bar,
// while the cache records every tick the console received.
class TestConsoleKeepsUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void skipsToTheNewestTickWhileTheCacheGetsThemAll();
    void theLoadIndicatorShowsOnlyWhatIsNotZero();
};

void TestConsoleKeepsUp::skipsToTheNewestTickWhileTheCacheGetsThemAll()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    api::LocalSimulator simulator;
    api::LocalSimulator::Options simOptions;
    simOptions.devToken = kToken;
    simulator.start(simOptions);
    QVERIFY2(simulator.waitForStarted(), qPrintable(simulator.errorString()));
    QNetworkAccessManager controlNam;
    SimControl control(&controlNam, simulator.baseUrl(), kToken);

    QTemporaryDir dir;
    QSet<qint64> received; // tick times of one node, as the console received them
    QString nodeId;
    qint64 skipped = 0;
    {
        ConsoleOptions options;
        options.connectUrls = {simulator.baseUrl()};
        options.token = kToken;
        options.cacheDirectory = dir.path();
        ConsoleApp console(options, nullptr);
        console.start();
        FederationState *live = console.window()->shownState();
        // Any batch of several new ticks is more than this console can show one by one.
        live->setCatchUpBudgetMs(0);
        connect(live, &FederationState::batchIngested, live, [&](const MetricsBatch &batch) {
            for (const NodeSample &sample : batch.nodes) {
                if (nodeId.isEmpty())
                    nodeId = sample.nodeId;
                if (sample.nodeId == nodeId)
                    received.insert(sample.tsMs);
            }
        });
        const LoadIndicator *indicator = console.window()->loadIndicator();
        QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 2, 20000);
        QVERIFY(indicator->isHidden());

        // Every answer 2.5 s late: each carries the ticks that passed meanwhile.
        QVERIFY2(control.addFault({{QStringLiteral("kind"), QStringLiteral("slow")},
                                   {QStringLiteral("target"), QStringLiteral("*")},
                                   {QStringLiteral("delayMs"), 2500}}),
                 qPrintable(control.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(live->skippedTicks() >= 2, 30000);
        QVERIFY(!indicator->isHidden());
        QCOMPARE(indicator->skippedTicks(), live->skippedTicks());
        QVERIFY2(indicator->text().contains(QStringLiteral("skipped")), qPrintable(indicator->text()));
        QVERIFY2(control.clearFaults(), qPrintable(control.lastError()));
        skipped = live->skippedTicks();
    } // the writer drains its queue as the console closes

    cache::CacheDatabase db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("tst_consolekeepsup"),
                    cache::CacheDatabase::Role::Reader));
    const cache::SeriesReader reader(db.handle());
    const qint64 first = *std::min_element(received.cbegin(), received.cend());
    const qint64 last = *std::max_element(received.cbegin(), received.cend());
    const cache::Series series = reader.readSeries(cache::schema::SeriesKind::Node, nodeId, QStringLiteral("cpu"),
                                                   first, last, cache::Resolution::Raw);
    QSet<qint64> recorded;
    for (const cache::SeriesPoint &point : series.points)
        recorded.insert(point.tsMs);
    QVERIFY2(recorded.contains(received), qPrintable(QStringLiteral("%1 ticks received, %2 recorded, %3 skipped")
                                                         .arg(received.size())
                                                         .arg(recorded.size())
                                                         .arg(skipped)));
}

void TestConsoleKeepsUp::theLoadIndicatorShowsOnlyWhatIsNotZero()
{
    QWidget window;
    auto *indicator = new LoadIndicator(&window);
    window.show();
    QVERIFY(indicator->isHidden());
    indicator->setDroppedAnswers(3);
    QVERIFY(indicator->isVisible());
    QVERIFY2(indicator->text().startsWith(QStringLiteral("3 answer")), qPrintable(indicator->text()));
    QVERIFY(!indicator->text().contains(QStringLiteral("skipped")));
    indicator->setDroppedCacheBatches(1);
    QVERIFY2(indicator->text().contains(QStringLiteral(" · 1 batch")), qPrintable(indicator->text()));
    indicator->setDroppedAnswers(0);
    indicator->setDroppedCacheBatches(0);
    QVERIFY(indicator->isHidden());
}

QTEST_MAIN(TestConsoleKeepsUp)
#include "tst_consolekeepsup.moc"
