#include "charts/samplestore.h"

#include <QTest>

using namespace cpn::charts;

class tst_SampleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheNewestCapacity();
    void dropsOutOfOrder();
    void allocatesItsRoomOnceAndUpFront();
    void growCapacityKeepsTheSamples();
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

// The node table's sparklines keep a store per node and metric (4,000 at 2,000 nodes): their room
// is the capacity and a minute of slack, allocated when the store is made, so their memory neither
// doubles the capacity nor grows as the first samples arrive.
void tst_SampleStore::allocatesItsRoomOnceAndUpFront()
{
    SampleStore store(300);
    QCOMPARE(store.allocatedSamples(), 300 + SampleStore::kSlack);
    const qint64 *room = nullptr;
    for (int i = 1; i <= 2000; ++i) {
        QVERIFY(store.append(i * 1000, i));
        if (!room)
            room = store.times().data();
        QVERIFY(store.times().data() >= room); // compaction moves samples within the room
        QVERIFY(store.times().data() + store.size() <= room + store.allocatedSamples());
    }
    QCOMPARE(store.allocatedSamples(), 300 + SampleStore::kSlack);
    QCOMPARE(store.size(), 300);
    QCOMPARE(store.firstTime(), qint64(1701) * 1000);
    QCOMPARE(store.values().back(), 2000.0);
}

void tst_SampleStore::growCapacityKeepsTheSamples()
{
    SampleStore store(10);
    for (int i = 1; i <= 25; ++i)
        store.append(i, i);
    store.growCapacity(20);
    QCOMPARE(store.allocatedSamples(), 20 + SampleStore::kSlack);
    QCOMPARE(store.size(), 10);
    for (int i = 26; i <= 200; ++i)
        store.append(i, i);
    QCOMPARE(store.size(), 20);
    QCOMPARE(store.firstTime(), qint64(181));
}

QTEST_GUILESS_MAIN(tst_SampleStore)
#include "tst_samplestore.moc"
