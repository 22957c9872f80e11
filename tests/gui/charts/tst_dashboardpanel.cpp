#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "ui/dashboardpanel.h"
#include "widgets/charts/chartcard.h"
#include "state/federationstate.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::charts;

// Pinning, the saved grid and the PDF of the Dashboard dock.
class tst_DashboardPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pinsOnceAndRestores();
    void exportsPdf();
};

void tst_DashboardPanel::pinsOnceAndRestores()
{
    ManualClock clock(1'760'000'000'000);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    DashboardPanel panel(&hub, nullptr, &clock);
    QSignalSpy changed(&panel, &DashboardPanel::pinnedChanged);
    QVERIFY(panel.pin(ChartSpec{ChartSpec::Kind::Region, QString()}));
    QVERIFY(panel.pin(ChartSpec{ChartSpec::Kind::NodeUtilization, QStringLiteral("guian")}));
    QVERIFY(panel.pin(ChartSpec{ChartSpec::Kind::LinkThroughput, QStringLiteral("l1")}));
    QVERIFY(!panel.pin(ChartSpec{ChartSpec::Kind::NodeUtilization, QStringLiteral("guian")}));
    QCOMPARE(panel.count(), 3);
    QCOMPARE(changed.count(), 3);
    const QStringList saved = panel.pinnedSpecs();

    // Restored before the directory: pinned once the nodes are known, saved meanwhile all the same.
    ManualClock freshClock;
    FederationState freshState(freshClock);
    ChartDataHub fresh(&freshState);
    DashboardPanel restored(&fresh, nullptr, &clock);
    restored.restorePinned(saved + QStringList{QStringLiteral("garbage")});
    QCOMPARE(restored.pinnedSpecs(), saved);
    QCOMPARE(restored.count(), 0);
    Node node;
    node.id = QStringLiteral("guian");
    freshState.setDirectory({node}, {});
    QCOMPARE(restored.count(), 3);
    QCOMPARE(restored.pinnedSpecs(), saved);

    panel.unpin(panel.card(1));
    QCOMPARE(panel.count(), 2);
    QCOMPARE(panel.card(1)->spec().kind, ChartSpec::Kind::LinkThroughput);
}

void tst_DashboardPanel::exportsPdf()
{
    ManualClock clock(1'760'000'000'000);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    DashboardPanel panel(&hub, nullptr, &clock);
    for (int i = 0; i < 5; ++i)
        panel.pin(ChartSpec{ChartSpec::Kind::NodeUtilization, QStringLiteral("n%1").arg(i)});
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shift.pdf"));
    QVERIFY(panel.exportPdf(file, QStringLiteral("Shift report")));
    QVERIFY(QFileInfo(file).size() > 1000);
}

QTEST_MAIN(tst_DashboardPanel)
#include "tst_dashboardpanel.moc"
