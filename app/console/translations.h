#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

class QSettings;

namespace cpn::console {

// The user interface language, switched at run time: owns Qt's translator (so QWizard's Back/Next and
// the standard dialogs match) and ours. Installing or removing a translator sends every widget a
// QEvent::LanguageChange, on which each retranslates itself. English is the source language and
// needs no file.
class UiLanguage : public QObject
{
    Q_OBJECT

public:
    // The settings key of the user's choice: "en", "zh_CN", or empty for the system's language.
    static constexpr const char *kSettingsKey = "ui/language";

    // qmDirectory: where cpn_<locale>.qm is looked for.
    explicit UiLanguage(QString qmDirectory = installedDirectory(), QObject *parent = nullptr);

    // Where the translations are installed: <prefix>/share/cpn-console/translations beside <prefix>/bin,
    // which is also where the build tree puts them (bin/../share/cpn-console/translations).
    static QString installedDirectory();

    // The choice to start with: the --lang option when given (for this run only), else the saved one.
    static QString startupChoice(const QString &commandLineLanguage, const QSettings *settings);
    // The locale of a choice ("" is the system's).
    static QLocale localeOf(const QString &choice);

    // Removes the translators of the language before and installs this one's; sets the default locale
    // (models order bilingual names by it) and the application's display name. Emits changed().
    void apply(const QLocale &locale);
    // apply(localeOf(choice)), remembering the choice.
    void applyChoice(const QString &choice);
    QString choice() const { return m_choice; }
    QLocale locale() const { return m_locale; }

Q_SIGNALS:
    void changed(const QLocale &locale);

private:
    // Where our translation of a locale comes from; true when one was found.
    bool loadOurTranslator(QTranslator &translator, const QLocale &locale) const;

    QString m_qmDirectory;
    QString m_choice;
    QLocale m_locale;
    QTranslator m_qt;
    QTranslator m_ours;
    bool m_qtInstalled = false;
    bool m_oursInstalled = false;
};

} // namespace cpn::console
