#include "widgets/map/maprenderer.h"

#include "widgets/map/bandpainter.h"
#include "widgets/map/linerasterizer.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapstyle.h"
#include "widgets/statuscolors.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstring>

namespace cpn::map {

namespace {

constexpr double kDenseInkPixels = 1.2e6;

QTransform kmTransform(const geo::MapViewport &v)
{
    const double s = v.scale();
    return QTransform(s, 0, 0, -s, v.size().width() / 2 - v.centreKm().x() * s,
                      v.size().height() / 2 + v.centreKm().y() * s);
}


QPointF normalized(const QPointF &v)
{
    const double len = std::hypot(v.x(), v.y());
    return len > 0 ? v / len : QPointF(1, 0);
}

// Quadratic Bezier through control point c, flattened into n segments.
void flatten(const QPointF &a, const QPointF &c, const QPointF &b, int n, QList<QPointF> &out)
{
    out.append(a);
    for (int i = 1; i < n; ++i) {
        const double t = double(i) / n;
        const double u = 1 - t;
        out.append(a * (u * u) + c * (2 * u * t) + b * (t * t));
    }
    out.append(b);
}

} // namespace

MapRenderer::MapRenderer() = default;

MapRenderer::~MapRenderer()
{
    waitForJob();
}

void MapRenderer::setLayerReadyCallback(std::function<void()> ready)
{
    waitForJob();
    m_layerReady = std::move(ready);
}

void MapRenderer::waitForJob()
{
    if (m_worker.joinable())
        m_worker.join();
    if (m_job.valid())
        m_job = {};
}

void MapRenderer::setTextScale(double scale)
{
    if (scale <= 0 || qFuzzyCompare(scale, m_textScale))
        return;
    m_textScale = scale;
    m_sprites.setSymbolScale(1.0 + (scale - 1.0) * 0.5);
    m_labels.setTextScale(1.0 + (scale - 1.0) * 0.6);
    m_overlay.setTextScale(scale);
    m_insetParts.valid = false;
}

void MapRenderer::invalidate()
{
    waitForJob();
    m_baseParts.valid = false;
    m_data.valid = false;
    m_insetParts.valid = false;
}

bool MapRenderer::drawsStraight(const geo::MapViewport &viewport, const MapScene &scene, int link)
{
    const MapLink &l = scene.links().at(link);
    if (l.kind == LinkKind::Access && viewport.scale() < kAccessArcScale)
        return true;
    const QPointF d = (scene.nodes().at(l.b).km - scene.nodes().at(l.a).km) * viewport.scale();
    return std::abs(d.x()) + std::abs(d.y()) < 24; // too short for a visible bow
}

void MapRenderer::linkPolyline(const geo::MapViewport &viewport, const MapScene &scene, int link, bool straight,
                               QList<QPointF> &out)
{
    out.clear();
    const MapLink &l = scene.links().at(link);
    const QPointF a = viewport.toScreen(scene.nodes().at(l.a).km);
    const QPointF b = viewport.toScreen(scene.nodes().at(l.b).km);
    if (straight) {
        out << a << b;
        return;
    }
    const QPointF c = viewport.toScreen(l.controlKm);
    const double length = std::abs(b.x() - a.x()) + std::abs(b.y() - a.y());
    flatten(a, c, b, std::clamp(int(length / 28), 3, 16), out);
}

void MapRenderer::paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                        const MapFrame &frame)
{
    prepare(viewport, scene);

    // Layers 1 to 4 in one opaque blit; moving, or under a workload's fit, nodes are drawn per frame.
    const bool nodesPerFrame = frame.interactive || m_fit.isActive();
    if (frame.interactive && m_data.valid && m_data.links.size() == viewport.pixelSize()) {
        // Moving: reuse what we have, even if data arrived meanwhile; the settle frame catches up.
        if (m_data.view.sameViewAs(viewport))
            painter.drawImage(QPointF(0, 0), m_data.links);
        else
            drawLayerTransformed(painter, m_data.links, m_data.view, viewport);
    } else {
        updateData(viewport, scene);
        painter.drawImage(QPointF(0, 0), nodesPerFrame ? m_data.links : m_data.data);
    }
    if (nodesPerFrame && !m_data.inset.isNull())
        painter.drawImage(m_insetRect.topLeft(), m_data.inset);
    if (m_fit.isActive())
        m_fit.paint(painter, viewport, scene, m_sprites);
    m_latency.paint(painter, viewport, scene, m_sprites);

    painter.save();
    const QRectF widget(QPointF(0, 0), viewport.size());
    const QRectF exposed = frame.exposed.isEmpty() ? widget : frame.exposed & widget;
    painter.setClipRect(exposed);
    if (nodesPerFrame) {
        drawNodes(painter, viewport, scene.nodes(), drawOrder(scene), m_sprites, exposed);
        drawGroups(painter, viewport, scene.groups().groups(), groupImages(scene.groups().groups()), exposed);
    }
    if (!frame.interactive || m_labels.placedCount() == 0)
        m_labels.update(scene, m_sprites, viewport.scale());
    m_labels.paint(painter, scene, viewport, exposed);
    // Layer 5.
    drawHighlights(painter, viewport, scene, frame);
    painter.restore();
    m_overlay.paint(painter, viewport, scene);
    // Above the map's legend, which holds the bottom-left corner.
    const double legendTop =
        m_overlay.legendVisible() ? m_overlay.legendRect(viewport).top() : viewport.size().height();
    m_latency.paintLegend(painter, viewport, m_textScale, legendTop);
    if (m_fit.isActive())
        m_fit.paintLabel(painter, viewport, scene, m_textScale);
}

