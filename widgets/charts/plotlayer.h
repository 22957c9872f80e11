#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>

class QChart;
class QDateTimeAxis;

namespace cpn::charts {

class SeriesFeeder;

// Draws a chart's lines with QPainter::drawPolyline over the plot area, in the QtCharts scene (above
// the grid, under the legend and the crosshair). The QLineSeries stay in the chart, empty, for the
// legend, the colours and the axes. Why: QtCharts rebuilds a series' geometry on every change of
// its points or axes, stroking the whole line into a hit-test shape (LineChartItem::updateGeometry,
// about two thirds of a live tick of 50 charts); this layer only maps the feeder's reduced points
// to pixels when it paints. Dense lines (more points than pixel columns: min/max per column) are
// drawn without antialiasing, since they are mostly vertical one-column strokes. The grid is drawn
// here too, at the axes' ticks with their grid pen, when the axes' own grid lines are hidden: QtCharts
// makes each grid line a QGraphicsLineItem whose bounding rect is a stroked path, computed again
// on every repaint of the plot.
class PlotLayer : public QGraphicsItem
{
public:
    // Child of the chart; feeder and time axis must outlive it.
    PlotLayer(QChart *chart, QDateTimeAxis *timeAxis, const SeriesFeeder *feeder);

    // The plot area moved or resized (QChart::plotAreaChanged).
    void plotAreaChanged();
    // After SeriesFeeder::commit(): repaints the strip of the plot where the lines changed, or all
    // of it when an axis range, the plot area or a line's density changed since the last call.
    void linesChanged();

    // A translucent stretch of the time axis behind the grid and the lines (an alarm's period).
    struct Band
    {
        qint64 fromMs = 0;
        qint64 toMs = 0; // 0: open, up to the plot's right edge
        QColor color;
    };
    // Replaces the bands and repaints the plot; they are mapped to pixels when painted, so they
    // follow the axis without being set again.
    void setBands(QList<Band> bands);
    const QList<Band> &bands() const { return m_bands; }

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintGrid(QPainter *painter, const QRectF &plot) const;
    void paintBands(QPainter *painter, const QRectF &plot, double fromMs, double xScale) const;
    // What a partial repaint relies on staying put: axis ranges, plot area, lines' density.
    QList<double> layoutKey() const;
    bool isDense(int line) const;

    QChart *m_chart;
    QDateTimeAxis *m_timeAxis;
    const SeriesFeeder *m_feeder;
    QRectF m_rect;
    QList<double> m_paintedKey;
    QList<Band> m_bands;
};

} // namespace cpn::charts
