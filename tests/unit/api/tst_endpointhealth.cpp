#include "api/endpointhealth.h"

#include "domain/clock.h"

#include <QTest>

using namespace cpn;
using namespace cpn::api;

// The state machine of one endpoint with a refresh interval of 1 s (stale after 2 s) and offline
// after 3 failures in a row, driven by a ManualClock.
class tst_EndpointHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsConnecting();
    void onlineStaleOfflineOnline();
    void staleBoundaryIsStrict();
    void msUntilStaleSaysWhenToLookAgain();
    void offlineWithoutEverHavingData();
    void failuresBelowTheThresholdKeepOnline();
    void changeIsReportedOnce();
    void newErrorTextIsAChange();
    void wallClockJumpsDoNotMatter();
    void resetForgetsEverything();
};

void tst_EndpointHealth::startsConnecting()
{
    ManualClock clock(1000);
    EndpointHealth health(clock, 1000, 3);
    health.setEndpoint(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("national"));
    const EndpointStatus s = health.status();
    QCOMPARE(s.state, ConnectionState::Connecting);
    QCOMPARE(s.lastDataMs, 0);
    QCOMPARE(s.label, QStringLiteral("national"));
    QCOMPARE(health.dataAgeMs(), -1);
    QVERIFY(!health.refresh());
}

void tst_EndpointHealth::onlineStaleOfflineOnline()
{
    ManualClock clock(1764064800000);
    EndpointHealth health(clock, 1000, 3);

    QVERIFY(health.recordSuccess());
    QCOMPARE(health.state(), ConnectionState::Online);
    QCOMPARE(health.status().lastDataMs, 1764064800000);

    clock.advance(1500);
    QVERIFY(!health.refresh());
    QCOMPARE(health.state(), ConnectionState::Online);

    clock.advance(1000); // 2.5 s without data
    QCOMPARE(health.state(), ConnectionState::Stale);
    QVERIFY(health.refresh());
    QVERIFY(!health.refresh());

    QVERIFY(health.recordFailure(QStringLiteral("Network error: Connection refused")));
    QCOMPARE(health.state(), ConnectionState::Stale);
    QVERIFY(!health.recordFailure(QStringLiteral("Network error: Connection refused")));
    QCOMPARE(health.state(), ConnectionState::Stale);
    QVERIFY(health.recordFailure(QStringLiteral("Network error: Connection refused")));
    QCOMPARE(health.state(), ConnectionState::Offline);
    QCOMPARE(health.status().consecutiveFailures, 3);
    QCOMPARE(health.status().lastError, QStringLiteral("Network error: Connection refused"));
    QCOMPARE(health.status().lastDataMs, 1764064800000); // the age of what we still show

    clock.advance(60000);
    QVERIFY(health.recordSuccess());
    const EndpointStatus back = health.status();
    QCOMPARE(back.state, ConnectionState::Online);
    QCOMPARE(back.consecutiveFailures, 0);
    QVERIFY(back.lastError.isEmpty());
    QCOMPARE(back.lastDataMs, 1764064800000 + 62500);
}

void tst_EndpointHealth::staleBoundaryIsStrict()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 3);
    health.recordSuccess();
    clock.advance(2000);
    QCOMPARE(health.state(), ConnectionState::Online); // exactly twice the interval is still fresh
    clock.advance(1);
    QCOMPARE(health.state(), ConnectionState::Stale);
}

void tst_EndpointHealth::msUntilStaleSaysWhenToLookAgain()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 3);
    QCOMPARE(health.msUntilStale(), -1); // connecting: nothing can go stale yet
    health.recordSuccess();
    QCOMPARE(health.msUntilStale(), 2001);
    clock.advance(1500);
    QCOMPARE(health.msUntilStale(), 501);
    clock.advance(501);
    QCOMPARE(health.msUntilStale(), -1);
    QCOMPARE(health.state(), ConnectionState::Stale); // the moment it names is the first stale one
    health.recordSuccess();
    QCOMPARE(health.msUntilStale(), 2001);
}

void tst_EndpointHealth::offlineWithoutEverHavingData()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 3);
    QVERIFY(health.recordFailure(QStringLiteral("Timed out")));
    QCOMPARE(health.state(), ConnectionState::Connecting);
    health.recordFailure(QStringLiteral("Timed out"));
    QVERIFY(health.recordFailure(QStringLiteral("Timed out")));
    QCOMPARE(health.state(), ConnectionState::Offline);
    QCOMPARE(health.status().lastDataMs, 0);
}

void tst_EndpointHealth::failuresBelowTheThresholdKeepOnline()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 3);
    health.recordSuccess();
    health.recordFailure(QStringLiteral("HTTP 503 Unavailable"));
    health.recordFailure(QStringLiteral("HTTP 503 Unavailable"));
    QCOMPARE(health.state(), ConnectionState::Online);
    health.recordSuccess();
    health.recordFailure(QStringLiteral("HTTP 503 Unavailable"));
    health.recordFailure(QStringLiteral("HTTP 503 Unavailable"));
    QCOMPARE(health.state(), ConnectionState::Online); // the count restarted after the good answer
}

void tst_EndpointHealth::changeIsReportedOnce()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 3);
    QVERIFY(health.recordSuccess());
    clock.advance(500);
    QVERIFY(!health.recordSuccess()); // fresher data, same state: read it through status()
    QCOMPARE(health.status().lastDataMs, clock.nowMs());
}

void tst_EndpointHealth::newErrorTextIsAChange()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 5);
    health.recordSuccess();
    QVERIFY(health.recordFailure(QStringLiteral("Timed out")));
    QVERIFY(health.recordFailure(QStringLiteral("HTTP 503 Unavailable")));
    QVERIFY(!health.recordFailure(QStringLiteral("HTTP 503 Unavailable")));
}

void tst_EndpointHealth::wallClockJumpsDoNotMatter()
{
    ManualClock clock(1764064800000);
    EndpointHealth health(clock, 1000, 3);
    health.recordSuccess();
    clock.setNowMs(1764064800000 + 3600000); // someone set the system clock forward
    QCOMPARE(health.state(), ConnectionState::Online);
    clock.setNowMs(0);
    QCOMPARE(health.state(), ConnectionState::Online);
}

void tst_EndpointHealth::resetForgetsEverything()
{
    ManualClock clock;
    EndpointHealth health(clock, 1000, 1);
    health.recordSuccess();
    health.recordFailure(QStringLiteral("Timed out"));
    QCOMPARE(health.state(), ConnectionState::Offline);
    QVERIFY(health.reset());
    QCOMPARE(health.status(), EndpointStatus{});
}

QTEST_GUILESS_MAIN(tst_EndpointHealth)
#include "tst_endpointhealth.moc"
