#include "api/localsimulator.h"
#include "api/nodeapiclient.h"

#include "domain/protocoljson.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpn;
using namespace cpn::api;

namespace {

const QString kToken = QStringLiteral("negotiation-token");

template <typename T, typename Call> std::optional<ApiResult<T>> await(Call call, int timeoutMs = 20000)
{
    auto result = std::make_shared<std::optional<ApiResult<T>>>();
    call([result](const ApiResult<T> &r) { *result = r; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return *result;
}

// What the wire carried, per reply: status and the headers of interest.
struct Seen
{
    int status = 0;
    QByteArray contentType;
    QByteArray contentEncoding;
    QByteArray etag;
};

} // namespace

// What NodeApiClient and the real cpn-nodesim negotiate (docs/node-api.md, "Compact answers and
// caching"): ETag/If-None-Match, gzip and compact metrics, checked against the JSON answers.
class TestNegotiation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unchangedDirectoryIsA304AndNotParsedAgain();
    void changedDirectoryIsSentAgain();
    void linksAndOffersAre304WhenUnchanged();
    void compactGzipMetricsEqualTheJson();
    void answerLimitCountsInflatedBytes();
    void federationBeyondTheOldLimitIsNotRefused();

private:
    QList<Seen> seenFor(const QString &path) const;
    QByteArray getJson(const QString &pathAndQuery);

    QNetworkAccessManager m_nam;
    LocalSimulator m_simulator;
    std::unique_ptr<NodeApiClient> m_client;
    QList<QPair<QString, Seen>> m_seen;
};

void TestNegotiation::initTestCase()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    LocalSimulator::Options options;
    options.devToken = kToken;
    options.scenario = QStringLiteral("synthetic:300");
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    ClientOptions clientOptions;
    clientOptions.token = kToken;
    m_client = std::make_unique<NodeApiClient>(&m_nam, m_simulator.baseUrl(), clientOptions);
    connect(&m_nam, &QNetworkAccessManager::finished, this, [this](QNetworkReply *reply) {
        Seen seen{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                  reply->rawHeader("Content-Type"), reply->rawHeader("Content-Encoding"),
                  reply->rawHeader("ETag")};
        m_seen.append({reply->url().path(), seen});
    });
}

void TestNegotiation::cleanupTestCase()
{
    m_client.reset();
    m_simulator.stop();
}

QList<Seen> TestNegotiation::seenFor(const QString &path) const
{
    QList<Seen> seen;
    for (const auto &s : m_seen) {
        if (s.first.endsWith(path))
            seen.append(s.second);
    }
    return seen;
}

QByteArray TestNegotiation::getJson(const QString &pathAndQuery)
{
    QNetworkRequest request(
        QUrl(m_simulator.baseUrl().toString() + QStringLiteral("/api/v1/") + pathAndQuery));
    request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Accept-Encoding", "identity");
    QNetworkReply *reply = m_nam.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        qWarning("no JSON answer");
    reply->deleteLater();
    return reply->readAll();
}

void TestNegotiation::unchangedDirectoryIsA304AndNotParsedAgain()
{
    const auto first = await<protocol::NodeDirectory>([&](auto done) { m_client->fetchDirectory(done); });
    QVERIFY(first && first->ok());
    const auto second = await<protocol::NodeDirectory>([&](auto done) { m_client->fetchDirectory(done); });
    QVERIFY2(second && second->ok(), second ? qPrintable(second->error().message()) : "no answer");
    const QList<Seen> seen = seenFor(QStringLiteral("/nodes"));
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].status, 200);
    QVERIFY(!seen[0].etag.isEmpty());
    QCOMPARE(seen[1].status, 304);
    QCOMPARE(seen[1].etag, seen[0].etag);
    QCOMPARE(second->value().nodes, first->value().nodes);
    QCOMPARE(second->value().generatedAtMs, first->value().generatedAtMs); // the held value, not a new parse
}

void TestNegotiation::changedDirectoryIsSentAgain()
{
    const auto before = await<protocol::NodeDirectory>([&](auto done) { m_client->fetchDirectory(done); });
    QVERIFY(before && before->ok());
    const QString down = before->value().nodes.at(7).id;
    QNetworkRequest fault(QUrl(m_simulator.baseUrl().toString() + QStringLiteral("/sim/v1/faults")));
    fault.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    fault.setRawHeader("Content-Type", "application/json");
    QNetworkReply *reply =
        m_nam.post(fault, QStringLiteral(R"({"kind":"node-down","target":"%1"})").arg(down).toUtf8());
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    reply->deleteLater();
    m_seen.clear();
    const auto after = await<protocol::NodeDirectory>([&](auto done) { m_client->fetchDirectory(done); });
    QVERIFY(after && after->ok());
    QCOMPARE(seenFor(QStringLiteral("/nodes")).value(0).status, 200);
    QCOMPARE(after->value().nodes.at(7).status, NodeStatus::Offline);
    QCOMPARE(before->value().nodes.at(7).status, NodeStatus::Online);
}

void TestNegotiation::linksAndOffersAre304WhenUnchanged()
{
    m_seen.clear();
    for (int i = 0; i < 2; ++i) {
        const auto links = await<QList<Link>>([&](auto done) { m_client->fetchLinks(done); });
        QVERIFY(links && links->ok() && !links->value().isEmpty());
    }
    QCOMPARE(seenFor(QStringLiteral("/links")).value(1).status, 304);
    // Offers are priced every 10 s: of three answers in a row at least one is a 304, and the held
    // offers it stands for are the ones of the answer before.
    QList<QList<Offer>> offers;
    for (int i = 0; i < 3; ++i) {
        const auto o = await<QList<Offer>>([&](auto done) { m_client->fetchOffers({}, done); });
        QVERIFY(o && o->ok() && !o->value().isEmpty());
        offers.append(o->value());
    }
    const QList<Seen> seen = seenFor(QStringLiteral("/offers"));
    QCOMPARE(seen.size(), 3);
    bool any304 = false;
    for (int i = 1; i < 3; ++i) {
        if (seen[i].status == 304) {
            any304 = true;
            QCOMPARE(offers[i], offers[i - 1]);
        }
    }
    QVERIFY(any304);
}

