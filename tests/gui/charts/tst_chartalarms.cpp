// Alarm periods on the charts' time axis: a chart marks the alarms of its own node (live, from the
// AlarmStore; recorded, from the cache through CacheHistorySource) as a band in the severity's colour
// from the raise to the clear, or to now while active; not another node's; the national chart marks
// the critical and major alarms of any source.
#include "alarms/alarmstore.h"
#include "cache/cachereader.h"
#include "cache/cachewriter.h"
#include "cachehistorysource.h"
#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "state/federationstate.h"
#include "widgets/charts/chartcard.h"
#include "widgets/charts/chartview.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::charts;

namespace {

constexpr qint64 kNow = 1'760'000'000'000;
const QString kOrigin = QStringLiteral("http://127.0.0.1:8080");

Node node(const QString &id)
{
    Node n;
    n.id = id;
    n.name = id;
    n.province = QStringLiteral("CN-GZ");
    return n;
}

Alarm alarm(const QString &id, const QString &nodeId, Alarm::Severity severity, qint64 raisedAtMs)
{
    Alarm a;
    a.id = id;
    a.source = {AlarmSource::Kind::Node, nodeId};
    a.kind = Alarm::Kind::NodeDown;
    a.severity = severity;
    a.raisedAtMs = raisedAtMs;
    a.revision = 1;
    return a;
}

Alarm cleared(Alarm a, qint64 clearedAtMs)
{
    a.state = Alarm::State::Cleared;
    a.clearedAtMs = clearedAtMs;
    ++a.revision;
    return a;
}

// Pixels of the plot's vertical strip (5 px wide) at time tMs tinted red (a critical alarm's band
// over the dark plot).
int reddishPixelsAt(const ChartCard &card, qint64 tMs)
{
    const QImage image = card.view()->grab().toImage();
    const QRectF plot = card.chart()->plotArea();
    const double from = double(card.timeAxis()->min().toMSecsSinceEpoch());
    const double to = double(card.timeAxis()->max().toMSecsSinceEpoch());
    const double x = plot.left() + (double(tMs) - from) / (to - from) * plot.width();
    const QRectF strip(x - 2, plot.top() + 2, 5, plot.height() - 4);
    const QRect inView = card.view()->mapFromScene(card.chart()->mapToScene(strip)).boundingRect();
    int n = 0;
    for (int y = inView.top(); y <= inView.bottom(); ++y) {
        for (int px = inView.left(); px <= inView.right(); ++px) {
            const QColor c = image.pixelColor(px, y);
            if (c.red() - c.blue() > 20 && c.red() - c.green() > 20)
                ++n;
        }
    }
    return n;
}

} // namespace

class tst_ChartAlarms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveAlarmOfTheNodeIsABand();
    void recordedAlarmsComeFromTheCache();
};

