#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace cpn::console {

CommandLineResult parseCommandLine(const QStringList &arguments, const QString &tokenFromEnvironment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cpn::console", "CPN Control Center: the console of the national "
                                                    "computing-power network."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("cpn::console", "Start the reference simulator on a free loopback port "
                                                    "and connect to it."));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QCoreApplication::translate("cpn::console", "Simulator scenario for --demo: default or synthetic:N."),
        QStringLiteral("name"), QStringLiteral("default"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("cpn::console", "Simulator seed for --demo."),
                                  QStringLiteral("n"), QStringLiteral("42"));
    const QCommandLineOption connect(
        QStringLiteral("connect"),
        QCoreApplication::translate("cpn::console", "Connect to the federation root (a national node, or a "
                                                    "site's cpn-gateway) at URL. May be given more than once, "
                                                    "and with --demo: then beside the simulated federation."),
        QStringLiteral("url"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QCoreApplication::translate("cpn::console", "Bearer token for --connect (prefer the CPN_TOKEN "
                                                    "environment variable: arguments are visible to "
                                                    "other users)."),
        QStringLiteral("token"));
    const QCommandLineOption offline(
        QStringLiteral("offline"),
        QCoreApplication::translate("cpn::console", "Open a cache or snapshot file for offline review."),
        QStringLiteral("file"));
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QCoreApplication::translate("cpn::console", "User interface language, e.g. en or zh_CN."),
        QStringLiteral("locale"));
    const QCommandLineOption allowHttp(
        QStringLiteral("allow-plain-http"),
        QCoreApplication::translate("cpn::console", "Allow unencrypted http:// to hosts other than loopback."));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("cpn::console", "PEM file of a private certificate authority to trust, "
                                                    "besides the system's, for the --connect endpoints."),
        QStringLiteral("file"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("cpn::console", "Diagnostic: save the window as a PNG file once the "
                                                    "delay has passed, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("cpn::console", "Seconds to wait before --screenshot (default 8)."),
        QStringLiteral("seconds"), QStringLiteral("8"));
    const QCommandLineOption basemap(
        QStringLiteral("basemap"),
        QCoreApplication::translate("cpn::console", "GeoJSON basemap of provinces (and boundary lines) to draw "
                                                    "the map on, instead of the built-in one."),
        QStringLiteral("file"));
    const QCommandLineOption wall(
        QStringLiteral("wall"),
        QCoreApplication::translate("cpn::console", "Start in wall mode: the map alone, full screen (F11 "
                                                    "toggles)."));
    const QCommandLineOption fps(QStringLiteral("fps"),
                                 QCoreApplication::translate("cpn::console", "Diagnostic: show the map's frame "
                                                                             "time and rate."));
    const QCommandLineOption replayAt(
        QStringLiteral("replay-at"),
        QCoreApplication::translate("cpn::console", "Diagnostic, with --offline: start the replay this many "
                                                    "seconds into the recording."),
        QStringLiteral("seconds"));
    const QCommandLineOption openPlanning(
        QStringLiteral("open-planning"),
        QCoreApplication::translate("cpn::console", "Diagnostic: open the resource selection wizard on its ranked "
                                                    "offers once the offers arrive (for screenshots)."),
        QStringLiteral("selection"));
    const QCommandLineOption pinDemoCharts(
        QStringLiteral("pin-demo-charts"),
        QCoreApplication::translate("cpn::console", "Diagnostic: pin a few node, link and national charts on "
                                                    "the dashboard at start."));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in"),
        QCoreApplication::translate("cpn::console",
                                    "Sign in at the federation root in the system browser at "
                                    "start (the demo otherwise keeps its development token)."));
    parser.addOptions({demo, scenario, seed, connect, token, offline, language, allowHttp, caFile, screenshot,
                       screenshotDelay, basemap, wall, fps, replayAt, pinDemoCharts});
    const QCommandLineOption cacheMax(
        QStringLiteral("cache-max-mb"),
        QCoreApplication::translate("cpn::console", "Let the local cache grow to at most this many MB (default: "
                                                    "as far as the disk allows). Reaching it stops recording, "
                                                    "visibly, as a full disk does, until room is freed."),
        QStringLiteral("MB"));
    parser.addOption(openPlanning);
    parser.addOption(signIn);
    parser.addOption(cacheMax);

    CommandLineResult result;
    auto error = [&](const QString &message) {
        result.action = CommandLineResult::Action::Error;
        result.message = message;
        return result;
    };
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(helpOption)) {
        result.action = CommandLineResult::Action::ShowHelp;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = CommandLineResult::Action::ShowVersion;
        result.message = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(QCoreApplication::translate("cpn::console", "Unexpected argument: %1")
                         .arg(parser.positionalArguments().constFirst()));

    ConsoleOptions &o = result.options;
    o.demo = parser.isSet(demo);
    o.demoScenario = parser.value(scenario);
    static const QRegularExpression scenarioPattern(QStringLiteral("^(default|synthetic(:\\d{1,5})?)$"));
    if (!scenarioPattern.match(o.demoScenario).hasMatch())
        return error(QCoreApplication::translate("cpn::console", "Unknown scenario '%1': use default or "
                                                                 "synthetic:N.")
                         .arg(o.demoScenario));
    bool seedOk = false;
    o.demoSeed = parser.value(seed).toULongLong(&seedOk);
    if (!seedOk)
        return error(QCoreApplication::translate("cpn::console", "The seed must be a whole number."));
    for (const QString &value : parser.values(connect)) {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            return error(QCoreApplication::translate("cpn::console", "Not an http(s) URL: %1").arg(value));
        o.connectUrls.append(url);
    }
    o.token = parser.isSet(token) ? parser.value(token) : tokenFromEnvironment;
    o.offlineFile = parser.value(offline);
    o.language = parser.value(language);
    o.allowPlainHttp = parser.isSet(allowHttp);
    o.caFile = parser.value(caFile);
    if (parser.isSet(caFile) && o.caFile.trimmed().isEmpty())
        return error(QCoreApplication::translate("cpn::console", "--ca-file needs the path of a PEM file."));
    o.screenshotFile = parser.value(screenshot);
    bool delayOk = false;
    const double delaySeconds = parser.value(screenshotDelay).toDouble(&delayOk);
    if (!delayOk || delaySeconds < 0 || delaySeconds > 3600)
        return error(QCoreApplication::translate("cpn::console",
                                                 "The screenshot delay must be between 0 and 3600 seconds."));
    o.screenshotDelayMs = int(delaySeconds * 1000);
    o.basemapFile = parser.value(basemap);
    if (parser.isSet(basemap) && o.basemapFile.trimmed().isEmpty())
        return error(QCoreApplication::translate("cpn::console", "--basemap needs a file name."));
    o.wallMode = parser.isSet(wall);
    o.showFps = parser.isSet(fps);
    o.pinDemoCharts = parser.isSet(pinDemoCharts);
    o.openPlanning = parser.value(openPlanning);
    if (parser.isSet(openPlanning) && o.openPlanning != u"selection")
        return error(QCoreApplication::translate("cpn::console", "--open-planning takes \"selection\"."));
    o.signIn = parser.isSet(signIn);
    if (parser.isSet(cacheMax)) {
        bool ok = false;
        const double mb = parser.value(cacheMax).toDouble(&ok);
        if (!ok || mb < 0.1 || mb > 1e7)
            return error(QCoreApplication::translate("cpn::console", "--cache-max-mb needs a number of MB, at least 0.1."));
        o.cacheMaxBytes = qint64(mb * 1024 * 1024);
    }
    if (parser.isSet(replayAt)) {
        bool ok = false;
        const double seconds = parser.value(replayAt).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 400.0 * 24 * 3600 || o.offlineFile.isEmpty())
            return error(QCoreApplication::translate("cpn::console",
                                                     "--replay-at needs --offline and a number of seconds."));
        o.replayAtMs = qint64(seconds * 1000);
    }
    if (!o.offlineFile.isEmpty() && o.signIn)
        return error(
            QCoreApplication::translate("cpn::console", "--sign-in cannot be combined with --offline."));
    if (!o.offlineFile.isEmpty() && (o.demo || !o.connectUrls.isEmpty()))
        return error(QCoreApplication::translate("cpn::console",
                                                 "--offline cannot be combined with --demo or --connect."));
    return result;
}

} // namespace cpn::console
