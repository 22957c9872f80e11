#include "geo/basemap.h"
#include "geo/provincelocator.h"

#include <QTest>

using namespace cpn::geo;

class TestProvinceLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cities_data();
    void cities();
    void evenOddRule_data();
    void evenOddRule();
    void emptyLocator();

private:
    std::optional<ProvinceLocator> m_shipped;
    AlbersProjection m_projection;
};

namespace {

QList<QPointF> square(double x, double y, double size)
{
    return {QPointF(x, y), QPointF(x + size, y), QPointF(x + size, y + size), QPointF(x, y + size),
            QPointF(x, y)};
}

} // namespace

void TestProvinceLocator::initTestCase()
{
    QString error;
    const std::optional<Basemap> basemap = loadBasemap(defaultBasemapPath(), &error);
    QVERIFY2(basemap, qPrintable(error));
    m_shipped.emplace(projectProvinces(*basemap, m_projection));
    QCOMPARE(m_shipped->size(), 34);
}

void TestProvinceLocator::cities_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<QString>("iso");

    QTest::newRow("Beijing") << 116.40 << 39.90 << QStringLiteral("CN-BJ");
    QTest::newRow("Tianjin") << 117.20 << 39.08 << QStringLiteral("CN-TJ");
    QTest::newRow("Shanghai") << 121.47 << 31.23 << QStringLiteral("CN-SH");
    QTest::newRow("Chengdu") << 104.07 << 30.67 << QStringLiteral("CN-SC");
    QTest::newRow("Chongqing") << 106.55 << 29.56 << QStringLiteral("CN-CQ");
    QTest::newRow("Urumqi") << 87.62 << 43.83 << QStringLiteral("CN-XJ");
    QTest::newRow("Lhasa") << 91.13 << 29.65 << QStringLiteral("CN-XZ");
    QTest::newRow("Xining") << 101.78 << 36.62 << QStringLiteral("CN-QH");
    QTest::newRow("Lanzhou") << 103.83 << 36.06 << QStringLiteral("CN-GS");
    QTest::newRow("Haikou") << 110.35 << 20.02 << QStringLiteral("CN-HI");
    QTest::newRow("Sanya") << 109.51 << 18.25 << QStringLiteral("CN-HI");
    QTest::newRow("Hong Kong, Kowloon") << 114.17 << 22.32 << QStringLiteral("CN-HK");
    QTest::newRow("Shenzhen") << 114.06 << 22.54 << QStringLiteral("CN-GD");
    QTest::newRow("Macao") << 113.55 << 22.20 << QStringLiteral("CN-MO");
    QTest::newRow("Zhuhai") << 113.55 << 22.27 << QStringLiteral("CN-GD");
    QTest::newRow("Taipei") << 121.56 << 25.04 << QStringLiteral("CN-TW");
    QTest::newRow("Hohhot") << 111.75 << 40.84 << QStringLiteral("CN-NM");
    QTest::newRow("Guiyang") << 106.63 << 26.65 << QStringLiteral("CN-GZ");
    QTest::newRow("Zhongwei") << 105.19 << 37.50 << QStringLiteral("CN-NX");
    QTest::newRow("Harbin") << 126.63 << 45.75 << QStringLiteral("CN-HL");
    QTest::newRow("Kunming") << 102.83 << 24.88 << QStringLiteral("CN-YN");
    QTest::newRow("Nanning") << 108.37 << 22.82 << QStringLiteral("CN-GX");
    QTest::newRow("Yellow Sea") << 123.0 << 35.0 << QString();
    QTest::newRow("Bohai Sea") << 120.0 << 39.0 << QString();
    QTest::newRow("Ulaanbaatar") << 106.92 << 47.92 << QString();
    QTest::newRow("Hanoi") << 105.85 << 21.03 << QString();
}

void TestProvinceLocator::cities()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(QString, iso);
    const QPointF km = m_projection.project(lon, lat);
    const int index = m_shipped->provinceAt(km);
    QCOMPARE(m_shipped->isoCodeAt(km), iso);
    if (iso.isEmpty()) {
        QCOMPARE(index, -1);
    } else {
        QVERIFY(index >= 0);
        QCOMPARE(m_shipped->province(index).isoCode, iso);
        QVERIFY(m_shipped->contains(index, km));
    }
}

void TestProvinceLocator::evenOddRule_data()
{
    QTest::addColumn<QPointF>("point");
    QTest::addColumn<int>("expected");

    // 0: a 10 km square with a 4 km hole; 1: a province of two islands; 2: overlaps 0, comes later.
    QTest::newRow("in the square") << QPointF(1, 1) << 0;
    QTest::newRow("in the hole") << QPointF(5, 5) << -1;
    QTest::newRow("in the square, level with the hole") << QPointF(1, 5) << 0;
    QTest::newRow("first island") << QPointF(21, 1) << 1;
    QTest::newRow("second island") << QPointF(31, 1) << 1;
    QTest::newRow("between the islands") << QPointF(25, 1) << -1;
    QTest::newRow("where 0 and 2 overlap: the first") << QPointF(9, 9) << 0;
    QTest::newRow("only in 2") << QPointF(11, 11) << 2;
    QTest::newRow("far away") << QPointF(-100, 50) << -1;
}

void TestProvinceLocator::evenOddRule()
{
    QFETCH(QPointF, point);
    QFETCH(int, expected);
    QList<ProjectedProvince> provinces(3);
    provinces[0].isoCode = QStringLiteral("CN-A");
    provinces[0].rings = {square(0, 0, 10), square(3, 3, 4)};
    provinces[1].isoCode = QStringLiteral("CN-B");
    provinces[1].rings = {square(20, 0, 2), square(30, 0, 2)};
    provinces[2].rings = {square(8, 8, 5)};
    const ProvinceLocator locator(provinces);
    QCOMPARE(locator.provinceAt(point), expected);
}

void TestProvinceLocator::emptyLocator()
{
    const ProvinceLocator locator({});
    QCOMPARE(locator.provinceAt(QPointF(0, 0)), -1);
    QVERIFY(!locator.contains(0, QPointF(0, 0)));
    QVERIFY(locator.isoCodeAt(QPointF(0, 0)).isEmpty());
}

QTEST_GUILESS_MAIN(TestProvinceLocator)
#include "tst_provincelocator.moc"
