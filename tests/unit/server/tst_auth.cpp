#include "auth.h"
#include "clock.h"

#include <QTest>

using namespace cpn::server;

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closedWithoutTokens();
    void check_data();
    void check();
    void issuedTokensExpire();
    void revokingAGrantRevokesItsTokens();
};

void TestAuth::closedWithoutTokens()
{
    const Auth auth;
    QCOMPARE(auth.check({}, QStringLiteral("node:read")), Auth::Outcome::Unauthorized);
    QCOMPARE(auth.check("Bearer anything", QStringLiteral("node:read")), Auth::Outcome::InvalidToken);
}

void TestAuth::check_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("outcome");
    const int allowed = int(Auth::Outcome::Allowed);
    const int unauthorized = int(Auth::Outcome::Unauthorized);
    const int invalid = int(Auth::Outcome::InvalidToken);
    const int forbidden = int(Auth::Outcome::Forbidden);
    QTest::newRow("dev token writes") << QByteArray("Bearer dev-secret") << "jobs:write" << allowed;
    QTest::newRow("dev token controls the simulator") << QByteArray("Bearer dev-secret") << "sim:control" << allowed;
    QTest::newRow("read token reads") << QByteArray("Bearer reader") << "metrics:read" << allowed;
    QTest::newRow("read token cannot write") << QByteArray("Bearer reader") << "jobs:write" << forbidden;
    QTest::newRow("read token cannot control") << QByteArray("Bearer reader") << "sim:control" << forbidden;
    QTest::newRow("no header") << QByteArray() << "node:read" << unauthorized;
    QTest::newRow("unknown token") << QByteArray("Bearer guess") << "node:read" << invalid;
    QTest::newRow("prefix of a token") << QByteArray("Bearer dev-secre") << "node:read" << invalid;
    QTest::newRow("empty bearer") << QByteArray("Bearer ") << "node:read" << invalid;
    QTest::newRow("basic auth") << QByteArray("Basic ZGV2OnNlY3JldA==") << "node:read" << unauthorized;
}

void TestAuth::check()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, scope);
    QFETCH(int, outcome);
    Auth auth;
    auth.addToken(QStringLiteral("dev-secret"), Auth::allScopes());
    auth.addToken(QStringLiteral("reader"), Auth::readScopes());
    QCOMPARE(int(auth.check(header, scope)), outcome);
}

void TestAuth::issuedTokensExpire()
{
    ManualClock clock;
    Auth auth(clock);
    auth.addIssuedToken(QStringLiteral("issued"), Auth::readScopes(), clock.nowMs() + 5000, QStringLiteral("g1"));
    QCOMPARE(auth.check("Bearer issued", QStringLiteral("metrics:read")), Auth::Outcome::Allowed);
    QCOMPARE(auth.check("Bearer issued", QStringLiteral("jobs:write")), Auth::Outcome::Forbidden);
    clock.advanceMs(5000);
    QCOMPARE(auth.check("Bearer issued", QStringLiteral("metrics:read")), Auth::Outcome::Expired);
    const Auth::Denial denial = Auth::denial(Auth::Outcome::Expired, QStringLiteral("metrics:read"));
    QCOMPARE(denial.status, 401);
    QVERIFY(denial.challenge.contains("error=\"invalid_token\""));
}

void TestAuth::revokingAGrantRevokesItsTokens()
{
    ManualClock clock;
    Auth auth(clock);
    auth.addToken(QStringLiteral("dev"), Auth::allScopes());
    auth.addIssuedToken(QStringLiteral("a1"), Auth::readScopes(), clock.nowMs() + 60000, QStringLiteral("g1"));
    auth.addIssuedToken(QStringLiteral("a2"), Auth::readScopes(), clock.nowMs() + 60000, QStringLiteral("g1"));
    auth.addIssuedToken(QStringLiteral("b1"), Auth::readScopes(), clock.nowMs() + 60000, QStringLiteral("g2"));
    auth.revokeGrant(QStringLiteral("g1"));
    QCOMPARE(auth.authenticate("Bearer a1"), Auth::Outcome::InvalidToken);
    QCOMPARE(auth.authenticate("Bearer a2"), Auth::Outcome::InvalidToken);
    QCOMPARE(auth.authenticate("Bearer b1"), Auth::Outcome::Allowed);
    auth.revokeToken(QStringLiteral("b1"));
    auth.revokeToken(QStringLiteral("dev")); // development tokens cannot be revoked
    QCOMPARE(auth.authenticate("Bearer b1"), Auth::Outcome::InvalidToken);
    QCOMPARE(auth.authenticate("Bearer dev"), Auth::Outcome::Allowed);
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
