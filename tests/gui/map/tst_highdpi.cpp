// The map at a device pixel ratio of 2 (QT_SCALE_FACTOR=2, a 4K wall at twice the scale): every layer and
// sprite is drawn at device pixels, not drawn at 1 and magnified.
#include "mapfixture.h"

#include "geo/mapviewport.h"
#include "widgets/map/maprenderer.h"
#include "widgets/map/nodemapwidget.h"

#include <QApplication>
#include <QPainter>
#include <QTest>

using namespace cpn;
using namespace cpn::map;

class tst_HighDpi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaleFactorTakesEffect();
    void spritesAreDrawnAtDevicePixels();
    void widgetFrameHasDevicePixels();
    void mapIsDrawnAtDevicePixelsNotMagnified();

private:
    // The map of the sample federation, size logical pixels at this pixel ratio.
    static QImage render(const QSize &size, double dpr);
    // Sum of squared luminance steps between horizontal neighbours: what a magnified image loses.
    static double detail(const QImage &image);
};

void tst_HighDpi::scaleFactorTakesEffect()
{
    QCOMPARE(qApp->devicePixelRatio(), 2.0);
}

void tst_HighDpi::spritesAreDrawnAtDevicePixels()
{
    NodeSprites sprites;
    sprites.setDevicePixelRatio(1);
    const QImage one = sprites.sprite(NodeRole::Hub, DisplayStatus::Online, 3).image;
    sprites.setDevicePixelRatio(2);
    const QImage two = sprites.sprite(NodeRole::Hub, DisplayStatus::Online, 3).image;
    QCOMPARE(two.devicePixelRatio(), 2.0);
    QCOMPARE(two.deviceIndependentSize(), one.deviceIndependentSize());
    QCOMPARE(two.size(), one.size() * 2);
}

void tst_HighDpi::widgetFrameHasDevicePixels()
{
    testing::MapFixture fx;
    NodeMapWidget map(fx.scene.get(), fx.model.get());
    map.resize(960, 540);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const QImage frame = map.grab().toImage();
    QCOMPARE(frame.devicePixelRatio(), 2.0);
    QCOMPARE(frame.size(), QSize(1920, 1080));
    QCOMPARE(map.renderer().sprites().devicePixelRatio(), 2.0);
}

void tst_HighDpi::mapIsDrawnAtDevicePixelsNotMagnified()
{
    const QSize logical(960, 600);
    const QImage sharp = render(logical, 2);
    QCOMPARE(sharp.size(), logical * 2);
    const QImage magnified =
        render(logical, 1).scaled(logical * 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const double drawn = detail(sharp);
    const double blown = detail(magnified);
    qInfo("detail: drawn at ratio 2 %.0f, drawn at 1 and magnified %.0f", drawn, blown);
    QVERIFY2(drawn > 1.5 * blown, "the map at ratio 2 is no sharper than a magnified one");
}

QImage tst_HighDpi::render(const QSize &size, double dpr)
{
    testing::MapFixture fx;
    geo::MapViewport view(QSizeF(size), QPointF(), 1);
    view.setDevicePixelRatio(dpr);
    view.fit(fx.scene->countryKm(), 16);
    QImage image(size * dpr, QImage::Format_RGB32);
    image.setDevicePixelRatio(dpr);
    MapRenderer renderer;
    QPainter painter(&image);
    renderer.paint(painter, view, *fx.scene, MapFrame{});
    painter.end();
    return image;
}

double tst_HighDpi::detail(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0;
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *line = grey.constScanLine(y);
        for (int x = 1; x < grey.width(); ++x) {
            const double step = double(line[x]) - double(line[x - 1]);
            sum += step * step;
        }
    }
    return sum;
}

int main(int argc, char *argv[])
{
    // Before the application exists: it reads the scale factor once.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    tst_HighDpi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_highdpi.moc"
