#include "charts/valuescale.h"

#include <QDateTime>
#include <QStringList>

#include <array>
#include <cmath>

namespace cpn::charts {
namespace {

// Units a thousand apart, smallest first.
const QList<QStringList> &unitLadders()
{
    static const QList<QStringList> ladders{
        {QStringLiteral("kW"), QStringLiteral("MW"), QStringLiteral("GW")},
        {QStringLiteral("Gbit/s"), QStringLiteral("Tbit/s")},
    };
    return ladders;
}

int exponentOf(double value)
{
    return int(std::floor(std::log10(value) + 1e-9)); // 1e-9: log10(1000) may fall just short of 3
}

} // namespace

ValueScale ValueScale::fit(const QString &storedUnit, double storedMax)
{
    ValueScale scale;
    scale.unit = storedUnit;
    for (const QStringList &ladder : unitLadders()) {
        for (qsizetype i = ladder.indexOf(storedUnit) + 1; i > 0 && i < ladder.size(); ++i) {
            if (storedMax < scale.divisor * 1000)
                break;
            scale.divisor *= 1000;
            scale.unit = ladder.at(i);
        }
    }
    constexpr int kSteps = 4;
    const double top = storedMax > 0 ? storedMax / scale.divisor : 1;
    const double wanted = top * 1.1 / kSteps; // a tenth of room above the highest value
    const int exponent = exponentOf(wanted);
    const double magnitude = std::pow(10.0, exponent);
    for (const double mantissa : std::array{1.0, 2.0, 2.5, 5.0, 10.0}) {
        const double step = mantissa * magnitude;
        if (step < wanted * (1 - 1e-9))
            continue;
        scale.max = kSteps * step;
        scale.tickCount = kSteps + 1;
        // 2.5 has a decimal more than its power of ten; 10 one fewer.
        const int stepExponent = mantissa == 10.0 ? exponent + 1 : exponent;
        scale.decimals = std::max(0, (mantissa == 2.5 ? 1 : 0) - stepExponent);
        break;
    }
    return scale;
}

QList<qint64> roundTimeTicks(qint64 fromMs, qint64 toMs, int atMost)
{
    static const qint64 steps[] = {60'000,     300'000,    600'000,    900'000,
                                   1'800'000,  3'600'000,  7'200'000,  10'800'000,
                                   21'600'000, 43'200'000, 86'400'000, 172'800'000};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if ((toMs - fromMs) / s <= atMost) {
            step = s;
            break;
        }
    }
    // Round in local time: "14:00" rather than whatever UTC's round hour is here.
    const qint64 offset = QDateTime::fromMSecsSinceEpoch(fromMs).offsetFromUtc() * 1000LL;
    QList<qint64> ticks;
    for (qint64 t = (fromMs + offset + step - 1) / step * step - offset; t <= toMs; t += step)
        ticks.append(t);
    return ticks;
}

} // namespace cpn::charts
