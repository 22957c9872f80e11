#include "commandline.h"
#include "consoleapp.h"
#include "translations.h"
#include "ui/theme.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CPN"));
    QApplication::setApplicationName(QStringLiteral("cpn-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("CPN Control Center"));
    QApplication::setApplicationVersion(QStringLiteral(CPN_VERSION));

    // The language option must be known before any translated text, the help included.
    const QStringList arguments = QApplication::arguments();
    const qsizetype langAt = arguments.indexOf(QStringLiteral("--lang"));
    const QLocale locale = langAt > 0 && langAt + 1 < arguments.size() ? QLocale(arguments.at(langAt + 1))
                                                                        : QLocale::system();
    QLocale::setDefault(locale); // models pick the order of bilingual names from it
    cpn::console::installTranslations(app, locale);

    const auto parsed = cpn::console::parseCommandLine(arguments, qEnvironmentVariable("CPN_TOKEN"));
    using Action = cpn::console::CommandLineResult::Action;
    switch (parsed.action) {
    case Action::ShowHelp:
    case Action::ShowVersion:
        std::fputs(qPrintable(parsed.message + u'\n'), stdout);
        return 0;
    case Action::Error:
        std::fputs(qPrintable(parsed.message + u'\n'), stderr);
        return 2;
    case Action::Run:
        break;
    }

    cpn::theme::applyDark(app);
    QSettings settings;
    cpn::console::ConsoleApp console(parsed.options, &settings);
    console.start();
    return QApplication::exec();
}
