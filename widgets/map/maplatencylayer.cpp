#include "widgets/map/maplatencylayer.h"

#include "widgets/map/mapscene.h"
#include "widgets/map/nodesprites.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>

namespace cpn::map {

int MapLatencyLayer::bandOf(double ms)
{
    for (int band = 0; band < 3; ++band) {
        if (ms <= kBandsMs[band])
            return band;
    }
    return -1;
}

QColor MapLatencyLayer::bandColor(int band)
{
    switch (band) {
    case 0:
        return QColor(0x4d, 0xd0, 0xe1); // within a city
    case 1:
        return QColor(0x42, 0x8b, 0xf5); // within a region
    case 2:
        return QColor(0x9b, 0x6b, 0xf0); // between hubs
    default:
        return QColor(0x80, 0x80, 0x80);
    }
}

void MapLatencyLayer::setRings(const QString &sourceId, const QString &sourceName,
                               const QHash<QString, double> &msByNode)
{
    m_sourceId = sourceId;
    m_sourceName = sourceName;
    m_msByNode = msByNode;
}

void MapLatencyLayer::clear()
{
    m_sourceId.clear();
    m_sourceName.clear();
    m_msByNode.clear();
}

void MapLatencyLayer::paint(QPainter &painter, const geo::MapViewport &viewport, const MapScene &scene,
                            const NodeSprites &sprites) const
{
    if (!isActive())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF bounds = QRectF(QPointF(0, 0), viewport.size()).adjusted(-24, -24, 24, 24);
    // The far bands first, so a near node's halo is never covered.
    for (int band = 2; band >= 0; --band) {
        QColor line = bandColor(band);
        QColor fill = line;
        fill.setAlpha(95);
        painter.setPen(QPen(line, 2));
        painter.setBrush(fill);
        for (const MapNode &node : scene.nodes()) {
            const auto it = m_msByNode.constFind(node.id);
            if (!node.shown() || it == m_msByNode.cend() || bandOf(*it) != band || node.id == m_sourceId)
                continue;
            const QPointF p = viewport.toScreen(node.km);
            if (!bounds.contains(p))
                continue;
            const double r = sprites.outerRadius(node.role) + 6;
            painter.drawEllipse(p, r, r);
        }
    }
    const int source = scene.nodeIndex(m_sourceId);
    if (source >= 0 && scene.nodes()[source].shown()) {
        const MapNode &node = scene.nodes()[source];
        const QPointF p = viewport.toScreen(node.km);
        const double r = sprites.outerRadius(node.role) + 9;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 2.5, Qt::DashLine));
        painter.drawEllipse(p, r, r);
    }
    painter.restore();
}

void MapLatencyLayer::paintLegend(QPainter &painter, const geo::MapViewport &viewport, double textScale,
                                  double bottom) const
{
    if (!isActive())
        return;
    painter.save();
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * textScale);
    QFont bold = font;
    bold.setBold(true);
    const QLocale locale;
    QStringList lines{tr("Latency from %1").arg(m_sourceName)};
    int counts[3] = {0, 0, 0};
    for (auto it = m_msByNode.cbegin(); it != m_msByNode.cend(); ++it) {
        const int band = bandOf(*it);
        if (band >= 0 && it.key() != m_sourceId)
            ++counts[band];
    }
    const QString bandText[3] = {tr("within 1 ms (a city): %n node(s)", nullptr, counts[0]),
                                 tr("within 5 ms (a region): %n node(s)", nullptr, counts[1]),
                                 tr("within 20 ms (between hubs): %n node(s)", nullptr, counts[2])};
    const QFontMetricsF plain(font), strong(bold);
    const double swatch = plain.height() * 0.8;
    double width = strong.horizontalAdvance(lines.first());
    for (const QString &t : bandText)
        width = std::max(width, swatch * 1.6 + plain.horizontalAdvance(t));
    const double pad = 8 * textScale;
    const double lineHeight = plain.lineSpacing();
    const double height = 4 * lineHeight + 2 * pad;
    const QRectF box(12, std::min(bottom, viewport.size().height()) - 12 - height, width + 2 * pad, height);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(20, 24, 32, 220));
    painter.drawRoundedRect(box, 6, 6);
    painter.setPen(Qt::white);
    painter.setFont(bold);
    double y = box.top() + pad + plain.ascent();
    painter.drawText(QPointF(box.left() + pad, y), lines.first());
    painter.setFont(font);
    for (int band = 0; band < 3; ++band) {
        y += lineHeight;
        const QRectF sw(box.left() + pad, y - plain.ascent() + (plain.height() - swatch) / 2, swatch, swatch);
        painter.setBrush(bandColor(band));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(sw);
        painter.setPen(Qt::white);
        painter.drawText(QPointF(sw.right() + swatch * 0.6, y), bandText[band]);
    }
    painter.restore();
}

} // namespace cpn::map
