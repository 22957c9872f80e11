#include "widgets/charts/seriescolors.h"

#include "domain/metricnames.h"

#include <QHash>

#include <algorithm>
#include <iterator>

namespace cpn::charts {
namespace {

// Colours for accelerator models: none of them is one of the fixed colours below.
const QColor kAcceleratorPalette[] = {
    QColor(0xff, 0xb7, 0x4d), QColor(0xba, 0x68, 0xc8), QColor(0xdc, 0xe7, 0x75), QColor(0xff, 0x8a, 0x65),
    QColor(0x9f, 0xa8, 0xda), QColor(0xf4, 0x8f, 0xb1), QColor(0x80, 0xcb, 0xc4), QColor(0xe6, 0xee, 0x9c)};
constexpr int kAcceleratorSlots = int(std::size(kAcceleratorPalette));

QColor fixedColor(const QString &metric)
{
    static const QHash<QString, QColor> colors = {
        {QStringLiteral("cpu"), QColor(0x4f, 0xc3, 0xf7)},        // node and region
        {QStringLiteral("accel"), QColor(0xff, 0xb7, 0x4d)},      // region: every accelerator
        {QStringLiteral("memory"), QColor(0x81, 0xc7, 0x84)},     //
        {QStringLiteral("storage"), QColor(0xa1, 0x88, 0x7f)},    //
        {QStringLiteral("power_kw"), QColor(0xf0, 0x62, 0x92)},   //
        {QStringLiteral("ab_gbps"), QColor(0x4f, 0xc3, 0xf7)},    // links
        {QStringLiteral("ba_gbps"), QColor(0x81, 0xc7, 0x84)},    //
        {QStringLiteral("latency_ms"), QColor(0x4d, 0xd0, 0xe1)}, //
        {QStringLiteral("loss_pct"), QColor(0xf0, 0x62, 0x92)},
    };
    return colors.value(metric);
}

int acceleratorSlot(const QString &model)
{
    // FNV-1a over the UTF-8 name: the same slot in every run and on every machine.
    quint32 hash = 2166136261u;
    for (const char c : model.toUtf8()) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return int(hash % kAcceleratorSlots);
}

} // namespace

QColor seriesColor(const QString &metric)
{
    QString model;
    if (metrics::isAcceleratorMetric(metric, &model))
        return kAcceleratorPalette[acceleratorSlot(model)];
    const QColor fixed = fixedColor(metric);
    return fixed.isValid() ? fixed : QColor(0xb0, 0xbe, 0xc5);
}

QList<QColor> seriesColors(const QStringList &metrics)
{
    QList<QColor> colors;
    for (const QString &metric : metrics)
        colors.append(seriesColor(metric));
    // Accelerator models sharing a slot: the first by name keeps it, the others probe onwards.
    QList<qsizetype> accelerators;
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        if (metrics::isAcceleratorMetric(metrics.at(i)))
            accelerators.append(i);
    }
    std::sort(accelerators.begin(), accelerators.end(),
              [&](qsizetype a, qsizetype b) { return metrics.at(a) < metrics.at(b); });
    QList<int> taken;
    for (const qsizetype i : std::as_const(accelerators)) {
        QString model;
        metrics::isAcceleratorMetric(metrics.at(i), &model);
        int slot = acceleratorSlot(model);
        for (int probe = 0; probe < kAcceleratorSlots && taken.contains(slot); ++probe)
            slot = (slot + 1) % kAcceleratorSlots;
        taken.append(slot);
        colors[i] = kAcceleratorPalette[slot];
    }
    return colors;
}

QColor alarmBandColor(Alarm::Severity severity)
{
    QColor color(0x8a, 0x94, 0xa0);
    switch (severity) {
    case Alarm::Severity::Critical:
        color = QColor(0xc6, 0x28, 0x28);
        break;
    case Alarm::Severity::Major:
        color = QColor(0xe6, 0x5c, 0x00);
        break;
    case Alarm::Severity::Minor:
        color = QColor(0xf2, 0xa9, 0x00);
        break;
    case Alarm::Severity::Warning:
        color = QColor(0x2e, 0x86, 0xc1);
        break;
    case Alarm::Severity::Info:
        break;
    }
    // Light enough for the lines to read through it on the dark plot.
    color.setAlpha(70);
    return color;
}

} // namespace cpn::charts
