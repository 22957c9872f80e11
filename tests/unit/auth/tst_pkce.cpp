#include "auth/pkce.h"

#include <QSet>
#include <QTest>

using namespace cpn::auth;

class TestPkce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc7636AppendixB()
    {
        // RFC 7636, Appendix B: the verifier and the S256 challenge computed from it.
        const QByteArray octets = QByteArray::fromHex("7418dfb49799e0254ffa607dd8adbbba16d4254d69d6bff05b5805585384"
                                                      "8d79");
        const QByteArray verifier = octets.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(verifier, QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        QCOMPARE(Pkce::challengeFor(verifier), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QCOMPARE(Pkce{verifier}.challenge(), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QCOMPARE(QByteArray(Pkce::method()), QByteArray("S256"));
    }

    void verifierIs32RandomBytesBase64Url()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i) {
            const Pkce pkce = Pkce::generate();
            QCOMPARE(pkce.verifier.size(), 43); // 32 bytes, base64url, no padding
            for (char c : pkce.verifier)
                QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_', pkce.verifier.constData());
            QCOMPARE(QByteArray::fromBase64(pkce.verifier, QByteArray::Base64UrlEncoding).size(), 32);
            seen.insert(pkce.verifier);
        }
        QCOMPARE(seen.size(), 100);
    }

    void stateIsFreshEachTime()
    {
        const QByteArray a = randomUrlSafe(32);
        const QByteArray b = randomUrlSafe(32);
        QCOMPARE(a.size(), 43);
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
