#include "charts/downsample.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace cpn::charts {

qsizetype lowerIndex(std::span<const qint64> times, qint64 fromMs)
{
    return std::lower_bound(times.begin(), times.end(), fromMs) - times.begin();
}

qsizetype upperIndex(std::span<const qint64> times, qint64 toMs)
{
    return std::upper_bound(times.begin(), times.end(), toMs) - times.begin();
}

QList<QPointF> minMaxPerColumn(std::span<const qint64> times, std::span<const double> values, qint64 fromMs,
                               qint64 toMs, int columns, qint64 maxGapMs)
{
    return minMaxEnvelopePerColumn(times, values, values, fromMs, toMs, columns, maxGapMs);
}

QList<QPointF> minMaxEnvelopePerColumn(std::span<const qint64> times, std::span<const double> lows,
                                       std::span<const double> highs, qint64 fromMs, qint64 toMs, int columns,
                                       qint64 maxGapMs)
{
    QList<QPointF> out;
    const qsizetype first = lowerIndex(times, fromMs);
    const qsizetype last = upperIndex(times, toMs);
    const qsizetype n = last - first;
    if (n <= 0 || columns <= 0)
        return out;
    // A break before sample i when no sample lies within maxGapMs before it (in the range).
    auto breakBefore = [&](qsizetype i) {
        if (maxGapMs > 0 && i > first && times[size_t(i)] - times[size_t(i - 1)] > maxGapMs)
            out.append(lineBreak(0.5 * double(times[size_t(i - 1)] + times[size_t(i)])));
    };
    // One sample's low, then its high when that differs.
    auto appendSample = [&](qsizetype i) {
        const double t = double(times[size_t(i)]);
        out.append(QPointF(t, lows[size_t(i)]));
        if (highs[size_t(i)] != lows[size_t(i)])
            out.append(QPointF(t, highs[size_t(i)]));
    };
    if (n <= 2 * qsizetype(columns)) {
        out.reserve(n);
        for (qsizetype i = first; i < last; ++i) {
            breakBefore(i);
            appendSample(i);
        }
        return out;
    }
    out.reserve(2 * columns);
    const double span = double(std::max<qint64>(1, toMs - fromMs));
    const double perColumn = span / columns;
    qsizetype i = first;
    while (i < last) {
        // The column of sample i; the column runs until the first sample of the next column.
        const int column = std::min(columns - 1, int(double(times[size_t(i)] - fromMs) / perColumn));
        const qint64 columnEnd =
            column == columns - 1 ? toMs + 1 : fromMs + qint64(std::ceil((column + 1) * perColumn));
        // A gap inside a column is narrower than a pixel: only those between columns show.
        breakBefore(i);
        qsizetype minAt = i;
        qsizetype maxAt = i;
        qsizetype j = i + 1;
        for (; j < last && times[size_t(j)] < columnEnd; ++j) {
            if (lows[size_t(j)] < lows[size_t(minAt)])
                minAt = j;
            if (highs[size_t(j)] > highs[size_t(maxAt)])
                maxAt = j;
        }
        if (minAt == maxAt) {
            appendSample(minAt);
        } else if (minAt < maxAt) {
            out.append(QPointF(double(times[size_t(minAt)]), lows[size_t(minAt)]));
            out.append(QPointF(double(times[size_t(maxAt)]), highs[size_t(maxAt)]));
        } else {
            out.append(QPointF(double(times[size_t(maxAt)]), highs[size_t(maxAt)]));
            out.append(QPointF(double(times[size_t(minAt)]), lows[size_t(minAt)]));
        }
        i = j;
    }
    return out;
}

QList<QPointF> lttb(std::span<const qint64> times, std::span<const double> values, int threshold)
{
    const qsizetype n = qsizetype(times.size());
    QList<QPointF> out;
    if (threshold < 3 || n <= threshold) {
        out.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            out.append(QPointF(double(times[size_t(i)]), values[size_t(i)]));
        return out;
    }
    out.reserve(threshold);
    const double every = double(n - 2) / (threshold - 2);
    qsizetype a = 0;
    out.append(QPointF(double(times[0]), values[0]));
    for (int bucket = 0; bucket < threshold - 2; ++bucket) {
        // Average of the next bucket: the third corner of the triangle.
        const qsizetype nextStart = qsizetype(std::floor((bucket + 1) * every)) + 1;
        const qsizetype nextEnd = std::min(n, qsizetype(std::floor((bucket + 2) * every)) + 1);
        double avgX = 0;
        double avgY = 0;
        for (qsizetype k = nextStart; k < nextEnd; ++k) {
            avgX += double(times[size_t(k)]);
            avgY += values[size_t(k)];
        }
        const qsizetype count = std::max<qsizetype>(1, nextEnd - nextStart);
        avgX /= double(count);
        avgY /= double(count);

        const qsizetype start = qsizetype(std::floor(bucket * every)) + 1;
        const qsizetype end = qsizetype(std::floor((bucket + 1) * every)) + 1;
        const double ax = double(times[size_t(a)]);
        const double ay = values[size_t(a)];
        double bestArea = -1;
        qsizetype best = start;
        for (qsizetype k = start; k < end; ++k) {
            const double area = std::abs((ax - avgX) * (values[size_t(k)] - ay) -
                                         (ax - double(times[size_t(k)])) * (avgY - ay));
            if (area > bestArea) {
                bestArea = area;
                best = k;
            }
        }
        out.append(QPointF(double(times[size_t(best)]), values[size_t(best)]));
        a = best;
    }
    out.append(QPointF(double(times[size_t(n - 1)]), values[size_t(n - 1)]));
    return out;
}

qint64 typicalStepMs(std::span<const qint64> times)
{
    if (times.size() < 2)
        return 0;
    std::vector<qint64> steps;
    steps.reserve(times.size() - 1);
    for (size_t i = 1; i < times.size(); ++i)
        steps.push_back(times[i] - times[i - 1]);
    const auto middle = steps.begin() + std::ptrdiff_t(steps.size() / 2);
    std::nth_element(steps.begin(), middle, steps.end());
    return *middle;
}

qsizetype nearestIndex(std::span<const qint64> times, qint64 tMs)
{
    if (times.empty())
        return -1;
    const qsizetype i = lowerIndex(times, tMs);
    if (i == 0)
        return 0;
    if (i == qsizetype(times.size()))
        return i - 1;
    return (times[size_t(i)] - tMs) < (tMs - times[size_t(i - 1)]) ? i : i - 1;
}

} // namespace cpn::charts