void TestNegotiation::compactGzipMetricsEqualTheJson()
{
    m_seen.clear();
    const auto first = await<MetricsBatch>([&](auto done) { m_client->fetchMetrics({}, done); });
    QVERIFY2(first && first->ok(), first ? qPrintable(first->error().message()) : "no answer");
    QString cursor = first->value().cursor;
    for (int poll = 0; poll < 3; ++poll) {
        // Wait for a new tick, then ask as the console does (compact, gzip, a delta) and as JSON.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto p =
                    protocol::parseMetrics(getJson(QStringLiteral("metrics?since=%1&limit=1").arg(cursor)));
                return p.ok() && !p.value().nodes.isEmpty();
            },
            10000));
        const auto compact = await<MetricsBatch>([&](auto done) { m_client->fetchMetrics(cursor, done); });
        QVERIFY2(compact && compact->ok(), compact ? qPrintable(compact->error().message()) : "no answer");
        QSet<qint64> ticks;
        for (const NodeSample &s : compact->value().nodes)
            ticks.insert(s.tsMs);
        const auto json = protocol::parseMetrics(
            getJson(QStringLiteral("metrics?since=%1&limit=%2").arg(cursor).arg(ticks.size())));
        QVERIFY2(json.ok(), qPrintable(json.error()));
        QCOMPARE(compact->value().cursor, json.value().cursor);
        QCOMPARE(compact->value().nodes, json.value().nodes);
        QCOMPARE(compact->value().links, json.value().links);
        cursor = compact->value().cursor;
    }
    QList<Seen> seen;
    for (const auto &s : std::as_const(m_seen)) {
        if (s.first.endsWith(QStringLiteral("/metrics")) &&
            s.second.contentType.startsWith("application/cbor"))
            seen.append(s.second);
    }
    QCOMPARE(seen.size(), 4);
    for (const Seen &s : seen)
        QCOMPARE(s.contentEncoding, QByteArray("gzip"));
}

void TestNegotiation::answerLimitCountsInflatedBytes()
{
    // The offers of 300 nodes: about 220 kB of JSON, 17 kB on the wire with gzip. A limit
    // between the two refuses them: the guard counts what Qt inflated, not what travelled.
    ClientOptions options;
    options.token = kToken;
    options.maxBodyBytes = 100 * 1024;
    NodeApiClient client(&m_nam, m_simulator.baseUrl(), options);
    m_seen.clear();
    const auto offers = await<QList<Offer>>([&](auto done) { client.fetchOffers({}, done); });
    QVERIFY(offers);
    QVERIFY(!offers->ok());
    QCOMPARE(offers->error().kind, ApiError::Kind::TooLarge);
    const QByteArray json = getJson(QStringLiteral("offers"));
    QVERIFY2(json.size() > options.maxBodyBytes, qPrintable(QString::number(json.size())));
    // Within a limit above the inflated size they arrive whole.
    options.maxBodyBytes = json.size() + 1024;
    NodeApiClient roomy(&m_nam, m_simulator.baseUrl(), options);
    const auto whole = await<QList<Offer>>([&](auto done) { roomy.fetchOffers({}, done); });
    QVERIFY2(whole && whole->ok(), whole ? qPrintable(whole->error().message()) : "no answer");
    QCOMPARE(seenFor(QStringLiteral("/offers")).last().contentEncoding, QByteArray("gzip"));
}

void TestNegotiation::federationBeyondTheOldLimitIsNotRefused()
{
    // 25,000 nodes: one JSON tick is about 20 MB, more than the 16 MiB every answer was held to.
    LocalSimulator large;
    LocalSimulator::Options options;
    options.devToken = kToken;
    options.scenario = QStringLiteral("synthetic:25000");
    large.start(options);
    QVERIFY2(large.waitForStarted(30000), qPrintable(large.errorString()));
    ClientOptions clientOptions;
    clientOptions.token = kToken;
    clientOptions.deadlineMs = 60000;
    // Serializing 125,000 links takes the server a while before its first byte, the longer on a loaded
    // machine or under the sanitizers; this test is about size, not speed.
    clientOptions.transferTimeoutMs = 60000;
    NodeApiClient client(&m_nam, large.baseUrl(), clientOptions);
    const auto directory =
        await<protocol::NodeDirectory>([&](auto done) { client.fetchDirectory(done); }, 60000);
    QVERIFY2(directory && directory->ok(),
             directory ? qPrintable(directory->error().message()) : "no answer");
    QCOMPARE(directory->value().nodes.size(), 25000);
    const auto links = await<QList<Link>>([&](auto done) { client.fetchLinks(done); }, 60000);
    QVERIFY2(links && links->ok(), links ? qPrintable(links->error().message()) : "no answer");
    QCOMPARE(links->value().size(), 125000);
    const auto metrics = await<MetricsBatch>([&](auto done) { client.fetchMetrics({}, done); }, 60000);
    QVERIFY2(metrics && metrics->ok(), metrics ? qPrintable(metrics->error().message()) : "no answer");
    QVERIFY(metrics->value().nodes.size() >= 24000);
    large.stop();
}

QTEST_GUILESS_MAIN(TestNegotiation)
#include "tst_negotiation.moc"
