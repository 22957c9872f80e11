#include "domain/computeid.h"

#include <QTest>

using namespace cpn;

class TestComputeId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
    void detectsSingleCharacterErrors();
};

void TestComputeId::roundTrip_data()
{
    QTest::addColumn<int>("tier");
    QTest::addColumn<int>("province");
    QTest::addColumn<QString>("sector");
    QTest::addColumn<int>("serial");
    QTest::newRow("national in Beijing") << int(NodeTier::National) << 11 << "GEN" << 1;
    QTest::newRow("regional Guizhou") << int(NodeTier::Regional) << 52 << "GEN" << 7;
    QTest::newRow("industry finance Shanghai") << int(NodeTier::Industry) << 31 << "FIN" << 99999;
    QTest::newRow("industry Macao") << int(NodeTier::Industry) << 82 << "RES" << 42;
}

void TestComputeId::roundTrip()
{
    QFETCH(int, tier);
    QFETCH(int, province);
    QFETCH(QString, sector);
    QFETCH(int, serial);
    computeid::Parts parts{NodeTier(tier), province, sector, serial};
    const QString id = computeid::make(parts);
    QVERIFY2(id.startsWith(QStringLiteral("CPN-")), qPrintable(id));
    QString error;
    const auto parsed = computeid::parse(id, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(int(parsed->tier), tier);
    QCOMPARE(parsed->provinceCode, province);
    QCOMPARE(parsed->sector, sector);
    QCOMPARE(parsed->serial, serial);
}

void TestComputeId::rejects_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("reason");
    const QString good = computeid::make({NodeTier::Regional, 52, QStringLiteral("GEN"), 7});
    QString badCheck = good;
    badCheck[badCheck.size() - 1] = good.back() == u'0' ? u'1' : u'0';
    QTest::newRow("empty") << QString() << "not of the form";
    QTest::newRow("lowercase") << good.toLower() << "not of the form";
    QTest::newRow("bad check") << badCheck << "check character";
    QTest::newRow("unknown province") << computeid::make({NodeTier::Regional, 99, QStringLiteral("GEN"), 7})
                                      << "unknown province";
    QTest::newRow("unknown sector") << QStringLiteral("CPN-R52-XYZ-00007-0") << "unknown sector";
    QTest::newRow("serial zero") << computeid::make({NodeTier::Regional, 52, QStringLiteral("GEN"), 0})
                                 << "reserved";
}

void TestComputeId::rejects()
{
    QFETCH(QString, id);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!computeid::isValid(id, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestComputeId::detectsSingleCharacterErrors()
{
    // MOD 37,36 catches every single substitution in the payload.
    const QString id = computeid::make({NodeTier::Industry, 44, QStringLiteral("MFG"), 12345});
    const QString alphabet = QStringLiteral("0123456789");
    for (int pos : {5, 6, 12, 13, 14, 15, 16}) {
        for (QChar c : alphabet) {
            if (c == id.at(pos))
                continue;
            QString mutated = id;
            mutated[pos] = c;
            if (computeid::isValid(mutated))
                QFAIL(qPrintable(QStringLiteral("undetected: %1").arg(mutated)));
        }
    }
}

QTEST_GUILESS_MAIN(TestComputeId)
#include "tst_computeid.moc"
