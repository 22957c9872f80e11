#pragma once

#include "charts/chartcsv.h"
#include "charts/samplestore.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

class QXYSeries;

namespace cpn::charts {

// Prepares what a plot can show: for each line series, the stored samples (history read from the
// cache, then the live SampleStore) reduced to min/max per pixel column of the visible range, with
// a break (isLineBreak()) wherever the samples have a gap, so a gap looks like one. The
// reduced points are kept here (points()) for a PlotLayer to draw, or, with setFeedsSeries(true),
// given to the QLineSeries with QXYSeries::replace() (never clear-and-append) for QtCharts to draw.
// The samples stay here, so the crosshair and the CSV export see exact stored values, not the
// reduced line.
class SeriesFeeder
{
public:
    struct Sample
    {
        qint64 tsMs = 0;
        double value = 0;
    };

    // Returns the index of the source. `live` may be null (history only) and must outlive this.
    int addSeries(QXYSeries *series, const QString &unit, const SampleStore *live);
    // A horizontal reference line (a link's capacity): no samples of its own.
    int addConstant(QXYSeries *series, const QString &unit, double value);
    void setLive(int index, const SampleStore *live);
    // How often live samples come (the federation's sampling interval): where none came for more
    // than about two of these, the line breaks. History breaks by its own usual spacing.
    void setLiveStepMs(qint64 stepMs) { m_liveStepMs = stepMs; }
    // Older samples (from the cache); those at or after the first live sample are ignored.
    void setHistory(int index, std::vector<qint64> times, std::vector<double> values);
    // Roll-up buckets: `means` are what the crosshair and the CSV give, while the line is drawn
    // through each bucket's `lows` and `highs` (its min and max), so no spike is lost.
    void setHistory(int index, std::vector<qint64> times, std::vector<double> means, std::vector<double> lows,
                    std::vector<double> highs);
    void clearHistory();

    int count() const { return int(m_sources.size()); }
    QXYSeries *series(int index) const { return m_sources[size_t(index)].series; }
    // The stored samples' unit (what the CSV export writes).
    QString unit(int index) const { return m_sources[size_t(index)].unit; }
    // The plot shows a series in a larger unit than it is stored in (MW for kW): its points are the
    // stored values divided by this, from the next commit() on. The samples stay as stored.
    void setDivisor(int index, double divisor) { m_sources[size_t(index)].divisor = divisor; }
    double divisor(int index) const { return m_sources[size_t(index)].divisor; }
    bool isConstant(int index) const { return m_sources[size_t(index)].constant.has_value(); }

    // True: commit() also replaces the points of the QLineSeries (QtCharts draws them). False (the
    // default): the series stay empty and only points() changes (a PlotLayer draws them).
    void setFeedsSeries(bool feeds);
    bool feedsSeries() const { return m_feedsSeries; }

    // Reduces each series over [fromMs, toMs] to `columns` pixel columns and commits the points.
    void refresh(qint64 fromMs, qint64 toMs, int columns);
    // refresh() in two steps, so the caller can set the axes in between: QtCharts recomputes a
    // series' geometry (and its hit-test stroke, the dominant cost) on every axis change, so the
    // axes should move while the series are empty, once per tick. prepare() empties the series and
    // reduces; maxValue() is then the largest reduced value of a series (in the stored unit, so the
    // caller can choose the divisor from it); commit() divides and hands them over.
    void prepare(qint64 fromMs, qint64 toMs, int columns);
    double maxValue(int index) const { return m_sources[size_t(index)].max; }
    void commit();
    // The reduced points of the last commit(), in (epoch ms, value / divisor): what the plot shows; a point
    // with a NaN value (isLineBreak()) is a gap, where the line is not drawn.
    const QList<QPointF> &points(int index) const { return m_sources[size_t(index)].points; }
    // Where the lines of the last commit() differ from those before it: every changed segment lies
    // within [fromMs, toMs] (either may be infinite), so a plot whose axes stayed can repaint that
    // strip alone. A live tick usually changes only the last column or two.
    struct Change
    {
        bool any = false;
        double fromMs = 0;
        double toMs = 0;
    };
    const Change &lastChange() const { return m_change; }
    // The stored sample nearest to tMs within [fromMs, toMs] (the visible range), if any.
    std::optional<Sample> nearest(int index, qint64 tMs, qint64 fromMs, qint64 toMs) const;
    // Time span covered by the stored samples of all series; false when there are none.
    bool span(qint64 *fromMs, qint64 *toMs) const;
    // The stored samples in [fromMs, toMs], for CSV.
    QList<CsvSeries> samples(qint64 fromMs, qint64 toMs) const;

private:
    struct Source
    {
        QXYSeries *series = nullptr;
        QString unit;
        const SampleStore *live = nullptr;
        std::vector<qint64> historyTimes;
        std::vector<double> historyValues;
        std::vector<double> historyLows; // empty: equal to historyValues (raw samples)
        std::vector<double> historyHighs;
        qint64 historyStepMs = 0; // the usual spacing of historyTimes
        std::optional<double> constant;
        QList<QPointF> reduced; // between prepare() and commit()
        QList<QPointF> points;  // committed
        double max = 0;
        double divisor = 1;
    };
    // The history part that precedes the live samples.
    static qsizetype historyEnd(const Source &s);

    std::vector<Source> m_sources;
    bool m_feedsSeries = false;
    qint64 m_liveStepMs = 1000;
    Change m_change;
};

} // namespace cpn::charts
