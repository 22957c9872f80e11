#include "charts/chartspec.h"

#include <QTest>

using namespace cpn::charts;

class tst_ChartSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void refusesGarbage();
};

void tst_ChartSpec::roundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("entity");
    QTest::newRow("node") << int(ChartSpec::Kind::NodeUtilization) << QStringLiteral("guian");
    QTest::newRow("link throughput") << int(ChartSpec::Kind::LinkThroughput) << QStringLiteral("l-a-b");
    QTest::newRow("link quality") << int(ChartSpec::Kind::LinkQuality) << QStringLiteral("l-a-b");
    QTest::newRow("province") << int(ChartSpec::Kind::Region) << QStringLiteral("CN-GZ");
    QTest::newRow("national") << int(ChartSpec::Kind::Region) << QString();
}

void tst_ChartSpec::roundTrip()
{
    QFETCH(int, kind);
    QFETCH(QString, entity);
    const ChartSpec spec{ChartSpec::Kind(kind), entity};
    const auto back = ChartSpec::fromString(spec.toString());
    QVERIFY(back);
    QCOMPARE(*back, spec);
}

void tst_ChartSpec::refusesGarbage()
{
    QVERIFY(!ChartSpec::fromString(QStringLiteral("nonsense")));
    QVERIFY(!ChartSpec::fromString(QStringLiteral("planet:earth")));
    QVERIFY(!ChartSpec::fromString(QStringLiteral("node:")));
}

QTEST_GUILESS_MAIN(tst_ChartSpec)
#include "tst_chartspec.moc"
