// bench_startup [--console PATH] [--runs N]: how long a cold console takes to show the map with data.
//
// Cold: a new process with empty settings and an empty cache, as at a user's first start (the system's
// file cache stays warm: dropping it would need privileges a benchmark should not take). The console runs
// --demo in its own Xvfb, and the clock stops when it logs its first map frame drawn with nodes
// ("map: first frame with data drawn"), which includes starting the simulator, the first directory and
// metrics, and the paint. Measured beside a bare Qt widgets window's start to its first frame, in the same
// X server. The console measured is the installed one (/usr/bin/cpn-console) when there is one, else the
// build's; --console picks another.
#include "common/median.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace {

constexpr int kTimeoutMs = 120'000;

// An Xvfb of the benchmark's own on a free display number.
class XServer
{
public:
    bool start()
    {
        for (int n = 90; n < 200; ++n) {
            if (QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(n)) ||
                QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                continue;
            m_display = QStringLiteral(":%1").arg(n);
            m_process.start(QStringLiteral("Xvfb"), {m_display, QStringLiteral("-screen"), QStringLiteral("0"),
                                                     QStringLiteral("1920x1080x24"), QStringLiteral("-nolisten"),
                                                     QStringLiteral("tcp")});
            if (!m_process.waitForStarted(5000))
                return false;
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 10'000) {
                if (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
                    return true;
                if (m_process.waitForFinished(50))
                    break; // the number was taken after all: try the next
            }
        }
        return false;
    }
    ~XServer()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    QString display() const { return m_display; }

private:
    QProcess m_process;
    QString m_display;
};

// Starts program with arguments in a fresh home and returns the milliseconds until a line of its output
// contains marker; nothing if it never does.
std::optional<double> timeToMarker(const QString &display, const QString &program, const QStringList &arguments,
                                   const QByteArray &marker)
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), display);
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    QByteArray output;
    std::optional<double> ms;
    while (!ms && clock.elapsed() < kTimeoutMs && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(50);
        output += process.readAll();
        if (output.contains(marker))
            ms = clock.nsecsElapsed() / 1e6;
    }
    process.terminate(); // the console's simulator follows it (it dies with its parent)
    if (!process.waitForFinished(10'000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    if (!ms)
        std::fprintf(stderr, "%s never said \"%s\"; its output:\n%s\n", qPrintable(program), marker.constData(),
                     output.right(4000).constData());
    return ms;
}

double medianOf(int runs, const std::function<std::optional<double>()> &run)
{
    std::vector<double> values;
    for (int i = 0; i < runs; ++i) {
        const auto ms = run();
        if (!ms)
            std::exit(1);
        values.push_back(*ms);
    }
    return benchstats::median(values);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString console = QFile::exists(QStringLiteral("/usr/bin/cpn-console")) ? QStringLiteral("/usr/bin/cpn-console")
                                                                           : QStringLiteral(CPN_BUILD_CONSOLE);
    int runs = 5;
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--console"))
            console = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
    }
    XServer x;
    if (!x.start()) {
        std::fprintf(stderr, "bench_startup: could not start Xvfb\n");
        return 1;
    }
    std::printf("# console: %s; %d runs each, medians; X server %s (Xvfb 1920x1080)\n", qPrintable(console), runs,
                qPrintable(x.display()));
    std::fflush(stdout);

    const QByteArray mapMarker("map: first frame with data drawn");
    const QStringList window{QStringLiteral("-qwindowgeometry"), QStringLiteral("1920x1080+0+0")};
    const double bare = medianOf(runs, [&] {
        return timeToMarker(x.display(), QStringLiteral(CPN_BARE_WINDOW), window, QByteArray("first frame"));
    });
    std::printf("startup.bare_window_ms: %.1f ms\n", bare);
    std::fflush(stdout);
    const double demo = medianOf(runs, [&] {
        return timeToMarker(x.display(), console, window + QStringList{QStringLiteral("--demo")}, mapMarker);
    });
    std::printf("startup.first_map_ms.default: %.1f ms\n", demo);
    std::fflush(stdout);
    const double synthetic = medianOf(runs, [&] {
        return timeToMarker(x.display(), console,
                            window + QStringList{QStringLiteral("--demo"), QStringLiteral("--scenario"),
                                                 QStringLiteral("synthetic:2000")},
                            mapMarker);
    });
    std::printf("startup.first_map_ms.synthetic: %.1f ms\n", synthetic);
    std::printf("startup.first_map_vs_bare.default: %.1f x\n", demo / bare);
    std::printf("startup.first_map_vs_bare.synthetic: %.1f x\n", synthetic / bare);
    return 0;
}
