#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "ui/dashboardpanel.h"
#include "widgets/charts/chartcard.h"
#include "domain/metrics.h"
#include "state/federationstate.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace cpn;
using namespace cpn::charts;

// Pinning, the saved grid and the PDF of the Dashboard dock.
class tst_DashboardPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pinsOnceAndRestores();
    void exportsAVectorReport();
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

namespace {

QString run(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>").arg(tool, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

void tst_DashboardPanel::exportsAVectorReport()
{
    for (const char *tool : {"pdftotext", "pdfimages", "pdfinfo"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QFAIL("poppler-utils is missing (scripts/install-deps.sh)");
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ManualClock clock(1'760'000'000'000);
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    hub.setUpdateInterval(0);
    DashboardPanel panel(&hub, nullptr, &clock);
    for (int i = 0; i < 5; ++i)
        panel.pin(ChartSpec{ChartSpec::Kind::LinkThroughput, QStringLiteral("l%1").arg(i)});
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    // A minute of traffic on the first link, with a gap of 20 s in the middle.
    for (int s = 1; s <= 60; ++s) {
        clock.advance(1000);
        if (s > 20 && s <= 40)
            continue;
        MetricsBatch batch;
        LinkSample sample;
        sample.linkId = QStringLiteral("l0");
        sample.tsMs = clock.nowMs();
        sample.abGbps = 40 + s;
        sample.baGbps = 10;
        batch.links.append(sample);
        hubState.ingest(batch);
    }
    const charts::ChartPicture picture = panel.card(0)->picture();
    QCOMPARE(picture.lines.size(), 2);
    QVERIFY(picture.lines.at(0).points.size() >= 40);
    QVERIFY(std::any_of(picture.lines.at(0).points.cbegin(), picture.lines.at(0).points.cend(),
                        [](const QPointF &p) { return std::isnan(p.y()); })); // the gap stays a gap
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shift.pdf"));
    QVERIFY(panel.exportPdf(file, QStringLiteral("Shift report")));

    // Five charts, four to a page.
    QVERIFY(run(QStringLiteral("pdfinfo"), {file}).contains(QRegularExpression(QStringLiteral("Pages:\\s+2\\b"))));
    const QString text = run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")}).simplified();
    QVERIFY2(text.contains(QStringLiteral("Shift report")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Page 2 of 2")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("5 chart")), qPrintable(text));
    // Each chart with its title, its unit and a legend naming its lines.
    QVERIFY2(text.contains(picture.title), qPrintable(text));
    QVERIFY2(text.contains(picture.left.unit), qPrintable(picture.left.unit));
    QString packed = text; // pdftotext may drop the spaces around an arrow
    packed.remove(u' ');
    for (const charts::ChartPicture::Line &line : picture.lines)
        QVERIFY2(packed.contains(QString(line.name).remove(u' ')), qPrintable(line.name));
    QVERIFY2(text.contains(QStringLiteral("No data in this window")), qPrintable(text));
    // A report, not a picture of the widget: no raster image, none of its buttons.
    const QStringList images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), file}).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(images.size(), 2); // the two header lines of the list
    QVERIFY(!text.contains(QStringLiteral("Unpin")));
    QVERIFY(!text.contains(QStringLiteral("Export PDF")));
}

QTEST_MAIN(tst_DashboardPanel)
#include "tst_dashboardpanel.moc"
