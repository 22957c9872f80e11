#include "options.h"

#include <QTest>

using namespace cpn::sim;
using namespace Qt::StringLiterals;

class TestOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void fullCommandLine();
};

void TestOptions::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::newRow("defaults") << QStringList{} << true;
    QTest::newRow("port") << QStringList{u"--port"_s, u"8080"_s} << true;
    QTest::newRow("port too big") << QStringList{u"--port"_s, u"70000"_s} << false;
    QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s} << false;
    QTest::newRow("seed") << QStringList{u"--seed"_s, u"18446744073709551615"_s} << true;
    QTest::newRow("negative seed") << QStringList{u"--seed"_s, u"-1"_s} << false;
    QTest::newRow("speedup zero") << QStringList{u"--job-speedup"_s, u"0"_s} << false;
    QTest::newRow("unknown option") << QStringList{u"--verbose"_s} << false;
    QTest::newRow("stray argument") << QStringList{u"extra"_s} << false;
    QTest::newRow("token ttl") << QStringList{u"--token-ttl"_s, u"5"_s} << true;
    QTest::newRow("token ttl zero") << QStringList{u"--token-ttl"_s, u"0"_s} << false;
    QTest::newRow("token prefix") << QStringList{u"--token-prefix"_s, u"CANARY-"_s} << true;
    QTest::newRow("token prefix with a space") << QStringList{u"--token-prefix"_s, u"a b"_s} << false;
    QTest::newRow("tls cert without key") << QStringList{u"--tls-cert"_s, u"server.pem"_s} << false;
    QTest::newRow("tls cert and key") << QStringList{u"--tls-cert"_s, u"server.pem"_s, u"--tls-key"_s, u"server.key"_s} << true;
}

void TestOptions::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    QString error;
    const auto options = Options::parse(QStringList{u"cpn-nodesim"_s} + arguments, &error);
    QCOMPARE(options.has_value(), ok);
    QCOMPARE(error.isEmpty(), ok);
}

void TestOptions::fullCommandLine()
{
    QString error;
    const auto o = Options::parse({u"cpn-nodesim"_s, u"--port"_s, u"0"_s, u"--scenario"_s, u"synthetic:100"_s, u"--seed"_s, u"7"_s,
                                   u"--dev-token"_s, u"dev"_s, u"--read-token"_s, u"ro"_s, u"--fault"_s, u"node-down:guian"_s,
                                   u"--fault"_s, u"slow:*:100"_s, u"--job-speedup"_s, u"3600"_s},
                                  &error);
    QVERIFY2(o, qPrintable(error));
    QCOMPARE(o->port, 0);
    QCOMPARE(o->scenario, QStringLiteral("synthetic:100"));
    QCOMPARE(o->seed, 7u);
    QCOMPARE(o->devToken, QStringLiteral("dev"));
    QCOMPARE(o->readToken, QStringLiteral("ro"));
    QCOMPARE(o->faults, (QStringList{u"node-down:guian"_s, u"slow:*:100"_s}));
    QCOMPARE(o->jobSpeedup, 3600.0);
    QCOMPARE(o->tokenTtlSeconds, 3600);
    QVERIFY(o->usersFile.isEmpty());
}

QTEST_GUILESS_MAIN(TestOptions)
#include "tst_options.moc"
