#include "widgets/charts/plotlayer.h"

#include "charts/downsample.h"
#include "widgets/charts/seriesfeeder.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>

namespace cpn::charts {

PlotLayer::PlotLayer(QChart *chart, QDateTimeAxis *timeAxis, const SeriesFeeder *feeder)
    : QGraphicsItem(chart), m_chart(chart), m_timeAxis(timeAxis), m_feeder(feeder)
{
    setZValue(4.5); // over QtCharts' grid and axes (4), under its legend (5)
    setFlag(ItemClipsToShape, false);
    setAcceptedMouseButtons(Qt::NoButton); // the view handles the mouse
    setFlag(ItemUsesExtendedStyleOption);  // paint() gets the exposed rect: a live tick's strip
    plotAreaChanged();
}

void PlotLayer::plotAreaChanged()
{
    prepareGeometryChange();
    m_rect = m_chart->plotArea();
    m_paintedKey.clear();
}

bool PlotLayer::isDense(int line) const
{
    return m_feeder->points(line).size() > m_rect.width();
}

QList<double> PlotLayer::layoutKey() const
{
    QList<double> key{double(m_timeAxis->min().toMSecsSinceEpoch()),
                      double(m_timeAxis->max().toMSecsSinceEpoch()),
                      m_rect.left(),
                      m_rect.top(),
                      m_rect.width(),
                      m_rect.height()};
    const auto vertical = m_chart->axes(Qt::Vertical);
    for (const QAbstractAxis *axis : vertical) {
        if (const auto *v = qobject_cast<const QValueAxis *>(axis))
            key << v->min() << v->max();
    }
    for (int i = 0; i < m_feeder->count(); ++i)
        key << (isDense(i) ? 1.0 : 0.0);
    return key;
}

void PlotLayer::linesChanged()
{
    QList<double> key = layoutKey();
    if (key != m_paintedKey) {
        m_paintedKey = std::move(key);
        update();
        return;
    }
    const SeriesFeeder::Change &change = m_feeder->lastChange();
    if (!change.any)
        return;
    const double fromMs = double(m_timeAxis->min().toMSecsSinceEpoch());
    const double toMs = double(m_timeAxis->max().toMSecsSinceEpoch());
    if (toMs <= fromMs)
        return;
    const double xScale = m_rect.width() / (toMs - fromMs);
    // Two pixels of margin: antialiasing and the pen's width reach past a segment's ends.
    const double left = std::max(m_rect.left(), m_rect.left() + (change.fromMs - fromMs) * xScale - 2);
    const double right = std::min(m_rect.right(), m_rect.left() + (change.toMs - fromMs) * xScale + 2);
    if (right > left)
        update(QRectF(left, m_rect.top(), right - left, m_rect.height()));
}

void PlotLayer::setBands(QList<Band> bands)
{
    m_bands = std::move(bands);
    update();
}

void PlotLayer::paintBands(QPainter *painter, const QRectF &plot, double fromMs, double xScale) const
{
    for (const Band &band : m_bands) {
        const double left = std::max(plot.left(), plot.left() + (double(band.fromMs) - fromMs) * xScale);
        const double right =
            band.toMs == 0 ? plot.right()
                           : std::min(plot.right(), plot.left() + (double(band.toMs) - fromMs) * xScale);
        if (right < left)
            continue;
        // At least a pixel: an alarm of a few seconds in a week's window still shows.
        painter->fillRect(QRectF(left, plot.top(), std::max(1.0, right - left), plot.height()), band.color);
    }
}

static const QValueAxis *valueAxisOf(QXYSeries *series)
{
    const auto axes = series->attachedAxes();
    for (const QAbstractAxis *axis : axes) {
        if (axis->orientation() == Qt::Vertical)
            return qobject_cast<const QValueAxis *>(axis);
    }
    return nullptr;
}

void PlotLayer::paintGrid(QPainter *painter, const QRectF &plot) const
{
    // As QtCharts places them: ticks spread evenly over the plot, the first and last on its edges.
    if (!m_timeAxis->isGridLineVisible() && m_timeAxis->tickCount() > 1) {
        painter->setPen(m_timeAxis->gridLinePen());
        const int n = m_timeAxis->tickCount();
        for (int i = 0; i < n; ++i) {
            const double x = plot.left() + plot.width() * i / (n - 1);
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    const auto vertical = m_chart->axes(Qt::Vertical);
    const auto *axis = vertical.isEmpty() ? nullptr : qobject_cast<const QValueAxis *>(vertical.first());
    if (axis && !axis->isGridLineVisible() && axis->tickCount() > 1) {
        painter->setPen(axis->gridLinePen());
        const int n = axis->tickCount();
        for (int i = 0; i < n; ++i) {
            const double y = plot.bottom() - plot.height() * i / (n - 1);
            painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
    }
}

void PlotLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF plot = m_rect;
    const QRectF exposed = option->exposedRect.isEmpty() ? plot : option->exposedRect & plot;
    const double fromMs = double(m_timeAxis->min().toMSecsSinceEpoch());
    const double toMs = double(m_timeAxis->max().toMSecsSinceEpoch());
    if (plot.isEmpty() || toMs <= fromMs)
        return;
    const double xScale = plot.width() / (toMs - fromMs);
    painter->save();
    painter->setClipRect(exposed);
    paintBands(painter, plot, fromMs, xScale);
    // The grid's edge lines straddle the plot's border: a pixel more for them.
    painter->setClipRect((option->exposedRect.isEmpty() ? plot : option->exposedRect).adjusted(-1, -1, 1, 1));
    paintGrid(painter, plot);
    painter->setClipRect(exposed);
    QPolygonF line;
    for (int i = 0; i < m_feeder->count(); ++i) {
        QXYSeries *series = m_feeder->series(i);
        const QValueAxis *axis = valueAxisOf(series);
        const QList<QPointF> &points = m_feeder->points(i);
        if (!series->isVisible() || !axis || points.isEmpty() || axis->max() <= axis->min())
            continue;
        const double yScale = plot.height() / (axis->max() - axis->min());
        // Only the points of the exposed strip, and one more on each side for the segments that
        // cross its edges.
        const double exposedFrom = fromMs + (exposed.left() - plot.left() - 2) / xScale;
        const double exposedTo = fromMs + (exposed.right() - plot.left() + 2) / xScale;
        auto byTime = [](const QPointF &p, double t) { return p.x() < t; };
        const qsizetype first = std::max<qsizetype>(
            0, std::lower_bound(points.begin(), points.end(), exposedFrom, byTime) - points.begin() - 1);
        const qsizetype last = std::min<qsizetype>(
            points.size(),
            std::lower_bound(points.begin(), points.end(), exposedTo, byTime) - points.begin() + 1);
        if (last <= first)
            continue;
        const bool dense = isDense(i);
        painter->setRenderHint(QPainter::Antialiasing, !dense);
        painter->setPen(series->pen());
        // One polyline per stretch between breaks: the pen lifts over a gap in the data.
        auto drawStretch = [&] {
            if (line.size() == 1)
                painter->drawPoint(line.first());
            else if (line.size() > 1)
                painter->drawPolyline(line);
            line.clear();
        };
        line.clear();
        for (qsizetype k = first; k < last; ++k) {
            if (isLineBreak(points[k])) {
                drawStretch();
                continue;
            }
            line.append(QPointF(plot.left() + (points[k].x() - fromMs) * xScale,
                                plot.bottom() - (points[k].y() - axis->min()) * yScale));
        }
        drawStretch();
    }
    painter->restore();
}

} // namespace cpn::charts
