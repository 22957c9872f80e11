#include "ui/planning/workloadqueueview.h"

#include "jobs/workloadqueue.h"

#include <QDrag>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace cpn {

WorkloadQueueView::WorkloadQueueView(QWidget *parent) : QTableView(parent) {}

QPixmap WorkloadQueueView::dragTag(const QModelIndex &row, qreal dpr) const
{
    const QAbstractItemModel *m = row.model();
    const QString name = m->index(row.row(), jobs::WorkloadQueue::NameColumn).data().toString();
    const QString needs = m->index(row.row(), jobs::WorkloadQueue::NeedsColumn).data().toString();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(font());
    const int pad = 6;
    const int width = std::min(420, std::max(boldMetrics.horizontalAdvance(name), metrics.horizontalAdvance(needs)) + 2 * pad);
    const int height = boldMetrics.height() + metrics.height() + 2 * pad;
    QPixmap tag(QSize(width, height) * dpr);
    tag.setDevicePixelRatio(dpr);
    tag.fill(Qt::transparent);
    QPainter p(&tag);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath outline;
    outline.addRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 4, 4);
    QColor fill = palette().color(QPalette::ToolTipBase);
    fill.setAlpha(230);
    p.fillPath(outline, fill);
    p.setPen(palette().color(QPalette::Mid));
    p.drawPath(outline);
    p.setPen(palette().color(QPalette::ToolTipText));
    p.setFont(bold);
    p.drawText(QRect(pad, pad, width - 2 * pad, boldMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               boldMetrics.elidedText(name, Qt::ElideRight, width - 2 * pad));
    p.setFont(font());
    p.drawText(QRect(pad, pad + boldMetrics.height(), width - 2 * pad, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               metrics.elidedText(needs, Qt::ElideRight, width - 2 * pad));
    return tag;
}

void WorkloadQueueView::startDrag(Qt::DropActions supportedActions)
{
    const QModelIndexList rows = selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QMimeData *data = model()->mimeData(rows);
    if (!data)
        return; // nothing placeable selected
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    drag->setPixmap(dragTag(rows.constFirst(), devicePixelRatioF()));
    drag->setHotSpot(dragHotSpot());
    drag->exec(supportedActions, Qt::CopyAction);
}

} // namespace cpn
