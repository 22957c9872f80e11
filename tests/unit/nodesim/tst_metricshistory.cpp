#include "metricshistory.h"

#include <QTest>

using namespace cpn::sim;

class TestMetricsHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cursorSemantics_data();
    void cursorSemantics();
    void keepsOnlyCapacity();
    void timestampsIncrease();
    void emptyHistoryResets();
    void tickAtATime();

private:
    static MetricsHistory filled(int ticks, int capacity = MetricsHistory::kDefaultCapacity)
    {
        MetricsHistory h(1000, capacity); // sequence numbers 1000, 1001, ...
        for (int i = 0; i < ticks; ++i) {
            TickRecord r;
            r.tsMs = 5000 + i * 1000;
            h.append(r);
        }
        return h;
    }
};

void TestMetricsHistory::cursorSemantics_data()
{
    QTest::addColumn<QString>("since");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("reset");
    QTest::addColumn<int>("ticks");
    QTest::addColumn<QString>("firstSeq");
    QTest::addColumn<QString>("cursor");
    // 100 ticks, seq 1000..1099.
    QTest::newRow("no cursor: latest only") << "" << 60 << true << 1 << "1099" << "1099";
    QTest::newRow("garbage cursor") << "abc" << 60 << true << 1 << "1099" << "1099";
    QTest::newRow("cursor from the future") << "5000" << 60 << true << 1 << "1099" << "1099";
    QTest::newRow("cursor older than the ring") << "999" << 60 << true << 1 << "1099" << "1099";
    QTest::newRow("continues after cursor") << "1090" << 60 << false << 9 << "1091" << "1099";
    QTest::newRow("limit cuts, cursor follows") << "1010" << 5 << false << 5 << "1011" << "1015";
    QTest::newRow("up to date: nothing new") << "1099" << 60 << false << 0 << "" << "1099";
    QTest::newRow("oldest kept") << "1000" << 600 << false << 99 << "1001" << "1099";
}

void TestMetricsHistory::cursorSemantics()
{
    QFETCH(QString, since);
    QFETCH(int, limit);
    QFETCH(bool, reset);
    QFETCH(int, ticks);
    QFETCH(QString, firstSeq);
    QFETCH(QString, cursor);
    const MetricsHistory h = filled(100);
    const auto slice = h.since(since, limit);
    QCOMPARE(slice.reset, reset);
    QCOMPARE(slice.ticks.size(), ticks);
    if (ticks > 0)
        QCOMPARE(QString::number(slice.ticks.first().seq), firstSeq);
    QCOMPARE(slice.cursor, cursor);
    for (int i = 1; i < slice.ticks.size(); ++i)
        QCOMPARE(slice.ticks[i].seq, slice.ticks[i - 1].seq + 1);
}

void TestMetricsHistory::keepsOnlyCapacity()
{
    const MetricsHistory h = filled(700, 660);
    QCOMPARE(h.size(), 660);
    QCOMPARE(h.oldest().seq, 1040);
    QVERIFY(h.since(QStringLiteral("1039"), 60).reset); // forgotten
    QVERIFY(!h.since(QStringLiteral("1040"), 60).reset);
    QCOMPARE(h.since(QStringLiteral("1040"), 600).ticks.size(), 600); // ten minutes at most per answer
}

void TestMetricsHistory::timestampsIncrease()
{
    MetricsHistory h(1);
    TickRecord r;
    r.tsMs = 10000;
    h.append(r);
    h.append(r); // a clock that did not move
    QVERIFY(h.latest().tsMs > h.oldest().tsMs);
}

void TestMetricsHistory::emptyHistoryResets()
{
    const MetricsHistory h(1);
    const auto slice = h.since(QStringLiteral("1"), 60);
    QVERIFY(slice.reset);
    QVERIFY(slice.ticks.isEmpty());
}

// GET /history reads the newest tick at or before each instant.
void TestMetricsHistory::tickAtATime()
{
    const MetricsHistory h = filled(5, 3); // kept: 7000, 8000, 9000
    QVERIFY(!h.at(6999));
    QCOMPARE(h.at(7000)->tsMs, 7000);
    QCOMPARE(h.at(8500)->tsMs, 8000);
    QCOMPARE(h.at(100000)->tsMs, 9000);
    QVERIFY(!MetricsHistory(1).at(5000));
}

QTEST_GUILESS_MAIN(TestMetricsHistory)
#include "tst_metricshistory.moc"
