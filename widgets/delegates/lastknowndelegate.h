#pragma once

#include "widgets/delegates/celltext.h"

#include <QStyledItemDelegate>

namespace cpn {

// Greys the figures NodeTableModel marks as last known (FiguresCurrentRole false): a late or silent
// node's old values must not read as current ones. Plain text cells are drawn through CellText.
class LastKnownDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    CellText m_text;
};

} // namespace cpn
