#include "geo/albersprojection.h"

#include <QTest>

#include <cmath>

using namespace cpn::geo;

class TestAlbersProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void centralMeridianIsVertical();
    void knownDistances();
};

void TestAlbersProjection::roundTrip_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::newRow("Beijing") << 116.40 << 39.90;
    QTest::newRow("Urumqi") << 87.62 << 43.83;
    QTest::newRow("Sanya") << 109.51 << 18.25;
    QTest::newRow("Mohe") << 122.53 << 52.97;
    QTest::newRow("Zengmu reef") << 112.28 << 3.97;
    QTest::newRow("Kashgar") << 75.99 << 39.47;
}

void TestAlbersProjection::roundTrip()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    const AlbersProjection projection;
    const QPointF back = projection.unproject(projection.project(lon, lat));
    QVERIFY2(std::abs(back.x() - lon) < 1e-9 && std::abs(back.y() - lat) < 1e-9,
             qPrintable(QStringLiteral("%1,%2").arg(back.x(), 0, 'f', 12).arg(back.y(), 0, 'f', 12)));
}

void TestAlbersProjection::centralMeridianIsVertical()
{
    const AlbersProjection projection;
    QCOMPARE(projection.project(105, 20).x(), 0.0);
    QCOMPARE(projection.project(105, 50).x(), 0.0);
    QVERIFY(projection.project(105, 50).y() > projection.project(105, 20).y());
    // East is +x, and the meridians converge to the north.
    QVERIFY(projection.project(120, 30).x() > 0);
    QVERIFY(projection.project(120, 50).x() < projection.project(120, 20).x());
}

void TestAlbersProjection::knownDistances()
{
    // Along a standard parallel the scale is true: 1° of longitude at 25°N is 111.195 km * cos 25°.
    const AlbersProjection projection;
    const QPointF a = projection.project(100, 25);
    const QPointF b = projection.project(101, 25);
    const double km = std::hypot(b.x() - a.x(), b.y() - a.y());
    QVERIFY2(std::abs(km - 111.195 * std::cos(25 * M_PI / 180)) < 0.05, qPrintable(QString::number(km)));
    // Beijing to Shanghai is about 1,067 km on the ground.
    const QPointF beijing = projection.project(116.40, 39.90);
    const QPointF shanghai = projection.project(121.47, 31.23);
    const double bs = std::hypot(beijing.x() - shanghai.x(), beijing.y() - shanghai.y());
    QVERIFY2(std::abs(bs - 1067) < 15, qPrintable(QString::number(bs)));
}

QTEST_GUILESS_MAIN(TestAlbersProjection)
#include "tst_albersprojection.moc"
