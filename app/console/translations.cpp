#include "translations.h"

#include "domain/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QSettings>

namespace cpn::console {

UiLanguage::UiLanguage(QString qmDirectory, QObject *parent) : QObject(parent), m_qmDirectory(std::move(qmDirectory))
{
}

QString UiLanguage::installedDirectory()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1String("/../share/cpn-console/translations"));
}

QString UiLanguage::startupChoice(const QString &commandLineLanguage, const QSettings *settings)
{
    if (!commandLineLanguage.isEmpty())
        return commandLineLanguage;
    return settings ? settings->value(QLatin1String(kSettingsKey)).toString() : QString();
}

QLocale UiLanguage::localeOf(const QString &choice)
{
    return choice.isEmpty() ? QLocale::system() : QLocale(choice);
}

bool UiLanguage::loadOurTranslator(QTranslator &translator, const QLocale &locale) const
{
    return translator.load(locale, QStringLiteral("cpn"), QStringLiteral("_"), m_qmDirectory);
}

void UiLanguage::applyChoice(const QString &choice)
{
    m_choice = choice;
    apply(localeOf(choice));
}

void UiLanguage::apply(const QLocale &locale)
{
    m_locale = locale;
    QLocale::setDefault(locale); // models pick the order of bilingual names from it
    // Each removal and installation sends every widget a LanguageChange; the last one finds both in place.
    if (std::exchange(m_qtInstalled, false))
        QCoreApplication::removeTranslator(&m_qt);
    if (std::exchange(m_oursInstalled, false))
        QCoreApplication::removeTranslator(&m_ours);

    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    if (!english && m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    // English too: cpn_en.qm holds the English plural forms ("1 node", "2 nodes").
    if (loadOurTranslator(m_ours, english ? QLocale(QLocale::English) : locale)) {
        m_oursInstalled = QCoreApplication::installTranslator(&m_ours);
        // English, the source language, is only its plural forms: not worth a line on every start (nor
        // before the one line of an unknown option's error).
        if (english)
            qCDebug(lcApp).noquote() << "user interface language" << locale.name() << "from" << m_ours.filePath();
        else
            qCInfo(lcApp).noquote() << "user interface language" << locale.name() << "from" << m_ours.filePath();
    } else {
        qCWarning(lcApp).noquote() << "no translation for" << locale.name() << "in" << m_qmDirectory << "- using English";
    }
    // Every window's title ends with it: in the language of the rest of the title.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        QGuiApplication::setApplicationDisplayName(QCoreApplication::translate("cpn::console", "CPN Control Center"));
    Q_EMIT changed(locale);
}

} // namespace cpn::console
