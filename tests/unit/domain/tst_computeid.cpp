#include "domain/computeid.h"

#include <QTest>

#include <tuple>

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
    void diagnosesEachProblem_data();
    void diagnosesEachProblem();
    void diagnosisOfAValidIdentifierIsNone();
    void expectedCheckIsWhatMakeProduces();
    void oneTypoApart_data();
    void oneTypoApart();
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

void TestComputeId::diagnosesEachProblem_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("part");
    using P = computeid::Diagnosis::Problem;
    const QString good = computeid::make({NodeTier::Regional, 52, QStringLiteral("GEN"), 7});
    QString badCheck = good;
    const QChar wrong = good.back() == u'7' ? u'8' : u'7';
    badCheck[badCheck.size() - 1] = wrong;
    QTest::newRow("empty") << QString() << int(P::Form) << QString();
    QTest::newRow("lowercase") << good.toLower() << int(P::Form) << good.toLower();
    QTest::newRow("unknown tier letter") << QStringLiteral("CPN-X52-GEN-00007-0") << int(P::Form)
                                         << QStringLiteral("CPN-X52-GEN-00007-0");
    QTest::newRow("four-digit serial") << QStringLiteral("CPN-R52-GEN-0007-0") << int(P::Form)
                                       << QStringLiteral("CPN-R52-GEN-0007-0");
    QTest::newRow("trailing space") << good + u' ' << int(P::Form) << good + u' ';
    // The province is checked before the sector, the sector before the serial, the serial before the check.
    QTest::newRow("province 99") << computeid::make({NodeTier::Regional, 99, QStringLiteral("GEN"), 7})
                                 << int(P::Province) << QStringLiteral("99");
    QTest::newRow("province 00") << QStringLiteral("CPN-I00-XYZ-00000-0") << int(P::Province)
                                 << QStringLiteral("00");
    QTest::newRow("province 20 (no such GB/T 2260 prefix)")
        << computeid::make({NodeTier::Industry, 20, QStringLiteral("FIN"), 1}) << int(P::Province)
        << QStringLiteral("20");
    QTest::newRow("sector XYZ") << QStringLiteral("CPN-R52-XYZ-00000-0") << int(P::Sector) << QStringLiteral("XYZ");
    QTest::newRow("serial 00000") << computeid::make({NodeTier::Regional, 52, QStringLiteral("GEN"), 0})
                                  << int(P::Serial) << QStringLiteral("00000");
    QTest::newRow("check character") << badCheck << int(P::CheckCharacter) << QString(wrong);
}

void TestComputeId::diagnosesEachProblem()
{
    QFETCH(QString, id);
    QFETCH(int, problem);
    QFETCH(QString, part);
    const computeid::Diagnosis d = computeid::diagnose(id);
    QCOMPARE(int(d.problem), problem);
    QCOMPARE(d.part, part);
    if (d.problem != computeid::Diagnosis::Problem::CheckCharacter)
        QVERIFY(d.expectedCheck.isNull());
    // parse() agrees: never valid.
    QVERIFY(!computeid::isValid(id));
}

void TestComputeId::diagnosisOfAValidIdentifierIsNone()
{
    for (const auto &[tier, province, sector, serial] :
         {std::tuple{NodeTier::National, 11, "GEN", 1}, std::tuple{NodeTier::Regional, 52, "GEN", 7},
          std::tuple{NodeTier::Industry, 82, "TEL", 99999}, std::tuple{NodeTier::Industry, 37, "RES", 1}}) {
        const QString id = computeid::make({tier, province, QLatin1String(sector), serial});
        const computeid::Diagnosis d = computeid::diagnose(id);
        QVERIFY2(d.problem == computeid::Diagnosis::Problem::None, qPrintable(id));
        QVERIFY(d.part.isEmpty());
        QVERIFY(d.expectedCheck.isNull());
    }
    // The documented examples (docs/node-api.md).
    QCOMPARE(int(computeid::diagnose(QStringLiteral("CPN-I52-FIN-00001-5")).problem),
             int(computeid::Diagnosis::Problem::None));
    QCOMPARE(int(computeid::diagnose(QStringLiteral("CPN-I52-FIN-00002-3")).problem),
             int(computeid::Diagnosis::Problem::None));
}

