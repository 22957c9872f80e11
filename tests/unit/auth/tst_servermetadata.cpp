#include "auth/servermetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cpn::auth;

namespace {
QByteArray good()
{
    return "{\"issuer\": \"http://127.0.0.1:8080\","
           " \"authorization_endpoint\": \"http://127.0.0.1:8080/oauth/authorize\","
           " \"token_endpoint\": \"http://127.0.0.1:8080/oauth/token\","
           " \"revocation_endpoint\": \"http://127.0.0.1:8080/oauth/revoke\","
           " \"code_challenge_methods_supported\": [\"S256\"],"
           " \"scopes_supported\": [\"node:read\", \"jobs:write\"],"
           " \"response_types_supported\": [\"code\"]}";
}
} // namespace

class TestServerMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAGoodDocument()
    {
        const auto parsed = ServerMetadata::parse(good());
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        const ServerMetadata &m = parsed.value();
        QCOMPARE(m.issuer, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        QCOMPARE(m.authorizationEndpoint.path(), QStringLiteral("/oauth/authorize"));
        QCOMPARE(m.tokenEndpoint.path(), QStringLiteral("/oauth/token"));
        QCOMPARE(m.revocationEndpoint.path(), QStringLiteral("/oauth/revoke"));
        QCOMPARE(m.scopesSupported, QStringList({QStringLiteral("node:read"), QStringLiteral("jobs:write")}));
    }

    void discoveryUrl()
    {
        QCOMPARE(ServerMetadata::discoveryUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/"))),
                 QUrl(QStringLiteral("http://127.0.0.1:8080/.well-known/oauth-authorization-server")));
        QCOMPARE(ServerMetadata::discoveryUrl(QUrl(QStringLiteral("https://node.example.cn"))),
                 QUrl(QStringLiteral("https://node.example.cn/.well-known/oauth-authorization-server")));
    }

    void rejectsBadDocuments_data()
    {
        QTest::addColumn<QByteArray>("body");
        QByteArray g = good();
        auto without = [&](const char *key) {
            QJsonObject o = QJsonDocument::fromJson(g).object();
            o.remove(QLatin1String(key));
            return QJsonDocument(o).toJson();
        };
        auto with = [&](const char *key, const QJsonValue &value) {
            QJsonObject o = QJsonDocument::fromJson(g).object();
            o.insert(QLatin1String(key), value);
            return QJsonDocument(o).toJson();
        };
        QTest::newRow("not json") << QByteArray("<html>hello</html>");
        QTest::newRow("truncated") << g.left(g.size() / 2);
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no issuer") << without("issuer");
        QTest::newRow("no token endpoint") << without("token_endpoint");
        QTest::newRow("no authorization endpoint") << without("authorization_endpoint");
        QTest::newRow("no PKCE methods") << without("code_challenge_methods_supported");
        QTest::newRow("plain PKCE only") << with("code_challenge_methods_supported", QJsonArray{QStringLiteral("plain")});
        QTest::newRow("token endpoint a number") << with("token_endpoint", 42);
        QTest::newRow("token endpoint relative") << with("token_endpoint", QStringLiteral("/oauth/token"));
        QTest::newRow("plain http to another host")
            << with("token_endpoint", QStringLiteral("http://evil.example.com/oauth/token"));
        QTest::newRow("javascript scheme") << with("authorization_endpoint", QStringLiteral("javascript:alert(1)"));
        QTest::newRow("scopes not strings") << with("scopes_supported", QJsonArray{1, 2});
        QTest::newRow("huge") << QByteArray(200 * 1024, ' ') + g;
    }

    void rejectsBadDocuments()
    {
        QFETCH(QByteArray, body);
        const auto parsed = ServerMetadata::parse(body);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().isEmpty());
    }

    void httpsElsewhereIsFine()
    {
        QByteArray body = good();
        body.replace("http://127.0.0.1:8080", "https://auth.example.cn");
        QVERIFY(ServerMetadata::parse(body).ok());
    }
};

QTEST_GUILESS_MAIN(TestServerMetadata)
#include "tst_servermetadata.moc"
