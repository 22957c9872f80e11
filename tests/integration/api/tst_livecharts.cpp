#include "api/federationclient.h"
#include "api/localsimulator.h"
#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "integration/api/simcontrol.h"
#include "state/federationstate.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace cpn;
using namespace cpn::api;
using namespace cpn::charts;

namespace {

const QString kToken = QStringLiteral("cpn-dev-canary-55e1");

// What the console runs for the national chart: the client feeds the state, whose per-tick totals
// the hub appends to the national power series. Alongside, the tick times each answer carried.
struct LiveChartPipeline
{
    explicit LiveChartPipeline(const QUrl &root) : state(clock), hub(&state)
    {
        ClientOptions options;
        options.token = kToken;
        options.refreshIntervalMs = 200;
        client = std::make_unique<FederationClient>(&nam, root, options, clock);
        hub.setUpdateInterval(0);
        hub.subscribe(nationalPower);
        const QString rootId = root.toString();
        QObject::connect(client.get(), &FederationClient::directoryChanged, &state,
                         [this, rootId](const QList<Node> &nodes, const QList<Link> &links) {
                             state.setRootDirectory(rootId, nodes, links);
                         });
        // Before the state: the ticks are noted as the answer brings them.
        QObject::connect(client.get(), &FederationClient::metricsReceived, &state,
                         [this](const MetricsBatch &batch) { noteTicks(batch); });
        QObject::connect(client.get(), &FederationClient::metricsReceived, &state, &FederationState::ingest);
    }

    void noteTicks(const MetricsBatch &batch)
    {
        QSet<qint64> ticks;
        for (const NodeSample &sample : batch.nodes) {
            if (state.rowOf(sample.nodeId) >= 0)
                ticks.insert(sample.tsMs);
        }
        if (ticks.size() > 1)
            ++multiTickAnswers;
        // A tick older than one already shown is history, not a point of the live series.
        for (qint64 tick : std::as_const(ticks)) {
            if (tick > newestTickMs)
                expectedTicks.insert(tick);
        }
        if (!ticks.isEmpty())
            newestTickMs = std::max(newestTickMs, *std::max_element(ticks.cbegin(), ticks.cend()));
        ++answers;
    }

    const SampleStore &series() const { return *hub.store(nationalPower); }

    const SeriesKey nationalPower{SeriesKey::Kind::Region, QString(), regionmetrics::powerKw()};
    QNetworkAccessManager nam;
    SystemClock clock;
    FederationState state;
    ChartDataHub hub;
    std::unique_ptr<FederationClient> client;
    QSet<qint64> expectedTicks;
    qint64 newestTickMs = 0;
    int multiTickAnswers = 0;
    int answers = 0;
};

} // namespace

// The national chart through a slowdown, against the real cpn-nodesim. After a 15 s `slow` fault the
// chart once showed 731,256 kW and 650,288 kW against about 81,800 kW before and after: the answers
// that came late carried several ticks, and their samples were added up into one point.
class tst_LiveCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nationalPowerHasOnePointPerTickThroughASlowdown();
};

void tst_LiveCharts::nationalPowerHasOnePointPerTickThroughASlowdown()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    LocalSimulator simulator;
    LocalSimulator::Options simOptions;
    simOptions.devToken = kToken;
    simulator.start(simOptions);
    QVERIFY2(simulator.waitForStarted(), qPrintable(simulator.errorString()));
    QNetworkAccessManager controlNam;
    SimControl control(&controlNam, simulator.baseUrl(), kToken);
    LiveChartPipeline live(simulator.baseUrl());

    QSignalSpy ticks(&live.state, &FederationState::tickComputed);
    live.client->start();
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 3, 15000);

    // Every answer 2.5 s late: each carries the two or three ticks that passed meanwhile.
    QVERIFY2(control.addFault({{QStringLiteral("kind"), QStringLiteral("slow")},
                               {QStringLiteral("target"), QStringLiteral("*")},
                               {QStringLiteral("delayMs"), 2500}}),
             qPrintable(control.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(live.multiTickAnswers >= 3, 30000);
    QVERIFY2(control.clearFaults(), qPrintable(control.lastError()));
    const int answersBeforeClear = live.answers;
    QTRY_VERIFY_WITH_TIMEOUT(live.answers >= answersBeforeClear + 5, 15000);

    const SampleStore &series = live.series();
    QVERIFY(series.size() >= 8);
    const QList<qint64> times(series.times().begin(), series.times().end());
    const QList<double> values(series.values().begin(), series.values().end());
    // One point per tick time, at the tick's own time.
    const QSet<qint64> timeSet(times.cbegin(), times.cend());
    QCOMPARE(timeSet.size(), times.size());
    QCOMPARE(timeSet, live.expectedTicks);

    // No point far from the rest: a tick's total is that tick's, whatever else the answer carried.
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.at(sorted.size() / 2);
    QVERIFY(median > 0);
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double departure = std::abs(values.at(i) - median) / median;
        QVERIFY2(departure < 0.05, qPrintable(QStringLiteral("%1 kW at %2 against a median of %3 kW")
                                                  .arg(values.at(i))
                                                  .arg(times.at(i))
                                                  .arg(median)));
    }
}

QTEST_GUILESS_MAIN(tst_LiveCharts)
#include "tst_livecharts.moc"
