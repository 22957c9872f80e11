#pragma once

#include <QString>
#include <QStyleOptionViewItem>

class QPainter;

namespace cpn {

// Draws a cell's background, selection and focus through the style, without its text, and returns
// that text: the custom delegates paint their own marks and then the text over them. `option` is
// one that has been through the delegate's initStyleOption().
QString drawItemBackground(QPainter *painter, QStyleOptionViewItem option);

} // namespace cpn
