#include "translations.h"

#include "domain/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace cpn::console {

void installTranslations(QCoreApplication &app, const QLocale &locale)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);

    auto *ourTranslator = new QTranslator(&app);
    if (ourTranslator->load(locale, QStringLiteral("cpn"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ourTranslator);
        qCInfo(lcApp) << "user interface language" << locale.name();
    } else if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        qCInfo(lcApp) << "no translation for" << locale.name() << "- using English";
    }
}

} // namespace cpn::console
