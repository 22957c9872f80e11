#include "widgets/delegates/statusdelegate.h"

#include "itemmodels/nodetablemodel.h"
#include "widgets/delegates/itembackground.h"
#include "widgets/statuscolors.h"

#include <QPainter>

namespace cpn {

namespace {
constexpr int kStatusDot = 9;
constexpr int kStatusGap = 7;
} // namespace

StatusDelegate::StatusDelegate(QObject *parent) : QStyledItemDelegate(parent)
{
}

void StatusDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant statusValue = index.data(NodeTableModel::StatusRole);
    if (!statusValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto status = DisplayStatus(statusValue.toInt());

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = drawItemBackground(painter, opt);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor colour = colors::status(status);
    const QRect cell = option.rect.adjusted(6, 0, -4, 0);
    const QRectF dot(cell.left() + 0.5, cell.center().y() - kStatusDot / 2.0 + 0.5, kStatusDot, kStatusDot);
    if (status == DisplayStatus::Stale) {
        painter->setPen(QPen(colour, 1.6));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(dot.adjusted(0.8, 0.8, -0.8, -0.8));
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(dot);
    }
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    m_text.draw(painter, cell.adjusted(kStatusDot + kStatusGap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text, opt.font);
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += kStatusDot + kStatusGap + 6;
    return size;
}

} // namespace cpn
