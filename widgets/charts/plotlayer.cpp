#include "widgets/charts/plotlayer.h"

#include "widgets/charts/seriesfeeder.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QPainter>
#include <QValueAxis>
#include <QXYSeries>

namespace cpn::charts {

PlotLayer::PlotLayer(QChart *chart, QDateTimeAxis *timeAxis, const SeriesFeeder *feeder)
    : QGraphicsItem(chart), m_chart(chart), m_timeAxis(timeAxis), m_feeder(feeder)
{
    setZValue(4.5); // over QtCharts' grid and axes (4), under its legend (5)
    setFlag(ItemClipsToShape, false);
    setAcceptedMouseButtons(Qt::NoButton); // the view handles the mouse
    plotAreaChanged();
}

void PlotLayer::plotAreaChanged()
{
    prepareGeometryChange();
    m_rect = m_chart->plotArea();
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

void PlotLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_rect;
    const double fromMs = double(m_timeAxis->min().toMSecsSinceEpoch());
    const double toMs = double(m_timeAxis->max().toMSecsSinceEpoch());
    if (plot.isEmpty() || toMs <= fromMs)
        return;
    const double xScale = plot.width() / (toMs - fromMs);
    painter->save();
    painter->setClipRect(plot);
    QPolygonF line;
    for (int i = 0; i < m_feeder->count(); ++i) {
        QXYSeries *series = m_feeder->series(i);
        const QValueAxis *axis = valueAxisOf(series);
        const QList<QPointF> &points = m_feeder->points(i);
        if (!series->isVisible() || !axis || points.isEmpty() || axis->max() <= axis->min())
            continue;
        const double yScale = plot.height() / (axis->max() - axis->min());
        line.resize(points.size());
        for (qsizetype k = 0; k < points.size(); ++k) {
            line[k] = QPointF(plot.left() + (points[k].x() - fromMs) * xScale,
                              plot.bottom() - (points[k].y() - axis->min()) * yScale);
        }
        const bool dense = points.size() > plot.width();
        painter->setRenderHint(QPainter::Antialiasing, !dense);
        painter->setPen(series->pen());
        if (line.size() == 1)
            painter->drawPoint(line.first());
        else
            painter->drawPolyline(line);
    }
    painter->restore();
}

} // namespace cpn::charts
