#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace cpn::console {

struct ConsoleOptions
{
    bool demo = false;           // start cpn-nodesim on a free loopback port and connect to it
    QString demoScenario = QStringLiteral("default");
    quint64 demoSeed = 42;
    QList<QUrl> connectUrls;     // federation roots to connect to
    QString token;               // bearer token for --connect (CPN_TOKEN in the environment)
    QString offlineFile;         // offline review of a cache or snapshot: no network, nothing written
    qint64 replayAtMs = -1;      // diagnostic: with offlineFile, start the replay this far in
    QString language;            // e.g. "zh_CN"; empty: the system locale
    bool allowPlainHttp = false; // http:// to hosts other than loopback
    QString caFile;              // PEM of a private CA trusted for the --connect endpoints, besides the system CAs
    QString screenshotFile;      // diagnostic: save the window to this PNG after screenshotDelayMs, then quit
    int screenshotDelayMs = 8000;
    QString basemapFile;         // GeoJSON basemap of the organisation's own; empty: settings, else the built-in
    bool wallMode = false;       // start in wall mode (full screen map)
    bool showFps = false;        // diagnostic: frame time on the map
    bool pinDemoCharts = false;  // diagnostic: pin a few node, link and national charts at start
    QString openPlanning;        // diagnostic: "selection" opens that wizard on its ranked offers once offers arrive
    QString cacheDirectory;      // folder of the SQLite cache; empty: QStandardPaths::CacheLocation
    qint64 cacheMaxBytes = 0;    // the cache file's cap (recording stops there, as on a full disk); 0: none
    bool signIn = false;         // sign in at the (first) federation root in the system browser at start
};

struct CommandLineResult
{
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    ConsoleOptions options;
    QString message; // help or version text, or the error
};

// Parses the console's command line (arguments[0] is the program name). Pure: tests call it.
CommandLineResult parseCommandLine(const QStringList &arguments, const QString &tokenFromEnvironment = {});

} // namespace cpn::console
