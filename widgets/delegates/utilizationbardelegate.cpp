#include "widgets/delegates/utilizationbardelegate.h"

#include "itemmodels/nodetablemodel.h"
#include "widgets/delegates/itembackground.h"
#include "widgets/statuscolors.h"

#include <QPainter>

#include <algorithm>

namespace cpn {

UtilizationBarDelegate::UtilizationBarDelegate(QObject *parent) : UtilizationBarDelegate(Ramp::Load, parent)
{
}

UtilizationBarDelegate::UtilizationBarDelegate(Ramp ramp, QObject *parent)
    : QStyledItemDelegate(parent), m_ramp(ramp)
{
}

void UtilizationBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QVariant value = index.data(NodeTableModel::UtilizationRole);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const double fraction = std::clamp(value.toDouble(), 0.0, 1.0);

    // Background and selection from the style; the text is drawn by us, over the bar.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = drawItemBackground(painter, opt);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRect track = option.rect.adjusted(4, 4, -4, -4);
    const bool dark = option.palette.color(QPalette::Base).lightnessF() < 0.5;
    QColor trackColor = option.palette.color(QPalette::Text);
    trackColor.setAlphaF(dark ? 0.07f : 0.09f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, 2, 2);

    // A last known value, not a current one: grey, whatever it was.
    const bool current = index.data(NodeTableModel::FiguresCurrentRole).toBool();
    QColor fill = !current                ? option.palette.color(QPalette::PlaceholderText)
                  : m_ramp == Ramp::Load ? colors::utilization(fraction)
                                         : colors::greenShare(fraction);
    // Translucent on dark backgrounds so the text on top keeps its contrast; firmer on light ones.
    fill.setAlphaF(dark ? 0.55f : 0.45f);
    QRectF bar = track;
    bar.setWidth(track.width() * fraction);
    painter->setBrush(fill);
    if (bar.width() > 0.5)
        painter->drawRoundedRect(bar, 2, 2);

    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText
                                         : current ? QPalette::Text
                                                   : QPalette::PlaceholderText));
    m_text.draw(painter, track.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, text, opt.font);
    painter->restore();
}

QSize UtilizationBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width() + 16, 72));
    return size;
}

} // namespace cpn
