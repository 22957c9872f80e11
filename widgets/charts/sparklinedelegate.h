#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

namespace cpn::charts {

class ChartDataHub;

// Draws, over what the column's own delegate paints, the last ~5 minutes of one node metric as a
// thin polyline (plain QPainter, no QtCharts: hundreds of rows repaint every second). The samples
// come from the ChartDataHub's sparkline stores; the node id from the row's node-id role.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // base paints the cell underneath (e.g. the utilization bar); may be null.
    SparklineDelegate(const ChartDataHub *hub, const QString &metric, int nodeIdRole,
                      QStyledItemDelegate *base, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr qint64 kSpanMs = 5 * 60 * 1000;

private:
    const ChartDataHub *m_hub;
    QString m_metric;
    int m_nodeIdRole;
    QPointer<QStyledItemDelegate> m_base;
};

} // namespace cpn::charts