MapRenderer::DataKeys MapRenderer::keysOf(const MapScene &scene) const
{
    return {scene.linksRevision(), scene.nodesRevision(), scene.basemapRevision(), scene.shadingRevision(),
            m_insetGeneration};
}

bool MapRenderer::showsView(const geo::MapViewport &viewport) const
{
    return m_data.valid && m_data.data.size() == viewport.pixelSize() && m_data.view.sameViewAs(viewport);
}

void MapRenderer::updateData(const geo::MapViewport &viewport, const MapScene &scene)
{
    const DataKeys keys = keysOf(scene);
    if (showsView(viewport) && m_data.keys == keys)
        return;
    if (showsView(viewport) && m_layerReady) {
        startJob(viewport, scene, keys); // this frame shows the last image
        return;
    }
    // A new view or a first frame: composed now, so that what is shown matches the view at once.
    adopt(compose(makeJob(viewport, scene, keys)));
}

void MapRenderer::prepare(const geo::MapViewport &viewport, const MapScene &scene)
{
    m_sprites.setDevicePixelRatio(viewport.devicePixelRatio());
    rebuildInset(viewport, scene); // here only: province paths are painted on this thread alone
    adoptFinishedJob(viewport);
}

bool MapRenderer::composeInBackground(const geo::MapViewport &viewport, const MapScene &scene)
{
    if (!m_layerReady)
        return false;
    prepare(viewport, scene);
    if (!showsView(viewport))
        return false;
    updateData(viewport, scene); // at the view shown: starts the worker if the data moved
    return m_job.valid();
}

void MapRenderer::startJob(const geo::MapViewport &viewport, const MapScene &scene, const DataKeys &keys)
{
    // One job at a time: when it is adopted, the repaint it asks for finds what moved since.
    if (m_job.valid())
        return;
    if (m_worker.joinable())
        m_worker.join();
    std::promise<DataImages> promise;
    m_job = promise.get_future();
    m_worker = std::thread(
        [job = makeJob(viewport, scene, keys), promise = std::move(promise), ready = m_layerReady]() mutable {
            promise.set_value(compose(std::move(job)));
            ready();
        });
}

