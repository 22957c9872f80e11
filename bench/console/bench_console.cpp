// bench_console: the real console (ConsoleApp, the composition root cpn-console runs, offscreen)
// against a real cpn-nodesim started here with --scenario synthetic:N, at 2,000 and 10,000 nodes.
// Prints `name: value unit` lines:
//
//   console.ui_ms_per_tick.N        UI thread CPU time per tick received (median of the windows),
//                                   nobody at the keyboard
//   console.ui_ms_per_tick_with_keys.N  the same while a key press arrives every 60-180 ms
//   console.key_to_paint_ms_p50.N   a key press in the node table to the table's next paint
//   console.key_to_paint_ms_p99.N
//   console.ticks_per_s.N           distinct ticks the console received per second
//   console.bytes_per_tick.N        bytes on the wire of a /metrics answer, per tick it carries
//   console.rss_growth_mb.2000_10min  RSS growth over the RSS run, after its first minute
//   console.rss_growth_mb.2000_10min_last5  RSS growth over the run's last 5 minutes (its second
//                                   half): near 0 when what grew is a bounded working set that has
//                                   filled (the cache writer's SQLite page cache, the charts'
//                                   buffers), about half the whole when memory grows steadily
//
// Each beside its baseline, measured in the same run, named `<figure>.baseline`: for the first four
// the same console with answers parsed on the UI thread (CPN_PARSE_ON_UI_THREAD=1, the path before
// the parse worker); for bytes_per_tick plain JSON without compression (the protocol's first
// encoding); for the RSS growth the RSS after the first minute. The RSS run samples RSS every 30 s
// and writes each sample to stderr beside the heap malloc holds in use, the arenas' size and the
// memory SQLite holds (its page caches), which tell live data from free memory the allocator keeps.
//
//   bench_console [--sizes 2000,10000] [--runs N] [--window-s S] [--rss-minutes M]
//                 [--accept TYPE] [--accept-encoding ENCODINGS]
//
// --rss-minutes defaults to 10 (the figure's name says so); 0 skips the RSS run, and --sizes ''
// skips the per-size part (only the RSS run). CPN_BENCH_SHORT=1 is the development run: 3 windows
// of 5 s and a 2-minute RSS run (its figures are then named rss_growth_mb.2000_2min and
// rss_growth_mb.2000_2min_last1: _last is the second half of any run). --accept/--accept-encoding:
// the headers of the console's answers for bytes_per_tick (default: what the console sends, the
// compact encoding with deltas and QNetworkAccessManager's gzip, deflate; `--accept
// application/json` for the first encoding, gzipped).

#include "api/localsimulator.h"
#include "consoleapp.h"
#include "domain/metricscodec.h"
#include "domain/protocoljson.h"
#include "state/federationstate.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QInputDevice>
#include <QKeyEvent>
#include <QSet>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <malloc.h>
#include <random>
#include <thread>

using namespace cpn;

namespace {

const QString kToken = QStringLiteral("bench-console-token");

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        waitMs(20);
    }
    return true;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(std::clamp(p * double(values.size() - 1) + 0.5, 0.0, double(values.size() - 1)));
    return values.at(index);
}

double median(const QList<double> &values)
{
    return percentile(values, 0.5);
}

// RSS every kRssSampleS seconds of a run, the first at its start. Each sample is also written to
// stderr with the heap malloc holds in use, the size of its arenas and SQLite's memory (its page
// caches): live data, free memory the allocator keeps, and the cache's bounded page caches.
struct RssSamples
{
    static constexpr int kRssSampleS = 30;
    QList<double> rssMb;

    double growthMb() const { return rssMb.last() - rssMb.first(); }
    double growthOverLastMb(int seconds) const
    {
        const qsizetype from = std::max<qsizetype>(0, rssMb.size() - 1 - seconds / kRssSampleS);
        return rssMb.last() - rssMb.at(from);
    }
};

