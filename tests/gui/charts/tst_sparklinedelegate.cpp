#include "domain/clock.h"
#include "charts/chartdatahub.h"
#include "widgets/charts/sparklinedelegate.h"
#include "state/federationstate.h"

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

QTEST_MAIN(tst_SparklineDelegate)
#include "tst_sparklinedelegate.moc"
