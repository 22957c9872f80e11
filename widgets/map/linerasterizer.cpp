#include "widgets/map/linerasterizer.h"

#include <algorithm>
#include <cmath>

namespace cpn::map {

namespace {

// Liang-Barsky: narrows [t0, t1] to the part of p + t*d inside [0, w) x [0, h).
bool clip(double px, double py, double dx, double dy, double w, double h, double &t0, double &t1)
{
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {px, w - 1 - px, py, h - 1 - py};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 > t1)
            return false;
    }
    return true;
}

} // namespace

void LineRasterizer::blendLines(QImage &image, int top, double dpr, const QList<QLineF> &lines, const QColor &color)
{
    Q_ASSERT(image.format() == QImage::Format_RGB32);
    const int w = image.width();
    const int h = image.height();
    uchar *const bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    const quint32 alpha = quint32(std::clamp(color.alpha(), 0, 255)) + 1; // 1..256
    const quint32 inverse = 256 - alpha;
    const QRgb rgb = color.rgb();
    const quint32 srcRB = (rgb & 0xff00ff) * alpha;
    const quint32 srcG = (rgb & 0x00ff00) * alpha;
    for (const QLineF &line : lines) {
        // Device pixel centres: QPainter's aliased lines land on the same pixels give or take one.
        const double x0 = line.x1() * dpr, y0 = line.y1() * dpr - top;
        const double dx = (line.x2() - line.x1()) * dpr, dy = (line.y2() - line.y1()) * dpr;
        double t0 = 0, t1 = 1;
        if (!clip(x0, y0, dx, dy, w, h, t0, t1))
            continue;
        const double steps = std::max(std::abs(dx), std::abs(dy));
        const int first = int(std::ceil(t0 * steps));
        const int last = int(std::floor(t1 * steps));
        if (steps < 1e-9) {
            continue;
        }
        const double sx = dx / steps, sy = dy / steps;
        double x = x0 + first * sx + 0.5, y = y0 + first * sy + 0.5;
        for (int i = first; i <= last; ++i, x += sx, y += sy) {
            const int ix = int(x), iy = int(y);
            if (uint(ix) >= uint(w) || uint(iy) >= uint(h))
                continue;
            quint32 *p = reinterpret_cast<quint32 *>(bits + iy * stride) + ix;
            const quint32 d = *p;
            const quint32 rb = ((srcRB + (d & 0xff00ff) * inverse) >> 8) & 0xff00ff;
            const quint32 g = ((srcG + (d & 0x00ff00) * inverse) >> 8) & 0x00ff00;
            *p = 0xff000000u | rb | g;
        }
    }
}

} // namespace cpn::map