RssSamples sampleRss(int minutes)
{
    RssSamples samples;
    const int count = minutes * 60 / RssSamples::kRssSampleS;
    for (int i = 0;; ++i) {
        const struct mallinfo2 heap = mallinfo2();
        sqlite3_int64 sqliteBytes = 0, sqliteHighwater = 0;
        sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &sqliteBytes, &sqliteHighwater, 0);
        samples.rssMb.append(rssMb());
        std::fprintf(stderr,
                     "bench_console: rss at %4d s: %.1f MB (malloc: in use %.1f MB of %.1f MB in arenas, "
                     "%.1f MB mmapped; SQLite %.1f MB)\n",
                     i * RssSamples::kRssSampleS, samples.rssMb.last(), double(heap.uordblks) / 1048576.0,
                     double(heap.arena) / 1048576.0, double(heap.hblkhd) / 1048576.0,
                     double(sqliteBytes) / 1048576.0);
        if (i == count)
            return samples;
        waitMs(RssSamples::kRssSampleS * 1000);
    }
}

void print(const QString &name, double value, const char *unit)
{
    std::printf("%s: %.*f %s\n", qPrintable(name), value < 10 ? 2 : 1, value, unit);
    std::fflush(stdout);
}

// Presses Down and Up in the node table at random moments from another thread, as input arrives
// whatever the UI thread is doing, and times each press to the table's first paint after the view
// handled it.
class KeyProbe : public QObject
{
public:
    explicit KeyProbe(QTableView *view) : m_view(view)
    {
        view->installEventFilter(this);
        view->viewport()->installEventFilter(this);
        QInputDevice::primaryKeyboard(); // made here: a key event made on the probe's thread would make it there
        m_thread = std::thread([this] { run(); });
    }
    ~KeyProbe() override
    {
        m_stop = true;
        m_thread.join();
        m_view->removeEventFilter(this);
        m_view->viewport()->removeEventFilter(this);
    }
    QList<double> latenciesMs() const { return m_latenciesMs; }

protected:
    bool eventFilter(QObject *object, QEvent *event) override
    {
        if (object == m_view && event->type() == QEvent::KeyPress && m_postedNs.load() != 0) {
            m_handled = true;
        } else if (object == m_view->viewport() && event->type() == QEvent::Paint && m_handled) {
            m_latenciesMs.append(double(steadyNs() - m_postedNs.load()) / 1e6);
            m_handled = false;
            m_postedNs.store(0);
        }
        return false;
    }

private:
    void run()
    {
        std::mt19937 random(12);
        std::uniform_int_distribution<int> pauseMs(60, 180);
        bool down = true;
        while (!m_stop) {
            std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs(random)));
            if (m_postedNs.load() != 0)
                continue; // the last press is not on screen yet
            m_postedNs.store(steadyNs());
            QCoreApplication::postEvent(m_view, new QKeyEvent(QEvent::KeyPress, down ? Qt::Key_Down : Qt::Key_Up,
                                                              Qt::NoModifier));
            down = !down;
        }
    }

    QTableView *m_view;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_postedNs{0};
    bool m_handled = false;
    QList<double> m_latenciesMs;
};

struct ConsoleFigures
{
    QList<double> uiMsPerTick;         // one per window, nobody at the keyboard
    QList<double> uiMsPerTickWithKeys; // one per window, a key press every 60-180 ms
    QList<double> ticksPerS;
    QList<double> keyMs;       // every press
    bool ok = false;
};

QTableView *nodeTable(MainWindow *window, int nodes)
{
    // By name: the overview's attention list can hold as many rows (every node, while all are late).
    auto *view = window->findChild<QTableView *>(QStringLiteral("nodesTable"));
    return view && view->model() && view->model()->rowCount() == nodes ? view : nullptr;
}