void TestComputeId::expectedCheckIsWhatMakeProduces()
{
    // Every wrong check character of a made identifier is diagnosed with the one make() put there.
    const QString alphabet = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    for (const computeid::Parts &parts :
         {computeid::Parts{NodeTier::Industry, 44, QStringLiteral("MFG"), 12345},
          computeid::Parts{NodeTier::Regional, 52, QStringLiteral("GEN"), 7},
          computeid::Parts{NodeTier::National, 11, QStringLiteral("GOV"), 1}}) {
        const QString id = computeid::make(parts);
        const QChar made = id.back();
        for (QChar c : alphabet) {
            if (c == made)
                continue;
            QString typo = id;
            typo[typo.size() - 1] = c;
            const computeid::Diagnosis d = computeid::diagnose(typo);
            QCOMPARE(int(d.problem), int(computeid::Diagnosis::Problem::CheckCharacter));
            QCOMPARE(d.part, QString(c));
            QCOMPARE(d.expectedCheck, made);
        }
        // A slip in the serial: the check character typed is the right one for another identifier, and
        // the expected one is what make() gives for the serial as typed.
        QString slipped = id;
        slipped[16] = slipped[16] == u'9' ? u'8' : QChar(slipped[16].unicode() + 1);
        const computeid::Diagnosis d = computeid::diagnose(slipped);
        QCOMPARE(int(d.problem), int(computeid::Diagnosis::Problem::CheckCharacter));
        QCOMPARE(d.part, QString(made));
        computeid::Parts typed = parts;
        typed.serial = slipped.mid(12, 5).toInt();
        QCOMPARE(d.expectedCheck, computeid::make(typed).back());
    }
}

void TestComputeId::oneTypoApart_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("apart");
    const QString id = QStringLiteral("CPN-I52-FIN-00001-5");
    QTest::newRow("substitution in the serial") << id << QStringLiteral("CPN-I52-FIN-00007-5") << true;
    QTest::newRow("substitution of the check") << id << QStringLiteral("CPN-I52-FIN-00001-4") << true;
    QTest::newRow("substitution of the first") << id << QStringLiteral("XPN-I52-FIN-00001-5") << true;
    QTest::newRow("adjacent swap") << id << QStringLiteral("CPN-I25-FIN-00001-5") << true;
    QTest::newRow("adjacent swap at the end") << id << QStringLiteral("CPN-I52-FIN-0000-15") << true;
    QTest::newRow("adjacent swap is symmetric") << QStringLiteral("CPN-I25-FIN-00001-5") << id << true;
    QTest::newRow("non-adjacent swap") << id << QStringLiteral("CPN-I52-FIN-10000-5") << false;
    QTest::newRow("swap of characters two apart") << id << QStringLiteral("CPN-25I-FIN-00001-5") << false;
    QTest::newRow("two substitutions side by side") << id << QStringLiteral("CPN-I63-FIN-00001-5") << false;
    QTest::newRow("two substitutions far apart") << id << QStringLiteral("CPN-I53-FIN-00001-6") << false;
    QTest::newRow("equal") << id << id << false;
    QTest::newRow("both empty") << QString() << QString() << false;
    QTest::newRow("one character longer") << id << id + u'5' << false;
    QTest::newRow("one character shorter") << id << id.left(id.size() - 1) << false;
    QTest::newRow("a character dropped, another doubled") << id << QStringLiteral("CPN-I52-FIN-0001-55") << false;
    QTest::newRow("empty against one character") << QString() << QStringLiteral("C") << false;
}

void TestComputeId::oneTypoApart()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, apart);
    QCOMPARE(computeid::oneTypoApart(a, b), apart);
    QCOMPARE(computeid::oneTypoApart(b, a), apart);
}

QTEST_GUILESS_MAIN(TestComputeId)
#include "tst_computeid.moc"
