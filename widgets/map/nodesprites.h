#pragma once

#include "domain/alarm.h"
#include "domain/enums.h"
#include "state/displaystatus.h"

#include <QHash>
#include <QImage>
#include <QPointF>

namespace cpn::map {

// Pre-rendered node symbols, one image per role x status x utilization step, made on first use at the
// device pixel ratio. Blitting 2,000 of these costs a fraction of drawing 2,000 antialiased shapes.
//   national: a large status-coloured ring around a gold star;  hub: a diamond;  cluster: a square;
//   industry: a small disc. The body's colour is the status, the mark at the centre the tier, and an
//   arc around the symbol the utilization (accelerators, else CPU) in the load colours.
class NodeSprites
{
public:
    static constexpr int kUtilizationSteps = 20; // 5 % per step
    static constexpr int kNoSample = -1;

    void setDevicePixelRatio(double dpr);
    double devicePixelRatio() const { return m_dpr; }
    void setSymbolScale(double scale); // wall mode draws bigger symbols
    double symbolScale() const { return m_scale; }

    // The image and the offset from the node's position to the image's top-left corner (logical px).
    struct Sprite
    {
        QImage image;
        QPointF offset;
    };
    const Sprite &sprite(NodeRole role, DisplayStatus status, int utilizationStep);
    static int utilizationStep(bool hasSample, double utilization);
    // The halo drawn under a node with an alarm that needs attention: a ring in the severity's colour
    // just outside the symbol, over a faint glow.
    const Sprite &alarmHalo(NodeRole role, Alarm::Severity severity);
    // Logical radius of the halo's ring (the blink and the legend draw at it).
    double haloRadius(NodeRole role) const { return outerRadius(role) + 3.5 * m_scale; }
    static void paintHalo(class QPainter &painter, const QColor &colour, double radius, double scale);
    // Logical radius of the whole symbol including its utilization ring: for hit-testing and labels.
    double outerRadius(NodeRole role) const;

    // Draws one symbol at the origin onto any painter (sprites, the legend and the baseline benchmark).
    static void paintSymbol(class QPainter &painter, NodeRole role, DisplayStatus status, int utilizationStep,
                            double scale);

private:
    double m_dpr = 1.0;
    double m_scale = 1.0;
    QHash<int, Sprite> m_cache;
    QHash<int, Sprite> m_halos;
};

} // namespace cpn::map
