#include "widgets/delegates/severitydelegate.h"

#include "itemmodels/eventlogmodel.h"
#include "widgets/delegates/itembackground.h"
#include "widgets/statuscolors.h"

#include <QPainter>

namespace cpn {

SeverityDelegate::SeverityDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
}

void SeverityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant value = index.data(EventLogModel::SeverityRole);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto severity = EventLogModel::Severity(value.toInt());
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = drawItemBackground(painter, opt);

    painter->save();
    const QColor colour = colors::severity(severity);
    const QRect marker(option.rect.left() + 4, option.rect.top() + 4, 3, option.rect.height() - 8);
    painter->fillRect(marker, colour);
    const bool selected = option.state & QStyle::State_Selected;
    // Info stays in the normal text colour: only what needs attention is coloured.
    painter->setPen(selected || severity == EventLogModel::Severity::Info
                        ? option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text)
                        : colour);
    QFont font = opt.font;
    font.setBold(severity == EventLogModel::Severity::Error);
    painter->setFont(font);
    painter->drawText(option.rect.adjusted(14, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->restore();
}

} // namespace cpn
