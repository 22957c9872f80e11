#pragma once

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QList>

namespace cpn::map {

// One-pixel lines without antialiasing, blended straight into an RGB32 image: the dense web of links
// at national zoom (10,000 links cover millions of pixels there, and rasterising is then the whole
// cost). Several times faster than QPainter::drawLines() for the same picture, because it does no
// more than a clipped DDA and one integer blend per pixel.
class LineRasterizer
{
public:
    // lines in logical coordinates of the full layer; image is a band whose first row is the layer's
    // device row `top`; dpr maps logical to device pixels. image must be Format_RGB32.
    static void blendLines(QImage &image, int top, double dpr, const QList<QLineF> &lines, const QColor &color);
};

} // namespace cpn::map
