// bench_alarms: the console's window (MainWindow: the Alarms dock, the map with its alarm rings and
// blink, the Nodes table) over an AlarmStore and a 2,000-node directory, shown offscreen at
// 1920x1080, and the Alarms dock alone at 1600x500 for the search. Prints medians of --runs runs
// (default 5) as `name: value unit` lines:
//
//   alarms.dock_update_ms.storm     a root of 2,000 nodes becomes unreachable: one answer of GET
//                                   /alarms brings 5,000 new alarms (the root's own, with its 1,999
//                                   nodes affected; node-down, link-down, slow endpoints; 100 alarms
//                                   listed before): from the answer's arrival
//                                   (AlarmStore::applyBatch) to the dock's next paint
//   alarms.map_update_ms.storm      the same storm: from the answer's arrival to the map's first
//                                   paint that shows the new severities (composed off the UI thread)
//   alarms.ui_stall_ms.storm        the longest the UI thread stayed away from its event loop during
//                                   the storm, up to 100 ms after both paints: the longest gap between
//                                   two beats of a 1 ms timer (target <= 100 ms)
//   alarms.filter_ms.10000          a search typed over 10,000 alarms (AlarmFilterProxyModel::
//                                   setSearchText, most rows drop out): to the dock's next paint
//                                   (target <= 20 ms)
//
// Each beside its baseline measured in the same run, named `<figure>.baseline`:
//   - the storm's three: the same 5,000 alarms applied one at a time (AlarmStore::applyAlarm each, as
//     an action's answer is applied): a row insertion each, each sorted into the proxy and laid out
//     by the view; what batching the answer into one insertion saves.
//   - the filter's: the naive filter, QSortFilterProxyModel's own (filterRegularExpression over the
//     display text of every column, case-insensitive) on the same model, sorted the same way.
//
//   bench_alarms [--runs N]

#include "alarms/alarmannouncer.h"
#include "alarms/alarmfilterproxymodel.h"
#include "alarms/alarmstore.h"
#include "alarms/alarmtablemodel.h"
#include "common/median.h"
#include "domain/clock.h"
#include "domain/provinces.h"
#include "state/federationstate.h"
#include "ui/alarms/alarmdirectory.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/nodemapwidget.h"

#include <QApplication>
#include <QDockWidget>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEvent>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cpn;

namespace {

constexpr qint64 kNow = 1'760'000'000'000;
const QString kOrigin = QStringLiteral("https://root.example:8443");
constexpr int kNodes = 2000;
constexpr int kStormAlarms = 5000;
constexpr int kListedBefore = 100;
constexpr int kFilterAlarms = 10000;

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.*f %s\n", name, value < 10 ? 2 : 1, value, unit);
    std::fflush(stdout);
}

QString nodeId(int i)
{
    return QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
}

// The national node, 40 hubs and the rest under them, spread over the provinces.
QList<Node> syntheticDirectory()
{
    QList<Node> nodes;
    const QList<Province> &all = provinces();
    for (int i = 0; i < kNodes; ++i) {
        Node n;
        n.id = nodeId(i);
        n.name = QStringLiteral("Node %1").arg(i);
        n.parentId = i == 0 ? QString() : i <= 40 ? nodeId(0) : nodeId(1 + i % 40);
        const Province &province = all.at(i % all.size());
        n.province = QString::fromLatin1(province.isoCode);
        // Around the province's capital, as the synthetic federation spreads them.
        n.lat = province.capitalLat + (i % 17 - 8) * 0.08;
        n.lon = province.capitalLon + (i % 13 - 6) * 0.08;
        nodes.append(n);
    }
    return nodes;
}

// Alarm i of a set: mostly node-down under the root, then link-down and slow endpoints.
Alarm makeAlarm(int i, qint64 raisedAtMs)
{
    Alarm a;
    a.id = QStringLiteral("a-%1").arg(i);
    a.revision = 1;
    a.raisedAtMs = raisedAtMs - i;
    switch (i % 5) {
    case 0:
    case 1:
        a.kind = Alarm::Kind::NodeDown;
        a.severity = Alarm::Severity::Critical;
        a.source = {AlarmSource::Kind::Node, nodeId(i % kNodes)};
        break;
    case 2:
        a.kind = Alarm::Kind::LinkDown;
        a.severity = Alarm::Severity::Major;
        a.source = {AlarmSource::Kind::Link, QStringLiteral("l-%1").arg(i)};
        break;
    case 3:
        a.kind = Alarm::Kind::EndpointSlow;
        a.severity = Alarm::Severity::Minor;
        a.source = {AlarmSource::Kind::Endpoint, nodeId(i % kNodes)};
        break;
    default:
        a.kind = Alarm::Kind::UtilizationHigh;
        a.severity = Alarm::Severity::Warning;
        a.source = {AlarmSource::Kind::Node, nodeId(i % kNodes)};
        break;
    }
    a.summary = QStringLiteral("English summary %1").arg(i);
    if (i % 7 == 0)
        a.ack = AlarmAck{QStringLiteral("operator"), raisedAtMs, QStringLiteral("on it"), 0};
    return a;
}

