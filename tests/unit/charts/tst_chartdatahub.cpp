#include "domain/clock.h"
#include "domain/metricnames.h"
#include "charts/chartdatahub.h"
#include "state/federationstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::charts;

class tst_ChartDataHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOnlySubscribedSeries();
    void regionTotals();
    void subtreeTotals();
    void updatesCoalesced();
    void oneUpdatePerBatch();
};

namespace {
MetricsBatch batch(qint64 ts, double cpu)
{
    MetricsBatch b;
    b.serverTimeMs = ts;
    NodeSample a;
    a.nodeId = QStringLiteral("a");
    a.tsMs = ts;
    a.cpuUtil = cpu;
    a.powerKw = 10;
    a.acceleratorUtil.insert(QStringLiteral("h100"), 0.5);
    NodeSample b2 = a;
    b2.nodeId = QStringLiteral("b");
    b2.cpuUtil = 0.2;
    b.nodes = {a, b2};
    LinkSample l;
    l.linkId = QStringLiteral("l");
    l.tsMs = ts;
    l.abGbps = 40;
    b.links = {l};
    return b;
}
} // namespace

void tst_ChartDataHub::keepsOnlySubscribedSeries()
{
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    const SeriesKey cpu{SeriesKey::Kind::Node, QStringLiteral("a"), QStringLiteral("cpu")};
    const SeriesKey ab{SeriesKey::Kind::Link, QStringLiteral("l"), QStringLiteral("ab_gbps")};
    const SeriesKey h100{SeriesKey::Kind::Node, QStringLiteral("a"), metrics::acceleratorMetric(QStringLiteral("h100"))};
    const SeriesKey sparkline{SeriesKey::Kind::Node, QStringLiteral("b"), ChartDataHub::sparklineAccelMetric()};
    const SeriesKey power{SeriesKey::Kind::Node, QStringLiteral("b"), QStringLiteral("power_kw")};
    hub.subscribe(cpu);
    hub.subscribe(ab);
    hub.subscribe(h100);
    hub.subscribe(sparkline);
    hub.subscribe(power);
    hubState.ingest(batch(1000, 0.25));
    hubState.ingest(batch(2000, 0.75));
    QCOMPARE(hub.store(h100)->lastValue(), 50.0);
    QCOMPARE(hub.store(sparkline)->lastValue(), 50.0);
    QCOMPARE(hub.store(power)->lastValue(), 10.0);
    QCOMPARE(hub.store(cpu)->size(), 2);
    QCOMPARE(hub.store(cpu)->lastValue(), 75.0); // stored in %
    QCOMPARE(hub.store(ab)->lastValue(), 40.0);
    QVERIFY(!hub.store({SeriesKey::Kind::Node, QStringLiteral("b"), QStringLiteral("cpu")}));
    hub.subscribe(cpu);
    hub.unsubscribe(cpu);
    QVERIFY(hub.store(cpu));
    hub.unsubscribe(cpu);
    QVERIFY(!hub.store(cpu));
}

void tst_ChartDataHub::regionTotals()
{
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    Node a;
    a.id = QStringLiteral("a");
    a.province = QStringLiteral("CN-GZ");
    Node b;
    b.id = QStringLiteral("b");
    b.province = QStringLiteral("CN-BJ");
    hubState.setDirectory({a, b}, {});
    const SeriesKey national{SeriesKey::Kind::Region, QString(), regionmetrics::cpu()};
    const SeriesKey gz{SeriesKey::Kind::Region, QStringLiteral("CN-GZ"), regionmetrics::cpu()};
    const SeriesKey power{SeriesKey::Kind::Region, QString(), regionmetrics::powerKw()};
    hub.subscribe(national);
    hub.subscribe(gz);
    hub.subscribe(power);
    hubState.ingest(batch(1000, 0.6));
    QCOMPARE(hub.store(national)->lastValue(), 40.0);
    QCOMPARE(hub.store(gz)->lastValue(), 60.0);
    QCOMPARE(hub.store(power)->lastValue(), 20.0);
}

void tst_ChartDataHub::subtreeTotals()
{
    // A hub "h" with "a" below it, and "b" outside: the subtree's chart holds h and a alone.
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    Node n;
    n.id = QStringLiteral("n");
    n.role = NodeRole::National;
    Node h;
    h.id = QStringLiteral("h");
    h.role = NodeRole::Hub;
    h.parentId = n.id;
    Node a;
    a.id = QStringLiteral("a");
    a.role = NodeRole::Cluster;
    a.parentId = h.id;
    Node b;
    b.id = QStringLiteral("b");
    b.role = NodeRole::Cluster;
    b.parentId = n.id;
    hubState.setDirectory({n, h, a, b}, {});
    const SeriesKey subtree{SeriesKey::Kind::Region, metrics::subtreeRegion(QStringLiteral("h")), regionmetrics::cpu()};
    const SeriesKey power{SeriesKey::Kind::Region, metrics::subtreeRegion(QStringLiteral("h")), regionmetrics::powerKw()};
    hub.subscribe(subtree);
    hub.subscribe(power);
    MetricsBatch tick = batch(1000, 0.6); // a at 60 %, b at 20 %
    NodeSample hs = tick.nodes.first();
    hs.nodeId = QStringLiteral("h");
    hs.cpuUtil = 0.4;
    tick.nodes.append(hs);
    hubState.ingest(tick);
    QCOMPARE(hub.store(subtree)->lastValue(), 50.0); // (60 + 40) / 2: b is not below h
    QCOMPARE(hub.store(power)->lastValue(), 20.0);
    QCOMPARE(metrics::subtreeRootOf(subtree.entity), QStringLiteral("h"));
    QVERIFY(metrics::subtreeRootOf(QStringLiteral("CN-GZ")).isEmpty());
}

void tst_ChartDataHub::updatesCoalesced()
{
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    QSignalSpy spy(&hub, &ChartDataHub::updated);
    for (int i = 1; i <= 10; ++i)
        hubState.ingest(batch(i * 100, 0.5));
    QCOMPARE(spy.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 3000);
    QTest::qWait(1300);
    QCOMPARE(spy.count(), 2);
}

void tst_ChartDataHub::oneUpdatePerBatch()
{
    // A batch carries samples and its tick's totals: the table and the charts repaint once for both.
    ManualClock hubClock;
    FederationState hubState(hubClock);
    Node a;
    a.id = QStringLiteral("a");
    Node b;
    b.id = QStringLiteral("b");
    hubState.setDirectory({a, b}, {});
    ChartDataHub hub(&hubState);
    hub.subscribe({SeriesKey::Kind::Region, QString(), regionmetrics::cpu()});
    QSignalSpy spy(&hub, &ChartDataHub::updated);
    hubState.ingest(batch(1000, 0.5));
    QCOMPARE(spy.count(), 1);
    QTest::qWait(ChartDataHub::kUpdateIntervalMs + 300);
    QCOMPARE(spy.count(), 1); // nothing left over to repeat
    hubState.ingest(batch(2000, 0.5)); // the next tick shows at once
    QCOMPARE(spy.count(), 2);
}

QTEST_GUILESS_MAIN(tst_ChartDataHub)
#include "tst_chartdatahub.moc"
