#include "cache/cachereader.h"
#include "cache/cachewriter.h"
#include "cachehistorysource.h"
#include "charts/chartcsv.h"
#include "charts/chartdatahub.h"
#include "charts/downsample.h"
#include "domain/clock.h"
#include "state/federationstate.h"
#include "widgets/charts/chartcard.h"
#include "widgets/charts/chartview.h"
#include "widgets/charts/seriescolors.h"

#include "cache/retention.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace cpn;
using namespace cpn::charts;

// A pinned chart: its window reads the cache (roll-ups drawn through their min and max), live
// samples arrive through the hub and are drawn by the plot layer (or by QtCharts, the old path), the
// crosshair reports stored samples and the CSV export gives them back.
class tst_ChartCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dayWindowShowsTheCachedRange();
    void weekWindowKeepsASpikeOfTheRollUps();
    void nationalChartReadsTheCachedTotals();
    void nationalPowerReadsInMegawatts();
    void liveSamplesFollowTheClock();
    void qtChartsRendererGetsTheSamePoints();
    void liveRepaintsMatchAFullRender();
    void crosshairShowsTheStoredSample();
    void csvExportRoundTrip();
    void pauseFreezes();
    void liveGapBreaksTheLine();
    void historyGapBreaksTheLine();
    void metricKeepsItsColour();
    void notInThisFederationUntilItAppears();

private:
    static constexpr qint64 kT0 = 1'760'000'000'000;
    static constexpr qint64 kStep = 60'000;
    static constexpr int kCount = 1200; // 20 h at one sample a minute
    QTemporaryDir m_dir;
    QString m_path;
    Node m_node;
};

namespace {

// While following, the time axis ends at now or up to one pixel column's time after it (it moves
// by whole pixels), and spans the window.
void verifyFollowsNow(const ChartCard &card, qint64 nowMs)
{
    const qint64 max = card.timeAxis()->max().toMSecsSinceEpoch();
    const qint64 min = card.timeAxis()->min().toMSecsSinceEpoch();
    QVERIFY2(max >= nowMs && max - nowMs <= card.axisStepMs(),
             qPrintable(QStringLiteral("axis ends %1 ms after now, step %2").arg(max - nowMs).arg(card.axisStepMs())));
    QCOMPARE(max - min, ChartCard::windowMs(card.window()));
}

// Pixels of the plot area clearly more blue than red (antialiased edges included).
int bluishPixels(const ChartCard &card)
{
    const QImage image = card.view()->grab().toImage();
    const QRectF plot = card.chart()->plotArea();
    const QRect inView = card.view()->mapFromScene(card.chart()->mapToScene(plot)).boundingRect();
    int n = 0;
    for (int y = inView.top(); y <= inView.bottom(); ++y) {
        for (int x = inView.left(); x <= inView.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() - c.red() > 60)
                ++n;
        }
    }
    return n;
}

// Bluish pixels in the plot's vertical strip (5 px wide) at time tMs.
int bluishPixelsAt(const ChartCard &card, qint64 tMs)
{
    const QImage image = card.view()->grab().toImage();
    const QRectF plot = card.chart()->plotArea();
    const double from = double(card.timeAxis()->min().toMSecsSinceEpoch());
    const double to = double(card.timeAxis()->max().toMSecsSinceEpoch());
    const double x = plot.left() + (double(tMs) - from) / (to - from) * plot.width();
    const QRectF strip(x - 2, plot.top(), 5, plot.height());
    const QRect inView = card.view()->mapFromScene(card.chart()->mapToScene(strip)).boundingRect();
    int n = 0;
    for (int y = inView.top(); y <= inView.bottom(); ++y) {
        for (int px = inView.left(); px <= inView.right(); ++px) {
            const QColor c = image.pixelColor(px, y);
            if (c.blue() - c.red() > 60)
                ++n;
        }
    }
    return n;
}

