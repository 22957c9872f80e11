#include "geo/basemap.h"

#include "domain/provinces.h"

#include <QSet>
#include <QTest>

using namespace cpn::geo;

class TestBasemap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedBasemap();
    void shippedBasemapRings();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void rejectsTooManyFeatures();
    void rejectsOversizedInput();
    void loadReportsMissingFile();
    void matchProvince_data();
    void matchProvince();
    void userBasemap();
    void skipsPointsAndNullGeometry();
    void projectKeepsOrder();
};

namespace {

QByteArray collection(const QByteArray &features)
{
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

QByteArray square(double lon, double lat, double size = 1)
{
    const QString s = QStringLiteral("[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]")
                          .arg(lon)
                          .arg(lat)
                          .arg(lon + size)
                          .arg(lat + size);
    return s.toUtf8();
}

QByteArray polygonFeature(const QByteArray &properties, double lon = 100, double lat = 30)
{
    return R"({"type":"Feature","properties":)" + properties +
           R"(,"geometry":{"type":"Polygon","coordinates":[)" + square(lon, lat) + "]}}";
}

} // namespace

void TestBasemap::shippedBasemap()
{
    QString error;
    const std::optional<Basemap> basemap = loadBasemap(defaultBasemapPath(), &error);
    QVERIFY2(basemap, qPrintable(error));
    QCOMPARE(basemap->source, defaultBasemapPath());
    QVERIFY(basemap->attribution.contains(QLatin1String("DCW-GMT")));
    QCOMPARE(basemap->provinces.size(), 34);
    QVERIFY(basemap->lines.isEmpty());
    QVERIFY2(basemap->vertexCount > 20'000 && basemap->vertexCount < 45'000,
             qPrintable(QString::number(basemap->vertexCount)));

    // Every province of the table exactly once, named as the table names it.
    QSet<QString> seen;
    for (const ProvinceShape &shape : basemap->provinces) {
        QVERIFY2(!shape.isoCode.isEmpty(), qPrintable(shape.nameEn));
        QVERIFY2(!seen.contains(shape.isoCode), qPrintable(shape.isoCode));
        seen.insert(shape.isoCode);
        const cpn::Province *p = cpn::provinceByIso(shape.isoCode);
        QVERIFY(p);
        QCOMPARE(shape.nameEn, QLatin1String(p->nameEn));
        QCOMPARE(shape.nameZh, QString::fromUtf8(p->nameZh));
    }
    QCOMPARE(seen.size(), cpn::provinces().size());
}

void TestBasemap::shippedBasemapRings()
{
    QString error;
    const std::optional<Basemap> basemap = loadBasemap(defaultBasemapPath(), &error);
    QVERIFY2(basemap, qPrintable(error));
    int vertices = 0;
    const QRectF china(QPointF(73, 15), QPointF(135.1, 53.6));
    for (const ProvinceShape &shape : basemap->provinces) {
        QVERIFY(!shape.polygonStarts.isEmpty());
        QCOMPARE(shape.polygonStarts.first(), 0);
        QVERIFY(shape.polygonStarts.last() < shape.rings.size());
        for (const QList<QPointF> &ring : shape.rings) {
            QVERIFY(ring.size() >= 4);
            QCOMPARE(ring.first(), ring.last());
            vertices += int(ring.size());
        }
        QVERIFY2(china.contains(shape.boundsLonLat), qPrintable(shape.isoCode));
    }
    QCOMPARE(vertices, basemap->vertexCount);

    // Hainan carries the Xisha islands besides its own island; Macao and Hong Kong keep real shapes.
    for (const ProvinceShape &shape : basemap->provinces) {
        if (shape.isoCode == QLatin1String("CN-HI")) {
            QVERIFY(shape.polygonStarts.size() > 5);
            QVERIFY(shape.boundsLonLat.top() < 17);
        }
        if (shape.isoCode == QLatin1String("CN-MO") || shape.isoCode == QLatin1String("CN-HK"))
            QVERIFY(shape.rings.first().size() > 10);
    }
}

void TestBasemap::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    const QByteArray ok = polygonFeature("{}");
    QTest::newRow("not JSON") << QByteArray("{\"type\": ") << QStringLiteral("not valid JSON");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("array at the top")
        << QByteArray("[]") << QStringLiteral("expected a GeoJSON object at the top level");
    QTest::newRow("a Feature, not a collection")
        << ok << QStringLiteral("expected a GeoJSON FeatureCollection (type is \"Feature\")");
    QTest::newRow("features not an array") << QByteArray(R"({"type":"FeatureCollection","features":{}})")
                                           << QStringLiteral("features: expected an array");
    QTest::newRow("no polygons") << collection("") << QStringLiteral("no Polygon or MultiPolygon features");
    QTest::newRow("feature not an object")
        << collection(ok + ",3") << QStringLiteral("feature 1: expected a Feature");
    QTest::newRow("feature without type")
        << collection(R"({"geometry":null})") << QStringLiteral("feature 0: type: expected \"Feature\"");
    QTest::newRow("infinite via 1e999")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":)"
                      R"([[[100,30],[1e999,30],[101,31],[100,30]]]}})")
        << QStringLiteral("not valid JSON (at offset 134: illegal number)"); // Qt's parser refuses infinities
    QTest::newRow("latitude 95")
        << collection(ok + R"(,{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":)"
                           R"([[[100,30],[101,95],[101,31],[100,30]]]}})")
        << QStringLiteral("feature 1: geometry.coordinates[0][1]: latitude 95 outside [-90, 90]");
    QTest::newRow("longitude 181")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":)"
                      R"([[100,30],[181,30]]}})")
        << QStringLiteral("feature 0: geometry.coordinates[1]: longitude 181 outside [-180, 180]");
    QTest::newRow("ring of 2 points")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":)"
                      R"([[[100,30],[100,30]]]}})")
        << QStringLiteral("feature 0: geometry.coordinates[0]: 2 positions, at least 4 needed");
    QTest::newRow("ring not closed")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":)"
                      R"([[[100,30],[101,30],[101,31],[100,31]]]}})")
        << QStringLiteral("feature 0: geometry.coordinates[0]: ring not closed");
    QTest::newRow("hole of 3 points in a MultiPolygon")
        << collection(
               R"({"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[)" +
               square(100, 30) + R"(],[)" + square(102, 30) +
               R"(,[[102.2,30.2],[102.4,30.2],[102.2,30.2]]]]}})")
        << QStringLiteral("feature 0: geometry.coordinates[1][1]: 3 positions, at least 4 needed");
    QTest::newRow("a string for a number")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":)"
                      R"([[100,30],["101",30]]}})")
        << QStringLiteral("feature 0: geometry.coordinates[1]: coordinates must be finite numbers");
    QTest::newRow("a position of one number")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":)"
                      R"([[100,30],[101]]}})")
        << QStringLiteral("feature 0: geometry.coordinates[1]: expected a position [lon, lat], got 1 values");
    QTest::newRow("a line of 1 point")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":)"
                      R"([[100,30]]}})")
        << QStringLiteral("feature 0: geometry.coordinates: 1 positions, at least 2 needed");
    QTest::newRow("GeometryCollection")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection",)"
                      R"("geometries":[]}})")
        << QStringLiteral("feature 0: geometry.type: \"GeometryCollection\" is not supported");
    QTest::newRow("geometry without type")
        << collection(R"({"type":"Feature","properties":{},"geometry":{"coordinates":[]}})")
        << QStringLiteral("feature 0: geometry.type: missing");
    QTest::newRow("properties a string")
        << collection(R"({"type":"Feature","properties":"x","geometry":{"type":"Polygon","coordinates":[)" +
                      square(100, 30) + "]}}")
        << QStringLiteral("feature 0: properties: expected an object or null");
}

