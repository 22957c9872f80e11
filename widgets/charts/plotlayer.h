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
// drawn without antialiasing, since they are mostly vertical one-column strokes.
class PlotLayer : public QGraphicsItem
{
public:
    // Child of the chart; feeder and time axis must outlive it.
    PlotLayer(QChart *chart, QDateTimeAxis *timeAxis, const SeriesFeeder *feeder);

    // The plot area moved or resized (QChart::plotAreaChanged).
    void plotAreaChanged();
    // Points or axis ranges changed: repaint the plot area on the next frame.
    void pointsChanged() { update(); }

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QDateTimeAxis *m_timeAxis;
    const SeriesFeeder *m_feeder;
    QRectF m_rect;
};

} // namespace cpn::charts
