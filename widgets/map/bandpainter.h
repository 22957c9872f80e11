#pragma once

#include <QImage>

#include <functional>

class QPainter;

namespace cpn::map {

// Paints a full-screen layer in horizontal bands, one per core, at the same time. Each band is its own
// QImage over a disjoint slice of the target's pixels, so every thread has a painter of its own (QPainter
// on a QImage is fine off the GUI thread); the paint function draws the whole layer in logical
// coordinates and each band's clip keeps only its slice. The links layer, the costliest full redraw,
// goes about twice as fast on two cores. The paint function must only read shared data that has no
// lazy caches of its own (line lists and colours are fine; shared QPainterPaths and text are not).
class BandPainter
{
public:
    // painter: set up for logical coordinates of the whole layer; slice: the band's own QImage, whose
    // first row is device row `top` of the layer (for code that writes pixels directly).
    using PaintFunction = std::function<void(QPainter &painter, QImage &slice, int top)>;

    // bands <= 0: one per ideal thread, at most 4.
    static void paint(QImage &target, const PaintFunction &paint, int bands = 0);
};

} // namespace cpn::map
