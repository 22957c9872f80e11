#include "widgets/charts/seriesfeeder.h"

#include "charts/downsample.h"

#include <QXYSeries>

#include <algorithm>
#include <iterator>
#include <limits>

namespace cpn::charts {

// Equal, a break being equal to a break at the same time (NaN equals nothing).
static bool samePoint(const QPointF &a, const QPointF &b)
{
    return a.x() == b.x() && (a.y() == b.y() || (isLineBreak(a) && isLineBreak(b)));
}

// What QtCharts is given: it has no notion of a break, so the breaks are left out (that renderer is
// only kept as bench_charts' baseline).
static QList<QPointF> withoutBreaks(const QList<QPointF> &points)
{
    QList<QPointF> out;
    out.reserve(points.size());
    std::copy_if(points.begin(), points.end(), std::back_inserter(out),
                 [](const QPointF &p) { return !isLineBreak(p); });
    return out;
}

int SeriesFeeder::addSeries(QXYSeries *series, const QString &unit, const SampleStore *live)
{
    Source s;
    s.series = series;
    s.unit = unit;
    s.live = live;
    m_sources.push_back(std::move(s));
    return count() - 1;
}

int SeriesFeeder::addConstant(QXYSeries *series, const QString &unit, double value)
{
    Source s;
    s.series = series;
    s.unit = unit;
    s.constant = value;
    m_sources.push_back(std::move(s));
    return count() - 1;
}

void SeriesFeeder::setLive(int index, const SampleStore *live)
{
    m_sources[size_t(index)].live = live;
}

void SeriesFeeder::setHistory(int index, std::vector<qint64> times, std::vector<double> values)
{
    Source &s = m_sources[size_t(index)];
    s.historyTimes = std::move(times);
    s.historyValues = std::move(values);
    s.historyStepMs = typicalStepMs(s.historyTimes);
    s.historyLows.clear();
    s.historyHighs.clear();
}

void SeriesFeeder::setHistory(int index, std::vector<qint64> times, std::vector<double> means,
                              std::vector<double> lows, std::vector<double> highs)
{
    Q_ASSERT(means.size() == times.size() && lows.size() == times.size() && highs.size() == times.size());
    Source &s = m_sources[size_t(index)];
    s.historyTimes = std::move(times);
    s.historyValues = std::move(means);
    s.historyStepMs = typicalStepMs(s.historyTimes);
    s.historyLows = std::move(lows);
    s.historyHighs = std::move(highs);
}

void SeriesFeeder::clearHistory()
{
    for (Source &s : m_sources) {
        s.historyTimes.clear();
        s.historyValues.clear();
        s.historyLows.clear();
        s.historyHighs.clear();
    }
}

void SeriesFeeder::setFeedsSeries(bool feeds)
{
    m_feedsSeries = feeds;
    for (Source &s : m_sources) {
        if (feeds)
            s.series->replace(withoutBreaks(s.points));
        else if (s.series->count() > 0)
            s.series->replace(QList<QPointF>{});
    }
}

qsizetype SeriesFeeder::historyEnd(const Source &s)
{
    if (!s.live || s.live->isEmpty())
        return qsizetype(s.historyTimes.size());
    return lowerIndex(s.historyTimes, s.live->firstTime());
}

void SeriesFeeder::refresh(qint64 fromMs, qint64 toMs, int columns)
{
    prepare(fromMs, toMs, columns);
    commit();
}

void SeriesFeeder::prepare(qint64 fromMs, qint64 toMs, int columns)
{
    columns = std::max(1, columns);
    for (Source &s : m_sources) {
        if (s.series->count() > 0)
            s.series->replace(QList<QPointF>{});
        QList<QPointF> &points = s.reduced;
        points.clear();
        if (s.constant) {
            points = {QPointF(double(fromMs), *s.constant), QPointF(double(toMs), *s.constant)};
            s.max = *s.constant;
            continue;
        }
        const qsizetype hEnd = historyEnd(s);
        const std::span<const qint64> ht(s.historyTimes.data(), size_t(hEnd));
        const bool envelope = !s.historyLows.empty();
        const std::span<const double> hLow(envelope ? s.historyLows.data() : s.historyValues.data(), size_t(hEnd));
        const std::span<const double> hHigh(envelope ? s.historyHighs.data() : s.historyValues.data(),
                                            size_t(hEnd));
        // Both parts on the same grid of columns over [fromMs, toMs]: a column keeps its points from
        // one tick to the next while the range stays, unless its own samples changed.
        if (hEnd > 0)
            points =
                minMaxEnvelopePerColumn(ht, hLow, hHigh, fromMs, toMs, columns, maxGapFor(s.historyStepMs));
        if (s.live && !s.live->isEmpty()) {
            const qint64 maxGap = maxGapFor(m_liveStepMs);
            const QList<QPointF> live =
                minMaxPerColumn(s.live->times(), s.live->values(), fromMs, toMs, columns, maxGap);
            // The console was not running, or not connected, between the cache's samples and these.
            if (!points.isEmpty() && !live.isEmpty() && live.first().x() - points.last().x() > double(maxGap))
                points.append(lineBreak(0.5 * (points.last().x() + live.first().x())));
            points += live;
        }
        s.max = 0;
        for (const QPointF &p : std::as_const(points)) {
            if (!isLineBreak(p))
                s.max = std::max(s.max, p.y());
        }
    }
}

// The time span holding every segment that differs between two lines: from the last point of their
// common prefix to the first point of their common suffix.
static std::optional<std::pair<double, double>> changedSpan(const QList<QPointF> &before,
                                                            const QList<QPointF> &after)
{
    const qsizetype common = std::min(before.size(), after.size());
    qsizetype head = 0;
    while (head < common && samePoint(before[head], after[head]))
        ++head;
    if (head == before.size() && head == after.size())
        return std::nullopt;
    qsizetype tail = 0;
    while (tail < common - head &&
           samePoint(before[before.size() - 1 - tail], after[after.size() - 1 - tail]))
        ++tail;
    constexpr double inf = std::numeric_limits<double>::infinity();
    return std::pair{head > 0 ? after[head - 1].x() : -inf, tail > 0 ? after[after.size() - tail].x() : inf};
}

void SeriesFeeder::commit()
{
    m_change = {};
    for (Source &s : m_sources) {
        if (s.divisor != 1) {
            for (QPointF &p : s.reduced)
                p.ry() /= s.divisor; // a break's NaN stays NaN
        }
        if (const auto span = changedSpan(s.points, s.reduced)) {
            m_change.fromMs = m_change.any ? std::min(m_change.fromMs, span->first) : span->first;
            m_change.toMs = m_change.any ? std::max(m_change.toMs, span->second) : span->second;
            m_change.any = true;
        }
        s.points = std::move(s.reduced);
        s.reduced = {};
        if (m_feedsSeries)
            s.series->replace(withoutBreaks(s.points));
    }
}

std::optional<SeriesFeeder::Sample> SeriesFeeder::nearest(int index, qint64 tMs, qint64 fromMs,
                                                          qint64 toMs) const
{
    const Source &s = m_sources[size_t(index)];
    if (s.constant)
        return Sample{tMs, *s.constant};
    std::optional<Sample> best;
    auto consider = [&](std::span<const qint64> t, std::span<const double> v) {
        const qsizetype first = lowerIndex(t, fromMs);
        const qsizetype last = upperIndex(t, toMs);
        if (last <= first)
            return;
        const qsizetype i = first + nearestIndex(t.subspan(size_t(first), size_t(last - first)), tMs);
        const Sample candidate{t[size_t(i)], v[size_t(i)]};
        if (!best || std::abs(candidate.tsMs - tMs) < std::abs(best->tsMs - tMs))
            best = candidate;
    };
    const qsizetype hEnd = historyEnd(s);
    consider({s.historyTimes.data(), size_t(hEnd)}, {s.historyValues.data(), size_t(hEnd)});
    if (s.live)
        consider(s.live->times(), s.live->values());
    return best;
}

bool SeriesFeeder::span(qint64 *fromMs, qint64 *toMs) const
{
    bool any = false;
    for (const Source &s : m_sources) {
        auto take = [&](qint64 a, qint64 b) {
            *fromMs = any ? std::min(*fromMs, a) : a;
            *toMs = any ? std::max(*toMs, b) : b;
            any = true;
        };
        if (!s.historyTimes.empty())
            take(s.historyTimes.front(), s.historyTimes.back());
        if (s.live && !s.live->isEmpty())
            take(s.live->firstTime(), s.live->lastTime());
    }
    return any;
}

QList<CsvSeries> SeriesFeeder::samples(qint64 fromMs, qint64 toMs) const
{
    QList<CsvSeries> out;
    for (const Source &s : m_sources) {
        if (s.constant)
            continue;
        CsvSeries c{s.series->name(), s.unit, {}, {}};
        auto take = [&](std::span<const qint64> t, std::span<const double> v) {
            for (qsizetype i = lowerIndex(t, fromMs), e = upperIndex(t, toMs); i < e; ++i) {
                c.times.push_back(t[size_t(i)]);
                c.values.push_back(v[size_t(i)]);
            }
        };
        const qsizetype hEnd = historyEnd(s);
        take({s.historyTimes.data(), size_t(hEnd)}, {s.historyValues.data(), size_t(hEnd)});
        if (s.live)
            take(s.live->times(), s.live->values());
        out.append(std::move(c));
    }
    return out;
}

} // namespace cpn::charts
