#include "commandline.h"
#include "consoleapp.h"
#include "translations.h"
#include "domain/logging.h"
#include "ui/theme.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>

#include <algorithm>
#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    using Action = cpn::console::CommandLineResult::Action;
    // Help, version and usage errors are answered without a window system (a shell over ssh, a
    // package build): only running needs a display.
    // Qt's own options (-qwindowgeometry, -platform, -style…) take one dash and are known only once a
    // QApplication has taken them out: with one of them, a usage error is the QApplication's to judge.
    const bool qtOptions = std::any_of(arguments.cbegin() + 1, arguments.cend(), [](const QString &a) {
        return a.size() > 2 && a.startsWith(u'-') && !a.startsWith(QLatin1String("--"));
    });
    const Action action = cpn::console::parseCommandLine(arguments).action;
    const bool answerOnly =
        action == Action::ShowHelp || action == Action::ShowVersion || (action == Action::Error && !qtOptions);
    std::unique_ptr<QCoreApplication> application;
    if (answerOnly)
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    arguments = QCoreApplication::arguments(); // without the options Qt took
    QCoreApplication::setOrganizationName(QStringLiteral("CPN"));
    QCoreApplication::setApplicationName(QStringLiteral("cpn-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPN_VERSION));

    // The language must be known before any translated text, the help included: the --lang option for
    // this run, else the one chosen in View > Language last time, else the system's.
    QSettings settings;
    const qsizetype langAt = arguments.indexOf(QStringLiteral("--lang"));
    const QString commandLineLanguage =
        langAt > 0 && langAt + 1 < arguments.size() ? arguments.at(langAt + 1) : QString();
    cpn::console::UiLanguage language;
    language.applyChoice(cpn::console::UiLanguage::startupChoice(commandLineLanguage, &settings));

    const auto parsed = cpn::console::parseCommandLine(arguments, qEnvironmentVariable("CPN_TOKEN"));
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

    auto &guiApp = static_cast<QApplication &>(app);
    // The desktop entry and the icon installed in the hicolor theme (cn.cpn.ControlCenter); from a build
    // tree, the same drawing built in.
    QGuiApplication::setDesktopFileName(QStringLiteral("cn.cpn.ControlCenter"));
    const QString iconName = QStringLiteral("cn.cpn.ControlCenter");
    const bool installedIcon = QIcon::hasThemeIcon(iconName);
    QApplication::setWindowIcon(installedIcon ? QIcon::fromTheme(iconName) : QIcon(QStringLiteral(":/icons/cpn.svg")));
    qCInfo(lcApp).noquote() << "window icon:" << (installedIcon ? QStringLiteral("the icon theme's ") + iconName
                                                                     : QStringLiteral("built in"));
    cpn::theme::applyDark(guiApp);
    cpn::console::ConsoleApp console(parsed.options, &settings, &language);
    console.start();
    return QApplication::exec();
}
