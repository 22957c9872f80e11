#include "charts/chartdatahub.h"
#include "domain/clock.h"
#include "state/federationstate.h"
#include "widgets/charts/sparklinedelegate.h"

#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace cpn;
using namespace cpn::charts;

// The node table's sparkline: drawn from the hub's five-minute store, nothing without one.
class tst_SparklineDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsTheStoredLine();
    void aGapBreaksTheLine();
};

namespace {
int litPixels(const QImage &image)
{
    int lit = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            lit += qGray(image.pixel(x, y)) > 100;
    return lit;
}
} // namespace

void tst_SparklineDelegate::drawsTheStoredLine()
{
    const int idRole = Qt::UserRole + 1;
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    Node node;
    node.id = QStringLiteral("guian");
    hubState.setDirectory({node}, {});
    hub.setSparklinesEnabled(true);
    QStandardItemModel model(2, 1);
    model.setData(model.index(0, 0), QStringLiteral("guian"), idRole);
    model.setData(model.index(1, 0), QStringLiteral("unknown"), idRole);
    SparklineDelegate delegate(&hub, QStringLiteral("cpu"), idRole, nullptr);

    auto paint = [&](int row) {
        QImage image(120, 24, QImage::Format_RGB32);
        image.fill(Qt::black);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        delegate.paint(&painter, option, model.index(row, 0));
        painter.end();
        return image;
    };
    QCOMPARE(litPixels(paint(0)), 0); // no samples yet

    for (int i = 0; i < 300; ++i) {
        MetricsBatch batch;
        NodeSample s;
        s.nodeId = node.id;
        s.tsMs = 1'760'000'000'000 + i * 1000;
        s.cpuUtil = (i % 20) / 20.0;
        batch.nodes.append(s);
        hubState.ingest(batch);
    }
    QCOMPARE(hub.store({SeriesKey::Kind::Node, node.id, QStringLiteral("cpu")})->size(),
             ChartDataHub::kSparklineCapacity);
    QVERIFY(litPixels(paint(0)) > 100);
    QCOMPARE(litPixels(paint(1)), 0);
}

// A node silent for a minute: no stroke across that minute of its sparkline (the line once joined
// the samples on both sides straight across).
void tst_SparklineDelegate::aGapBreaksTheLine()
{
    const int idRole = Qt::UserRole + 1;
    ManualClock hubClock;
    FederationState hubState(hubClock);
    ChartDataHub hub(&hubState);
    Node node;
    node.id = QStringLiteral("guian");
    hubState.setDirectory({node}, {});
    hub.setSparklinesEnabled(true);
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), node.id, idRole);
    SparklineDelegate delegate(&hub, QStringLiteral("cpu"), idRole, nullptr);
    // 300 s, the minute from 120 s to 180 s missing; a flat line at half height.
    for (int i = 0; i < 300; ++i) {
        if (i >= 120 && i < 180)
            continue;
        MetricsBatch batch;
        batch.intervalMs = 1000;
        NodeSample s;
        s.nodeId = node.id;
        s.tsMs = 1'760'000'000'000 + i * 1000;
        s.cpuUtil = 0.5;
        batch.nodes.append(s);
        hubState.ingest(batch);
    }
    QImage image(304, 24, QImage::Format_RGB32); // 300 px of line: a pixel a second
    image.fill(Qt::black);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    delegate.paint(&painter, option, model.index(0, 0));
    painter.end();
    const auto columnLit = [&image](int x) {
        for (int y = 0; y < image.height(); ++y) {
            if (qGray(image.pixel(x, y)) > 40) // a flat antialiased line may straddle two pixel rows
                return true;
        }
        return false;
    };
    QVERIFY(columnLit(60));
    QVERIFY(columnLit(240));
    for (int x = 130; x < 170; ++x)
        QVERIFY2(!columnLit(x), qPrintable(QStringLiteral("column %1 is drawn inside the gap").arg(x)));
}

QTEST_MAIN(tst_SparklineDelegate)
#include "tst_sparklinedelegate.moc"
