#include "api/backoff.h"

#include <QTest>

using namespace cpn::api;

class tst_Backoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceiling_data();
    void ceiling();
    void delayStaysWithinBounds_data();
    void delayStaysWithinBounds();
    void retryAfterIsAFloor_data();
    void retryAfterIsAFloor();
    void randomOutOfRangeIsClamped();
    void systemRandomIsWithinBounds();
    void parseRetryAfter_data();
    void parseRetryAfter();
};

void tst_Backoff::ceiling_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("first retry") << 0 << qint64(1000);
    QTest::newRow("second") << 1 << qint64(2000);
    QTest::newRow("fifth") << 5 << qint64(32000);
    QTest::newRow("capped at 60 s") << 6 << qint64(60000);
    QTest::newRow("long outage stays capped") << 1000 << qint64(60000);
    QTest::newRow("int max does not overflow") << std::numeric_limits<int>::max() << qint64(60000);
}

void tst_Backoff::ceiling()
{
    QFETCH(int, attempt);
    QFETCH(qint64, expected);
    QCOMPARE(backoffCeilingMs(attempt), expected);
}

void tst_Backoff::delayStaysWithinBounds_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("ceiling");
    for (int attempt : {0, 1, 3, 6, 40})
        QTest::addRow("attempt %d", attempt) << attempt << backoffCeilingMs(attempt);
}

void tst_Backoff::delayStaysWithinBounds()
{
    QFETCH(int, attempt);
    QFETCH(qint64, ceiling);
    qint64 askedFor = -1;
    const RandomBelow lowest = [&](qint64 upper) {
        askedFor = upper;
        return qint64(0);
    };
    const RandomBelow highest = [](qint64 upper) { return upper; };
    const RandomBelow half = [](qint64 upper) { return upper / 2; };
    QCOMPARE(backoffDelayMs(attempt, -1, {}, lowest), qint64(0));
    QCOMPARE(askedFor, ceiling); // full jitter: the whole range [0, ceiling]
    QCOMPARE(backoffDelayMs(attempt, -1, {}, highest), ceiling);
    QCOMPARE(backoffDelayMs(attempt, -1, {}, half), ceiling / 2);
}

void tst_Backoff::retryAfterIsAFloor_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("retryAfterSeconds");
    QTest::addColumn<qint64>("random");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("absent") << 0 << -1 << qint64(400) << qint64(400);
    QTest::newRow("longer than the jitter wins") << 0 << 5 << qint64(400) << qint64(5000);
    QTest::newRow("shorter than the jitter loses") << 5 << 2 << qint64(30000) << qint64(30000);
    QTest::newRow("zero") << 0 << 0 << qint64(0) << qint64(0);
    QTest::newRow("beyond the cap is still honoured") << 10 << 120 << qint64(60000) << qint64(120000);
    QTest::newRow("absurd values are clamped to an hour") << 0 << 86400 << qint64(10) << qint64(3600000);
}

void tst_Backoff::retryAfterIsAFloor()
{
    QFETCH(int, attempt);
    QFETCH(int, retryAfterSeconds);
    QFETCH(qint64, random);
    QFETCH(qint64, expected);
    const RandomBelow fixed = [&](qint64 upper) { return std::min(random, upper); };
    QCOMPARE(backoffDelayMs(attempt, retryAfterSeconds, {}, fixed), expected);
}

void tst_Backoff::randomOutOfRangeIsClamped()
{
    const RandomBelow broken = [](qint64) { return qint64(1) << 50; };
    QCOMPARE(backoffDelayMs(0, -1, {}, broken), qint64(1000));
    const RandomBelow negative = [](qint64) { return qint64(-5); };
    QCOMPARE(backoffDelayMs(0, -1, {}, negative), qint64(0));
    // A custom policy, as tests of the poller use.
    QCOMPARE(backoffDelayMs(3, -1, {50, 300}, [](qint64 upper) { return upper; }), qint64(300));
    // A lower Retry-After cap still honours what fits under it.
    QCOMPARE(backoffDelayMs(0, 5, {1000, 60000, 2}, [](qint64) { return qint64(0); }), qint64(2000));
    QCOMPARE(backoffDelayMs(0, 1, {1000, 60000, 2}, [](qint64) { return qint64(0); }), qint64(1000));
}

void tst_Backoff::systemRandomIsWithinBounds()
{
    const RandomBelow random = systemRandom();
    QCOMPARE(random(0), qint64(0));
    for (int i = 0; i < 1000; ++i) {
        const qint64 value = random(10);
        QVERIFY(value >= 0 && value <= 10);
    }
}

void tst_Backoff::parseRetryAfter_data()
{
    const qint64 now = QDateTime(QDate(2025, 11, 25), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("nowMs");
    QTest::addColumn<int>("expected");
    QTest::newRow("absent") << QByteArray() << now << -1;
    QTest::newRow("seconds") << QByteArray("30") << now << 30;
    QTest::newRow("padded") << QByteArray(" 7 ") << now << 7;
    QTest::newRow("zero") << QByteArray("0") << now << 0;
    QTest::newRow("negative") << QByteArray("-3") << now << -1;
    QTest::newRow("garbage") << QByteArray("soon") << now << -1;
    QTest::newRow("huge is clamped") << QByteArray("99999999999") << now << kMaxRetryAfterSeconds;
    QTest::newRow("http date") << QByteArray("Tue, 25 Nov 2025 10:01:30 GMT") << now << 90;
    QTest::newRow("http date in the past") << QByteArray("Tue, 25 Nov 2025 09:00:00 GMT") << now << 0;
}

void tst_Backoff::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, nowMs);
    QFETCH(int, expected);
    QCOMPARE(cpn::api::parseRetryAfter(value, nowMs), expected);
}

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_backoff.moc"
