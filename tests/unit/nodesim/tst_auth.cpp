#include "auth.h"

#include <QTest>

using namespace cpn::sim;

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openWithoutTokens();
    void check_data();
    void check();
};

void TestAuth::openWithoutTokens()
{
    const Auth auth;
    QVERIFY(auth.isOpen());
    QCOMPARE(auth.check({}, QStringLiteral("jobs:write")), Auth::Outcome::Allowed);
}

void TestAuth::check_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("outcome");
    const int allowed = int(Auth::Outcome::Allowed);
    const int unauthorized = int(Auth::Outcome::Unauthorized);
    const int forbidden = int(Auth::Outcome::Forbidden);
    QTest::newRow("dev token writes") << QByteArray("Bearer dev-secret") << "jobs:write" << allowed;
    QTest::newRow("dev token controls the simulator") << QByteArray("Bearer dev-secret") << "sim:control" << allowed;
    QTest::newRow("read token reads") << QByteArray("Bearer reader") << "metrics:read" << allowed;
    QTest::newRow("read token cannot write") << QByteArray("Bearer reader") << "jobs:write" << forbidden;
    QTest::newRow("read token cannot control") << QByteArray("Bearer reader") << "sim:control" << forbidden;
    QTest::newRow("no header") << QByteArray() << "node:read" << unauthorized;
    QTest::newRow("unknown token") << QByteArray("Bearer guess") << "node:read" << unauthorized;
    QTest::newRow("prefix of a token") << QByteArray("Bearer dev-secre") << "node:read" << unauthorized;
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
    QVERIFY(!auth.isOpen());
    QCOMPARE(int(auth.check(header, scope)), outcome);
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
