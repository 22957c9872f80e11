#include "widgets/delegates/celltext.h"

#include "widgets/delegates/itembackground.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionViewItem>

namespace cpn {

void CellText::draw(QPainter *painter, const QRect &rect, Qt::Alignment alignment, const QString &text,
                    const QFont &font, Qt::TextElideMode elide) const
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    // Italic is the one variation the tables use (last known figures); any other change starts over.
    QFont base = font;
    base.setItalic(false);
    if (base != m_font || m_texts.size() >= kMaxTexts) {
        m_font = base;
        m_texts.clear();
    }
    const Key key{text, rect.width(), font.italic()};
    auto laidOut = m_texts.constFind(key);
    if (laidOut == m_texts.constEnd()) {
        const QFontMetrics metrics(font);
        QStaticText shown(metrics.horizontalAdvance(text) > rect.width()
                              ? metrics.elidedText(text, elide, rect.width())
                              : text);
        shown.setTextFormat(Qt::PlainText);
        shown.setPerformanceHint(QStaticText::AggressiveCaching);
        shown.prepare(QTransform(), font);
        laidOut = m_texts.insert(key, shown);
    }
    const QSizeF size = laidOut->size();
    double x = rect.left();
    if (alignment & Qt::AlignRight)
        x = rect.right() + 1 - size.width();
    else if (alignment & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - size.width()) / 2;
    double y = rect.top() + (rect.height() - size.height()) / 2;
    if (alignment & Qt::AlignTop)
        y = rect.top();
    else if (alignment & Qt::AlignBottom)
        y = rect.bottom() + 1 - size.height();
    painter->setFont(font);
    painter->drawStaticText(QPointF(x, y), *laidOut);
}

QRect CellText::textRect(const QStyleOptionViewItem &option) const
{
    if (option.rect.height() != m_insetsHeight || option.widget != m_insetsWidget) {
        const QWidget *widget = option.widget;
        const QStyle *style = widget ? widget->style() : QApplication::style();
        QStyleOptionViewItem empty = option;
        empty.text.clear(); // the rectangle only: no text to lay out
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &empty, widget);
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        m_insets = QMargins(text.left() - option.rect.left() + margin, text.top() - option.rect.top(),
                            option.rect.right() - text.right() + margin, option.rect.bottom() - text.bottom());
        m_insetsHeight = option.rect.height();
        m_insetsWidget = widget;
    }
    return option.rect.marginsRemoved(m_insets);
}

void CellText::drawItem(QPainter *painter, const QStyleOptionViewItem &option) const
{
    const QString text = drawItemBackground(painter, option);
    // In the colour the style draws an item's text in (QCommonStyle's item view item).
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (option.state & QStyle::State_Active) ? QPalette::Normal
                                                                                : QPalette::Inactive;
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    draw(painter, textRect(option), option.displayAlignment, text, option.font, option.textElideMode);
    painter->restore();
}

} // namespace cpn
