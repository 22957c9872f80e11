#include "widgets/charts/chartpicture.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace cpn::charts {

namespace {

const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x5b, 0x67, 0x76);
const QColor kGrid(0xe3, 0xe8, 0xee);

QFont sized(const QFont &base, double points, bool bold = false)
{
    QFont f = base;
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString tickText(const ValueScale &scale, double value)
{
    return QLocale().toString(value, 'f', scale.decimals);
}

} // namespace

void paintChartPicture(QPainter &painter, const QRectF &frame, const ChartPicture &picture, double pt)
{
    painter.save();
    const QFont base = painter.font();
    painter.setPen(kInk);
    painter.setFont(sized(base, 9, true));
    const double titleHeight = pt * 14;
    painter.drawText(QRectF(frame.left(), frame.top(), frame.width(), titleHeight), Qt::AlignLeft | Qt::AlignTop,
                     painter.fontMetrics().elidedText(picture.title, Qt::ElideRight, int(frame.width())));

    // Legend under the plot: a swatch and the line's name, as many to a row as fit.
    const QFont legendFont = sized(base, 7);
    const QFontMetricsF legendMetrics(legendFont, painter.device());
    const double swatch = pt * 12;
    const double legendRow = pt * 11;
    QList<QPair<QPointF, const ChartPicture::Line *>> legend;
    double x = frame.left();
    double rows = picture.lines.isEmpty() ? 0 : 1;
    for (const ChartPicture::Line &line : picture.lines) {
        const double width = swatch + pt * 3 + legendMetrics.horizontalAdvance(line.name) + pt * 10;
        if (x > frame.left() && x + width > frame.right()) {
            x = frame.left();
            ++rows;
        }
        legend.append({QPointF(x, (rows - 1) * legendRow), &line});
        x += width;
    }
    const double legendHeight = rows * legendRow;
    const double axisWidth = pt * 34;
    const double unitHeight = pt * 14; // the axes' units, above their top tick labels
    const QRectF plot(frame.left() + axisWidth, frame.top() + titleHeight + unitHeight,
                      frame.width() - axisWidth - (picture.hasRightAxis ? axisWidth : pt * 6),
                      frame.height() - titleHeight - unitHeight - pt * 16 - legendHeight - pt * 4);
    if (plot.width() <= 0 || plot.height() <= 0) {
        painter.restore();
        return;
    }
    const qint64 from = picture.fromMs;
    const qint64 to = std::max(picture.toMs, from + 1);
    const auto xOf = [&](double ms) { return plot.left() + (ms - from) / double(to - from) * plot.width(); };
    const auto yOf = [&](const ValueScale &scale, double v) {
        return plot.bottom() - std::clamp(v / std::max(scale.max, 1e-12), 0.0, 1.0) * plot.height();
    };

    // Value axes: grid lines at the ticks, their labels, the unit above.
    painter.setFont(sized(base, 6.5));
    const int ticks = std::max(2, picture.left.tickCount);
    for (int i = 0; i < ticks; ++i) {
        const double share = double(i) / (ticks - 1);
        const double y = plot.bottom() - share * plot.height();
        painter.setPen(QPen(i == 0 ? kMuted : kGrid, pt * (i == 0 ? 0.8 : 0.5)));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(kMuted);
        painter.drawText(QRectF(frame.left(), y - pt * 5, axisWidth - pt * 4, pt * 10), Qt::AlignRight | Qt::AlignVCenter,
                         tickText(picture.left, picture.left.max * share));
        if (picture.hasRightAxis)
            painter.drawText(QRectF(plot.right() + pt * 4, y - pt * 5, axisWidth - pt * 4, pt * 10),
                             Qt::AlignLeft | Qt::AlignVCenter, tickText(picture.right, picture.right.max * share));
    }
    painter.setPen(kMuted);
    painter.drawText(QRectF(frame.left(), plot.top() - unitHeight, axisWidth - pt * 4, unitHeight - pt * 5),
                     Qt::AlignRight | Qt::AlignBottom, picture.left.unit);
    if (picture.hasRightAxis)
        painter.drawText(QRectF(plot.right() + pt * 4, plot.top() - unitHeight, axisWidth, unitHeight - pt * 5),
                         Qt::AlignLeft | Qt::AlignBottom, picture.right.unit);
    painter.setPen(QPen(kMuted, pt * 0.8));
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    // The time axis.
    for (const qint64 t : roundTimeTicks(from, to)) {
        const double tx = xOf(double(t));
        painter.setPen(QPen(kGrid, pt * 0.5));
        painter.drawLine(QPointF(tx, plot.top()), QPointF(tx, plot.bottom()));
        painter.setPen(QPen(kMuted, pt * 0.8));
        painter.drawLine(QPointF(tx, plot.bottom()), QPointF(tx, plot.bottom() + pt * 3));
        painter.drawText(QRectF(tx - pt * 20, plot.bottom() + pt * 4, pt * 40, pt * 10), Qt::AlignCenter,
                         QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("HH:mm")));
    }

    if (picture.lines.isEmpty() || !picture.note.isEmpty()) {
        painter.setPen(kMuted);
        painter.setFont(sized(base, 8));
        painter.drawText(plot, Qt::AlignCenter, picture.note);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(plot.adjusted(-pt, -pt, pt, pt));
    for (const ChartPicture::Line &line : picture.lines) {
        const ValueScale &scale = line.rightAxis ? picture.right : picture.left;
        QPainterPath path;
        bool pen = false; // lifted over a gap
        for (const QPointF &p : line.points) {
            if (std::isnan(p.y())) {
                pen = false;
                continue;
            }
            const QPointF at(xOf(p.x()), yOf(scale, p.y()));
            if (pen)
                path.lineTo(at);
            else
                path.moveTo(at);
            pen = true;
        }
        painter.strokePath(path, QPen(line.color, pt * 1.1, line.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap,
                                      Qt::RoundJoin));
    }
    painter.setClipping(false);
    painter.setRenderHint(QPainter::Antialiasing, false);

    painter.setFont(legendFont);
    const double legendTop = plot.bottom() + pt * 16;
    for (const auto &[at, line] : legend) {
        const double y = legendTop + at.y() + legendRow / 2;
        painter.setPen(QPen(line->color, pt * 2, line->dashed ? Qt::DashLine : Qt::SolidLine));
        painter.drawLine(QPointF(at.x(), y), QPointF(at.x() + swatch, y));
        painter.setPen(kInk);
        painter.drawText(QRectF(at.x() + swatch + pt * 3, legendTop + at.y(), frame.right() - at.x(), legendRow),
                         Qt::AlignLeft | Qt::AlignVCenter, line->name);
    }
    painter.restore();
}

} // namespace cpn::charts
