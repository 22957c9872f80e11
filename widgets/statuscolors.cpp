#include "widgets/statuscolors.h"

#include <algorithm>

namespace cpn::colors {

namespace {

const QColor kGreen(0x3f, 0xb9, 0x50);
const QColor kAmber(0xe3, 0xa0, 0x08);
const QColor kRed(0xf0, 0x4a, 0x43);
const QColor kBlue(0x4c, 0x9a, 0xff);
const QColor kGrey(0x8a, 0x96, 0xa6);

// Hue interpolation: an RGB blend of green and amber is a muddy olive that reads as neither.
QColor mixHue(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const float h = float(a.hsvHueF() + (b.hsvHueF() - a.hsvHueF()) * t);
    const float s = float(a.hsvSaturationF() + (b.hsvSaturationF() - a.hsvSaturationF()) * t);
    const float v = float(a.valueF() + (b.valueF() - a.valueF()) * t);
    return QColor::fromHsvF(h, s, v);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

QColor status(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Online:
        return kGreen;
    case DisplayStatus::Degraded:
        return kAmber;
    case DisplayStatus::Stale:
        return kGrey;
    case DisplayStatus::Maintenance:
        return kBlue;
    case DisplayStatus::Offline:
        return kRed;
    }
    return kGrey;
}

QColor severity(EventLogModel::Severity severity)
{
    switch (severity) {
    case EventLogModel::Severity::Info:
        return kGrey;
    case EventLogModel::Severity::Warning:
        return kAmber;
    case EventLogModel::Severity::Error:
        return kRed;
    }
    return kGrey;
}

QColor alarmSeverity(Alarm::Severity severity)
{
    // The usual ladder (red-orange, orange, yellow, blue) with critical in magenta: the map already
    // uses red for saturated links and offline nodes.
    switch (severity) {
    case Alarm::Severity::Critical:
        return QColor(0xe0, 0x40, 0xfb);
    case Alarm::Severity::Major:
        return QColor(0xff, 0x6a, 0x3d);
    case Alarm::Severity::Minor:
        return QColor(0xff, 0xa9, 0x4d);
    case Alarm::Severity::Warning:
        return QColor(0xff, 0xd8, 0x4d);
    case Alarm::Severity::Info:
        return QColor(0x74, 0x99, 0xff);
    }
    return kGrey;
}

QColor utilization(double fraction)
{
    if (fraction < 0.6)
        return kGreen;
    if (fraction < 0.8)
        return mixHue(kGreen, kAmber, (fraction - 0.6) / 0.2);
    return mixHue(kAmber, kRed, (fraction - 0.8) / 0.15);
}

QColor greenShare(double fraction)
{
    return mix(QColor(0x3d, 0x6b, 0x80), QColor(0x2f, 0xc2, 0x9b), fraction);
}

} // namespace cpn::colors