QList<Alarm> makeAlarms(int first, int count)
{
    QList<Alarm> alarms;
    alarms.reserve(count);
    for (int i = first; i < first + count; ++i)
        alarms.append(makeAlarm(i, kNow - 1000));
    return alarms;
}

// Counts the paints of a widget.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// The bench makes no sound (the console plays QSoundEffects).
class SilentSounds : public alarms::AlarmSoundPlayer
{
public:
    void play(Alarm::Severity) override {}
};

// The longest gap between two beats of a 1 ms timer on the UI thread.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longestNs = std::max(m_longestNs, now - m_lastNs);
            m_lastNs = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_lastNs = 0;
        m_longestNs = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        const qint64 now = m_clock.nsecsElapsed();
        return double(std::max(m_longestNs, now - m_lastNs)) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
};

void spinMs(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// Runs the event loop until `shown` says the change is on screen, then 100 ms more; returns the time
// from the change to the moment it was shown (ms) and the longest stall (ms).
struct Timing
{
    double updateMs = 0;
    double stallMs = 0;
};
Timing measure(const std::function<void()> &change, const std::function<bool()> &shown)
{
    Heartbeat heartbeat;
    spinMs(20);
    heartbeat.start();
    spinMs(5);
    QElapsedTimer elapsed;
    double updateMs = -1;
    // Arrives as an event, as a reply does.
    QTimer::singleShot(0, [&] {
        elapsed.start();
        change();
    });
    QElapsedTimer limit;
    limit.start();
    while (updateMs < 0 && limit.elapsed() < 180000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (elapsed.isValid() && shown())
            updateMs = double(elapsed.nsecsElapsed()) / 1e6;
    }
    spinMs(100);
    return {updateMs, heartbeat.stop()};
}

// Paints of a widget from now on.
struct Paints
{
    explicit Paints(QWidget *widget) : widget(widget) { widget->installEventFilter(&counter); }
    ~Paints() { widget->removeEventFilter(&counter); }
    int count() const { return counter.paints; }
    QWidget *widget;
    PaintCounter counter;
};

// The console's window over a 2,000-node directory and an alarm store.
struct Console
{
    FederationState state;
    NodeTableModel nodes{&state};
    EventLogModel events;
    EventLog log;
    alarms::AlarmStore store;
    SilentSounds sounds;
    MainWindow window;

    explicit Console(const Clock &clock)
        : state(clock), log(&events, clock), window(dependencies(clock))
    {
        state.setDirectory(syntheticDirectory(), {});
        window.resize(1920, 1080);
        window.show();
        window.alarmsDock()->raise();
        spinMs(300); // the first map frame composed and shown
    }
    MainWindow::Dependencies dependencies(const Clock &clock)
    {
        MainWindow::Dependencies d;
        d.state = &state;
        d.nodes = &nodes;
        d.events = &log;
        d.clock = &clock;
        d.alarms = &store;
        d.alarmSounds = &sounds;
        return d;
    }
};

struct Dock
{
    FederationState state;
    AlarmDirectory directory{&state};
    alarms::AlarmStore store;
    AlarmsPanel panel;

    explicit Dock(const Clock &clock) : state(clock), panel(&store, {}, &directory, clock)
    {
        state.setDirectory(syntheticDirectory(), {});
        panel.refreshDirectory();
        panel.resize(1600, 500);
        panel.show();
    }
    QWidget *viewport() const { return panel.view()->viewport(); }
};

struct StormTiming
{
    double dockMs = 0;
    double mapMs = 0;
    double stallMs = 0;
};

StormTiming storm(const Clock &clock, bool oneByOne)
{
    Console console(clock);
    AlarmBatch before;
    before.serverTimeMs = kNow - 2000;
    before.reset = true;
    before.alarms = makeAlarms(0, kListedBefore);
    console.store.applyBatch(kOrigin, before);
    spinMs(300);
    AlarmBatch answer;
    answer.serverTimeMs = kNow;
    answer.alarms = makeAlarms(kListedBefore, kStormAlarms);
    // The root itself: one alarm about its subtree, every node under it affected.
    Alarm &root = answer.alarms.first();
    root.kind = Alarm::Kind::NodeDown;
    root.severity = Alarm::Severity::Critical;
    root.source = {AlarmSource::Kind::Subtree, nodeId(0)};
    for (int i = 1; i < kNodes; ++i)
        root.affected.append(nodeId(i));

    map::NodeMapWidget *map = console.window.mapPanel()->mapWidget();
    const map::MapScene &scene = *console.window.mapPanel()->scene();
    Paints dockPaints(console.window.alarmsPanel()->view()->viewport());
    Paints mapPaints(map);
    QElapsedTimer sinceChange;
    quint64 revisionBefore = 0;
    double dockMs = -1, mapMs = -1;
    // The map shows the storm once the scene took the severities and a paint showed the image
    // composed from them.
    int mapPaintsBefore = 0, dockPaintsBefore = 0;
    const Timing t = measure(
        [&] {
            sinceChange.start();
            revisionBefore = scene.nodesRevision();
            mapPaintsBefore = mapPaints.count();
            dockPaintsBefore = dockPaints.count();
            if (!oneByOne) {
                console.store.applyBatch(kOrigin, answer);
                return;
            }
            for (const Alarm &a : std::as_const(answer.alarms))
                console.store.applyAlarm(kOrigin, a, kNow);
        },
        [&] {
            const double now = double(sinceChange.nsecsElapsed()) / 1e6;
            if (dockMs < 0 && dockPaints.count() > dockPaintsBefore)
                dockMs = now;
            if (mapMs < 0 && scene.nodesRevision() != revisionBefore && !map->renderer().isComposing() &&
                mapPaints.count() > mapPaintsBefore)
                mapMs = now;
            return dockMs >= 0 && mapMs >= 0;
        });
    return {dockMs, mapMs, t.stallMs};
}

// A search that keeps about one row in 100 ("node 12" matches Node 12, 120-129, 1200-1299).
const QString kSearch = QStringLiteral("node 12");

double filter(const Clock &clock, bool naive)
{
    Dock dock(clock);
    AlarmBatch all;
    all.serverTimeMs = kNow;
    all.reset = true;
    all.alarms = makeAlarms(0, kFilterAlarms);
    dock.store.applyBatch(kOrigin, all);
    QSortFilterProxyModel naiveProxy;
    if (naive) {
        naiveProxy.setSourceModel(dock.panel.model());
        naiveProxy.setSortRole(alarms::AlarmTableModel::SortRole);
        naiveProxy.setFilterKeyColumn(-1);
        naiveProxy.setDynamicSortFilter(true);
        dock.panel.view()->setModel(&naiveProxy);
        dock.panel.view()->sortByColumn(alarms::AlarmTableModel::SeverityColumn, Qt::DescendingOrder);
    }
    spinMs(50);
    Paints paints(dock.viewport());
    const Timing t = measure(
        [&] {
            paints.counter.paints = 0;
            if (naive)
                naiveProxy.setFilterRegularExpression(QRegularExpression(
                    QRegularExpression::escape(kSearch), QRegularExpression::CaseInsensitiveOption));
            else
                dock.panel.proxy()->setSearchText(kSearch);
        },
        [&] { return paints.count() > 0; });
    const int shown = dock.panel.view()->model()->rowCount();
    if (shown == 0 || shown > kFilterAlarms / 10)
        std::fprintf(stderr, "unexpected: %d rows shown after the search\n", shown);
    return t.updateMs;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure."),
                                        QStringLiteral("N"), QStringLiteral("5"));
    parser.addOption(runsOption);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    ManualClock clock(kNow);

    QList<double> update, mapUpdate, stall, updateBase, mapUpdateBase, stallBase, filterMs, filterBase;
    for (int run = 0; run < runs; ++run) {
        const StormTiming batched = storm(clock, false);
        update << batched.dockMs;
        mapUpdate << batched.mapMs;
        stall << batched.stallMs;
        // One at a time takes about 20 s a run: three runs make its median.
        if (run < 3) {
            const StormTiming single = storm(clock, true);
            updateBase << single.dockMs;
            mapUpdateBase << single.mapMs;
            stallBase << single.stallMs;
        }
        filterMs << filter(clock, false);
        filterBase << filter(clock, true);
    }
    using benchstats::median;
    print("alarms.dock_update_ms.storm", median(update), "ms");
    print("alarms.dock_update_ms.storm.baseline", median(updateBase), "ms");
    print("alarms.map_update_ms.storm", median(mapUpdate), "ms");
    print("alarms.map_update_ms.storm.baseline", median(mapUpdateBase), "ms");
    print("alarms.ui_stall_ms.storm", median(stall), "ms");
    print("alarms.ui_stall_ms.storm.baseline", median(stallBase), "ms");
    print("alarms.filter_ms.10000", median(filterMs), "ms");
    print("alarms.filter_ms.10000.baseline", median(filterBase), "ms");
    return 0;
}
