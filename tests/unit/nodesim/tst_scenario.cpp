#include "scenariobuilder.h"

#include <QTest>

using namespace cpn;
using namespace cpn::sim;
using namespace Qt::StringLiterals;

class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void directory_data();
    void directory();
    void baseUrls();

private:
    const Scenario m_scenario = ScenarioBuilder::defaultNetwork();
};

void TestScenario::directory_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QStringList>("mustList");
    QTest::addColumn<QStringList>("mustNotList");
    QTest::addColumn<int>("links"); // -1: every link
    QTest::newRow("national lists everything") << "national" << QStringList{u"national"_s, u"guian"_s, u"sh-finance"_s}
                                               << QStringList{} << -1;
    QTest::newRow("hub lists its subtree") << "guizhou-hub" << QStringList{u"guizhou-hub"_s, u"guian"_s, u"gy-gov"_s}
                                           << QStringList{u"national"_s, u"zhongwei"_s, u"sh-finance"_s} << 2;
    QTest::newRow("cluster lists itself") << "guian" << QStringList{u"guian"_s} << QStringList{u"guizhou-hub"_s, u"gy-gov"_s} << 0;
    QTest::newRow("industry lists itself") << "sh-finance" << QStringList{u"sh-finance"_s} << QStringList{u"yrd-hub"_s} << 0;
}

void TestScenario::directory()
{
    QFETCH(QString, scope);
    QFETCH(QStringList, mustList);
    QFETCH(QStringList, mustNotList);
    QFETCH(int, links);
    QStringList listed;
    for (int i : m_scenario.directory(scope))
        listed << m_scenario.nodes()[i].id;
    for (const auto &id : mustList) {
        QVERIFY2(listed.contains(id), qPrintable(id));
        QVERIFY(m_scenario.inDirectory(scope, id));
    }
    for (const auto &id : mustNotList) {
        QVERIFY2(!listed.contains(id), qPrintable(id));
        QVERIFY(!m_scenario.inDirectory(scope, id));
    }
    const QList<int> among = m_scenario.linksAmong(scope);
    QCOMPARE(among.size(), links < 0 ? m_scenario.links().size() : links);
    for (int i : among) {
        QVERIFY(listed.contains(m_scenario.links()[i].a));
        QVERIFY(listed.contains(m_scenario.links()[i].b));
    }
    QVERIFY(m_scenario.directory(QStringLiteral("nope")).isEmpty());
}

void TestScenario::baseUrls()
{
    Scenario s = m_scenario;
    s.setRootUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(s.national().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(s.node(QStringLiteral("guian"))->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080/n/guian")));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
