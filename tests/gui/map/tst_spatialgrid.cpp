#include "widgets/map/spatialgrid.h"

#include <QRandomGenerator>
#include <QTest>

using cpn::map::SpatialGrid;

class tst_SpatialGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nearestPointWithinRadius();
    void nothingBeyondRadius();
    void segments();
    void agreesWithBruteForce();
    void outsideBoundsIgnored();
};

void tst_SpatialGrid::nearestPointWithinRadius()
{
    SpatialGrid grid;
    grid.reset(QRectF(0, 0, 800, 600), 32);
    grid.addPoint(1, QPointF(100, 100));
    grid.addPoint(2, QPointF(108, 100));
    grid.addPoint(3, QPointF(400, 300));
    grid.build();
    QCOMPARE(grid.nearest(QPointF(103, 100), 10).id, 1);
    QCOMPARE(grid.nearest(QPointF(105, 101), 10).id, 2);
    QCOMPARE(grid.nearest(QPointF(395, 305), 10).id, 3);
    // Across a cell boundary (cells are 32 px).
    grid.reset(QRectF(0, 0, 800, 600), 32);
    grid.addPoint(7, QPointF(63.5, 63.5));
    grid.build();
    QCOMPARE(grid.nearest(QPointF(66, 66), 5).id, 7);
}

void tst_SpatialGrid::nothingBeyondRadius()
{
    SpatialGrid grid;
    grid.reset(QRectF(0, 0, 800, 600), 32);
    grid.addPoint(1, QPointF(100, 100));
    grid.build();
    QVERIFY(!grid.nearest(QPointF(120, 100), 10).isValid());
    QVERIFY(!grid.nearest(QPointF(700, 500), 10).isValid());
    SpatialGrid empty;
    empty.reset(QRectF(0, 0, 100, 100), 32);
    empty.build();
    QVERIFY(!empty.nearest(QPointF(50, 50), 10).isValid());
}

void tst_SpatialGrid::segments()
{
    SpatialGrid grid;
    grid.reset(QRectF(0, 0, 800, 600), 32);
    grid.addSegment(5, QPointF(0, 0), QPointF(300, 300)); // spans many cells
    grid.addSegment(6, QPointF(0, 300), QPointF(300, 300));
    grid.build();
    const SpatialGrid::Hit onDiagonal = grid.nearest(QPointF(152, 148), 4);
    QCOMPARE(onDiagonal.id, 5);
    QVERIFY(onDiagonal.distance < 3);
    QCOMPARE(grid.nearest(QPointF(100, 302), 4).id, 6);
    QVERIFY(!grid.nearest(QPointF(100, 200), 4).isValid());
}

void tst_SpatialGrid::agreesWithBruteForce()
{
    QRandomGenerator rng(12345);
    QList<QPointF> points;
    SpatialGrid grid;
    grid.reset(QRectF(0, 0, 1920, 1080), 32);
    for (int i = 0; i < 2000; ++i) {
        points.append(QPointF(rng.bounded(1920.0), rng.bounded(1080.0)));
        grid.addPoint(i, points.last());
    }
    grid.build();
    for (int q = 0; q < 2000; ++q) {
        const QPointF p(rng.bounded(1920.0), rng.bounded(1080.0));
        int best = -1;
        double bestDistance = 12;
        for (int i = 0; i < points.size(); ++i) {
            const double d = std::hypot(points[i].x() - p.x(), points[i].y() - p.y());
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        const SpatialGrid::Hit hit = grid.nearest(p, 12);
        if (best < 0) {
            QVERIFY(!hit.isValid());
        } else {
            QVERIFY(hit.isValid());
            QVERIFY(std::abs(hit.distance - bestDistance) < 1e-3); // entries are stored as floats
        }
    }
}

void tst_SpatialGrid::outsideBoundsIgnored()
{
    SpatialGrid grid;
    grid.reset(QRectF(0, 0, 100, 100), 32);
    grid.addPoint(1, QPointF(-500, -500));
    grid.build();
    QVERIFY(grid.isEmpty());
    QVERIFY(!grid.nearest(QPointF(-500, -500), 10).isValid());
}

QTEST_GUILESS_MAIN(tst_SpatialGrid)
#include "tst_spatialgrid.moc"
