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

// Hands QtCharts what a plot can show: for each line series, the stored samples (history read
// from the cache, then the live SampleStore) reduced to min/max per pixel column of the visible
// range, given over with QXYSeries::replace() (never clear-and-append). The samples stay here,
// so the crosshair and the CSV export see exact stored values, not the reduced line.
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
    // Older samples (from the cache); those at or after the first live sample are ignored.
    void setHistory(int index, std::vector<qint64> times, std::vector<double> values);
    void clearHistory();

    int count() const { return int(m_sources.size()); }
    QXYSeries *series(int index) const { return m_sources[size_t(index)].series; }
    QString unit(int index) const { return m_sources[size_t(index)].unit; }
    bool isConstant(int index) const { return m_sources[size_t(index)].constant.has_value(); }

    // Reduces each series over [fromMs, toMs] to `columns` pixel columns and replaces its points.
    void refresh(qint64 fromMs, qint64 toMs, int columns);
    // refresh() in two steps, so the caller can set the axes in between: QtCharts recomputes a
    // series' geometry (and its hit-test stroke, the dominant cost) on every axis change, so the
    // axes should move while the series are empty, once per tick. prepare() empties the series and
    // reduces; maxValue() is then the largest reduced value of a series; commit() hands them over.
    void prepare(qint64 fromMs, qint64 toMs, int columns);
    double maxValue(int index) const { return m_sources[size_t(index)].max; }
    void commit();
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
        std::optional<double> constant;
        QList<QPointF> reduced; // between prepare() and commit()
        double max = 0;
    };
    // The history part that precedes the live samples.
    static qsizetype historyEnd(const Source &s);

    std::vector<Source> m_sources;
};

} // namespace cpn::charts
