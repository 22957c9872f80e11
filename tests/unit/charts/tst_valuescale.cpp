#include "charts/valuescale.h"

#include <QTest>

using namespace cpn::charts;

// An axis reads in a unit people take in at a glance, with round tick values.
class tst_ValueScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fit_data();
    void fit();
    void ticksAreRoundAndAboveTheTop();
};

void tst_ValueScale::fit_data()
{
    QTest::addColumn<QString>("storedUnit");
    QTest::addColumn<double>("storedMax");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("divisor");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("decimals");

    // The 2,000-node synthetic federation: 81,800 kW reads 0, 25, 50, 75, 100 MW.
    QTest::newRow("national power") << "kW" << 81'800.0 << "MW" << 1e3 << 100.0 << 0;
    QTest::newRow("a node's power") << "kW" << 420.0 << "kW" << 1.0 << 800.0 << 0;
    QTest::newRow("just a megawatt") << "kW" << 1'000.0 << "MW" << 1e3 << 2.0 << 1;
    QTest::newRow("gigawatts") << "kW" << 2'300'000.0 << "GW" << 1e6 << 4.0 << 0;
    QTest::newRow("a busy link") << "Gbit/s" << 380.0 << "Gbit/s" << 1.0 << 800.0 << 0;
    QTest::newRow("a backbone") << "Gbit/s" << 2'400.0 << "Tbit/s" << 1e3 << 4.0 << 0;
    QTest::newRow("latency") << "ms" << 3.2 << "ms" << 1.0 << 4.0 << 0;
    QTest::newRow("small loss") << "%" << 0.3 << "%" << 1.0 << 0.4 << 1;
    QTest::newRow("loss in quarters") << "%" << 0.85 << "%" << 1.0 << 1.0 << 2;
    QTest::newRow("nothing yet") << "kW" << 0.0 << "kW" << 1.0 << 2.0 << 1;
}

void tst_ValueScale::fit()
{
    QFETCH(QString, storedUnit);
    QFETCH(double, storedMax);
    const ValueScale scale = ValueScale::fit(storedUnit, storedMax);
    QTEST(scale.unit, "unit");
    QTEST(scale.divisor, "divisor");
    QTEST(scale.max, "max");
    QTEST(scale.decimals, "decimals");
    QCOMPARE(scale.tickCount, 5);
}

void tst_ValueScale::ticksAreRoundAndAboveTheTop()
{
    for (double top = 0.013; top < 5e6; top *= 1.37) {
        const ValueScale scale = ValueScale::fit(QStringLiteral("kW"), top);
        QVERIFY2(scale.max >= scale.shown(top) * 1.1 * (1 - 1e-9), qPrintable(QString::number(top)));
        QVERIFY2(scale.max <= scale.shown(top) * 1.1 * 2.5,
                 qPrintable(QString::number(top))); // not too loose
        QVERIFY(scale.shown(top) < 1000);
        // Each tick label, at the decimals given, is the tick's exact value.
        for (int i = 0; i < scale.tickCount; ++i) {
            const double tick = scale.max * i / (scale.tickCount - 1);
            const double label = QString::number(tick, 'f', scale.decimals).toDouble();
            QVERIFY2(std::abs(label - tick) < 1e-9 * std::max(1.0, tick),
                     qPrintable(QStringLiteral("%1 shown as %2").arg(tick).arg(label)));
        }
    }
}

QTEST_GUILESS_MAIN(tst_ValueScale)
#include "tst_valuescale.moc"
