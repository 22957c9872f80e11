#include "charts/valuescale.h"

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

} // namespace cpn::charts
