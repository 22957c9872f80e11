#include "widgets/map/mapfitlayer.h"

#include "domain/provinces.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodesprites.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace cpn::map {

namespace {


int levelOrder(FitLevel level)
{
    return level == FitLevel::Good ? 0 : level == FitLevel::Poor ? 1 : 2;
}

} // namespace

QColor MapFitLayer::color(FitLevel level)
{
    switch (level) {
    case FitLevel::Good:
        return QColor(0x3f, 0xb9, 0x50);
    case FitLevel::Poor:
        return QColor(0xe3, 0xa0, 0x08);
    case FitLevel::Cannot:
        return QColor(0xf0, 0x4a, 0x43);
    }
    return {};
}

void MapFitLayer::setShading(const FitShading &shading)
{
    m_shading = shading;
    m_active = true;
    ++m_generation;
    m_hoverNode = m_hoverProvince = -1;
}

void MapFitLayer::clear()
{
    m_active = false;
    m_shading = {};
    ++m_generation;
    m_hoverNode = m_hoverProvince = -1;
    m_image = QImage(); // a drag is rare: give the memory back
    m_provinces.clear();
}

void MapFitLayer::setHover(int node, int province, const QPointF &pos)
{
    m_hoverNode = node;
    m_hoverProvince = province;
    m_hoverPos = pos;
}

const NodeFit *MapFitLayer::fitOf(const QString &nodeId) const
{
    const auto it = m_shading.nodes.constFind(nodeId);
    return it == m_shading.nodes.constEnd() ? nullptr : &*it;
}

const QHash<QString, MapFitLayer::ProvinceFit> &MapFitLayer::provinceFits(const MapScene &scene) const
{
    if (m_provincesGeneration == m_generation && m_provincesNodesRevision == scene.nodesRevision())
        return m_provinces;
    m_provinces.clear();
    const QList<MapNode> &nodes = scene.nodes();
    for (int i = 0; i < nodes.size(); ++i) {
        const MapNode &node = nodes[i];
        const NodeFit *fit = node.visible ? fitOf(node.id) : nullptr;
        if (!fit)
            continue;
        ProvinceFit &p = m_provinces[node.province];
        if (p.firstNode < 0)
            p.firstNode = i;
        if (fit->level == FitLevel::Cannot)
            continue;
        if (p.bestNode < 0 || fit->rank < p.bestRank) {
            p.bestNode = i;
            p.bestRank = fit->rank;
        }
        if (levelOrder(fit->level) < levelOrder(p.level))
            p.level = fit->level;
    }
    m_provincesGeneration = m_generation;
    m_provincesNodesRevision = scene.nodesRevision();
    return m_provinces;
}

QString MapFitLayer::bestNodeIn(const MapScene &scene, const QString &isoCode) const
{
    const auto it = provinceFits(scene).constFind(isoCode);
    if (it == m_provinces.constEnd() || it->bestNode < 0)
        return {};
    return scene.nodes().at(it->bestNode).id;
}

std::optional<FitLevel> MapFitLayer::provinceLevel(const MapScene &scene, const QString &isoCode) const
{
    const auto it = provinceFits(scene).constFind(isoCode);
    if (it == m_provinces.constEnd())
        return std::nullopt;
    return it->level;
}

QStringList MapFitLayer::hoverText(const MapScene &scene) const
{
    if (!m_active)
        return {};
    if (m_hoverNode >= 0 && m_hoverNode < scene.nodes().size()) {
        const MapNode &node = scene.nodes().at(m_hoverNode);
        const NodeFit *fit = fitOf(node.id);
        QStringList lines{node.name};
        lines << (fit ? fit->text.split(u'\n') : QStringList{tr("Not known to the placement engine")});
        return lines;
    }
    if (m_hoverProvince >= 0 && m_hoverProvince < scene.provinces().size()) {
        const QString iso = scene.provinces().at(m_hoverProvince).isoCode;
        QStringList lines{provinceDisplayName(iso)};
        const auto it = provinceFits(scene).constFind(iso);
        if (it == m_provinces.constEnd()) {
            lines << tr("No nodes shown in this province");
        } else if (it->bestNode >= 0) {
            const MapNode &best = scene.nodes().at(it->bestNode);
            lines << tr("Best here: %1").arg(best.name);
            if (const NodeFit *fit = fitOf(best.id))
                lines << fit->text.split(u'\n');
        } else {
            lines << tr("No node here can run it");
            if (const NodeFit *fit = fitOf(scene.nodes().at(it->firstNode).id))
                lines << tr("%1: %2").arg(scene.nodes().at(it->firstNode).name, fit->text);
        }
        return lines;
    }
    return {};
}

