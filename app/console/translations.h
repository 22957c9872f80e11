#pragma once

#include <QLocale>

class QCoreApplication;

namespace cpn::console {

// Installs Qt's own translations (so QWizard's Back/Next and standard dialogs match) and ours
// for the locale. English is the source language and needs no file.
void installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace cpn::console
