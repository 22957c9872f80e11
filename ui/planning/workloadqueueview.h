#pragma once

#include <QTableView>

namespace cpn {

// The workload queue's table, whose rows are dragged onto the map. The drag shows a small tag (the
// workload's name and needs) beside the cursor, never under it: the node the cursor points at stays in
// view while the map shades how well the workload fits it.
class WorkloadQueueView : public QTableView
{
    Q_OBJECT

public:
    explicit WorkloadQueueView(QWidget *parent = nullptr);

    // The tag drawn for a workload, at `dpr` device pixels per pixel.
    QPixmap dragTag(const QModelIndex &row, qreal dpr) const;
    // Where the cursor is relative to the tag's top-left corner: above and left of it, outside.
    static QPoint dragHotSpot() { return {-14, -14}; }

protected:
    void startDrag(Qt::DropActions supportedActions) override;
};

} // namespace cpn
