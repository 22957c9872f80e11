#include "widgets/map/mapstyle.h"

#include "widgets/statuscolors.h"

#include <algorithm>
#include <cmath>

namespace cpn::map::style {

namespace {

struct Stop
{
    double at;
    QColor color;
};

QColor ramp(const QList<Stop> &stops, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    for (qsizetype i = 1; i < stops.size(); ++i) {
        if (t <= stops[i].at) {
            const Stop &a = stops[i - 1];
            const Stop &b = stops[i];
            const double u = (t - a.at) / std::max(1e-9, b.at - a.at);
            return QColor::fromRgbF(float(a.color.redF() + (b.color.redF() - a.color.redF()) * u),
                                    float(a.color.greenF() + (b.color.greenF() - a.color.greenF()) * u),
                                    float(a.color.blueF() + (b.color.blueF() - a.color.blueF()) * u));
        }
    }
    return stops.constLast().color;
}

} // namespace

QColor tierColor(NodeTier tier)
{
    switch (tier) {
    case NodeTier::National:
        return {0xff, 0xd3, 0x4d}; // gold
    case NodeTier::Regional:
        return {0x5f, 0xd0, 0xff}; // cyan
    case NodeTier::Industry:
        return {0xe8, 0xee, 0xf5}; // near white
    }
    return Qt::white;
}

QColor statusColor(DisplayStatus status)
{
    return colors::status(status);
}

QColor linkColor(double utilization)
{
    static const QList<Stop> stops{{0.0, QColor(0x2d, 0x63, 0x9c)}, {0.35, QColor(0x2a, 0xa8, 0xb8)},
                                   {0.6, QColor(0x4c, 0xc0, 0x5a)}, {0.8, QColor(0xf0, 0xb4, 0x29)},
                                   {0.95, QColor(0xf0, 0x4a, 0x43)}, {1.0, QColor(0xff, 0x3b, 0x5c)}};
    return ramp(stops, utilization);
}

QColor shadeLoad(double t)
{
    static const QList<Stop> stops{{0.0, QColor(0x17, 0x2b, 0x3a)}, {0.5, QColor(0x1f, 0x4d, 0x47)},
                                   {0.75, QColor(0x5a, 0x4f, 0x1f)}, {1.0, QColor(0x6e, 0x25, 0x26)}};
    return ramp(stops, t);
}

QColor shadeSupply(double t)
{
    static const QList<Stop> stops{{0.0, QColor(0x18, 0x22, 0x2d)}, {0.5, QColor(0x17, 0x40, 0x52)},
                                   {1.0, QColor(0x1a, 0x6a, 0x78)}};
    return ramp(stops, t);
}

QColor shadePrice(double t)
{
    static const QList<Stop> stops{{0.0, QColor(0x17, 0x45, 0x3d)}, {0.5, QColor(0x2a, 0x34, 0x40)},
                                   {1.0, QColor(0x5e, 0x3f, 0x1c)}};
    return ramp(stops, t);
}

int linkColorStep(double utilization)
{
    return std::clamp(int(std::lround(utilization * (kLinkColorSteps - 1))), 0, kLinkColorSteps - 1);
}

int linkWidthClass(double capacityGbps)
{
    if (capacityGbps >= 1000)
        return 2;
    if (capacityGbps >= 400)
        return 1;
    return 0;
}

double linkWidth(int widthClass)
{
    switch (widthClass) {
    case 0:
        return 1.0;
    case 1:
        return 1.8;
    default:
        return 2.8;
    }
}

QList<double> linkWidthThresholds()
{
    return {0, 400, 1000};
}

double symbolRadius(NodeRole role)
{
    switch (role) {
    case NodeRole::National:
        return 11;
    case NodeRole::Hub:
        return 8;
    case NodeRole::Cluster:
        return 6;
    case NodeRole::Industry:
        return 3.6;
    }
    return 4;
}

QString percentText(double fraction)
{
    return QStringLiteral("%1 %").arg(std::lround(fraction * 100));
}

} // namespace cpn::map::style
