#include "widgets/map/nodesprites.h"

#include "widgets/map/mapstyle.h"
#include "widgets/statuscolors.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace cpn::map {

namespace {

QPainterPath star(double outer, double inner)
{
    QPainterPath path;
    for (int i = 0; i < 10; ++i) {
        const double r = i % 2 == 0 ? outer : inner;
        const double a = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        const QPointF p(r * std::cos(a), r * std::sin(a));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

QPainterPath diamond(double r)
{
    QPainterPath path;
    path.moveTo(0, -r);
    path.lineTo(r, 0);
    path.lineTo(0, r);
    path.lineTo(-r, 0);
    path.closeSubpath();
    return path;
}

} // namespace

void NodeSprites::setDevicePixelRatio(double dpr)
{
    if (dpr <= 0 || qFuzzyCompare(dpr, m_dpr))
        return;
    m_dpr = dpr;
    m_cache.clear();
    m_halos.clear();
}

void NodeSprites::setSymbolScale(double scale)
{
    if (scale <= 0 || qFuzzyCompare(scale, m_scale))
        return;
    m_scale = scale;
    m_cache.clear();
    m_halos.clear();
}

int NodeSprites::utilizationStep(bool hasSample, double utilization)
{
    if (!hasSample)
        return kNoSample;
    return std::clamp(int(std::lround(utilization * kUtilizationSteps)), 0, kUtilizationSteps);
}

double NodeSprites::outerRadius(NodeRole role) const
{
    return (style::symbolRadius(role) + 4) * m_scale;
}

const NodeSprites::Sprite &NodeSprites::sprite(NodeRole role, DisplayStatus status, int utilizationStep)
{
    const int key = (int(role) * 8 + int(status)) * 32 + (utilizationStep + 1);
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;
    const double r = outerRadius(role) + 1.5;
    const int side = int(std::ceil(2 * r * m_dpr));
    Sprite sprite;
    sprite.image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
    sprite.image.setDevicePixelRatio(m_dpr);
    sprite.image.fill(Qt::transparent);
    const double logicalSide = side / m_dpr;
    {
        QPainter painter(&sprite.image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(logicalSide / 2, logicalSide / 2);
        paintSymbol(painter, role, status, utilizationStep, m_scale);
    }
    sprite.offset = QPointF(-logicalSide / 2, -logicalSide / 2);
    return *m_cache.insert(key, sprite);
}

const NodeSprites::Sprite &NodeSprites::alarmHalo(NodeRole role, Alarm::Severity severity)
{
    const int key = int(role) * 8 + int(severity);
    if (const auto it = m_halos.constFind(key); it != m_halos.constEnd())
        return *it;
    const double r = haloRadius(role) + 3 * m_scale;
    const int side = int(std::ceil(2 * r * m_dpr));
    Sprite sprite;
    sprite.image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
    sprite.image.setDevicePixelRatio(m_dpr);
    sprite.image.fill(Qt::transparent);
    const double logicalSide = side / m_dpr;
    {
        QPainter painter(&sprite.image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(logicalSide / 2, logicalSide / 2);
        paintHalo(painter, colors::alarmSeverity(severity), haloRadius(role), m_scale);
    }
    sprite.offset = QPointF(-logicalSide / 2, -logicalSide / 2);
    return *m_halos.insert(key, sprite);
}

void NodeSprites::paintHalo(QPainter &painter, const QColor &colour, double radius, double scale)
{
    QColor glow = colour;
    glow.setAlpha(70);
    painter.setPen(Qt::NoPen);
    painter.setBrush(glow);
    painter.drawEllipse(QPointF(), radius + 1.5 * scale, radius + 1.5 * scale);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0x05, 0x09, 0x0e, 200), 3.6 * scale));
    painter.drawEllipse(QPointF(), radius, radius);
    painter.setPen(QPen(colour, 2.2 * scale));
    painter.drawEllipse(QPointF(), radius, radius);
}

void NodeSprites::paintSymbol(QPainter &painter, NodeRole role, DisplayStatus status, int utilizationStep,
                              double scale)
{
    const double r = style::symbolRadius(role) * scale;
    const QColor body = style::statusColor(status);
    const QColor tier = style::tierColor(tierOf(role));
    const QColor outline(0x05, 0x09, 0x0e);

    // Utilization ring: a dark track with the load arc clockwise from twelve o'clock.
    if (utilizationStep != kNoSample) {
        const double ringR = r + 2.6 * scale;
        const QRectF ring(-ringR, -ringR, 2 * ringR, 2 * ringR);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0x05, 0x09, 0x0e, 200), 2.6 * scale));
        painter.drawEllipse(ring);
        if (utilizationStep > 0) {
            const double fraction = double(utilizationStep) / kUtilizationSteps;
            painter.setPen(QPen(colors::utilization(fraction), 1.8 * scale, Qt::SolidLine, Qt::FlatCap));
            painter.drawArc(ring, 90 * 16, -int(std::lround(fraction * 360 * 16)));
        }
    }

    painter.setPen(QPen(outline, 1.2 * scale));
    painter.setBrush(body);
    switch (role) {
    case NodeRole::National: {
        painter.drawEllipse(QPointF(), r, r);
        painter.setBrush(outline);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(), r - 2.6 * scale, r - 2.6 * scale);
        painter.setBrush(tier);
        painter.drawPath(star(r - 3.2 * scale, (r - 3.2 * scale) * 0.45));
        break;
    }
    case NodeRole::Hub:
        painter.drawPath(diamond(r));
        painter.setPen(QPen(outline, 0.8 * scale));
        painter.setBrush(tier);
        painter.drawPath(diamond(r * 0.42));
        break;
    case NodeRole::Cluster:
        painter.drawRect(QRectF(-r * 0.8, -r * 0.8, r * 1.6, r * 1.6));
        painter.setPen(QPen(outline, 0.8 * scale));
        painter.setBrush(tier);
        painter.drawRect(QRectF(-r * 0.32, -r * 0.32, r * 0.64, r * 0.64));
        break;
    case NodeRole::Industry:
        painter.drawEllipse(QPointF(), r, r);
        painter.setPen(Qt::NoPen);
        painter.setBrush(tier);
        painter.drawEllipse(QPointF(), r * 0.36, r * 0.36);
        break;
    }
}

} // namespace cpn::map
