#include "geo/albersprojection.h"
#include "geo/mapviewport.h"

#include <QTest>

using namespace cpn::geo;

class tst_MapViewport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void cityPositions();
    void zoomAroundKeepsPoint_data();
    void zoomAroundKeepsPoint();
    void zoomIsClamped();
    void panMovesContent();
    void fitShowsWholeBox();
    void visibleKm();
};

void tst_MapViewport::roundTrip_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("scale");
    QTest::newRow("Beijing national") << 116.40 << 39.90 << 0.25;
    QTest::newRow("Urumqi zoomed") << 87.62 << 43.83 << 3.0;
    QTest::newRow("Sanya close") << 109.51 << 18.25 << 20.0;
    QTest::newRow("Harbin far") << 126.63 << 45.75 << 0.05;
}

void tst_MapViewport::roundTrip()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(double, scale);
    const AlbersProjection projection;
    MapViewport viewport(QSizeF(1920, 1080), projection.project(105, 35), scale);
    const QPointF km = projection.project(lon, lat);
    const QPointF screen = viewport.toScreen(km);
    const QPointF back = viewport.toKm(screen);
    QVERIFY(std::abs(back.x() - km.x()) < 1e-6 && std::abs(back.y() - km.y()) < 1e-6);
    const QPointF lonLat = projection.unproject(back);
    QVERIFY(std::abs(lonLat.x() - lon) < 1e-6 && std::abs(lonLat.y() - lat) < 1e-6);
}

void tst_MapViewport::cityPositions()
{
    const AlbersProjection projection;
    MapViewport viewport(QSizeF(1600, 1000), projection.project(105, 36), 0.25);
    const auto at = [&](double lon, double lat) { return viewport.toScreen(projection.project(lon, lat)); };
    const QPointF beijing = at(116.40, 39.90), chengdu = at(104.07, 30.66), guangzhou = at(113.26, 23.13);
    const QPointF urumqi = at(87.62, 43.83), harbin = at(126.63, 45.75), shanghai = at(121.47, 31.23);
    QVERIFY2(beijing.x() > chengdu.x(), "Beijing lies east of Chengdu");
    QVERIFY2(beijing.y() < guangzhou.y(), "Beijing lies north of Guangzhou (screen y grows down)");
    QVERIFY2(urumqi.x() < chengdu.x(), "Urumqi lies west of Chengdu");
    QVERIFY2(harbin.x() > beijing.x() && harbin.y() < beijing.y(), "Harbin lies north-east of Beijing");
    QVERIFY2(shanghai.x() > chengdu.x() && shanghai.y() > beijing.y(), "Shanghai lies east and south");
    // Beijing-Shanghai is about 1,070 km: at 0.25 px/km some 267 px on screen.
    const double px = std::hypot(beijing.x() - shanghai.x(), beijing.y() - shanghai.y());
    QVERIFY2(px > 250 && px < 285, qPrintable(QString::number(px)));
}

void tst_MapViewport::zoomAroundKeepsPoint_data()
{
    QTest::addColumn<QPointF>("cursor");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at centre") << QPointF(800, 500) << 1.2;
    QTest::newRow("in at corner") << QPointF(10, 990) << 2.0;
    QTest::newRow("out at right") << QPointF(1500, 300) << 0.5;
    QTest::newRow("many notches") << QPointF(333, 777) << 8.0;
}

void tst_MapViewport::zoomAroundKeepsPoint()
{
    QFETCH(QPointF, cursor);
    QFETCH(double, factor);
    MapViewport viewport(QSizeF(1600, 1000), QPointF(200, 4000), 0.3);
    const QPointF kmBefore = viewport.toKm(cursor);
    viewport.zoomAround(cursor, factor);
    QVERIFY(qFuzzyCompare(viewport.scale(), 0.3 * factor));
    const QPointF screenAfter = viewport.toScreen(kmBefore);
    QVERIFY2(std::hypot(screenAfter.x() - cursor.x(), screenAfter.y() - cursor.y()) < 1e-6,
             qPrintable(QStringLiteral("%1,%2").arg(screenAfter.x()).arg(screenAfter.y())));
}

void tst_MapViewport::zoomIsClamped()
{
    MapViewport viewport(QSizeF(800, 600), QPointF(0, 0), 1.0);
    viewport.setScaleLimits(0.1, 10);
    const QPointF cursor(100, 100);
    const QPointF km = viewport.toKm(cursor);
    viewport.zoomAround(cursor, 1000);
    QCOMPARE(viewport.scale(), 10.0);
    // Even when clamped, the point under the cursor stays.
    const QPointF after = viewport.toScreen(km);
    QVERIFY(std::hypot(after.x() - cursor.x(), after.y() - cursor.y()) < 1e-6);
    viewport.zoomAround(cursor, 1e-9);
    QCOMPARE(viewport.scale(), 0.1);
}

void tst_MapViewport::panMovesContent()
{
    MapViewport viewport(QSizeF(800, 600), QPointF(1000, 3000), 0.5);
    const QPointF km(1100, 3050);
    const QPointF before = viewport.toScreen(km);
    viewport.panByPixels(QPointF(30, -20));
    const QPointF after = viewport.toScreen(km);
    QVERIFY(std::abs(after.x() - before.x() - 30) < 1e-9);
    QVERIFY(std::abs(after.y() - before.y() + 20) < 1e-9);
}

void tst_MapViewport::fitShowsWholeBox()
{
    const AlbersProjection projection;
    MapViewport viewport(QSizeF(1280, 720), QPointF(), 1);
    QRectF box;
    for (const QPointF &lonLat : {QPointF(73.5, 39.0), QPointF(135.0, 48.0), QPointF(110, 18), QPointF(87, 49)}) {
        const QPointF km = projection.project(lonLat);
        box = box.isNull() ? QRectF(km, QSizeF(0.001, 0.001)) : box.united(QRectF(km, QSizeF(0.001, 0.001)));
    }
    viewport.fit(box, 20);
    for (const QPointF &corner : {box.topLeft(), box.bottomRight(), box.topRight(), box.bottomLeft()}) {
        const QPointF p = viewport.toScreen(corner);
        QVERIFY(p.x() >= 19.99 && p.x() <= 1260.01 && p.y() >= 19.99 && p.y() <= 700.01);
    }
    // One dimension fills the space up to the margin.
    const QPointF a = viewport.toScreen(box.topLeft()), b = viewport.toScreen(box.bottomRight());
    QVERIFY(std::abs(std::abs(b.x() - a.x()) - 1240) < 0.01 || std::abs(std::abs(b.y() - a.y()) - 680) < 0.01);
}

void tst_MapViewport::visibleKm()
{
    MapViewport viewport(QSizeF(1000, 500), QPointF(100, 200), 0.5);
    const QRectF visible = viewport.visibleKm();
    QCOMPARE(visible.width(), 2000.0);
    QCOMPARE(visible.height(), 1000.0);
    QCOMPARE(visible.center(), QPointF(100, 200));
}

QTEST_GUILESS_MAIN(tst_MapViewport)
#include "tst_mapviewport.moc"
