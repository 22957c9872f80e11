// bench_map: renders the national map at 1920x1080 offscreen through NodeMapWidget's real paint path
// (QWidget::render -> paintEvent -> MapRenderer) on data fetched from cpn-nodesim over the protocol,
// for the default scenario and the synthetic 2,000 nodes / 10,000 links, and prints medians as
// `name: value unit`. The baseline draws the same scene as one QGraphicsItem per object.
//
//   bench_map [--runs N] [--save DIR]

#include "common/median.h"
#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "geo/basemap.h"
#include "itemmodels/federationsummary.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "widgets/map/basemapscene.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapscenefeeder.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodemapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QMouseEvent>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QRandomGenerator>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace cpn;

namespace {

struct Fetched
{
    QList<Node> nodes;
    QList<Link> links;
    QList<MetricsBatch> batches; // consecutive ticks
};

template <typename T> std::optional<T> await(const std::function<void(api::NodeApiClient::Callback<T>)> &call)
{
    std::optional<T> out;
    QEventLoop loop;
    call([&](const api::ApiResult<T> &result) {
        if (result.ok())
            out = result.value();
        else
            std::fprintf(stderr, "bench_map: %s\n", qPrintable(result.error().message()));
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

std::optional<Fetched> fetch(const QString &scenario)
{
    api::LocalSimulator simulator;
    api::LocalSimulator::Options options;
    options.scenario = scenario;
    options.devToken = QStringLiteral("bench-map-token");
    simulator.start(options);
    if (!simulator.waitForStarted(30000)) {
        std::fprintf(stderr, "bench_map: cannot start cpn-nodesim: %s\n", qPrintable(simulator.errorString()));
        return std::nullopt;
    }
    QNetworkAccessManager network;
    api::ClientOptions clientOptions;
    clientOptions.token = options.devToken;
    api::NodeApiClient client(&network, simulator.baseUrl(), clientOptions);
    Fetched out;
    const auto directory = await<protocol::NodeDirectory>([&](auto done) { client.fetchDirectory(done); });
    const auto links = await<QList<Link>>([&](auto done) { client.fetchLinks(done); });
    if (!directory || !links)
        return std::nullopt;
    out.nodes = directory->nodes;
    out.links = *links;
    QString cursor;
    for (int i = 0; i < 2; ++i) {
        if (i > 0) {
            QEventLoop wait; // the next tick
            QTimer::singleShot(1100, &wait, &QEventLoop::quit);
            wait.exec();
        }
        const auto batch = await<MetricsBatch>([&](auto done) { client.fetchMetrics(cursor, done); });
        if (!batch)
            return std::nullopt;
        cursor = batch->cursor;
        out.batches.append(*batch);
    }
    simulator.stop();
    return out;
}

using benchstats::median;

void print(const char *name, const QString &scenario, double value, const char *unit)
{
    std::printf("%s.%s: %.*f %s\n", name, qPrintable(scenario), value < 0.1 ? 4 : (value < 10 ? 2 : 1), value, unit);
    std::fflush(stdout);
}

// The batch's link samples in the order of the directory's links, as the map takes them.
LinkSamplesByRow linkSamples(const QList<Link> &links, const MetricsBatch &batch)
{
    QHash<QString, int> rows;
    for (int i = 0; i < links.size(); ++i)
        rows.insert(links.at(i).id, i);
    LinkSamplesByRow out(links.size());
    for (const LinkSample &s : batch.links) {
        if (const int row = rows.value(s.linkId, -1); row >= 0)
            out[row] = s;
    }
    return out;
}

void sendMouse(QWidget &widget, QEvent::Type type, const QPointF &pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget.mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(&widget, &event);
}

// The baseline: the same picture as one QGraphicsItem per province, link, node and label.
double baselineFrameMs(const map::MapScene &scene, const geo::MapViewport &viewport, int labelCount, int runs,
                       const QString &saveAs)
{
    QGraphicsScene graphics(QRectF(QPointF(0, 0), viewport.size()));
    graphics.setBackgroundBrush(map::style::kSea);
    graphics.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    QTransform toScreen(viewport.scale(), 0, 0, -viewport.scale(),
                        viewport.size().width() / 2 - viewport.centreKm().x() * viewport.scale(),
                        viewport.size().height() / 2 + viewport.centreKm().y() * viewport.scale());
    for (const map::MapProvince &province : scene.provinces()) {
        auto *item = graphics.addPath(toScreen.map(province.pathKm), QPen(map::style::kProvinceEdge, 1),
                                      scene.provinceFill(province.isoCode).isValid()
                                          ? QBrush(scene.provinceFill(province.isoCode))
                                          : QBrush(map::style::kLand));
        item->setZValue(0);
    }
    const QList<map::MapNode> &nodes = scene.nodes();
    for (const map::MapLink &link : scene.links()) {
        const QPointF a = viewport.toScreen(nodes[link.a].km);
        const QPointF b = viewport.toScreen(nodes[link.b].km);
        QPainterPath path(a);
        path.quadTo(viewport.toScreen(link.controlKm), b);
        QPen pen(map::style::linkColor(link.utilization()), map::style::linkWidth(map::style::linkWidthClass(link.capacityGbps)));
        auto *item = graphics.addPath(path, pen);
        item->setZValue(1);
    }
    int labels = 0;
    for (const map::MapNode &node : nodes) {
        const QPointF p = viewport.toScreen(node.km);
        const double r = map::style::symbolRadius(node.role);
        auto *item = graphics.addEllipse(QRectF(p - QPointF(r, r), QSizeF(2 * r, 2 * r)), QPen(Qt::black, 1.2),
                                         map::style::statusColor(node.status));
        item->setZValue(2);
        if (labels++ < labelCount) {
            auto *text = graphics.addSimpleText(node.name);
            text->setBrush(map::style::kText);
            text->setPos(p + QPointF(r + 3, -8));
            text->setZValue(3);
        }
    }
    QImage image(viewport.size().toSize(), QImage::Format_RGB32);
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        graphics.render(&painter, QRectF(image.rect()), graphics.sceneRect());
        painter.end();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    if (!saveAs.isEmpty())
        image.save(saveAs);
    return median(times);
}

bool runScenario(const QString &scenario, const QString &label, int runs, const QString &saveDir)
{
    QElapsedTimer fetchTimer;
    fetchTimer.start();
    const std::optional<Fetched> data = fetch(scenario);
    if (!data)
        return false;
    std::fprintf(stderr, "bench_map: %s: %lld nodes, %lld links, fetched in %lld ms\n", qPrintable(scenario),
                 qlonglong(data->nodes.size()), qlonglong(data->links.size()), qlonglong(fetchTimer.elapsed()));

    SystemClock clock;
    FederationState state(clock);
    NodeTableModel model(&state);
    state.setDirectory(data->nodes, data->links);
    state.ingest(data->batches.constFirst());
    NodeFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    map::MapScene scene;
    QString error;
    if (!map::loadSceneBasemap(scene, geo::defaultBasemapPath(), &error))
        std::fprintf(stderr, "bench_map: no basemap: %s\n", qPrintable(error));
    map::MapSceneFeeder feeder(&scene, &model);
    feeder.setFilter(&proxy);
    feeder.setLinks(data->links);
    feeder.setLinkSamples(linkSamples(data->links, data->batches.constFirst()));
    feeder.flush();

    map::NodeMapWidget widget(&scene, &model);
    widget.setAttribute(Qt::WA_DontShowOnScreen);
    widget.resize(1920, 1080);
    widget.show(); // offscreen platform: a real, sized widget without a window on any screen
    widget.fitCountry();
    widget.setSummary(FederationSummary::compute(state),
                      data->batches.constFirst().serverTimeMs, data->batches.constFirst().intervalMs);
    QImage frame(1920, 1080, QImage::Format_RGB32);
    const auto render = [&] {
        QElapsedTimer timer;
        timer.start();
        widget.render(&frame);
        return timer.nsecsElapsed() / 1e6;
    };
    render(); // warm caches: layers, sprites, static texts
    if (!saveDir.isEmpty())
        frame.save(saveDir + QStringLiteral("/bench-map-%1.png").arg(label));
    // What the fitted country shows: nodes as themselves plus groups (NodeGroups), beside every node.
    const auto shown = std::count_if(scene.nodes().cbegin(), scene.nodes().cend(), [](const map::MapNode &n) { return n.shown(); });
    const double symbols = double(shown + scene.groups().groups().size());
    const double drawnLinks = double(std::count_if(scene.links().cbegin(), scene.links().cend(),
                                                   [&](const map::MapLink &l) {
                                                       return scene.nodes()[l.a].shown() && scene.nodes()[l.b].shown();
                                                   }) +
                                     scene.groups().links().size());

    // Hover frames: the mouse moves between nodes; cached layers, sprites, labels and the highlight.
    QList<QPointF> targets;
    for (int i = 0; i < scene.nodes().size() && targets.size() < 16; i += std::max<qsizetype>(1, scene.nodes().size() / 16))
        targets.append(widget.viewport().toScreen(scene.nodes()[i].km));
    QList<double> hover, pan;
    for (int i = 0; i < runs * 4; ++i) {
        sendMouse(widget, QEvent::MouseMove, targets[i % targets.size()], Qt::NoButton, Qt::NoButton);
        hover.append(render());
    }
    // Pan frames: a drag in progress moves the cached layers instead of redrawing them.
    const QPointF start(960, 540);
    sendMouse(widget, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= runs * 4; ++i) {
        sendMouse(widget, QEvent::MouseMove, start + QPointF(6 * i, 3 * i), Qt::NoButton, Qt::LeftButton);
        pan.append(render());
    }
    sendMouse(widget, QEvent::MouseButtonRelease, start + QPointF(6 * runs * 4, 3 * runs * 4), Qt::LeftButton,
              Qt::NoButton);
    // Zoom frames: the wheel turns; the cached layers are scaled until the view settles.
    QList<double> zoom;
    for (int i = 0; i < runs * 2; ++i) {
        const QPointF at(900 + 10 * i, 500);
        QWheelEvent wheel(at, widget.mapToGlobal(at), QPoint(), QPoint(0, i % 2 ? -60 : 60), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&widget, &wheel);
        zoom.append(render());
    }
    widget.fitCountry();
    QCoreApplication::processEvents(); // lets the settle timer end the interaction
    QEventLoop settle;
    QTimer::singleShot(map::NodeMapWidget::kSettleMs + 50, &settle, &QEventLoop::quit);
    settle.exec();
    render();

    // Full redraws: a new metrics batch arrives, the feeder recomputes, every layer is redrawn.
    QList<double> full;
    for (int i = 0; i < runs; ++i) {
        const MetricsBatch &batch = data->batches[(i + 1) % data->batches.size()];
        state.ingest(batch);
        QElapsedTimer timer;
        timer.start();
        feeder.setLinkSamples(linkSamples(data->links, batch));
        feeder.flush();
        widget.renderer().invalidate();
        widget.render(&frame);
        full.append(timer.nsecsElapsed() / 1e6);
    }

    // Hover lookups through the spatial grid (built once for the view, as on the first mouse move).
    map::MapHitIndex &hits = widget.hitIndex();
    QList<double> builds;
    for (int r = 0; r < runs; ++r) {
        hits.invalidate();
        QElapsedTimer timer;
        timer.start();
        hits.prepare(widget.viewport(), scene, widget.renderer().sprites());
        builds.append(timer.nsecsElapsed() / 1e6);
    }
    QList<QPointF> probes;
    QRandomGenerator rng(7);
    for (int i = 0; i < 4096; ++i) {
        if (i % 2 == 0 && !scene.nodes().isEmpty()) // half near nodes, half anywhere
            probes.append(widget.viewport().toScreen(scene.nodes()[rng.bounded(int(scene.nodes().size()))].km)
                          + QPointF(rng.bounded(8.0) - 4, rng.bounded(8.0) - 4));
        else
            probes.append(QPointF(rng.bounded(1920.0), rng.bounded(1080.0)));
    }
    QList<double> lookups;
    int found = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int k = 0; k < 50; ++k)
            for (const QPointF &p : std::as_const(probes))
                found += hits.nodeAt(widget.viewport(), scene, widget.renderer().sprites(), p) >= 0;
        lookups.append(timer.nsecsElapsed() / 1e3 / (50.0 * probes.size()));
    }

    const double baseline = baselineFrameMs(scene, widget.viewport(), widget.renderer().labels().placedCount(),
                                            std::max(3, runs / 2),
                                            saveDir.isEmpty() ? QString()
                                                              : saveDir + QStringLiteral("/bench-map-%1-baseline.png").arg(label));
    QList<double> interactive = hover + pan;
    const double frameMs = median(interactive);
    print("map.frame_ms", label, frameMs, "ms");
    print("map.hover_frame_ms", label, median(hover), "ms");
    print("map.pan_frame_ms", label, median(pan), "ms");
    print("map.zoom_frame_ms", label, median(zoom), "ms");
    print("map.full_redraw_ms", label, median(full), "ms");
    print("map.baseline_frame_ms", label, baseline, "ms");
    print("map.hittest_us", label, median(lookups), "us");
    print("map.hitindex_build_ms", label, median(builds), "ms");
    print("map.speedup_vs_baseline", label, baseline / std::max(1e-6, frameMs), "x");
    print("map.symbols_fitted", label, symbols, "symbols");
    print("map.symbols_fitted_baseline", label, double(scene.nodes().size()), "symbols");
    print("map.lines_fitted", label, drawnLinks, "lines");
    print("map.lines_fitted_baseline", label, double(scene.links().size()), "lines");
    print("map.full_redraw_speedup_vs_baseline", label, baseline / std::max(1e-6, median(full)), "x");
    std::fprintf(stderr, "bench_map: %s: %d of %lld probes hit a node; %d labels placed\n", qPrintable(label), found,
                 qlonglong(probes.size() * 50 * runs), widget.renderer().labels().placedCount());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 9;
    QString saveDir;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(3, args[++i].toInt());
        else if (args[i] == u"--save" && i + 1 < args.size())
            saveDir = args[++i];
    }
    bool ok = runScenario(QStringLiteral("default"), QStringLiteral("default"), runs, saveDir);
    ok = runScenario(QStringLiteral("synthetic:2000"), QStringLiteral("synthetic"), runs, saveDir) && ok;
    return ok ? 0 : 1;
}
