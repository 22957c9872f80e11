#pragma once

#include "widgets/delegates/celltext.h"

#include <QStyledItemDelegate>

namespace cpn {

// A coloured dot and the status text for NodeTableModel::StatusRole (a DisplayStatus). Stale is a hollow
// ring: the node may be fine, we just do not know.
class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit StatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    CellText m_text;
};

} // namespace cpn