void tst_ChartAlarms::liveAlarmOfTheNodeIsABand()
{
    ManualClock clock(kNow);
    FederationState state(clock);
    ChartDataHub hub(&state);
    state.setDirectory({node(QStringLiteral("n1")), node(QStringLiteral("n2"))}, {});
    alarms::AlarmStore store;
    const Alarm mine =
        alarm(QStringLiteral("a1"), QStringLiteral("n1"), Alarm::Severity::Critical, kNow - 120'000);
    store.applyAlarm(kOrigin, mine, kNow);
    store.applyAlarm(
        kOrigin, alarm(QStringLiteral("a2"), QStringLiteral("n2"), Alarm::Severity::Critical, kNow - 240'000),
        kNow);

    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, QStringLiteral("n1")}, &hub, nullptr, &clock);
    card.setAlarmStore(&store);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));

    // Only its own node's alarm, open while active.
    QCOMPARE(card.markedPeriods().size(), 1);
    const AlarmPeriod period = card.markedPeriods().constFirst();
    QCOMPARE(period.alarmId, QStringLiteral("a1"));
    QCOMPARE(period.severity, Alarm::Severity::Critical);
    QCOMPARE(period.fromMs, kNow - 120'000);
    QCOMPARE(period.toMs, qint64(0));
    // Drawn from the raise to now, not before it (nor where the other node's alarm began).
    QVERIFY(reddishPixelsAt(card, kNow - 60'000) > 100);
    QVERIFY(reddishPixelsAt(card, kNow - 5'000) > 100);
    QCOMPARE(reddishPixelsAt(card, kNow - 200'000), 0);

    // Cleared: the band ends at the clear.
    store.applyAlarm(kOrigin, cleared(mine, kNow - 30'000), kNow);
    QTRY_COMPARE(card.markedPeriods().constFirst().toMs, kNow - 30'000);
    QTRY_COMPARE(reddishPixelsAt(card, kNow - 10'000), 0);
    QVERIFY(reddishPixelsAt(card, kNow - 60'000) > 100);

    // The national chart marks critical and major alarms of any source.
    store.applyAlarm(kOrigin,
                     alarm(QStringLiteral("a3"), QStringLiteral("n2"), Alarm::Severity::Minor, kNow - 1000),
                     kNow);
    ChartCard national(ChartSpec{ChartSpec::Kind::Region, QString()}, &hub, nullptr, &clock);
    national.setAlarmStore(&store);
    QStringList ids;
    for (const AlarmPeriod &p : national.markedPeriods())
        ids << p.alarmId;
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
}

void tst_ChartAlarms::recordedAlarmsComeFromTheCache()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    const Alarm past =
        alarm(QStringLiteral("r1"), QStringLiteral("n1"), Alarm::Severity::Major, kNow - 50 * 60'000);
    {
        ManualClock clock(kNow);
        cache::CacheWriter::Options options;
        options.path = path;
        options.retentionIntervalMs = 0;
        options.clock = &clock;
        cache::CacheWriter writer(options);
        QVERIFY(writer.waitUntilOpen());
        writer.ingestDirectory({node(QStringLiteral("n1")), node(QStringLiteral("n2"))}, {},
                               kNow - 3'600'000);
        writer.ingestAlarms(kOrigin, {past}, past.raisedAtMs + 500);
        writer.ingestAlarms(kOrigin, {cleared(past, kNow - 40 * 60'000)}, kNow - 40 * 60'000 + 500);
        writer.ingestAlarms(kOrigin,
                            {alarm(QStringLiteral("r2"), QStringLiteral("n2"), Alarm::Severity::Critical,
                                   kNow - 20 * 60'000)},
                            kNow - 20 * 60'000 + 500);
        QVERIFY(writer.flushAndWait());
    }

    ManualClock clock(kNow);
    FederationState state(clock);
    ChartDataHub hub(&state);
    state.setDirectory({node(QStringLiteral("n1")), node(QStringLiteral("n2"))}, {});
    cache::CacheReader reader(path);
    console::CacheHistorySource history(&reader);
    ChartCard card(ChartSpec{ChartSpec::Kind::NodeUtilization, QStringLiteral("n1")}, &hub, &history, &clock);
    card.resize(900, 400);
    card.show();
    QVERIFY(QTest::qWaitForWindowExposed(&card));
    QSignalSpy loaded(&card, &ChartCard::historyLoaded);
    card.setWindow(ChartCard::Window::OneHour);
    QVERIFY(loaded.wait(10000));

    // The node's cleared alarm, from its raise to its clear; not the other node's.
    QCOMPARE(card.markedPeriods().size(), 1);
    const AlarmPeriod period = card.markedPeriods().constFirst();
    QCOMPARE(period.alarmId, QStringLiteral("r1"));
    QCOMPARE(period.origin, kOrigin);
    QCOMPARE(period.severity, Alarm::Severity::Major);
    QCOMPARE(period.fromMs, kNow - 50 * 60'000);
    QCOMPARE(period.toMs, kNow - 40 * 60'000);

    // The national chart: both, the still active critical one open.
    ChartCard national(ChartSpec{ChartSpec::Kind::Region, QString()}, &hub, &history, &clock);
    QSignalSpy nationalLoaded(&national, &ChartCard::historyLoaded);
    national.setWindow(ChartCard::Window::OneHour);
    QVERIFY(nationalLoaded.wait(10000));
    QCOMPARE(national.markedPeriods().size(), 2);
    QCOMPARE(national.markedPeriods().constLast().alarmId, QStringLiteral("r2")); // the most severe on top
    QCOMPARE(national.markedPeriods().constLast().toMs, qint64(0));
}

QTEST_MAIN(tst_ChartAlarms)
#include "tst_chartalarms.moc"
