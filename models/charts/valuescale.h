#pragma once

#include <QList>
#include <QString>

namespace cpn::charts {

// How a value axis reads for what it shows: a unit people read at a glance (81,800 kW is shown as
// 81.8 MW, 2,400 Gbit/s as 2.4 Tbit/s) and a range from 0 in four equal steps of 1, 2, 2.5 or 5
// times a power of ten, so every tick label is a round number. Stored values keep their own unit
// (the samples, the cache and CSV exports); only what is drawn and labelled is divided.
struct ValueScale
{
    QString unit;       // the unit shown
    double divisor = 1; // shown value = stored value / divisor
    double max = 1;     // the axis' top in the unit shown; the axis starts at 0
    int tickCount = 5;
    int decimals = 0; // what the tick labels need to tell their values apart

    double shown(double stored) const { return stored / divisor; }

    // storedMax: the largest value to show, in storedUnit. Units other than kW and Gbit/s and
    // their larger relatives keep their unit.
    static ValueScale fit(const QString &storedUnit, double storedMax);
};

// Ticks for a time axis at round local times (whole minutes up to whole days), at most `atMost` of them
// between fromMs and toMs (epoch ms).
QList<qint64> roundTimeTicks(qint64 fromMs, qint64 toMs, int atMost = 6);

} // namespace cpn::charts
