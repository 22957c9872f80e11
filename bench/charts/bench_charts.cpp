// bench_charts: prints medians as `name: value unit` lines. QUICK=1: one naive run instead of three;
// SKIP1M=1: only the dashboard ticks (for profiling them); SKIPBASE=1: not the old path's tick.
//   charts.render_ms.1m_downsampled  1,000,000 stored points reduced to the plot's width
//                                    (min/max per pixel column), replace(), render 1600x900
//   charts.render_ms.1m_naive        the same points all handed to QtCharts, then render
//   charts.speedup.1m                naive / downsampled, same run
//   charts.live_update_ms.50         one 1 Hz tick with 50 charts of 1 h at 1 s on a dashboard:
//                                    ingest, reduce, hand over, and the repaints the tick causes
//   charts.live_update_ms.50_fullrepaint  the same tick followed by a render of the whole dashboard
//   charts.live_update_ms.50_axis_step    the ticks in which the time axes moved on (every chart redrawn)
//   charts.live_update_ms.50_baseline     the tick with QtCharts drawing the lines (the old path)
#include "common/median.h"
#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "widgets/charts/chartcard.h"
#include "widgets/charts/chartview.h"
#include "widgets/charts/seriesfeeder.h"
#include "state/federationstate.h"

#include <QApplication>
#include <QChart>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace cpn;
using namespace cpn::charts;

namespace {

constexpr qint64 kBase = 1'750'000'000'000;

using benchstats::median;

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.*f %s\n", name, value < 10 ? 2 : 1, value, unit);
    std::fflush(stdout);
}

struct Plot
{
    QChart *chart = new QChart;
    QLineSeries *series = new QLineSeries;
    QDateTimeAxis *x = new QDateTimeAxis;
    QValueAxis *y = new QValueAxis;
    ChartView *view = nullptr;

    Plot()
    {
        chart->setTheme(QChart::ChartThemeDark);
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->addSeries(series);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        y->setRange(0, 110);
        series->setPen(QPen(QColor(0x4f, 0xc3, 0xf7), 1.0)); // as the dashboard's cards draw
        series->setUseOpenGL(false);
        view = new ChartView(chart);
        view->resize(1600, 900);
        view->show();
    }
    ~Plot() { delete view; }
    void setRange(qint64 from, qint64 to)
    {
        x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    }
    void render(QImage &image)
    {
        image.fill(Qt::black);
        QPainter p(&image);
        view->render(&p);
    }
};

