#include "widgets/map/bandpainter.h"

#include <QPainter>
#include <QThread>

#include <algorithm>
#include <future>
#include <vector>

namespace cpn::map {

void BandPainter::paint(QImage &target, const PaintFunction &paint, int bands)
{
    if (bands <= 0)
        bands = std::clamp(QThread::idealThreadCount(), 1, 4);
    const int height = target.height();
    bands = std::clamp(bands, 1, std::max(1, height / 64));
    const double dpr = target.devicePixelRatio();
    const auto paintBand = [&](int band) {
        const int top = height * band / bands;
        const int bottom = height * (band + 1) / bands;
        // A QImage over rows [top, bottom) of the target's own buffer.
        QImage slice(target.bits() + qsizetype(top) * target.bytesPerLine(), target.width(), bottom - top,
                     target.bytesPerLine(), target.format());
        slice.setDevicePixelRatio(dpr);
        QPainter painter(&slice);
        painter.translate(0, -top / dpr);
        painter.setClipRect(QRectF(0, top / dpr, target.width() / dpr, (bottom - top) / dpr));
        paint(painter, slice, top);
    };
    if (bands == 1) {
        paintBand(0);
        return;
    }
    target.detach(); // bits() below must not detach while the threads run
    std::vector<std::future<void>> others;
    for (int band = 1; band < bands; ++band)
        others.push_back(std::async(std::launch::async, paintBand, band));
    paintBand(0);
    for (auto &other : others)
        other.get();
}

} // namespace cpn::map
