#include "faultinjector.h"
#include "scenariobuilder.h"

#include "domain/protocoljson.h"

#include <QJsonDocument>
#include <QTest>

using namespace cpn;
using namespace cpn::sim;

class TestFaultInjector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseSpec_data();
    void parseSpec();
    void parseJson_data();
    void parseJson();
    void addChecksTargets_data();
    void addChecksTargets();
    void wildcardAndReplace();
    void malform_data();
    void malform();

private:
    const Scenario m_scenario = ScenarioBuilder::defaultNetwork();
};

void TestFaultInjector::parseSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("mode");
    QTest::newRow("node-down") << "node-down:guian" << true << 0 << "";
    QTest::newRow("slow default") << "slow:*" << true << 3000 << "";
    QTest::newRow("slow 500") << "slow:guian:500" << true << 500 << "";
    QTest::newRow("malformed nan") << "malformed:*:nan" << true << 0 << "nan";
    QTest::newRow("unknown kind") << "meteor:guian" << false << 0 << "";
    QTest::newRow("no target") << "node-down" << false << 0 << "";
    QTest::newRow("bad mode") << "malformed:*:sideways" << false << 0 << "";
    QTest::newRow("bad delay") << "slow:*:soon" << false << 0 << "";
    QTest::newRow("param on node-down") << "node-down:guian:5" << false << 0 << "";
}

void TestFaultInjector::parseSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(int, delayMs);
    QFETCH(QString, mode);
    QString error;
    const auto fault = FaultInjector::parseSpec(spec, &error);
    QCOMPARE(fault.has_value(), ok);
    if (!fault) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(fault->delayMs, delayMs);
    QCOMPARE(fault->mode, mode);
}

void TestFaultInjector::parseJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::newRow("node-down") << QByteArray(R"({"kind":"node-down","target":"guian"})") << true;
    QTest::newRow("slow") << QByteArray(R"({"kind":"slow","target":"*","delayMs":100})") << true;
    QTest::newRow("malformed") << QByteArray(R"({"kind":"malformed","target":"*","mode":"huge"})") << true;
    QTest::newRow("malformed without mode") << QByteArray(R"({"kind":"malformed","target":"*"})") << false;
    QTest::newRow("delay too long") << QByteArray(R"({"kind":"slow","target":"*","delayMs":99999999})") << false;
    QTest::newRow("kind not a string") << QByteArray(R"({"kind":5,"target":"guian"})") << false;
    QTest::newRow("not json") << QByteArray("node-down") << false;
    QTest::newRow("array") << QByteArray("[]") << false;
}

void TestFaultInjector::parseJson()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QString error;
    const auto fault = FaultInjector::parseJson(body, &error);
    QCOMPARE(fault.has_value(), ok);
    QCOMPARE(error.isEmpty(), ok);
}

void TestFaultInjector::addChecksTargets_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::newRow("known node") << "node-down:guian" << true;
    QTest::newRow("unknown node") << "node-down:atlantis" << false;
    QTest::newRow("no wildcard for node-down") << "node-down:*" << false;
    QTest::newRow("known link") << "link-congested:l-guizhou-hub-guian" << true;
    QTest::newRow("node is not a link") << "link-congested:guian" << false;
    QTest::newRow("slow everywhere") << "slow:*" << true;
}

void TestFaultInjector::addChecksTargets()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    FaultInjector faults(m_scenario);
    QString error;
    QCOMPARE(faults.add(*FaultInjector::parseSpec(spec, &error), &error), ok);
    QCOMPARE(faults.faults().size(), ok ? 1 : 0);
}

void TestFaultInjector::wildcardAndReplace()
{
    FaultInjector faults(m_scenario);
    QString error;
    QVERIFY(faults.add({Fault::Kind::Slow, QStringLiteral("*"), 100, {}}, &error));
    QVERIFY(faults.add({Fault::Kind::Slow, QStringLiteral("guian"), 500, {}}, &error));
    QVERIFY(faults.add({Fault::Kind::Slow, QStringLiteral("guian"), 700, {}}, &error)); // replaces
    QCOMPARE(faults.faults().size(), 2);
    QCOMPARE(faults.delayMsFor(QStringLiteral("guian")), 700); // the specific fault wins
    QCOMPARE(faults.delayMsFor(QStringLiteral("zhongwei")), 100);
    QVERIFY(faults.remove(Fault::Kind::Slow, QStringLiteral("*")));
    QCOMPARE(faults.delayMsFor(QStringLiteral("zhongwei")), 0);
    QVERIFY(!faults.remove(Fault::Kind::Slow, QStringLiteral("*")));
    QVERIFY(faults.add({Fault::Kind::NodeDown, QStringLiteral("guian"), 0, {}}, &error));
    QVERIFY(faults.isNodeDown(QStringLiteral("guian")));
    QCOMPARE(faults.downNodes(), QSet<QString>{QStringLiteral("guian")});
    faults.clear();
    QVERIFY(!faults.isNodeDown(QStringLiteral("guian")));
}

void TestFaultInjector::malform_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("truncated") << "truncated";
    QTest::newRow("nan") << "nan";
    QTest::newRow("wrong-type") << "wrong-type";
    QTest::newRow("huge") << "huge";
}

void TestFaultInjector::malform()
{
    QFETCH(QString, mode);
    Node node = *m_scenario.node(QStringLiteral("guian"));
    node.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/n/guian"));
    const QByteArray good = protocol::toBody(protocol::toJson(node));
    QVERIFY(protocol::parseNode(good).ok());
    const QByteArray bad = FaultInjector::malform(good, mode);
    QVERIFY(bad != good);
    // Whatever the mode, a strict client refuses the body.
    QVERIFY2(!protocol::parseNode(bad).ok(), qPrintable(QString::fromUtf8(bad.left(200))));
    if (mode == u"huge")
        QVERIFY(bad.size() > protocol::kMaxBodyBytes);
    if (mode == u"wrong-type")
        QVERIFY(!QJsonDocument::fromJson(bad).isNull()); // still JSON, just the wrong shape
}

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
