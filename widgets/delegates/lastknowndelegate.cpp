#include "widgets/delegates/lastknowndelegate.h"

namespace cpn {

void LastKnownDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    m_text.drawItem(painter, opt);
}

void LastKnownDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant current = index.data(m_currentRole);
    if (!current.isValid() || current.toBool())
        return;
    option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    option->font.setItalic(true);
}

} // namespace cpn
