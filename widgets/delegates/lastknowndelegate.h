#pragma once

#include <QStyledItemDelegate>

namespace cpn {

// Greys the figures NodeTableModel marks as last known (FiguresCurrentRole false): a late or silent
// node's old values must not read as current ones.
class LastKnownDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace cpn
