#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <cmath>
#include <span>

// Reduction of a time series to what a plot of a given pixel width can show. Pure functions over
// spans of ascending epoch-ms times and their values; x of each output point is the time in ms
// (what QDateTimeAxis expects).
namespace cpn::charts {

// Index of the first sample at or after fromMs / the first after toMs (binary search).
qsizetype lowerIndex(std::span<const qint64> times, qint64 fromMs);
qsizetype upperIndex(std::span<const qint64> times, qint64 toMs);

// A break in a line: where two neighbouring samples lie more than maxGapMs apart (no data in
// between), the reductions below put this point between them, its value NaN, so that a plot lifts
// the pen there instead of drawing a straight line across the gap.
inline QPointF lineBreak(double tMs)
{
    return QPointF(tMs, std::nan(""));
}
inline bool isLineBreak(const QPointF &p)
{
    return std::isnan(p.y());
}

// Samples in [fromMs, toMs] split into `columns` equal time columns; each column yields its
// minimum and its maximum sample, in time order (one point when they coincide). Every spike
// survives and the output has at most 2 x columns points (and the breaks). A range holding no more
// than 2 x columns samples is returned as it is (with the breaks). maxGapMs 0: never a break.
QList<QPointF> minMaxPerColumn(std::span<const qint64> times, std::span<const double> values, qint64 fromMs,
                               qint64 toMs, int columns, qint64 maxGapMs = 0);

// The same over samples that each span a range (roll-up buckets from the cache: `lows` are their
// minima, `highs` their maxima): each column yields its lowest low and its highest high, so a spike
// inside a bucket survives however many buckets share a column. A bucket whose low and high differ
// gives two points at its time (a vertical stroke). With lows equal to highs this is minMaxPerColumn.
QList<QPointF> minMaxEnvelopePerColumn(std::span<const qint64> times, std::span<const double> lows,
                                       std::span<const double> highs, qint64 fromMs, qint64 toMs, int columns,
                                       qint64 maxGapMs = 0);

// The gap past which a line breaks, for samples taken every stepMs: more than two and a half steps,
// so one missed sample (two steps, give or take jitter) still joins and two missed ones break.
inline qint64 maxGapFor(qint64 stepMs)
{
    return stepMs > 0 ? stepMs * 5 / 2 : 0;
}

// The usual spacing of ascending sample times (their median step); 0 with fewer than two samples.
qint64 typicalStepMs(std::span<const qint64> times);

// Largest-Triangle-Three-Buckets (Steinarsson 2013) to `threshold` points over the whole input:
// keeps the visual shape with fewer points, but may drop a lone spike. Input shorter than the
// threshold (or a threshold under 3) comes back unchanged.
QList<QPointF> lttb(std::span<const qint64> times, std::span<const double> values, int threshold);

// Index of the sample nearest in time to tMs, or -1 for an empty series.
qsizetype nearestIndex(std::span<const qint64> times, qint64 tMs);

} // namespace cpn::charts
