#include "charts/samplestore.h"

#include <QTest>

using namespace cpn::charts;

class tst_SampleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheNewestCapacity();
    void dropsOutOfOrder();
};

void tst_SampleStore::keepsTheNewestCapacity()
{
    SampleStore store(100);
    for (int i = 1; i <= 1000; ++i) {
        QVERIFY(store.append(i * 1000, i));
        QCOMPARE(store.size(), std::min(i, 100));
        QCOMPARE(store.lastTime(), qint64(i) * 1000);
        QCOMPARE(store.firstTime(), qint64(std::max(1, i - 99)) * 1000);
    }
    const auto v = store.values();
    for (int k = 0; k < 100; ++k)
        QCOMPARE(v[size_t(k)], double(901 + k));
}

void tst_SampleStore::dropsOutOfOrder()
{
    SampleStore store(10);
    QVERIFY(store.append(2000, 1));
    QVERIFY(store.append(2000, 2)); // the same moment told again replaces it
    QVERIFY(!store.append(1000, 3));
    QCOMPARE(store.size(), 1);
    QCOMPARE(store.lastValue(), 2.0);
    store.clear();
    QVERIFY(store.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SampleStore)
#include "tst_samplestore.moc"
