#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <span>

// Reduction of a time series to what a plot of a given pixel width can show. Pure functions over
// spans of ascending epoch-ms times and their values; x of each output point is the time in ms
// (what QDateTimeAxis expects).
namespace cpn::charts {

// Index of the first sample at or after fromMs / the first after toMs (binary search).
qsizetype lowerIndex(std::span<const qint64> times, qint64 fromMs);
qsizetype upperIndex(std::span<const qint64> times, qint64 toMs);

// Samples in [fromMs, toMs] split into `columns` equal time columns; each column yields its
// minimum and its maximum sample, in time order (one point when they coincide). Every spike
// survives and the output has at most 2 x columns points. A range holding no more than
// 2 x columns samples is returned as it is.
QList<QPointF> minMaxPerColumn(std::span<const qint64> times, std::span<const double> values, qint64 fromMs,
                               qint64 toMs, int columns);

// The same over samples that each span a range (roll-up buckets from the cache: `lows` are their
// minima, `highs` their maxima): each column yields its lowest low and its highest high, so a spike
// inside a bucket survives however many buckets share a column. A bucket whose low and high differ
// gives two points at its time (a vertical stroke). With lows equal to highs this is minMaxPerColumn.
QList<QPointF> minMaxEnvelopePerColumn(std::span<const qint64> times, std::span<const double> lows,
                                       std::span<const double> highs, qint64 fromMs, qint64 toMs, int columns);

// Largest-Triangle-Three-Buckets (Steinarsson 2013) to `threshold` points over the whole input:
// keeps the visual shape with fewer points, but may drop a lone spike. Input shorter than the
// threshold (or a threshold under 3) comes back unchanged.
QList<QPointF> lttb(std::span<const qint64> times, std::span<const double> values, int threshold);

// Index of the sample nearest in time to tMs, or -1 for an empty series.
qsizetype nearestIndex(std::span<const qint64> times, qint64 tMs);

} // namespace cpn::charts