// The CPU line (light blue) of a card whose samples stop at gapFrom and resume at gapTo: one break
// between them, nothing drawn in the middle of the gap, the line drawn on both sides.
void verifyGapIsBlank(const ChartCard &card, qint64 gapFrom, qint64 gapTo)
{
    const QList<QPointF> cpu = card.linePoints(0);
    QList<QPointF> breaks;
    std::copy_if(cpu.begin(), cpu.end(), std::back_inserter(breaks), isLineBreak);
    QCOMPARE(breaks.size(), 1);
    QVERIFY(breaks.first().x() > double(gapFrom) && breaks.first().x() < double(gapTo));
    QCOMPARE(bluishPixelsAt(card, (gapFrom + gapTo) / 2), 0);
    QVERIFY(bluishPixelsAt(card, gapFrom - 20'000) > 0);
    QVERIFY(bluishPixelsAt(card, gapTo + 20'000) > 0);
}

NodeSample cpuSample(const QString &nodeId, qint64 tsMs, double cpu)
{
    NodeSample s;
    s.nodeId = nodeId;
    s.tsMs = tsMs;
    s.cpuUtil = cpu;
    s.memoryUtil = 0.3;
    s.storageUtil = 0.2;
    s.powerKw = 100;
    return s;
}

} // namespace

void tst_ChartCard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
    m_node.id = QStringLiteral("n1");
    m_node.name = QStringLiteral("Node one");
    ManualClock clock(kT0 + kCount * kStep);
    cache::CacheWriter::Options options;
    options.path = m_path;
    options.retentionIntervalMs = 0;
    options.clock = &clock;
    options.maxBatchesInFlight = kCount + 1; // 20 h posted at once: none may be dropped
    cache::CacheWriter writer(options);
    QVERIFY(writer.waitUntilOpen());
    writer.ingestDirectory({m_node}, {}, kT0);
    for (int i = 0; i < kCount; ++i) {
        MetricsBatch batch;
        batch.serverTimeMs = kT0 + i * kStep;
        NodeSample s;
        s.nodeId = m_node.id;
        s.tsMs = batch.serverTimeMs;
        s.cpuUtil = 0.1 + 0.8 * i / kCount; // rising: each column's min is its first sample
        s.memoryUtil = 0.5;
        batch.nodes.append(s);
        writer.ingestMetrics(batch);
    }
    QVERIFY(writer.flushAndWait());
}

void tst_ChartCard::dayWindowShowsTheCachedRange()
{
    ManualClock clock(kT0 + kCount * kStep);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hubState.setDirectory({m_node}, {});
    cache::CacheReader reader(m_path);
    console::CacheHistorySource history(&reader);
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, &history, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QSignalSpy loaded(&card, &ChartCard::historyLoaded);
    card.setWindow(ChartCard::Window::OneDay);
    QVERIFY(loaded.wait(10000));

    verifyFollowsNow(card, clock.nowMs());
    const QList<QPointF> points = card.linePoints(0); // CPU
    QVERIFY(!points.isEmpty());
    QVERIFY(points.size() <= 2 * 900);
    // First and last stored samples, in %, at their own times.
    QCOMPARE(qint64(points.first().x()), kT0);
    QCOMPARE(points.first().y(), 10.0);
    QCOMPARE(qint64(points.last().x()), kT0 + (kCount - 1) * kStep);
    QCOMPARE(points.last().y(), 100 * (0.1 + 0.8 * (kCount - 1) / kCount));

    // Back to 5 minutes: only the last samples of the cache are in range.
    card.setWindow(ChartCard::Window::FiveMinutes);
    QVERIFY(loaded.wait(10000));
    const QList<QPointF> recent = card.linePoints(0);
    const qint64 from = card.timeAxis()->min().toMSecsSinceEpoch();
    qsizetype inRange = 0;
    for (int i = 0; i < kCount; ++i)
        inRange += kT0 + i * kStep >= from ? 1 : 0;
    QVERIFY(inRange == 4 || inRange == 5); // 5 min back from now, or up to a pixel less
    QCOMPARE(recent.size(), inRange);
    QVERIFY(recent.first().x() >= double(from));
}

// National totals have a history too: computed from the cached node series (here one node's).
void tst_ChartCard::nationalChartReadsTheCachedTotals()
{
    ManualClock clock(kT0 + kCount * kStep);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hubState.setDirectory({m_node}, {});
    cache::CacheReader reader(m_path);
    console::CacheHistorySource history(&reader);
    ChartCard card(ChartSpec{ChartSpec::Kind::Region, QString()}, &hub, &history, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QSignalSpy loaded(&card, &ChartCard::historyLoaded);
    card.setWindow(ChartCard::Window::OneDay);
    QVERIFY(loaded.wait(10000));
    const QList<QPointF> cpu = card.linePoints(0);
    QVERIFY(!cpu.isEmpty());
    QCOMPARE(qint64(cpu.first().x()), kT0);
    QCOMPARE(cpu.first().y(), 10.0);
    QCOMPARE(qint64(cpu.last().x()), kT0 + (kCount - 1) * kStep);
    QCOMPARE(cpu.last().y(), 100 * (0.1 + 0.8 * (kCount - 1) / kCount));
    const QList<QPointF> memory = card.linePoints(2);
    QVERIFY(!memory.isEmpty());
    QCOMPARE(memory.first().y(), 50.0);
}

// The 2,000-node synthetic federation draws about 80,000 kW: the national chart's power axis reads
// 0, 25, 50, 75, 100 MW (not up to 90,000 kW), the crosshair says MW too, while the CSV export keeps
// the stored kW.
void tst_ChartCard::nationalPowerReadsInMegawatts()
{
    ManualClock clock(kT0);
    FederationState hubState(clock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    QList<Node> nodes;
    for (int i = 0; i < 20; ++i) {
        Node n;
        n.id = QStringLiteral("n%1").arg(i);
        n.province = QStringLiteral("CN-GZ");
        nodes.append(n);
    }
    hubState.setDirectory(nodes, {});
    ChartCard card(ChartSpec{ChartSpec::Kind::Region, QString()}, &hub, nullptr, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QList<double> totals;
    for (int t = 0; t < 30; ++t) {
        clock.advance(1000);
        QList<NodeSample> samples;
        for (const Node &n : std::as_const(nodes)) {
            NodeSample s = cpuSample(n.id, clock.nowMs(), 0.5);
            s.powerKw = 3990 + 10 * (t % 3); // 79,800 to 80,200 kW in all
            samples.append(s);
        }
        hubState.ingestSamples(samples);
        totals.append(20 * (3990 + 10 * (t % 3)));
    }
    const auto valueAxis = [&card](Qt::Alignment side) {
        const auto axes = card.chart()->axes(Qt::Vertical);
        for (QAbstractAxis *axis : axes) {
            if (axis->alignment() == side)
                return qobject_cast<QValueAxis *>(axis);
        }
        return static_cast<QValueAxis *>(nullptr);
    };
    QValueAxis *power = valueAxis(Qt::AlignRight);
    QVERIFY(power);
    QCOMPARE(power->titleText(), QStringLiteral("MW"));
    QCOMPARE(power->min(), 0.0);
    QCOMPARE(power->max(), 100.0);
    QCOMPARE(power->tickCount(), 5); // 0, 25, 50, 75, 100
    QCOMPARE(power->labelFormat(), QStringLiteral("%.0f"));
    QCOMPARE(valueAxis(Qt::AlignLeft)->titleText(), QStringLiteral("%")); // utilizations stay
    QCOMPARE(valueAxis(Qt::AlignLeft)->max(), 100.0);
    // The line is drawn in MW on that axis.
    const QList<QPointF> line = card.linePoints(3);
    QCOMPARE(line.size(), totals.size());
    QCOMPARE(line.last().y(), totals.last() / 1000);

    ChartView *view = card.view();
    const QRectF plot = card.chart()->plotArea();
    QVERIFY(view->setCrosshairAt(
        view->mapFromScene(card.chart()->mapToScene(QPointF(plot.right() - 1, plot.center().y())))));
    const auto values = view->crosshairValues();
    QCOMPARE(values.size(), 3); // CPU, memory, power: no accelerators
    QCOMPARE(values.last().name, QStringLiteral("Power"));
    QCOMPARE(values.last().unit, QStringLiteral("MW"));
    QCOMPARE(values.last().value, totals.last() / 1000);

    const QString file = m_dir.filePath(QStringLiteral("national.csv"));
    QVERIFY(card.exportCsv(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QList<CsvSeries> read;
    QVERIFY(ChartCsv::read(&in, &read));
    QCOMPARE(read.last().name, QStringLiteral("Power"));
    QCOMPARE(read.last().unit, QStringLiteral("kW"));
    QCOMPARE(read.last().values, std::vector<double>(totals.begin(), totals.end()));
}

void tst_ChartCard::weekWindowKeepsASpikeOfTheRollUps()
{
    // Ten minutes at 1 s two days ago, CPU at 10 % but for one second at 99 %; retention rolls them
    // up into 1-minute buckets and drops the raw samples (older than a day).
    const qint64 start = kT0 - 2 * 24 * 3600 * 1000LL;
    const qint64 spikeAt = start + 123'000;
    const QString path = m_dir.filePath(QStringLiteral("spike.sqlite"));
    ManualClock clock(kT0);
    {
        cache::CacheWriter::Options options;
        options.path = path;
        options.retentionIntervalMs = 0;
        options.clock = &clock;
        options.maxBatchesInFlight = 1000; // minutes of samples posted at once: none may be dropped
        cache::CacheWriter writer(options);
        QVERIFY(writer.waitUntilOpen());
        writer.ingestDirectory({m_node}, {}, start);
        for (qint64 t = start; t < start + 600'000; t += 1000) {
            MetricsBatch batch;
            batch.serverTimeMs = t;
            NodeSample s;
            s.nodeId = m_node.id;
            s.tsMs = t;
            s.cpuUtil = t == spikeAt ? 0.99 : 0.10;
            batch.nodes.append(s);
            writer.ingestMetrics(batch);
        }
        QVERIFY(writer.flushAndWait());
        const cache::RetentionReport report = writer.runRetentionAndWait();
        QVERIFY(report.ok);
        QVERIFY(report.minuteBuckets > 0);
        QVERIFY(report.rawDeleted > 0);
    }

    ManualClock hubClock;

    FederationState hubState(hubClock);

    ChartDataHub hub(&hubState);
    hubState.setDirectory({m_node}, {});
    cache::CacheReader reader(path);
    console::CacheHistorySource history(&reader);
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, &history, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QSignalSpy loaded(&card, &ChartCard::historyLoaded);
    card.setWindow(ChartCard::Window::SevenDays);
    QVERIFY(loaded.wait(10000));

    // The spike's bucket mean is under 12 %; the line still reaches 99 % at that minute.
    const QList<QPointF> points = card.linePoints(0);
    QVERIFY(!points.isEmpty());
    const auto top = std::max_element(points.begin(), points.end(),
                                      [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    QVERIFY(qFuzzyCompare(top->y(), 99.0));
    QCOMPARE(qint64(top->x()), spikeAt - spikeAt % cache::Retention::kMinuteMs);
    // And the quiet minutes are drawn at 10 %, not lifted to the spike's mean.
    const auto bottom = std::min_element(points.begin(), points.end(),
                                         [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    QVERIFY(qFuzzyCompare(bottom->y(), 10.0));
}

void tst_ChartCard::liveSamplesFollowTheClock()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    ChartCard card(ChartSpec{ChartSpec::Kind::LinkThroughput, QStringLiteral("l1")}, &hub, nullptr, &clock);
    card.resize(600, 300);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    for (int i = 1; i <= 30; ++i) {
        clock.advance(1000);
        MetricsBatch batch;
        LinkSample s;
        s.linkId = QStringLiteral("l1");
        s.tsMs = clock.nowMs();
        s.abGbps = i;
        s.baGbps = 2 * i;
        batch.links.append(s);
        hubState.ingest(batch);
    }
    verifyFollowsNow(card, clock.nowMs());
    // Every second's sample, the newest one included, drawn by the plot layer.
    const QList<QPointF> ab = card.linePoints(0);
    QCOMPARE(ab.size(), 30);
    QCOMPARE(ab.last(), QPointF(double(clock.nowMs()), 30.0));
    QCOMPARE(card.chart()->series().at(0)->type(), QAbstractSeries::SeriesTypeLine);
    QCOMPARE(qobject_cast<QLineSeries *>(card.chart()->series().at(0))->count(), 0); // legend only
    QVERIFY(bluishPixels(card) > 40); // the A → B line is light blue, the only bluish thing in the plot

    // Ten more seconds: the axis moves only when a whole pixel has passed, never past the newest sample.
    for (int i = 31; i <= 40; ++i) {
        clock.advance(1000);
        MetricsBatch batch;
        LinkSample s;
        s.linkId = QStringLiteral("l1");
        s.tsMs = clock.nowMs();
        s.abGbps = i;
        batch.links.append(s);
        hubState.ingest(batch);
        verifyFollowsNow(card, clock.nowMs());
        QCOMPARE(card.linePoints(0).last(), QPointF(double(clock.nowMs()), double(i)));
    }
}

void tst_ChartCard::qtChartsRendererGetsTheSamePoints()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    ChartCard card(ChartSpec{ChartSpec::Kind::LinkThroughput, QStringLiteral("l1")}, &hub, nullptr, &clock);
    card.resize(600, 300);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    card.setLineRenderer(ChartCard::LineRenderer::QtCharts);
    for (int i = 1; i <= 20; ++i) {
        clock.advance(1000);
        MetricsBatch batch;
        LinkSample s;
        s.linkId = QStringLiteral("l1");
        s.tsMs = clock.nowMs();
        s.abGbps = i;
        batch.links.append(s);
        hubState.ingest(batch);
    }
    auto *ab = qobject_cast<QLineSeries *>(card.chart()->series().at(0));
    QCOMPARE(ab->points(), card.linePoints(0));
    QCOMPARE(ab->count(), 20);
    QCOMPARE(card.timeAxis()->max().toMSecsSinceEpoch(), clock.nowMs()); // the old path: edge at now
    // Back to the plot layer: the series are emptied, the layer draws.
    card.setLineRenderer(ChartCard::LineRenderer::PlotLayer);
    QCOMPARE(ab->count(), 0);
    QCOMPARE(card.linePoints(0).size(), 20);
}

void tst_ChartCard::liveRepaintsMatchAFullRender()
{
    // The plot layer repaints only the strip where the lines changed while the axes stay: after each
    // tick, what is on screen (the window's backing store) must equal a fresh render of the card.
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    hubState.setDirectory({m_node}, {});
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, nullptr, &clock);
    card.setWindow(ChartCard::Window::OneHour);
    card.resize(600, 300);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    quint32 rng = 99;
    auto tick = [&] {
        clock.advance(1000);
        rng = rng * 1664525u + 1013904223u;
        MetricsBatch batch;
        NodeSample s;
        s.nodeId = m_node.id;
        s.tsMs = clock.nowMs();
        s.cpuUtil = 0.2 + double(rng >> 24) / 512.0;
        s.memoryUtil = 0.5 + double((rng >> 16) & 0xff) / 1024.0;
        s.powerKw = 300 + double(rng & 0xff);
        batch.nodes.append(s);
        hubState.ingest(batch);
    };
    for (int i = 0; i < 900; ++i) // 15 min: more points than pixel columns, drawn dense
        tick();
    QTRY_VERIFY(card.screen()->grabWindow(card.winId()).toImage() == card.grab().toImage());
    int partial = 0;
    for (int i = 0; i < 25; ++i) {
        const qint64 axisEnd = card.timeAxis()->max().toMSecsSinceEpoch();
        tick();
        partial += card.timeAxis()->max().toMSecsSinceEpoch() == axisEnd ? 1 : 0;
        for (int k = 0; k < 3; ++k)
            QCoreApplication::processEvents();
        const QImage onScreen =
            card.screen()->grabWindow(card.winId()).toImage().convertToFormat(QImage::Format_RGB32);
        const QImage full = card.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(onScreen.size(), full.size());
        QVERIFY2(onScreen == full, qPrintable(QStringLiteral("tick %1 differs from a full render").arg(i)));
    }
    QVERIFY(partial > 10); // most ticks were partial repaints (the axis steps every ~7 s)
}

void tst_ChartCard::crosshairShowsTheStoredSample()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    hubState.setDirectory({m_node}, {});
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, nullptr, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    // 10 minutes at 1 s, a 5 min window: 300 samples in ~800 px, each sample its own point.
    for (int i = 0; i < 600; ++i) {
        clock.advance(1000);
        MetricsBatch batch;
        NodeSample s;
        s.nodeId = m_node.id;
        s.tsMs = clock.nowMs();
        s.cpuUtil = (i % 7) / 10.0 + 0.013;
        batch.nodes.append(s);
        hubState.ingest(batch);
    }
    ChartView *view = card.view();
    const QRectF plot = card.chart()->plotArea();
    const QPoint at = view->mapFromScene(
        card.chart()->mapToScene(QPointF(plot.left() + plot.width() * 0.37, plot.center().y())));
    QVERIFY(view->setCrosshairAt(at));
    const SampleStore *store = hub.store({SeriesKey::Kind::Node, m_node.id, QStringLiteral("cpu")});
    QVERIFY(store);
    const auto times = store->times();
    const qint64 t = view->crosshairTime();
    qsizetype best = 0;
    for (qsizetype i = 0; i < qsizetype(times.size()); ++i) {
        if (std::abs(times[size_t(i)] - t) < std::abs(times[size_t(best)] - t))
            best = i;
    }
    const auto values = view->crosshairValues();
    QVERIFY(!values.isEmpty());
    QCOMPARE(values.first().name, QStringLiteral("CPU"));
    QCOMPARE(values.first().tsMs, times[size_t(best)]);
    QCOMPARE(values.first().value, store->values()[size_t(best)]); // exact, not interpolated
    QCOMPARE(values.first().unit, QStringLiteral("%"));
    QVERIFY(!card.view()->grab().isNull()); // the crosshair paints
}

void tst_ChartCard::csvExportRoundTrip()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    ChartCard card(ChartSpec{ChartSpec::Kind::LinkQuality, QStringLiteral("l1")}, &hub, nullptr, &clock);
    for (int i = 1; i <= 100; ++i) {
        clock.advance(1000);
        MetricsBatch batch;
        LinkSample s;
        s.linkId = QStringLiteral("l1");
        s.tsMs = clock.nowMs();
        s.latencyMs = 10 + i / 3.0;
        s.lossPct = i / 7.0;
        batch.links.append(s);
        hubState.ingest(batch);
    }
    const QString file = m_dir.filePath(QStringLiteral("chart.csv"));
    QVERIFY(card.exportCsv(file));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QList<CsvSeries> read;
    QVERIFY(ChartCsv::read(&in, &read));
    QCOMPARE(read.size(), 2);
    const SampleStore *latency =
        hub.store({SeriesKey::Kind::Link, QStringLiteral("l1"), QStringLiteral("latency_ms")});
    QCOMPARE(read.at(0).unit, QStringLiteral("ms"));
    QCOMPARE(read.at(0).times, std::vector<qint64>(latency->times().begin(), latency->times().end()));
    QCOMPARE(read.at(0).values, std::vector<double>(latency->values().begin(), latency->values().end()));
    QCOMPARE(read.at(1).values.size(), size_t(100));
    QVERIFY(card.exportPng(m_dir.filePath(QStringLiteral("chart.png"))));
}

void tst_ChartCard::pauseFreezes()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    ChartCard card(ChartSpec{ChartSpec::Kind::LinkThroughput, QStringLiteral("l1")}, &hub, nullptr, &clock);
    auto feed = [&] {
        clock.advance(1000);
        MetricsBatch batch;
        LinkSample s;
        s.linkId = QStringLiteral("l1");
        s.tsMs = clock.nowMs();
        batch.links.append(s);
        hubState.ingest(batch);
    };
    feed();
    card.setPaused(true);
    const qint64 frozen = card.timeAxis()->max().toMSecsSinceEpoch();
    feed();
    feed();
    QCOMPARE(card.timeAxis()->max().toMSecsSinceEpoch(), frozen);
    card.setPaused(false);
    verifyFollowsNow(card, clock.nowMs());
    // Zoom: stops following until a double click asks for it again.
    card.view()->zoomTime(0.5, clock.nowMs() - 60'000);
    QVERIFY(!card.isFollowing());
    feed();
    QVERIFY(card.timeAxis()->max().toMSecsSinceEpoch() < clock.nowMs());
    card.follow();
    verifyFollowsNow(card, clock.nowMs());
}

// A minute of samples, a minute and a half without any (the node did not answer), a minute again:
// the line stops at the last sample and starts again at the next, with nothing drawn between.
void tst_ChartCard::liveGapBreaksTheLine()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    hubState.setDirectory({m_node}, {});
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, nullptr, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    auto feedMinute = [&] {
        for (int i = 0; i < 60; ++i) {
            clock.advance(1000);
            MetricsBatch batch;
            batch.serverTimeMs = clock.nowMs();
            batch.intervalMs = 1000;
            batch.nodes.append(cpuSample(m_node.id, clock.nowMs(), 0.5 + 0.002 * i));
            hubState.ingest(batch);
        }
    };
    feedMinute();
    const qint64 gapFrom = clock.nowMs();
    clock.advance(90'000);
    feedMinute();
    const qint64 gapTo = gapFrom + 91'000;
    QCOMPARE(card.linePoints(0).size(), 121); // every sample, and the break
    verifyGapIsBlank(card, gapFrom, gapTo);
}

// The same gap read from the cache (raw samples at 1 s).
void tst_ChartCard::historyGapBreaksTheLine()
{
    const QString path = m_dir.filePath(QStringLiteral("gap.sqlite"));
    const qint64 start = kT0;
    const qint64 gapFrom = start + 99'000;
    const qint64 gapTo = start + 200'000;
    ManualClock clock(start + 300'000);
    {
        cache::CacheWriter::Options options;
        options.path = path;
        options.retentionIntervalMs = 0;
        options.clock = &clock;
        options.maxBatchesInFlight = 1000; // minutes of samples posted at once: none may be dropped
        cache::CacheWriter writer(options);
        QVERIFY(writer.waitUntilOpen());
        writer.ingestDirectory({m_node}, {}, start);
        for (qint64 t = start; t < start + 300'000; t += 1000) {
            if (t > gapFrom && t < gapTo)
                continue;
            MetricsBatch batch;
            batch.serverTimeMs = t;
            batch.nodes.append(cpuSample(m_node.id, t, 0.7)); // above the power line (at half height)
            writer.ingestMetrics(batch);
        }
        QVERIFY(writer.flushAndWait());
    }
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hubState.setDirectory({m_node}, {});
    cache::CacheReader reader(path);
    console::CacheHistorySource history(&reader);
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, &history, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QSignalSpy loaded(&card, &ChartCard::historyLoaded);
    card.setWindow(ChartCard::Window::FiveMinutes); // read again, now that the plot has its width
    QVERIFY(loaded.wait(10000));
    verifyGapIsBlank(card, gapFrom, gapTo);
}

// Colours by metric: the same metric has the same colour whatever else a chart shows, and an
// accelerator model's colour does not depend on the other models of its node or on the run.
void tst_ChartCard::metricKeepsItsColour()
{
    ManualClock clock(kT0);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    Node two = m_node;
    two.id = QStringLiteral("n2");
    two.capacity.accelerators = {{QStringLiteral("ascend-910b"), 8}, {QStringLiteral("h800"), 8}};
    Node one = m_node;
    one.id = QStringLiteral("n3");
    one.capacity.accelerators = {{QStringLiteral("h800"), 4}};
    hubState.setDirectory({m_node, two, one}, {});
    auto colours = [&](const ChartSpec &spec) {
        ChartCard card(spec, &hub, nullptr, &clock);
        QHash<QString, QColor> byName;
        const auto series = card.chart()->series();
        for (QAbstractSeries *s : series)
            byName.insert(s->name(), qobject_cast<QLineSeries *>(s)->pen().color());
        return byName;
    };
    const auto plain = colours({ChartSpec::Kind::NodeUtilization, m_node.id});
    const auto withTwo = colours({ChartSpec::Kind::NodeUtilization, two.id});
    const auto withOne = colours({ChartSpec::Kind::NodeUtilization, one.id});
    const auto national = colours({ChartSpec::Kind::Region, QString()});
    for (const QString &metric : {QStringLiteral("CPU"), QStringLiteral("Memory"), QStringLiteral("Power")}) {
        QCOMPARE(withTwo.value(metric), plain.value(metric));
        QCOMPARE(withOne.value(metric), plain.value(metric));
        QCOMPARE(national.value(metric), plain.value(metric));
    }
    QCOMPARE(withTwo.value(QStringLiteral("Storage")), plain.value(QStringLiteral("Storage")));
    // Accelerator lines are named as people know the cards.
    QCOMPARE(withTwo.value(QStringLiteral("H800")), withOne.value(QStringLiteral("H800")));
    QVERIFY(withTwo.value(QStringLiteral("H800")).isValid());
    // Every line of a chart has its own colour.
    QCOMPARE(
        QSet<QRgb>(
            {withTwo.value(QStringLiteral("Ascend 910B")).rgb(), withTwo.value(QStringLiteral("H800")).rgb(),
             withTwo.value(QStringLiteral("CPU")).rgb(), withTwo.value(QStringLiteral("Memory")).rgb(),
             withTwo.value(QStringLiteral("Storage")).rgb(), withTwo.value(QStringLiteral("Power")).rgb()})
            .size(),
        6);
    // The same in every run: not from qHash, whose seed changes from one process to the next.
    QCOMPARE(seriesColor(QStringLiteral("cpu")), QColor(0x4f, 0xc3, 0xf7));
    QCOMPARE(seriesColor(QStringLiteral("accel:h800")), QColor(0xf48fb1));
    QCOMPARE(seriesColor(QStringLiteral("accel:ascend-910b")), QColor(0xdce775));
}

// A chart pinned for a node of another federation: greyed, titled as such, nothing drawn (not the
// cache's samples under that id either) until a directory names the node; then a chart as any other.
void tst_ChartCard::notInThisFederationUntilItAppears()
{
    ManualClock clock(kT0 + kCount * kStep);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    Node other;
    other.id = QStringLiteral("elsewhere");
    other.name = QStringLiteral("Another node");
    hubState.setDirectory({other}, {});
    cache::CacheReader reader(m_path); // holds n1's samples
    console::CacheHistorySource history(&reader);
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, m_node.id}, &hub, &history, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QSignalSpy loaded(&card, &ChartCard::historyLoaded);
    card.setWindow(ChartCard::Window::OneDay);
    QVERIFY(!card.isInFederation());
    QCOMPARE(card.title(), QStringLiteral("n1: not in this federation"));
    QVERIFY(!card.view()->isVisible());
    QVERIFY(!loaded.wait(500)); // nothing asked of the cache
    for (int i = 0; i < card.feeder().count(); ++i)
        QVERIFY(card.linePoints(i).isEmpty());
    // An empty directory (a console between federations) changes nothing.
    hubState.setDirectory({}, {});
    QVERIFY(!card.isInFederation());

    hubState.setDirectory({other, m_node}, {});
    QVERIFY(card.isInFederation());
    QCOMPARE(card.title(), QStringLiteral("Node one — utilization and power"));
    QVERIFY(card.view()->isVisible());
    QVERIFY(loaded.wait(10000));
    QVERIFY(!card.linePoints(0).isEmpty());

    // Gone again (another federation connected instead): greyed, its lines emptied.
    hubState.setDirectory({other}, {});
    QVERIFY(!card.isInFederation());
    QVERIFY(card.linePoints(0).isEmpty());
}

QTEST_MAIN(tst_ChartCard)
#include "tst_chartcard.moc"
