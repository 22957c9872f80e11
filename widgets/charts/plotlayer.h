#pragma once

#include <QGraphicsItem>

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

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintGrid(QPainter *painter, const QRectF &plot) const;
    // What a partial repaint relies on staying put: axis ranges, plot area, lines' density.
    QList<double> layoutKey() const;
    bool isDense(int line) const;

    QChart *m_chart;
    QDateTimeAxis *m_timeAxis;
    const SeriesFeeder *m_feeder;
    QRectF m_rect;
    QList<double> m_paintedKey;
};

} // namespace cpn::charts