void TestBasemap::rejectsMalformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseBasemap(json, &error));
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void TestBasemap::rejectsTooManyFeatures()
{
    // One more than the cap, as empty objects: the count is checked before any feature is read.
    const qsizetype count = BasemapLimits::maxFeatures + 1;
    QByteArray features;
    features.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        features += i == 0 ? "{}" : ",{}";
    QString error;
    QVERIFY(!parseBasemap(collection(features), &error));
    QCOMPARE(error, QStringLiteral("1000001 features exceed the limit of 1000000"));
}

void TestBasemap::rejectsOversizedInput()
{
    QString error;
    QVERIFY(!parseBasemap(QByteArray(BasemapLimits::maxBytes + 1, ' '), &error));
    QVERIFY2(error.contains(QLatin1String("exceeds the limit")), qPrintable(error));
}

void TestBasemap::loadReportsMissingFile()
{
    QString error;
    QVERIFY(!loadBasemap(QStringLiteral("/nonexistent/basemap.geojson"), &error));
    QVERIFY2(error.startsWith(QLatin1String("/nonexistent/basemap.geojson: ")), qPrintable(error));
}

void TestBasemap::matchProvince_data()
{
    QTest::addColumn<QString>("iso");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    const QString none;
    QTest::newRow("iso") << QStringLiteral("CN-BJ") << none << none << QStringLiteral("CN-BJ");
    QTest::newRow("iso lower case") << QStringLiteral("cn-sh") << none << none << QStringLiteral("CN-SH");
    QTest::newRow("HASC") << QStringLiteral("CN.TW") << none << none << QStringLiteral("CN-TW");
    QTest::newRow("six-digit code") << none << QStringLiteral("110000") << none << QStringLiteral("CN-BJ");
    QTest::newRow("Macao's code") << none << QStringLiteral("820000") << none << QStringLiteral("CN-MO");
    QTest::newRow("two-digit code") << none << QStringLiteral("65") << none << QStringLiteral("CN-XJ");
    QTest::newRow("county code") << none << QStringLiteral("110101") << none << none;
    QTest::newRow("DataV's nine-dash line") << none << QStringLiteral("100000_JD") << none << none;
    QTest::newRow("whole country") << none << QStringLiteral("100000") << none << none;
    QTest::newRow("bad iso, good code")
        << QStringLiteral("CN-XX") << QStringLiteral("460000") << none << QStringLiteral("CN-HI");
    QTest::newRow("北京市") << none << none << QStringLiteral("北京市") << QStringLiteral("CN-BJ");
    QTest::newRow("内蒙古自治区") << none << none << QStringLiteral("内蒙古自治区")
                                  << QStringLiteral("CN-NM");
    QTest::newRow("广西壮族自治区") << none << none << QStringLiteral("广西壮族自治区")
                                    << QStringLiteral("CN-GX");
    QTest::newRow("新疆维吾尔自治区")
        << none << none << QStringLiteral("新疆维吾尔自治区") << QStringLiteral("CN-XJ");
    QTest::newRow("香港特别行政区") << none << none << QStringLiteral("香港特别行政区")
                                    << QStringLiteral("CN-HK");
    QTest::newRow("台湾省") << none << none << QStringLiteral("台湾省") << QStringLiteral("CN-TW");
    QTest::newRow("澳門") << none << none << QStringLiteral("澳門") << QStringLiteral("CN-MO");
    QTest::newRow("Beijing Shi") << none << none << QStringLiteral("Beijing Shi") << QStringLiteral("CN-BJ");
    QTest::newRow("Anhui stays whole") << none << none << QStringLiteral("Anhui") << QStringLiteral("CN-AH");
    QTest::newRow("Shanxi") << none << none << QStringLiteral("Shanxi Sheng") << QStringLiteral("CN-SX");
    QTest::newRow("Shaanxi") << none << none << QStringLiteral("SHAANXI") << QStringLiteral("CN-SN");
    QTest::newRow("Nei Mongol") << none << none << QStringLiteral("Nei Mongol") << QStringLiteral("CN-NM");
    QTest::newRow("Ningxia Hui A.R.")
        << none << none << QStringLiteral("Ningxia Hui Autonomous Region") << QStringLiteral("CN-NX");
    QTest::newRow("Hong Kong SAR") << none << none << QStringLiteral("Hong Kong SAR")
                                   << QStringLiteral("CN-HK");
    QTest::newRow("Macau") << none << none << QStringLiteral("Macau") << QStringLiteral("CN-MO");
    QTest::newRow("Tibet") << none << none << QStringLiteral("Tibet") << QStringLiteral("CN-XZ");
    QTest::newRow("a prefecture") << none << none << QStringLiteral("海南藏族自治州") << none;
    QTest::newRow("南海诸岛") << none << none << QStringLiteral("南海诸岛") << none;
    QTest::newRow("nothing") << none << none << none << none;
}

