#include "widgets/charts/sparklinedelegate.h"

#include "charts/chartdatahub.h"
#include "charts/downsample.h"

#include <QPainter>

namespace cpn::charts {

SparklineDelegate::SparklineDelegate(const ChartDataHub *hub, const QString &metric, int nodeIdRole,
                                     QStyledItemDelegate *base, QObject *parent)
    : QStyledItemDelegate(parent), m_hub(hub), m_metric(metric), m_nodeIdRole(nodeIdRole), m_base(base)
{
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    if (m_base)
        m_base->paint(painter, option, index);
    else
        QStyledItemDelegate::paint(painter, option, index);
    const SampleStore *store =
        m_hub->store({SeriesKey::Kind::Node, index.data(m_nodeIdRole).toString(), m_metric});
    if (!store || store->size() < 2)
        return;
    const QRectF r = QRectF(option.rect).adjusted(2, 3, -2, -3);
    const qint64 to = store->lastTime();
    const qint64 from = to - kSpanMs;
    // At most two points per pixel column: a 300-sample line in an 80 px cell stays cheap. Where the
    // node sent nothing for a while the line breaks, as on the charts.
    const QList<QPointF> points = minMaxPerColumn(store->times(), store->values(), from, to, int(r.width()),
                                                  maxGapFor(m_hub->samplingIntervalMs()));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(QColor(0xe8, 0xf1, 0xfa, 200), 1.0));
    QPolygonF line;
    line.reserve(points.size());
    for (const QPointF &p : points) {
        if (isLineBreak(p)) {
            painter->drawPolyline(line);
            line.clear();
            continue;
        }
        line << QPointF(r.left() + r.width() * (p.x() - double(from)) / double(kSpanMs),
                        r.bottom() - r.height() * std::clamp(p.y(), 0.0, 100.0) / 100.0);
    }
    painter->drawPolyline(line);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return m_base ? m_base->sizeHint(option, index) : QStyledItemDelegate::sizeHint(option, index);
}

} // namespace cpn::charts
