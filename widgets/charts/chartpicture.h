#pragma once

#include "charts/valuescale.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

class QPainter;
class QRectF;

namespace cpn::charts {

// A chart as a printed report draws it: what a ChartCard shows, as plain data (ChartCard::picture()).
struct ChartPicture
{
    struct Line
    {
        QString name;
        QColor color;
        bool rightAxis = false;
        bool dashed = false;      // a constant (e.g. a capacity line)
        QList<QPointF> points;    // (epoch ms, value in its axis' unit); a NaN value is a gap
    };
    QString title;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    ValueScale left;
    ValueScale right;
    bool hasRightAxis = false;
    QList<Line> lines;
    QString note; // instead of lines, when there are none to draw ("Not in this federation")
};

// Draws the picture as vectors into `frame` (device units; `pt` of them per typographic point): its
// title, the value axes with their units and round tick labels, the time axis at round local times,
// each line broken where its data has a gap, and a legend naming every line in its colour.
void paintChartPicture(QPainter &painter, const QRectF &frame, const ChartPicture &picture, double pt);

} // namespace cpn::charts
