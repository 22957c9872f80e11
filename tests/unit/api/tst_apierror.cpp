#include "api/apierror.h"

#include <QTest>

using namespace cpn::api;

class tst_ApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void message_data();
    void message();
    void result();
};

void tst_ApiError::message_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<QString>("expected");
    QTest::newRow("http with problem")
        << ApiError::http(503, QStringLiteral("Unavailable"), QStringLiteral("node guian is down"))
        << QStringLiteral("HTTP 503 Unavailable: node guian is down");
    QTest::newRow("http with retry-after")
        << ApiError::http(503, QStringLiteral("Unavailable"), QStringLiteral("maintenance"), 30)
        << QStringLiteral("HTTP 503 Unavailable: maintenance (retry after 30 s)");
    QTest::newRow("http without body") << ApiError::http(502, {}, {}) << QStringLiteral("HTTP 502");
    QTest::newRow("http title only") << ApiError::http(401, QStringLiteral("Unauthorized"), {})
                                     << QStringLiteral("HTTP 401 Unauthorized");
    QTest::newRow("protocol")
        << ApiError::protocol(QStringLiteral("nodes[3].lat: expected a number in [-90, 90]"))
        << QStringLiteral("Invalid answer: nodes[3].lat: expected a number in [-90, 90]");
    QTest::newRow("network") << ApiError::network(QStringLiteral("Connection refused"))
                             << QStringLiteral("Network error: Connection refused");
    QTest::newRow("timeout") << ApiError::timeout(QStringLiteral("no complete answer within 15000 ms"))
                             << QStringLiteral("Timed out: no complete answer within 15000 ms");
    QTest::newRow("too large") << ApiError::tooLarge(QStringLiteral("more than 16 bytes"))
                               << QStringLiteral("Answer too large: more than 16 bytes");
    QTest::newRow("refused") << ApiError::refused(QStringLiteral("plain http to example.cn is not allowed"))
                             << QStringLiteral("Request refused: plain http to example.cn is not allowed");
    QTest::newRow("no detail") << ApiError::network({}) << QStringLiteral("Network error");
}

void tst_ApiError::message()
{
    QFETCH(ApiError, error);
    QFETCH(QString, expected);
    QCOMPARE(error.message(), expected);
}

void tst_ApiError::result()
{
    const ApiResult<int> good(42);
    QVERIFY(good.ok());
    QCOMPARE(good.value(), 42);
    const ApiResult<int> bad(ApiError::timeout({}));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, ApiError::Kind::Timeout);
}

QTEST_GUILESS_MAIN(tst_ApiError)
#include "tst_apierror.moc"