// Counts the paint events of the charts' viewports.
class PaintCounter : public QObject
{
public:
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

struct TickFigures
{
    double tick = 0;       // ingest, reduce, and the console's own repaint of what changed
    double fullRepaint = 0; // ingest, reduce, and a forced repaint of the whole dashboard
    double axisStep = 0;    // the ticks in which the time axes moved (every chart redrawn whole)
    int axisSteps = 0;
};

// One 1 Hz tick of a dashboard of 50 node charts of 1 h at 1 s, all visible on one 1920x1080
// screen: the hub ingests a batch, every card reduces its series to its width and hands them to its
// renderer, then the event loop runs until the repaints are done (the paint path of the running
// console: Qt repaints what changed: the strips of the plots whose lines changed, whole charts when
// their axes move). Also measured: the same tick followed by QWidget::render() of the whole dashboard, which
// also repaints what did not change (headers, legends, axis labels). Medians, in ms.
TickFigures dashboardTick(ChartCard::LineRenderer renderer, quint32 &rng)
{
    ManualClock clock(kBase);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    QList<Node> nodes;
    for (int i = 0; i < 50; ++i) {
        Node node;
        node.id = QStringLiteral("node-%1").arg(i);
        node.name = node.id;
        node.capacity.accelerators.append(AcceleratorPool{QStringLiteral("ascend-910b"), 64});
        nodes.append(node);
    }
    hubState.setDirectory(nodes, {});
    auto batchAt = [&](qint64 ts) {
        MetricsBatch b;
        b.serverTimeMs = ts;
        for (int i = 0; i < 50; ++i) {
            rng = rng * 1664525u + 1013904223u;
            NodeSample s;
            s.nodeId = nodes.at(i).id;
            s.tsMs = ts;
            s.cpuUtil = 0.3 + double(rng >> 24) / 1024.0;
            s.memoryUtil = 0.5 + double((rng >> 16) & 0xff) / 1024.0;
            s.storageUtil = 0.6;
            s.powerKw = 400 + double(rng & 0xff);
            s.acceleratorUtil.insert(QStringLiteral("ascend-910b"), 0.7 + double((rng >> 8) & 0xff) / 2048.0);
            b.nodes.append(s);
        }
        return b;
    };
    QWidget dashboard;
    auto *grid = new QGridLayout(&dashboard);
    grid->setSpacing(4);
    PaintCounter painted;
    ChartCard *first = nullptr;
    for (int i = 0; i < 50; ++i) {
        auto *card = new ChartCard(ChartSpec{ChartSpec::Kind::NodeUtilization, nodes.at(i).id}, &hub, nullptr,
                                   &clock, &dashboard);
        card->setLineRenderer(renderer);
        if (!first)
            first = card;
        card->setWindow(ChartCard::Window::OneHour);
        card->view()->viewport()->installEventFilter(&painted);
        grid->addWidget(card, i / 10, i % 10);
    }
    dashboard.resize(1920, 1080); // all 50 visible on one screen, as on a wall
    dashboard.show();
    hub.blockSignals(true); // the hour before the measured ticks: no repaints while filling
    for (int s = 0; s < 3600; ++s) {
        clock.advance(1000);
        hubState.ingest(batchAt(clock.nowMs()));
    }
    hub.blockSignals(false);
    auto settle = [] {
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
    };
    settle();
    const int runs =
        qEnvironmentVariableIsSet("SKIP1M") ? 100 : 60; // 60: two or three steps of the time axis
    const char *name = renderer == ChartCard::LineRenderer::PlotLayer ? "plot layer" : "QtCharts";
    QList<double> ticks;
    QList<double> axisSteps; // the ticks in which the time axes moved on by a pixel: every chart redrawn
    QList<double> repainted;
    for (int run = 0; run < runs; ++run) {
        clock.advance(1000);
        const MetricsBatch batch = batchAt(clock.nowMs());
        painted.count = 0;
        const QDateTime axisEnd = first->timeAxis()->max();
        QElapsedTimer t;
        t.start();
        hubState.ingest(batch); // every card refreshes: reduce to its width, hand over the points
        const double ingestMs = double(t.nsecsElapsed()) / 1e6;
        // The event loop runs until the tick's repaints are done: the scenes' dirty items, then the
        // window's update request. A chart whose visible lines did not change is not repainted.
        int quietRounds = 0;
        int seen = -1;
        while (quietRounds < 3 && t.elapsed() < 10'000) {
            QCoreApplication::processEvents();
            quietRounds = painted.count == seen ? quietRounds + 1 : 0;
            seen = painted.count;
        }
        ticks << double(t.nsecsElapsed()) / 1e6;
        if (first->timeAxis()->max() != axisEnd)
            axisSteps << ticks.last();
        repainted << double(painted.count);
        if (run == 0)
            std::fprintf(stderr, "bench_charts: %s tick: refresh %.1f ms, repaint %.1f ms\n", name, ingestMs,
                         ticks.last() - ingestMs);
    }
    std::fprintf(stderr, "bench_charts: %s: a median of %.0f of the 50 charts repainted per tick\n", name,
                 median(repainted));
    QImage dash(dashboard.size(), QImage::Format_ARGB32_Premultiplied);
    QList<double> full;
    for (int run = 0; run < runs; ++run) {
        clock.advance(1000);
        const MetricsBatch batch = batchAt(clock.nowMs());
        QElapsedTimer t;
        t.start();
        hubState.ingest(batch);
        dashboard.render(&dash);
        full << double(t.nsecsElapsed()) / 1e6;
        settle(); // the update requests the tick queued: not measured, render() painted it all
    }
    std::sort(ticks.begin(), ticks.end());
    std::fprintf(stderr, "bench_charts: %s ticks: min %.1f, median %.1f, max %.1f ms\n", name, ticks.first(),
                 median(ticks), ticks.last());
    return {median(ticks), median(full), axisSteps.isEmpty() ? 0 : median(axisSteps), int(axisSteps.size())};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    // 1,000,000 samples at 1 s with noise and a few spikes.
    const qsizetype n = 1'000'000;
    std::vector<qint64> times(static_cast<size_t>(n));
    std::vector<double> values(static_cast<size_t>(n));
    quint32 rng = 12345;
    for (qsizetype i = 0; i < n; ++i) {
        rng = rng * 1664525u + 1013904223u;
        times[size_t(i)] = kBase + i * 1000;
        values[size_t(i)] = 40 + 20 * std::sin(double(i) / 5000.0) + double(rng >> 24) / 25.6;
    }
    for (qsizetype i = 1234; i < n; i += 99'991)
        values[size_t(i)] = 105;
    const qint64 from = times.front();
    const qint64 to = times.back();
    QImage image(1600, 900, QImage::Format_ARGB32_Premultiplied);

    QList<double> down;
    {
        Plot plot;
        SeriesFeeder feeder;
        feeder.addSeries(plot.series, QStringLiteral("%"), nullptr);
        feeder.setFeedsSeries(true); // this figure is QtCharts drawing the reduced line
        feeder.setHistory(0, times, values);
        plot.setRange(from, to);
        plot.render(image); // lays the chart out: the plot width is known from here on
        for (int run = 0; run < 9; ++run) {
            QElapsedTimer t;
            t.start();
            feeder.prepare(from, to, int(plot.chart->plotArea().width()));
            plot.setRange(from, to);
            feeder.commit();
            plot.render(image);
            down << double(t.nsecsElapsed()) / 1e6;
        }
        std::fprintf(stderr, "bench_charts: downsampled series holds %lld points for a %d px plot\n",
                     qlonglong(plot.series->count()), int(plot.chart->plotArea().width()));
    }
    QList<double> naive;
    if (!qEnvironmentVariableIsSet("SKIP1M")) {
        Plot plot;
        QList<QPointF> all;
        all.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            all.append(QPointF(double(times[size_t(i)]), values[size_t(i)]));
        plot.setRange(from, to);
        for (int run = 0; run < (qEnvironmentVariableIsSet("QUICK") ? 1 : 3); ++run) {
            QElapsedTimer t;
            t.start();
            plot.series->replace(all);
            plot.render(image);
            naive << double(t.nsecsElapsed()) / 1e6;
            plot.series->clear();
        }
    }
    const double downMs = median(down);
    const double naiveMs = naive.isEmpty() ? 0 : median(naive);
    print("charts.render_ms.1m_downsampled", downMs, "ms");
    print("charts.render_ms.1m_naive", naiveMs, "ms");
    print("charts.speedup.1m", naiveMs / std::max(1e-6, downMs), "x");

    // The same tick drawn by the plot layer (the cards' default), then by QtCharts (the old path).
    const TickFigures fast = dashboardTick(ChartCard::LineRenderer::PlotLayer, rng);
    print("charts.live_update_ms.50", fast.tick, "ms");
    print("charts.live_update_ms.50_fullrepaint", fast.fullRepaint, "ms");
    print("charts.live_update_ms.50_axis_step", fast.axisStep, "ms");
    std::fprintf(stderr, "bench_charts: the axes moved in %d of the measured ticks\n", fast.axisSteps);
    if (!qEnvironmentVariableIsSet("SKIPBASE")) {
        const TickFigures base = dashboardTick(ChartCard::LineRenderer::QtCharts, rng);
        print("charts.live_update_ms.50_baseline", base.tick, "ms");
        print("charts.live_update_ms.50_baseline_fullrepaint", base.fullRepaint, "ms");
        print("charts.live_update_speedup.50", base.tick / std::max(1e-6, fast.tick), "x");
    }
    return 0;
}