// One console connected to the simulator: warm-up, then `windows` windows of `windowS` seconds.
ConsoleFigures runConsole(const QUrl &root, int nodes, bool parseOnUiThread, int windows, int windowS)
{
    ConsoleFigures figures;
    if (parseOnUiThread)
        qputenv("CPN_PARSE_ON_UI_THREAD", "1");
    else
        qunsetenv("CPN_PARSE_ON_UI_THREAD");
    QTemporaryDir dir;
    console::ConsoleOptions options;
    options.connectUrls = {root};
    options.token = kToken;
    options.cacheDirectory = dir.path();
    console::ConsoleApp console(options, nullptr);
    console.start();
    console.window()->resize(1920, 1080);
    FederationState *state = console.window()->shownState();
    QSet<qint64> ticks;
    QObject::connect(state, &FederationState::batchIngested, state, [&ticks](const MetricsBatch &batch) {
        for (const NodeSample &sample : batch.nodes)
            ticks.insert(sample.tsMs);
    });
    if (!waitUntil([&] { return state->nodeCount() == nodes && state->newestSampleMs() > 0; }, 180000)) {
        std::fprintf(stderr, "bench_console: the console did not show %d nodes\n", nodes);
        return figures;
    }
    QTableView *table = nodeTable(console.window(), nodes);
    if (!table) {
        std::fprintf(stderr, "bench_console: no node table\n");
        return figures;
    }
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    waitMs(5000); // the first ticks, the first paints, the caches warm
    // The tick's own cost is measured with nobody at the keyboard; key presses, which cost the UI
    // thread too, are timed in windows of their own, whose UI time is reported apart.
    const auto measure = [&](QList<double> *uiMsPerTick) {
        for (int w = 0; w < windows; ++w) {
            ticks.clear();
            const double cpuBefore = threadCpuMs();
            QElapsedTimer wall;
            wall.start();
            waitMs(windowS * 1000);
            const double cpuMs = threadCpuMs() - cpuBefore;
            const qsizetype received = ticks.size();
            uiMsPerTick->append(cpuMs / double(std::max<qsizetype>(1, received)));
            figures.ticksPerS.append(double(received) * 1000.0 / double(wall.elapsed()));
        }
    };
    measure(&figures.uiMsPerTick);
    {
        KeyProbe probe(table);
        measure(&figures.uiMsPerTickWithKeys);
        figures.keyMs = probe.latenciesMs();
    }
    figures.ok = true;
    qunsetenv("CPN_PARSE_ON_UI_THREAD");
    return figures;
}

struct RawAnswer
{
    int status = 0;
    qint64 wireBytes = 0; // everything the socket received: status line, headers, body
    QByteArray body;
};