void MapRenderer::adoptFinishedJob(const geo::MapViewport &viewport)
{
    if (!m_job.valid() || m_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    DataImages images = m_job.get();
    m_job = {};
    // A view moved or an image composed here meanwhile: this one is out of date.
    if (images.generation == m_dataGeneration && images.view.sameViewAs(viewport))
        adopt(std::move(images));
}

void MapRenderer::adopt(DataImages images)
{
    m_baseBuilds += images.recoloured ? 1 : 0;
    ++m_linkBuilds;
    m_data = std::move(images);
    m_data.valid = true;
    m_overlay.adoptTotalsPanel(m_data.totals);
    ++m_dataGeneration;
}

MapRenderer::DataJob MapRenderer::makeJob(const geo::MapViewport &viewport, const MapScene &scene,
                                          const DataKeys &keys)
{
    if (!(m_baseParts.valid && m_baseParts.basemap == scene.basemapRevision() && m_baseParts.view.sameViewAs(viewport)))
        rebuildBaseParts(viewport, scene);
    DataJob job;
    job.viewport = viewport;
    job.keys = keys;
    job.generation = m_dataGeneration;
    // Shaded images are reused while the view, the basemap and the shading are the same.
    const bool sameShading = m_data.valid && m_data.keys.basemap == keys.basemap && m_data.keys.shading == keys.shading;
    if (sameShading && m_data.view.sameViewAs(viewport))
        job.base = m_data.base;
    else
        job.baseParts = m_baseParts;
    if (m_insetParts.valid) {
        if (sameShading && m_data.keys.inset == keys.inset)
            job.inset = m_data.inset;
        else
            job.insetParts = m_insetParts;
        job.insetAt = m_insetRect.topLeft();
    }
    if (job.base.isNull() || (m_insetParts.valid && job.inset.isNull())) {
        for (const MapProvince &province : scene.provinces()) {
            const QColor fill = scene.provinceFill(province.isoCode);
            job.fills.append((fill.isValid() ? fill : style::kLand).rgb() | 0xff000000u);
        }
    }
    job.nodes = scene.nodes();
    job.links = scene.links();
    job.groups = scene.groups().groups();
    job.groupImages = groupImages(job.groups);
    job.groupLinks = scene.groups().links();
    job.drawOrder = drawOrder(scene);
    job.sprites = m_sprites;
    job.overlay = m_overlay;
    return job;
}

MapRenderer::DataImages MapRenderer::compose(DataJob job)
{
    DataImages out;
    out.view = job.viewport;
    out.keys = job.keys;
    out.generation = job.generation;
    out.recoloured = job.base.isNull();
    out.base = out.recoloured ? shade(job.baseParts, job.fills, QImage::Format_RGB32) : job.base;
    out.inset = job.inset.isNull() && job.insetParts.valid
                    ? shade(job.insetParts, job.fills, QImage::Format_ARGB32_Premultiplied)
                    : job.inset;
    // The base is copied in, then the links drawn over it, band by band in parallel.
    out.links = QImage(out.base.size(), QImage::Format_RGB32);
    out.links.setDevicePixelRatio(job.viewport.devicePixelRatio());
    std::memcpy(out.links.bits(), out.base.constBits(), size_t(out.base.sizeInBytes()));
    const LinkBatch batch = batchLinks(job.viewport, job.nodes, job.groupLinks, job.links);
    BandPainter::paint(out.links,
                       [&](QPainter &painter, QImage &slice, int top) { paintLinks(painter, slice, top, batch); });
    out.totals = job.overlay.drawTotalsPanel(job.viewport.devicePixelRatio());
    out.data = out.links.copy();
    {
        QPainter painter(&out.data);
        if (!out.inset.isNull())
            painter.drawImage(job.insetAt, out.inset);
        drawNodes(painter, job.viewport, job.nodes, job.drawOrder, job.sprites,
                  QRectF(QPointF(0, 0), job.viewport.size()));
        drawGroups(painter, job.viewport, job.groups, job.groupImages, QRectF(QPointF(0, 0), job.viewport.size()));
    }
    return out;
}

QImage MapRenderer::shade(const ShadedParts &parts, const QList<QRgb> &fills, QImage::Format format)
{
    // The shading changes far more often than the view: the fills are looked up per pixel from the
    // province map, then the lines laid over them, without rasterising a single path.
    QImage out(parts.under.size(), format);
    out.setDevicePixelRatio(parts.under.devicePixelRatio());
    const qsizetype pixels = qsizetype(out.width()) * out.height();
    const QRgb *under = reinterpret_cast<const QRgb *>(parts.under.constBits());
    const QRgb *owner = reinterpret_cast<const QRgb *>(parts.provinceMap.constBits());
    QRgb *pixel = reinterpret_cast<QRgb *>(out.bits());
    for (qsizetype i = 0; i < pixels; ++i) {
        const quint32 province = owner[i] & 0xffffu;
        pixel[i] = province == 0 || province > quint32(fills.size()) ? under[i] : fills[province - 1];
    }
    QPainter painter(&out);
    painter.drawImage(QPointF(0, 0), parts.lines);
    return out;
}

void MapRenderer::drawLayerTransformed(QPainter &painter, const QImage &image, const geo::MapViewport &from,
                                       const geo::MapViewport &viewport) const
{
    // Both views are similarities of the same km plane: a uniform scale and a translation apart.
    const double k = viewport.scale() / from.scale();
    const QPointF origin = viewport.toScreen(from.toKm(QPointF(0, 0)));
    painter.fillRect(QRectF(QPointF(0, 0), viewport.size()), style::kSea);
    painter.drawImage(QRectF(origin, from.size() * k), image);
}

void MapRenderer::rebuildBaseParts(const geo::MapViewport &viewport, const MapScene &scene)
{
    m_baseParts = drawShadedParts(viewport, scene, QImage::Format_RGB32, {}, false);
    m_baseParts.basemap = scene.basemapRevision();
}

MapRenderer::ShadedParts MapRenderer::drawShadedParts(const geo::MapViewport &viewport, const MapScene &scene,
                                                      QImage::Format underFormat, const QPainterPath &clip,
                                                      bool insetStyle)
{
    ShadedParts parts;
    const QSize size = viewport.pixelSize();
    parts.under = QImage(size, underFormat);
    parts.provinceMap = QImage(size, QImage::Format_RGB32);
    parts.lines = QImage(size, QImage::Format_ARGB32_Premultiplied);
    for (QImage *image : {&parts.under, &parts.provinceMap, &parts.lines})
        image->setDevicePixelRatio(viewport.devicePixelRatio());
    parts.under.fill(Qt::transparent);
    parts.lines.fill(Qt::transparent);
    // On this thread only: QPainterPath fills its caches lazily on first use, so shared province paths
    // must not be painted from two threads at once.
    {
        QPainter painter(&parts.under);
        if (!clip.isEmpty())
            painter.setClipPath(clip);
        drawSeaAndGraticule(painter, viewport, scene);
    }
    {
        // The same aliased fills as drawn, each province in its own index (1-based; 0 is sea).
        parts.provinceMap.fill(Qt::black);
        QPainter painter(&parts.provinceMap);
        if (!clip.isEmpty())
            painter.setClipPath(clip);
        drawProvinceFills(painter, viewport, scene, [](int index, const QString &) {
            return QColor::fromRgb(0xff000000u | quint32(index + 1));
        });
    }
    {
        QPainter painter(&parts.lines);
        if (!clip.isEmpty())
            painter.setClipPath(clip);
        drawBasemapLines(painter, viewport, scene, insetStyle);
    }
    parts.view = viewport;
    parts.valid = true;
    return parts;
}

void MapRenderer::drawSeaAndGraticule(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene)
{
    painter.fillRect(QRectF(QPointF(0, 0), viewport.size()), style::kSea);
    painter.setRenderHint(QPainter::Antialiasing);
    const QTransform toScreen = kmTransform(viewport);
    QPen graticule(style::kGraticule, 1);
    graticule.setCosmetic(true);
    painter.setPen(graticule);
    for (const QPolygonF &line : scene.graticule())
        painter.drawPolyline(toScreen.map(line));
}

void MapRenderer::drawProvinceFills(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                    const std::function<QColor(int, const QString &)> &fillOf)
{
    const QRectF visible = viewport.visibleKm();
    painter.save();
    painter.setTransform(kmTransform(viewport), true);
    painter.setPen(Qt::NoPen);
    // Fills without antialiasing (several times faster); the antialiased outlines cover their edges.
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QList<MapProvince> &provinces = scene.provinces();
    for (int i = 0; i < provinces.size(); ++i) {
        if (!provinces[i].boundsKm.intersects(visible))
            continue;
        painter.setBrush(fillOf(i, provinces[i].isoCode));
        painter.drawPath(provinces[i].pathKm);
    }
    painter.restore();
}

void MapRenderer::drawBasemapLines(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                   bool insetStyle)
{
    const QRectF visible = viewport.visibleKm();
    painter.setTransform(kmTransform(viewport), true);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen edge(style::kProvinceEdge, insetStyle ? 0.8 : 1.0);
    edge.setCosmetic(true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(edge);
    for (const MapProvince &province : scene.provinces()) {
        if (province.boundsKm.intersects(visible))
            painter.drawPath(province.pathKm);
    }
    // The basemap's own lines (coasts, borders, maritime boundaries): maritime and unknown kinds dashed,
    // as maps of China customarily draw them.
    for (const MapBoundaryLine &line : scene.boundaryLines()) {
        const bool solid = line.kind.contains(QLatin1String("coast")) || line.kind.contains(QLatin1String("land"))
                           || line.kind.contains(QLatin1String("national"));
        QPen pen(style::kCoast, solid ? 1.2 : 1.4, solid ? Qt::SolidLine : Qt::DashLine);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.drawPolyline(line.km);
    }
    painter.resetTransform();
}

MapRenderer::LinkBatch MapRenderer::batchLinks(const geo::MapViewport &viewport, const QList<MapNode> &nodes,
                                               const QList<GroupLink> &groupLinks, const QList<MapLink> &links)
{
    // Links are batched by pen: one drawLines() per load colour and capacity class. Every pen is a
    // 1 px cosmetic pen, which the raster engine draws on its fast path; a wider link is drawn as
    // parallel strokes offset by under a pixel, which antialiasing fuses into one wider line at a
    // fraction of the cost of a real wide pen.
    constexpr int kUnreported = kLinkColorSteps;
    LinkBatch out;
    auto &buckets = out.buckets;
    auto &chevrons = out.chevrons;
    auto &down = out.down;
    QList<QPointF> polyline;
    // Level of detail by ink: when the links in view would cover more than about a million pixels (the
    // synthetic 10,000 at national zoom), they are drawn without antialiasing and with one stroke
    // below the top capacity class; rasterising is then the cost, and a dense web looks the same.
    double ink = 0;
    for (const MapLink &link : links) {
        const QPointF d = (nodes[link.b].km - nodes[link.a].km) * viewport.scale();
        ink += (std::abs(d.x()) + std::abs(d.y())) * (1 + style::linkWidthClass(link.capacityGbps));
    }
    for (const GroupLink &link : groupLinks) {
        const QPointF d = (link.bKm - link.aKm) * viewport.scale();
        ink += std::abs(d.x()) + std::abs(d.y());
    }
    const bool dense = ink > kDenseInkPixels;
    out.dense = dense;

    // The merged links of node groups: straight and thin, one stroke each, coloured by the busiest.
    const QRectF groupBounds = QRectF(QPointF(0, 0), viewport.size()).adjusted(-4, -4, 4, 4);
    for (const GroupLink &link : groupLinks) {
        const QPointF a = viewport.toScreen(link.aKm);
        const QPointF b = viewport.toScreen(link.bKm);
        if (!groupBounds.intersects(QRectF(a, b).normalized().adjusted(-1, -1, 1, 1)))
            continue;
        if (std::abs(b.x() - a.x()) + std::abs(b.y() - a.y()) < 1.5)
            continue;
        if (link.down)
            down.append(QLineF(a, b));
        else
            buckets[0][size_t(link.reported ? style::linkColorStep(link.utilization) : kUnreported)].append(QLineF(a, b));
    }

    const QRectF bounds = QRectF(QPointF(0, 0), viewport.size()).adjusted(-4, -4, 4, 4);
    for (int i = 0; i < links.size(); ++i) {
        const MapLink &link = links[i];
        const MapNode &na = nodes[link.a];
        const MapNode &nb = nodes[link.b];
        if (!na.shown() || !nb.shown())
            continue;
        const QPointF a = viewport.toScreen(na.km);
        const QPointF b = viewport.toScreen(nb.km);
        const QPointF c = viewport.toScreen(link.controlKm);
        // The arc stays inside the triangle a, b, c: cull by its box.
        const double left = std::min({a.x(), b.x(), c.x()}), right = std::max({a.x(), b.x(), c.x()});
        const double top = std::min({a.y(), b.y(), c.y()}), bottom = std::max({a.y(), b.y(), c.y()});
        if (right < bounds.left() || left > bounds.right() || bottom < bounds.top() || top > bounds.bottom())
            continue;
        const double length = std::abs(b.x() - a.x()) + std::abs(b.y() - a.y());
        if (length < 1.5)
            continue;
        const bool straight = (link.kind == LinkKind::Access && viewport.scale() < kAccessArcScale) || length < 24;
        polyline.clear();
        if (straight)
            polyline << a << b;
        else
            flatten(a, c, b, dense ? std::clamp(int(length / 28), 3, 16) : std::clamp(int(length / 28), 3, 16),
                    polyline);

        if (link.alarm) {
            QList<QLineF> &casing = out.alarmCasings[size_t(*link.alarm)];
            for (qsizetype k = 1; k < polyline.size(); ++k)
                casing.append(QLineF(polyline[k - 1], polyline[k]));
        }
        if (link.reported && link.status == LinkStatus::Down) {
            for (qsizetype k = 1; k < polyline.size(); ++k)
                down.append(QLineF(polyline[k - 1], polyline[k]));
            continue;
        }
        const int color = link.reported ? style::linkColorStep(link.utilization()) : kUnreported;
        const int widthClass = style::linkWidthClass(link.capacityGbps);
        QList<QLineF> &bucket = buckets[size_t(widthClass)][size_t(color)];
        const int strokes = dense ? (widthClass == 2 ? 2 : 1) : widthClass + 1;
        for (qsizetype k = 1; k < polyline.size(); ++k) {
            const QPointF p = polyline[k - 1], q = polyline[k];
            if (strokes == 1) {
                bucket.append(QLineF(p, q));
                continue;
            }
            const QPointF d = normalized(q - p);
            const QPointF n(-d.y(), d.x());
            const double spread = widthClass == 1 ? 0.45 : 0.8;
            for (int s = 0; s < strokes; ++s) {
                const double off = -spread + 2 * spread * s / (strokes - 1);
                bucket.append(QLineF(p + n * off, q + n * off));
            }
        }

        // A chevron at the middle points the way of the heavier traffic.
        const bool wantsChevron = link.reported && length > 60 && std::max(link.abGbps, link.baGbps) > 0
                                  && (link.kind != LinkKind::Access || viewport.scale() >= kAccessArcScale);
        if (wantsChevron) {
            const QPointF mid = straight ? (a + b) / 2 : a * 0.25 + c * 0.5 + b * 0.25;
            QPointF dir = normalized(b - a);
            if (link.baGbps > link.abGbps)
                dir = -dir;
            const QPointF n(-dir.y(), dir.x());
            const double size = 3.5 + widthClass;
            const QPointF tip = mid + dir * (size * 0.6);
            chevrons[size_t(color)].append(QLineF(tip - dir * size + n * size * 0.8, tip));
            chevrons[size_t(color)].append(QLineF(tip - dir * size - n * size * 0.8, tip));
        }
    }

    return out;
}

void MapRenderer::paintLinks(QPainter &painter, QImage &slice, int top, const LinkBatch &batch)
{
    constexpr int kUnreported = kLinkColorSteps;
    const auto &buckets = batch.buckets;
    const auto &chevrons = batch.chevrons;
    const auto &down = batch.down;
    painter.setRenderHint(QPainter::Antialiasing, !batch.dense);
    QPen pen;
    pen.setCosmetic(true);
    pen.setWidthF(1.0);
    pen.setCapStyle(Qt::FlatCap);
    const auto colourOf = [](int color) {
        return color == kUnreported ? style::kLinkUnreported
                                    : style::linkColor(double(color) / (kLinkColorSteps - 1));
    };
    // Dense webs are rasterized straight into the slice; sparse ones go through the painter.
    const auto drawLines = [&](const QList<QLineF> &lines, const QColor &c) {
        if (lines.isEmpty())
            return;
        if (batch.dense) {
            LineRasterizer::blendLines(slice, top, slice.devicePixelRatio(), lines, c);
            return;
        }
        pen.setColor(c);
        painter.setPen(pen);
        painter.drawLines(lines.constData(), int(lines.size()));
    };
    // Links with an alarm that needs attention sit on a casing in the severity's colour, the most
    // severe drawn last; few links have one, so a real wide pen is affordable here.
    for (int severity = int(batch.alarmCasings.size()) - 1; severity >= 0; --severity) {
        const QList<QLineF> &casing = batch.alarmCasings[size_t(severity)];
        if (casing.isEmpty())
            continue;
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(colors::alarmSeverity(Alarm::Severity(severity)), 6.0, Qt::SolidLine,
                            Qt::RoundCap, Qt::RoundJoin));
        painter.drawLines(casing.constData(), int(casing.size()));
        painter.restore();
    }
    for (int widthClass = 0; widthClass < style::kLinkWidthClasses; ++widthClass) {
        for (int color = 0; color <= kLinkColorSteps; ++color) {
            QColor c = colourOf(color);
            c.setAlpha(widthClass == 0 ? 170 : 210);
            drawLines(buckets[size_t(widthClass)][size_t(color)], c);
        }
    }
    for (int color = 0; color <= kLinkColorSteps; ++color)
        drawLines(chevrons[size_t(color)], colourOf(color).lighter(150));
    if (!down.isEmpty()) {
        QPen dashed(style::statusColor(DisplayStatus::Offline), 1.0, Qt::DashLine);
        dashed.setCosmetic(true);
        painter.setPen(dashed);
        painter.drawLines(down.constData(), int(down.size()));
    }
}

void MapRenderer::rebuildInset(const geo::MapViewport &viewport, const MapScene &scene)
{
    const QRectF km = scene.insetKm();
    const double height = std::clamp(viewport.size().height() * 0.27, 120.0, 320.0) * (0.75 + 0.25 * m_textScale);
    const double width = height * km.width() / km.height();
    const double margin = 14;
    const QRectF rect(viewport.size().width() - margin - width, viewport.size().height() - margin - height, width,
                      height);
    geo::MapViewport insetView(rect.size(), km.center(), 1);
    insetView.setScaleLimits(1e-4, 100);
    insetView.fit(km, 4);
    insetView.setDevicePixelRatio(viewport.devicePixelRatio());
    if (m_insetParts.valid && m_insetRect == rect && m_insetParts.basemap == scene.basemapRevision()
        && m_insetParts.under.size() == insetView.pixelSize())
        return;
    m_insetRect = rect;
    QPainterPath frame;
    frame.addRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 3, 3);
    m_insetParts = drawShadedParts(insetView, scene, QImage::Format_ARGB32_Premultiplied, frame, true);
    m_insetParts.basemap = scene.basemapRevision();
    // The frame and the title go over the fills with the lines.
    QPainter painter(&m_insetParts.lines);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(style::kPanelBorder.lighter(130), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(frame);
    QFont font = painter.font();
    font.setPointSizeF(std::max(6.5, font.pointSizeF() * 0.8 * m_textScale));
    painter.setFont(font);
    painter.setPen(style::kMutedText);
    painter.drawText(QRectF(6, 4, width - 12, height - 8), Qt::AlignRight | Qt::AlignBottom,
                     tr("South China Sea Islands"));
    ++m_insetGeneration;
}

const QList<int> &MapRenderer::drawOrder(const MapScene &scene)
{
    const QList<MapNode> &nodes = scene.nodes();
    if (m_drawOrderRevision != scene.structureRevision() || m_drawOrder.size() != nodes.size()) {
        m_drawOrder.clear();
        for (NodeRole role : {NodeRole::Industry, NodeRole::Cluster, NodeRole::Hub, NodeRole::National})
            for (int i = 0; i < nodes.size(); ++i)
                if (nodes[i].role == role)
                    m_drawOrder.append(i);
        m_drawOrderRevision = scene.structureRevision();
    }
    return m_drawOrder;
}

void MapRenderer::drawNodes(QPainter &painter, const geo::MapViewport &viewport, const QList<MapNode> &nodes,
                            const QList<int> &drawOrder, NodeSprites &sprites, const QRectF &exposed)
{
    const QRectF bounds = exposed.adjusted(-24, -24, 24, 24);
    for (int i : drawOrder) {
        const MapNode &node = nodes[i];
        if (!node.shown())
            continue;
        const QPointF p = viewport.toScreen(node.km);
        if (!bounds.contains(p))
            continue;
        if (node.alarm) {
            const NodeSprites::Sprite &halo = sprites.alarmHalo(node.role, *node.alarm);
            painter.drawImage(p + halo.offset, halo.image);
        }
        const NodeSprites::Sprite &sprite =
            sprites.sprite(node.role, node.status, NodeSprites::utilizationStep(node.hasSample, node.utilization));
        painter.drawImage(p + sprite.offset, sprite.image);
    }
}

QList<QImage> MapRenderer::groupImages(const QList<NodeGroup> &groups)
{
    QList<QImage> images;
    images.reserve(groups.size());
    for (const NodeGroup &group : groups)
        images.append(groupImage(group));
    return images;
}

const QImage &MapRenderer::groupImage(const NodeGroup &group)
{
    const double scale = m_sprites.symbolScale();
    const qreal dpr = m_sprites.devicePixelRatio();
    QString key = QStringLiteral("%1|%2|%3").arg(group.count()).arg(scale).arg(dpr);
    for (int members : group.byStatus)
        key += u'|' + QString::number(members);
    if (const auto it = m_groupImages.constFind(key); it != m_groupImages.cend())
        return *it;
    if (m_groupImages.size() > 4096) // bounded: a federation has a few hundred looks at most
        m_groupImages.clear();
    const double r = NodeGroups::radiusPx(group.count()) * scale;
    const int side = int(std::ceil(2 * r + 2));
    QImage image(QSize(side, side) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPointF p(side / 2.0, side / 2.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x0e, 0x15, 0x1d, 0xe0));
    painter.drawEllipse(p, r, r);
    // The ring: each status' share of the members, clockwise from the top, best to worst.
    const QRectF ring(p.x() - r + 1.5, p.y() - r + 1.5, 2 * r - 3, 2 * r - 3);
    int startAngle = 90 * 16;
    for (int status = 0; status < int(group.byStatus.size()); ++status) {
        const int members = group.byStatus[size_t(status)];
        if (members == 0)
            continue;
        const int span = -qRound(360.0 * 16 * members / group.count());
        painter.setPen(QPen(style::statusColor(DisplayStatus(status)), 3 * scale, Qt::SolidLine, Qt::FlatCap));
        painter.drawArc(ring, startAngle, span);
        startAngle += span;
    }
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(int(std::max(9.0, r * 0.8)));
    painter.setFont(font);
    painter.setPen(style::kText);
    painter.drawText(QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(group.count()));
    painter.end();
    return *m_groupImages.insert(key, image);
}

void MapRenderer::drawGroups(QPainter &painter, const geo::MapViewport &viewport, const QList<NodeGroup> &groups,
                             const QList<QImage> &images, const QRectF &exposed)
{
    for (qsizetype i = 0; i < groups.size() && i < images.size(); ++i) {
        const QImage &image = images[i];
        const QSizeF size = image.deviceIndependentSize();
        const QPointF p = viewport.toScreen(groups[i].km);
        const QRectF at(p - QPointF(size.width() / 2, size.height() / 2), size);
        if (exposed.intersects(at))
            painter.drawImage(at.topLeft(), image);
    }
}

void MapRenderer::drawHighlights(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                                 const MapFrame &frame)
{
    painter.setRenderHint(QPainter::Antialiasing);
    if (frame.hoverProvince >= 0 && frame.hoverProvince < scene.provinces().size()) {
        painter.save();
        painter.setTransform(kmTransform(viewport), true);
        QPen pen(style::kAccent, 2);
        pen.setCosmetic(true);
        painter.setPen(pen);
        painter.setBrush(QColor(0x3f, 0xa7, 0xd6, 28));
        painter.drawPath(scene.provinces().at(frame.hoverProvince).pathKm);
        painter.restore();
    }
    if (frame.hoverLink >= 0 && frame.hoverLink < scene.links().size()) {
        QList<QPointF> polyline;
        linkPolyline(viewport, scene, frame.hoverLink, drawsStraight(viewport, scene, frame.hoverLink), polyline);
        painter.setPen(QPen(QColor(255, 255, 255, 110), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(polyline.constData(), int(polyline.size()));
        painter.setPen(QPen(Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(polyline.constData(), int(polyline.size()));
    }
    if (frame.blinkOn)
        drawBlink(painter, viewport, scene);
    // Compared moments: moved links in amber over their cached strokes, changed nodes ringed in
    // dashed amber (the selection stays solid blue, so both read at once).
    const QColor changed(0xf5, 0xa6, 0x23);
    for (const QString &id : scene.highlightedLinkIds()) {
        const int link = scene.linkIndex(id);
        if (link < 0)
            continue;
        QList<QPointF> polyline;
        linkPolyline(viewport, scene, link, drawsStraight(viewport, scene, link), polyline);
        painter.setPen(QPen(changed, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(polyline.constData(), int(polyline.size()));
    }
    const QList<MapNode> &nodes = scene.nodes();
    for (const QString &id : scene.highlightedNodeIds()) {
        const int i = scene.nodeIndex(id);
        if (i < 0 || !nodes[i].visible)
            continue;
        const QPointF p = viewport.toScreen(nodes[i].km);
        const double r = m_sprites.outerRadius(nodes[i].role) + 7;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 160), 5));
        painter.drawEllipse(p, r, r);
        painter.setPen(QPen(changed, 2.5, Qt::DashLine));
        painter.drawEllipse(p, r, r);
    }
    for (int i : frame.selectedNodes) {
        if (i < 0 || i >= nodes.size() || !nodes[i].visible)
            continue;
        const QPointF p = viewport.toScreen(nodes[i].km);
        const double r = m_sprites.outerRadius(nodes[i].role) + 4;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 160), 5));
        painter.drawEllipse(p, r, r);
        painter.setPen(QPen(style::kSelection, 2.5));
        painter.drawEllipse(p, r, r);
        if (!m_labels.isPlaced(i) || frame.selectedNodes.size() == 1)
            m_labels.paintForced(painter, scene, m_sprites, viewport, i);
    }
    if (frame.hoverNode >= 0 && frame.hoverNode < nodes.size()) {
        const QPointF p = viewport.toScreen(nodes[frame.hoverNode].km);
        const double r = m_sprites.outerRadius(nodes[frame.hoverNode].role) + 2.5;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 1.5));
        painter.drawEllipse(p, r, r);
        m_labels.paintForced(painter, scene, m_sprites, viewport, frame.hoverNode);
    }
}

