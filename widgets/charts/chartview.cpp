#include "widgets/charts/chartview.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cpn::charts {

ChartView::ChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
{
    setMouseTracking(true);
    setRenderHint(QPainter::Antialiasing, true);
    setRubberBand(QChartView::NoRubberBand);
    // The crosshair is drawn in the foreground: no cached background that would hide it.
    setCacheMode(QGraphicsView::CacheNone);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
}

static QDateTimeAxis *timeAxis(const QChart *chart)
{
    const auto axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.first());
}

qint64 ChartView::rangeFrom() const
{
    const QDateTimeAxis *axis = timeAxis(chart());
    return axis ? axis->min().toMSecsSinceEpoch() : 0;
}

qint64 ChartView::rangeTo() const
{
    const QDateTimeAxis *axis = timeAxis(chart());
    return axis ? axis->max().toMSecsSinceEpoch() : 0;
}

qint64 ChartView::timeAt(const QPointF &pos) const
{
    const QRectF plot = chart()->plotArea();
    const QPointF inChart = chart()->mapFromScene(mapToScene(pos.toPoint()));
    const double f = (inChart.x() - plot.left()) / std::max(1.0, plot.width());
    return rangeFrom() + qint64(std::llround(f * double(rangeTo() - rangeFrom())));
}

void ChartView::setRange(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < 10'000)
        return; // no closer than ten seconds: a handful of 1 s samples
    Q_EMIT userRangeChanged(fromMs, toMs);
}

void ChartView::zoomTime(double factor, qint64 tMs)
{
    const qint64 from = rangeFrom();
    const qint64 to = rangeTo();
    setRange(tMs - qint64(double(tMs - from) * factor), tMs + qint64(double(to - tMs) * factor));
}

void ChartView::panPixels(double dx)
{
    const double msPerPixel = double(rangeTo() - rangeFrom()) / std::max(1.0, chart()->plotArea().width());
    const qint64 shift = qint64(-dx * msPerPixel);
    setRange(rangeFrom() + shift, rangeTo() + shift);
}

bool ChartView::setCrosshairAt(const QPointF &pos)
{
    const QPointF inChart = chart()->mapFromScene(mapToScene(pos.toPoint()));
    if (!chart()->plotArea().contains(inChart)) {
        clearCrosshair();
        return false;
    }
    m_crosshairVisible = true;
    m_crosshairPos = inChart;
    m_crosshairMs = timeAt(pos);
    m_values = m_provider ? m_provider(m_crosshairMs) : QList<CrosshairLine>{};
    viewport()->update();
    return true;
}

void ChartView::clearCrosshair()
{
    if (!m_crosshairVisible)
        return;
    m_crosshairVisible = false;
    m_values.clear();
    viewport()->update();
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomTime(std::pow(0.8, steps), timeAt(event->position()));
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_lastDrag = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        panPixels(event->position().x() - m_lastDrag.x());
        m_lastDrag = event->position();
    }
    setCrosshairAt(event->position());
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    Q_EMIT followRequested();
    event->accept();
}

void ChartView::leaveEvent(QEvent *event)
{
    clearCrosshair();
    QChartView::leaveEvent(event);
}

void ChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    if (!m_crosshairVisible)
        return;
    const QRectF plot = chart()->plotArea();
    const QPointF origin = chart()->mapToScene(QPointF(0, 0));
    const double x = origin.x() + m_crosshairPos.x();
    painter->save();
    painter->setPen(QPen(QColor(0xc8, 0xd6, 0xe5, 160), 1, Qt::DashLine));
    painter->drawLine(QPointF(x, origin.y() + plot.top()), QPointF(x, origin.y() + plot.bottom()));

    QStringList lines;
    const QLocale locale;
    lines << locale.toString(QDateTime::fromMSecsSinceEpoch(m_crosshairMs),
                             QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    for (const CrosshairLine &l : std::as_const(m_values))
        lines << QStringLiteral("%1: %2 %3").arg(l.name, locale.toString(l.value, 'f', 2), l.unit);
    const QFontMetrics fm(painter->font());
    int w = 0;
    for (const QString &l : std::as_const(lines))
        w = std::max(w, fm.horizontalAdvance(l));
    const int lineH = fm.height();
    QRectF box(0, 0, w + 16, lineH * lines.size() + 8);
    box.moveTopLeft(QPointF(x + 10, origin.y() + plot.top() + 6));
    if (box.right() > origin.x() + plot.right())
        box.moveRight(x - 10);
    painter->setPen(QColor(0x3a, 0x4d, 0x63));
    painter->setBrush(QColor(0x10, 0x18, 0x22, 230));
    painter->drawRoundedRect(box, 4, 4);
    for (int i = 0; i < lines.size(); ++i) {
        QColor c = i == 0 ? QColor(0xc8, 0xd6, 0xe5) : m_values.at(i - 1).color;
        painter->setPen(c);
        painter->drawText(QPointF(box.left() + 8, box.top() + 4 + fm.ascent() + i * lineH), lines.at(i));
    }
    painter->restore();
}

} // namespace cpn::charts
