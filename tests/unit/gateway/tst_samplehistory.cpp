#include "samplehistory.h"

#include <QTest>

using namespace cpn;
using namespace cpn::gateway;
using namespace Qt::StringLiterals;

// SampleHistory answers GET /metrics?since= as docs/node-api.md says: a reset with the latest sample for
// no cursor or one it does not hold, the samples after a cursor it holds up to the limit, the same cursor
// when nothing came, and a version that changes exactly when the answer would.
class TestSampleHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cursorSemantics();
    void oldSamplesAreForgotten();
};

namespace {

NodeSample at(qint64 tsMs)
{
    NodeSample s;
    s.nodeId = u"site"_s;
    s.tsMs = tsMs;
    return s;
}

} // namespace

void TestSampleHistory::cursorSemantics()
{
    SampleHistory history(1000);
    const auto empty = history.since({}, 60);
    QVERIFY(empty.reset);
    QVERIFY(empty.entries.isEmpty());

    history.append(at(10));
    history.append(at(20));
    history.append(at(20)); // not after the last: ignored, timestamps strictly increase
    history.append(at(30));
    const auto fresh = history.since({}, 60);
    QVERIFY(fresh.reset);
    QCOMPARE(fresh.entries.size(), 1);
    QCOMPARE(fresh.entries.first().sample.tsMs, 30);
    QCOMPARE(fresh.cursor, u"1002"_s);
    QVERIFY(history.since(u"999"_s, 60).reset); // an earlier run's cursor

    const auto after = history.since(u"1000"_s, 1);
    QVERIFY(!after.reset);
    QCOMPARE(after.entries.size(), 1);
    QCOMPARE(after.entries.first().sample.tsMs, 20);
    QCOMPARE(after.cursor, u"1001"_s);

    const auto nothing = history.since(u"1002"_s, 60);
    QVERIFY(!nothing.reset);
    QVERIFY(nothing.entries.isEmpty());
    QCOMPARE(nothing.cursor, u"1002"_s);

    const qint64 before = history.version(u"1002"_s, 60);
    QCOMPARE(history.version(u"1002"_s, 60), before);
    history.append(at(40));
    QVERIFY(history.version(u"1002"_s, 60) != before);
}

void TestSampleHistory::oldSamplesAreForgotten()
{
    SampleHistory history(0, 3);
    for (qint64 ts = 1; ts <= 5; ++ts)
        history.append(at(ts));
    QVERIFY(history.since(u"0"_s, 60).reset); // forgotten: a fresh start
    const auto kept = history.since(u"2"_s, 60);
    QVERIFY(!kept.reset);
    QCOMPARE(kept.entries.size(), 2);
    QCOMPARE(kept.entries.last().sample.tsMs, 5);
}

QTEST_GUILESS_MAIN(TestSampleHistory)
#include "tst_samplehistory.moc"