// One HTTP/1.1 GET on its own connection, counting the bytes as they come off the socket.
RawAnswer rawGet(const QUrl &root, const QString &pathAndQuery, const QByteArray &accept,
                 const QByteArray &acceptEncoding)
{
    RawAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(root.host(), quint16(root.port()));
    if (!socket.waitForConnected(5000))
        return answer;
    QByteArray request = "GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: " + root.host().toUtf8() + ":" +
                         QByteArray::number(root.port()) + "\r\nAuthorization: Bearer " + kToken.toUtf8() +
                         "\r\nConnection: close\r\n";
    if (!accept.isEmpty())
        request += "Accept: " + accept + "\r\n";
    if (!acceptEncoding.isEmpty())
        request += "Accept-Encoding: " + acceptEncoding + "\r\n";
    socket.write(request + "\r\n");
    // Read to the end of the body its Content-Length announces: the server may keep the connection
    // open whatever the request says, so waiting for it to close would wait out the timeout.
    QByteArray all;
    qsizetype headerEnd = -1;
    qsizetype expected = -1;
    while ((expected < 0 || all.size() < expected) && socket.waitForReadyRead(30000)) {
        all += socket.readAll();
        if (headerEnd < 0 && (headerEnd = all.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = all.left(headerEnd).toLower();
            const qsizetype at = head.indexOf("\r\ncontent-length:");
            if (at >= 0)
                expected = headerEnd + 4 + head.mid(at + 17, head.indexOf("\r\n", at + 2) - at - 17).trimmed().toLongLong();
        }
    }
    answer.wireBytes = all.size();
    answer.status = all.mid(9, 3).toInt();
    answer.body = headerEnd < 0 ? QByteArray() : all.mid(headerEnd + 4);
    return answer;
}

// Bytes on the wire per tick of a /metrics answer asked with the console's headers, and of the same
// ticks as plain JSON without compression; medians of `runs` answers of the ticks since a cursor.
std::pair<double, double> bytesPerTick(const QUrl &root, int runs, const QByteArray &accept,
                                       const QByteArray &acceptEncoding)
{
    const QString metrics = root.path() + QStringLiteral("/api/v1/metrics");
    QList<double> console, plain;
    for (int run = 0; run < runs; ++run) {
        const RawAnswer latest = rawGet(root, metrics, "application/json", {});
        const protocol::Parsed<MetricsBatch> first = protocol::parseMetrics(latest.body);
        if (latest.status != 200 || !first.ok()) {
            std::fprintf(stderr, "bench_console: /metrics answered %d\n", latest.status);
            return {0, 0};
        }
        waitMs(1100); // the next tick
        // One tick in each answer: at 10,000 nodes a tick can pass between the two requests, and an
        // answer of two ticks measured against one of one would halve (or double) the figure.
        const QString since = metrics + QStringLiteral("?limit=1&since=") +
                              QString::fromLatin1(QUrl::toPercentEncoding(first.value().cursor));
        // As the console asks: compact answers are deltas against the tick it holds (docs/node-api.md).
        const bool compact = accept.contains(protocol::kCborContentType);
        const RawAnswer asConsole = rawGet(root, compact ? since + QStringLiteral("&delta=1") : since, accept,
                                           acceptEncoding);
        const RawAnswer asJson = rawGet(root, since, "application/json", {});
        const protocol::Parsed<MetricsBatch> batch = protocol::parseMetrics(asJson.body);
        if (asConsole.status != 200 || !batch.ok())
            continue;
        QSet<qint64> ticks;
        for (const NodeSample &sample : batch.value().nodes)
            ticks.insert(sample.tsMs);
        const double count = double(std::max<qsizetype>(1, ticks.size()));
        console.append(double(asConsole.wireBytes) / count);
        plain.append(double(asJson.wireBytes) / count);
    }
    return {median(console), median(plain)};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"), QStringLiteral("Federation sizes."),
                                         QStringLiteral("list"), QStringLiteral("2000,10000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Windows per console."),
                                        QStringLiteral("n"));
    const QCommandLineOption windowOption(QStringLiteral("window-s"), QStringLiteral("Seconds per window."),
                                          QStringLiteral("s"));
    const QCommandLineOption rssOption(QStringLiteral("rss-minutes"),
                                       QStringLiteral("Minutes of the RSS run after its first (0: none)."),
                                       QStringLiteral("m"));
    const QCommandLineOption acceptOption(QStringLiteral("accept"), QStringLiteral("Accept of the console's answers."),
                                          QStringLiteral("type"),
                                          QStringLiteral("application/cbor, application/json;q=0.5"));
    const QCommandLineOption encodingOption(QStringLiteral("accept-encoding"),
                                            QStringLiteral("Accept-Encoding of the console's answers."),
                                            QStringLiteral("encodings"), QStringLiteral("gzip, deflate"));
    parser.addOptions({sizesOption, runsOption, windowOption, rssOption, acceptOption, encodingOption});
    parser.process(app);

    const bool shortRun = qEnvironmentVariableIntValue("CPN_BENCH_SHORT") != 0;
    const int runs = parser.isSet(runsOption) ? parser.value(runsOption).toInt() : (shortRun ? 3 : 5);
    const int windowS = parser.isSet(windowOption) ? parser.value(windowOption).toInt() : (shortRun ? 5 : 10);
    const int rssMinutes = parser.isSet(rssOption) ? parser.value(rssOption).toInt() : (shortRun ? 2 : 10);

    // The RSS run comes first, on a fresh heap: after the 10,000-node run malloc keeps hundreds of MB
    // free in its arenas, which would hide any growth.
    if (rssMinutes > 0) {
        api::LocalSimulator simulator;
        api::LocalSimulator::Options simOptions;
        simOptions.scenario = QStringLiteral("synthetic:2000");
        simOptions.devToken = kToken;
        simulator.start(simOptions);
        if (!simulator.waitForStarted(120000))
            return 1;
        // RSS after the first minute, then every 30 s to the end: the whole run's growth, and the
        // growth over its second half, which tells a working set still filling from one that stopped.
        QTemporaryDir dir;
        console::ConsoleOptions options;
        options.connectUrls = {simulator.baseUrl()};
        options.token = kToken;
        options.cacheDirectory = dir.path();
        console::ConsoleApp console(options, nullptr);
        console.start();
        console.window()->resize(1920, 1080);
        waitMs(60 * 1000);
        const RssSamples samples = sampleRss(rssMinutes);
        const int lastMinutes = std::max(1, rssMinutes / 2);
        const QString figure = QStringLiteral("console.rss_growth_mb.2000_%1min").arg(rssMinutes);
        print(figure, samples.growthMb(), "MB");
        print(figure + QStringLiteral("_last%1").arg(lastMinutes), samples.growthOverLastMb(lastMinutes * 60), "MB");
        print(figure + QStringLiteral(".baseline_rss_at_1min"), samples.rssMb.first(), "MB");
    }

    for (const QString &size : parser.value(sizesOption).split(u',', Qt::SkipEmptyParts)) {
        const int nodes = size.toInt();
        api::LocalSimulator simulator;
        api::LocalSimulator::Options simOptions;
        simOptions.scenario = QStringLiteral("synthetic:%1").arg(nodes);
        simOptions.devToken = kToken;
        simulator.start(simOptions);
        if (!simulator.waitForStarted(120000)) {
            std::fprintf(stderr, "bench_console: cannot start cpn-nodesim: %s\n", qPrintable(simulator.errorString()));
            return 1;
        }
        const QUrl root = simulator.baseUrl();

        const auto [wireConsole, wireJson] =
            bytesPerTick(root, 3, parser.value(acceptOption).toUtf8(), parser.value(encodingOption).toUtf8());
        print(QStringLiteral("console.bytes_per_tick.%1").arg(nodes), wireConsole, "B");
        print(QStringLiteral("console.bytes_per_tick.%1.baseline").arg(nodes), wireJson, "B");

        const ConsoleFigures baseline = runConsole(root, nodes, true, runs, windowS);
        const ConsoleFigures now = runConsole(root, nodes, false, runs, windowS);
        if (!baseline.ok || !now.ok)
            return 1;
        const auto both = [nodes](const char *figure, double value, double base, const char *unit) {
            print(QStringLiteral("console.%1.%2").arg(QLatin1String(figure)).arg(nodes), value, unit);
            print(QStringLiteral("console.%1.%2.baseline").arg(QLatin1String(figure)).arg(nodes), base, unit);
        };
        both("ui_ms_per_tick", median(now.uiMsPerTick), median(baseline.uiMsPerTick), "ms");
        both("ui_ms_per_tick_with_keys", median(now.uiMsPerTickWithKeys), median(baseline.uiMsPerTickWithKeys),
             "ms");
        both("key_to_paint_ms_p50", percentile(now.keyMs, 0.5), percentile(baseline.keyMs, 0.5), "ms");
        both("key_to_paint_ms_p99", percentile(now.keyMs, 0.99), percentile(baseline.keyMs, 0.99), "ms");
        both("ticks_per_s", median(now.ticksPerS), median(baseline.ticksPerS), "ticks/s");
        simulator.stop();
    }

    return 0;
}
