#pragma once

#include <QPalette>

class QApplication;

namespace cpn::theme {

// The control-room theme: Fusion, a dark palette designed for long shifts (not an inverted light
// theme), and resources/styles/dark.qss. The composition root applies it once at start.
QPalette darkPalette();
QString darkStyleSheet();
void applyDark(QApplication &app);

} // namespace cpn::theme
