#include "widgets/keyfiguretile.h"

#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_KeyFigureTile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsValues();
    void levelIsAStyleProperty_data();
    void levelIsAStyleProperty();
};

void tst_KeyFigureTile::showsValues()
{
    KeyFigureTile tile(u"Nodes online"_s);
    QCOMPARE(tile.caption(), u"NODES ONLINE"_s);
    tile.setValue(u"34 / 35"_s);
    tile.setDetail(u"1 stale"_s);
    QCOMPARE(tile.value(), u"34 / 35"_s);
    QCOMPARE(tile.detail(), u"1 stale"_s);
    tile.resize(tile.sizeHint());
    QVERIFY(!tile.grab().isNull());
}

void tst_KeyFigureTile::levelIsAStyleProperty_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("name");
    QTest::newRow("good") << int(KeyFigureTile::Level::Good) << u"good"_s;
    QTest::newRow("warning") << int(KeyFigureTile::Level::Warning) << u"warning"_s;
    QTest::newRow("critical") << int(KeyFigureTile::Level::Critical) << u"critical"_s;
}

void tst_KeyFigureTile::levelIsAStyleProperty()
{
    QFETCH(int, level);
    QFETCH(QString, name);
    KeyFigureTile tile(u"Links"_s);
    QCOMPARE(tile.property("level").toString(), u"normal"_s);
    tile.setLevel(KeyFigureTile::Level(level));
    QCOMPARE(tile.level(), KeyFigureTile::Level(level));
    QCOMPARE(tile.property("level").toString(), name);
}

QTEST_MAIN(tst_KeyFigureTile)
#include "tst_keyfiguretile.moc"
