#include "widgets/delegates/lastknowndelegate.h"

#include "itemmodels/nodetablemodel.h"

namespace cpn {

void LastKnownDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(NodeTableModel::FiguresCurrentRole).toBool())
        return;
    option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    option->font.setItalic(true);
}

} // namespace cpn