void TestBasemap::matchProvince()
{
    QFETCH(QString, iso);
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(matchProvinceIso(iso, code, {name}), expected);
}

void TestBasemap::userBasemap()
{
    // An organisation's basemap in the style of common Chinese data sets: adcode as a number or string,
    // full Chinese names, upper-case keys, a province in two features, and its own boundary lines.
    const QByteArray json =
        collection(polygonFeature(R"({"adcode":110000,"name":"北京市"})", 116, 40) + "," +
                   polygonFeature(R"({"adcode":"310000"})", 121, 31) + "," +
                   polygonFeature(R"({"name":"广西壮族自治区"})", 108, 23) + "," +
                   polygonFeature(R"({"NAME":"Xinjiang Uygur Autonomous Region"})", 85, 42) + "," +
                   polygonFeature(R"({"NAME_EN":"Hong Kong SAR","name_zh":"香港"})", 114, 22) + "," +
                   polygonFeature(R"({"adcode":"100000_JD","name":"南海诸岛"})", 112, 10) + "," +
                   polygonFeature(R"({"adcode":460000,"name":"海南省"})", 109.5, 18.5) + "," +
                   R"({"type":"Feature","properties":{"adcode":460000},"geometry":{"type":"MultiPolygon",)"
                   R"("coordinates":[[)" +
                   square(111.5, 16.5, 0.2) + "],[" + square(112, 16, 0.2) + "]]}}," +
                   R"({"type":"Feature","properties":{"kind":"maritime"},"geometry":{"type":"LineString",)"
                   R"("coordinates":[[110,18],[111,15],[112,12]]}},)" +
                   R"({"type":"Feature","properties":null,"geometry":{"type":"MultiLineString",)"
                   R"("coordinates":[[[120,20],[121,19]],[[121,18],[121.5,17]]]}})");
    QString error;
    const std::optional<Basemap> basemap = parseBasemap(json, &error);
    QVERIFY2(basemap, qPrintable(error));
    QVERIFY(basemap->source.isEmpty());

    QStringList isoCodes;
    for (const ProvinceShape &shape : basemap->provinces)
        isoCodes.append(shape.isoCode);
    QCOMPARE(isoCodes, (QStringList{QStringLiteral("CN-BJ"), QStringLiteral("CN-SH"), QStringLiteral("CN-GX"),
                                    QStringLiteral("CN-XJ"), QStringLiteral("CN-HK"), QString(),
                                    QStringLiteral("CN-HI")}));
    // Matched provinces take the table's names; the unmatched feature keeps its own.
    QCOMPARE(basemap->provinces[0].nameEn, QStringLiteral("Beijing"));
    QCOMPARE(basemap->provinces[2].nameZh, QStringLiteral("广西"));
    QCOMPARE(basemap->provinces[5].nameZh, QStringLiteral("南海诸岛"));
    QVERIFY(basemap->provinces[5].nameEn.isEmpty());

    // Hainan's two features became one shape of three polygons.
    const ProvinceShape &hainan = basemap->provinces[6];
    QCOMPARE(hainan.polygonStarts, (QList<int>{0, 1, 2}));
    QCOMPARE(hainan.rings.size(), 3);
    QCOMPARE(hainan.boundsLonLat, QRectF(QPointF(109.5, 16), QPointF(112.2, 19.5)));

    QCOMPARE(basemap->lines.size(), 3);
    QCOMPARE(basemap->lines[0].kind, QStringLiteral("maritime"));
    QCOMPARE(basemap->lines[0].points,
             (QList<QPointF>{QPointF(110, 18), QPointF(111, 15), QPointF(112, 12)}));
    QVERIFY(basemap->lines[1].kind.isEmpty());
    QCOMPARE(basemap->lines[2].points.size(), 2);
    QCOMPARE(basemap->vertexCount, 9 * 5 + 3 + 2 + 2); // nine squares, three lines
}