void MapRenderer::drawBlink(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene)
{
    // Bright over the severity's halo or casing, so the "off" half shows the calm alarm state.
    const QColor critical = colors::alarmSeverity(Alarm::Severity::Critical);
    QList<QPointF> polyline;
    for (const QString &id : scene.blinkingLinkIds()) {
        const int link = scene.linkIndex(id);
        if (link < 0 || !scene.nodes().at(scene.links().at(link).a).visible ||
            !scene.nodes().at(scene.links().at(link).b).visible)
            continue;
        linkPolyline(viewport, scene, link, drawsStraight(viewport, scene, link), polyline);
        painter.setPen(
            QPen(critical, 7 * m_sprites.symbolScale(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(polyline.constData(), int(polyline.size()));
        painter.setPen(
            QPen(Qt::white, 2 * m_sprites.symbolScale(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(polyline.constData(), int(polyline.size()));
    }
    const QList<MapNode> &nodes = scene.nodes();
    for (const QString &id : scene.blinkingNodeIds()) {
        const int i = scene.nodeIndex(id);
        if (i < 0 || !nodes[i].visible)
            continue;
        const QPointF p = viewport.toScreen(nodes[i].km);
        const double r = m_sprites.haloRadius(nodes[i].role);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(critical, 5 * m_sprites.symbolScale()));
        painter.drawEllipse(p, r + 2, r + 2);
        painter.setPen(QPen(Qt::white, 1.5 * m_sprites.symbolScale()));
        painter.drawEllipse(p, r + 2, r + 2);
    }
}

QRegion MapRenderer::blinkRegion(const geo::MapViewport &viewport, const MapScene &scene) const
{
    QRegion region;
    const double margin = 8 * m_sprites.symbolScale();
    QList<QPointF> polyline;
    for (const QString &id : scene.blinkingLinkIds()) {
        const int link = scene.linkIndex(id);
        if (link < 0)
            continue;
        linkPolyline(viewport, scene, link, drawsStraight(viewport, scene, link), polyline);
        // Segment by segment: a long diagonal link's box would be most of the map.
        for (qsizetype k = 1; k < polyline.size(); ++k)
            region += QRectF(polyline[k - 1], polyline[k])
                          .normalized()
                          .adjusted(-margin, -margin, margin, margin)
                          .toAlignedRect();
    }
    for (const QString &id : scene.blinkingNodeIds()) {
        const int i = scene.nodeIndex(id);
        if (i < 0)
            continue;
        const QPointF p = viewport.toScreen(scene.nodes().at(i).km);
        const double r = m_sprites.haloRadius(scene.nodes().at(i).role) + 2 + margin;
        region += QRectF(p - QPointF(r, r), QSizeF(2 * r, 2 * r)).toAlignedRect();
    }
    return region & QRect(QPoint(0, 0), viewport.size().toSize());
}

} // namespace cpn::map