void MapFitLayer::rebuild(const geo::MapViewport &viewport, const MapScene &scene, const NodeSprites &sprites)
{
    ++m_builds;
    if (m_image.size() != viewport.pixelSize())
        m_image = QImage(viewport.pixelSize(), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(viewport.devicePixelRatio());
    m_image.fill(Qt::transparent);
    QPainter painter(&m_image);

    // Provinces: a wash of the best fit of their nodes.
    const double s = viewport.scale();
    const QTransform toScreen(s, 0, 0, -s, viewport.size().width() / 2 - viewport.centreKm().x() * s,
                              viewport.size().height() / 2 + viewport.centreKm().y() * s);
    const QRectF visible = viewport.visibleKm();
    const QHash<QString, ProvinceFit> &fits = provinceFits(scene);
    painter.save();
    painter.setTransform(toScreen);
    for (const MapProvince &province : scene.provinces()) {
        const auto it = fits.constFind(province.isoCode);
        if (it == fits.constEnd() || !province.boundsKm.intersects(visible))
            continue;
        QColor fill = color(it->level);
        fill.setAlpha(it->level == FitLevel::Cannot ? 46 : 70);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPath(province.pathKm);
    }
    painter.restore();

    // Nodes: a halo in the fit's colour, under the node symbols drawn next.
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bounds = QRectF(QPointF(0, 0), viewport.size()).adjusted(-24, -24, 24, 24);
    for (const MapNode &node : scene.nodes()) {
        const NodeFit *fit = node.visible ? fitOf(node.id) : nullptr;
        if (!fit)
            continue;
        const QPointF p = viewport.toScreen(node.km);
        if (!bounds.contains(p))
            continue;
        const double r = sprites.outerRadius(node.role) + 5;
        QColor c = color(fit->level);
        painter.setPen(QPen(c, 2));
        c.setAlpha(110);
        painter.setBrush(c);
        painter.drawEllipse(p, r, r);
    }
    m_imageView = viewport;
    m_imageGeneration = m_generation;
    m_imageNodesRevision = scene.nodesRevision();
    m_imageBasemapRevision = scene.basemapRevision();
}

void MapFitLayer::paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                        const NodeSprites &sprites)
{
    if (!m_active)
        return;
    if (m_image.isNull() || m_image.size() != viewport.pixelSize() || !m_imageView.sameViewAs(viewport)
        || m_imageGeneration != m_generation || m_imageNodesRevision != scene.nodesRevision()
        || m_imageBasemapRevision != scene.basemapRevision())
        rebuild(viewport, scene, sprites);
    painter.drawImage(QPointF(0, 0), m_image);
}

void MapFitLayer::paintLabel(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                             double textScale)
{
    const QStringList lines = hoverText(scene);
    if (lines.isEmpty())
        return;
    painter.save();
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * textScale);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF plain(font), strong(bold);
    double width = strong.horizontalAdvance(lines.first());
    for (int i = 1; i < lines.size(); ++i)
        width = std::max(width, plain.horizontalAdvance(lines[i]));
    const double pad = 8 * textScale;
    const double lineHeight = plain.lineSpacing();
    const QSizeF size(width + 2 * pad, lineHeight * lines.size() + 2 * pad);
    // Beside the cursor, kept inside the map.
    QPointF topLeft = m_hoverPos + QPointF(18, 18);
    if (topLeft.x() + size.width() > viewport.size().width())
        topLeft.setX(m_hoverPos.x() - 18 - size.width());
    if (topLeft.y() + size.height() > viewport.size().height())
        topLeft.setY(m_hoverPos.y() - 18 - size.height());
    topLeft.setX(std::max(4.0, topLeft.x()));
    topLeft.setY(std::max(4.0, topLeft.y()));
    const QRectF box(topLeft, size);

    FitLevel level = FitLevel::Cannot;
    if (m_hoverNode >= 0 && m_hoverNode < scene.nodes().size()) {
        if (const NodeFit *fit = fitOf(scene.nodes().at(m_hoverNode).id))
            level = fit->level;
    } else if (m_hoverProvince >= 0 && m_hoverProvince < scene.provinces().size()) {
        level = provinceLevel(scene, scene.provinces().at(m_hoverProvince).isoCode).value_or(FitLevel::Cannot);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color(level), 1.5));
    painter.setBrush(style::kPanel);
    painter.drawRoundedRect(box, 4, 4);
    double y = box.top() + pad + plain.ascent();
    for (int i = 0; i < lines.size(); ++i) {
        painter.setFont(i == 0 ? bold : font);
        painter.setPen(i == 0 ? style::kText : (i == 1 ? color(level).lighter(120) : style::kMutedText));
        painter.drawText(QPointF(box.left() + pad, y), lines[i]);
        y += lineHeight;
    }
    painter.restore();
}

} // namespace cpn::map
