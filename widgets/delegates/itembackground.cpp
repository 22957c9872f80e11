#include "widgets/delegates/itembackground.h"

#include <QApplication>
#include <QStyle>

namespace cpn {

QString drawItemBackground(QPainter *painter, QStyleOptionViewItem option)
{
    const QString text = option.text;
    option.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);
    return text;
}

} // namespace cpn