void TestBasemap::skipsPointsAndNullGeometry()
{
    const QByteArray json = collection(
        polygonFeature(R"({"iso":"CN-SC"})") + "," +
        R"({"type":"Feature","properties":{"name":"成都"},"geometry":{"type":"Point","coordinates":[104,30]}},)" +
        R"({"type":"Feature","properties":{},"geometry":null})");
    QString error;
    const std::optional<Basemap> basemap = parseBasemap(json, &error);
    QVERIFY2(basemap, qPrintable(error));
    QCOMPARE(basemap->provinces.size(), 1);
    QCOMPARE(basemap->provinces[0].isoCode, QStringLiteral("CN-SC"));
    QCOMPARE(basemap->vertexCount, 5);
}

void TestBasemap::projectKeepsOrder()
{
    QString error;
    const std::optional<Basemap> basemap = loadBasemap(defaultBasemapPath(), &error);
    QVERIFY2(basemap, qPrintable(error));
    const AlbersProjection projection;
    const QList<ProjectedProvince> projected = projectProvinces(*basemap, projection);
    QCOMPARE(projected.size(), basemap->provinces.size());
    for (qsizetype i = 0; i < projected.size(); ++i) {
        QCOMPARE(projected[i].isoCode, basemap->provinces[i].isoCode);
        QCOMPARE(projected[i].rings.size(), basemap->provinces[i].rings.size());
        const QPointF firstKm = projection.project(basemap->provinces[i].rings.first().first());
        QCOMPARE(projected[i].rings.first().first(), firstKm);
        QVERIFY(projected[i].boundsKm.contains(firstKm));
    }
    // China spans about 4,800 km east to west and 3,700 km north to south (without the southern sea).
    QRectF all;
    for (const ProjectedProvince &p : projected)
        all = all.united(p.boundsKm);
    QVERIFY2(all.width() > 4600 && all.width() < 5100, qPrintable(QString::number(all.width())));
    QVERIFY2(all.height() > 3700 && all.height() < 4400, qPrintable(QString::number(all.height())));
}

QTEST_GUILESS_MAIN(TestBasemap)
#include "tst_basemap.moc"
