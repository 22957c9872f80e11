#include "domain/protocoljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cpn;
using namespace cpn::protocol;

namespace {

Node sampleNode()
{
    Node n;
    n.id = QStringLiteral("guian");
    n.computeId = QStringLiteral("CPN-R52-GEN-00007-0");
    n.name = QStringLiteral("Gui'an cluster");
    n.nameZh = QStringLiteral("贵安集群");
    n.tier = NodeTier::Regional;
    n.role = NodeRole::Cluster;
    n.parentId = QStringLiteral("guizhou-hub");
    n.province = QStringLiteral("CN-GZ");
    n.city = QStringLiteral("Gui'an");
    n.cityZh = QStringLiteral("贵安");
    n.sector = QStringLiteral("GEN");
    n.lat = 26.40;
    n.lon = 106.40;
    n.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/n/guian"));
    n.status = NodeStatus::Degraded;
    n.capacity = {120000, 640.0, 80.0, {{QStringLiteral("ascend-910b"), 4096}, {QStringLiteral("h800"), 512}}};
    n.prices.cpuCoreHour = 0.08;
    n.prices.memoryGiBHour = 0.004;
    n.prices.storageTBHour = 0.02;
    n.prices.acceleratorHour = {{QStringLiteral("ascend-910b"), 7.5}, {QStringLiteral("h800"), 14.0}};
    n.pue = 1.18;
    n.greenShare = 0.62;
    return n;
}

QByteArray directoryWith(const QJsonObject &node)
{
    return toBody(QJsonObject{{QStringLiteral("nodes"), QJsonArray{node}}});
}

} // namespace

class TestProtocolJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeRoundTrip();
    void historyPointsAndGaps();
    void jobRoundTrip();
    void metricsRoundTrip();
    void rejectsZeroDurationJob();
    void badNode_data();
    void badNode();
    void answersBeyondTheOldWallParse();
    void answerLimitGrowsWithTheFederation();
    void rejectsTooManyElements();
    void problemIsLenient();
    void controlCharactersAreNeutralised();
};

void TestProtocolJson::nodeRoundTrip()
{
    const Node n = sampleNode();
    const auto parsed = parseNodeDirectory(directoryWith(toJson(n)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value().nodes.size(), 1);
    QVERIFY(parsed.value().nodes.first() == n);
}

void TestProtocolJson::jobRoundTrip()
{
    Job j;
    j.id = QStringLiteral("job-17");
    j.name = QStringLiteral("llm fine-tune");
    j.kind = JobKind::FineTuning;
    j.nodeId = QStringLiteral("guian");
    j.state = JobState::Running;
    j.progress = 0.25;
    j.requirements = {QStringLiteral("ascend-910b"), 64, 512, 2048, 10, 12};
    j.estimatedCostCny = 5760;
    j.submittedAtMs = 1764064800000;
    j.startedAtMs = 1764064801000;
    const auto parsed = parseJob(toBody(toJson(j)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QVERIFY(parsed.value() == j);

    JobRequest q{QStringLiteral("render"), JobKind::Batch, QStringLiteral("guian"), {{}, 0, 32, 64, 1, 2}};
    const auto request = parseJobRequest(toBody(toJson(q)));
    QVERIFY2(request.ok(), qPrintable(request.error()));
    QVERIFY(request.value() == q);
}

void TestProtocolJson::rejectsZeroDurationJob()
{
    JobRequest q{QStringLiteral("render"), JobKind::Batch, QStringLiteral("guian"), {{}, 0, 32, 64, 1, 0}};
    const auto parsed = parseJobRequest(toBody(toJson(q)));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(QStringLiteral("requirements.durationHours: must be more than 0")),
             qPrintable(parsed.error()));
}

void TestProtocolJson::metricsRoundTrip()
{
    MetricsBatch b;
    b.cursor = QStringLiteral("1234");
    b.serverTimeMs = 1764064800000;
    b.intervalMs = 1000;
    NodeSample s;
    s.nodeId = QStringLiteral("guian");
    s.tsMs = 1764064800000;
    s.cpuUtil = 0.5;
    s.memoryUtil = 0.25;
    s.storageUtil = 0.75;
    s.acceleratorUtil = {{QStringLiteral("ascend-910b"), 0.875}};
    s.powerKw = 12000;
    s.queuedJobs = 3;
    b.nodes << s;
    LinkSample l{QStringLiteral("l-1"), 1764064800000, LinkStatus::Congested, 380, 120, 21.5, 0.2};
    b.links << l;
    const auto parsed = parseMetrics(toBody(toJson(b)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value().cursor, b.cursor);
    QVERIFY(parsed.value().nodes.first() == s);
    QVERIFY(parsed.value().links.first() == l);
}

void TestProtocolJson::badNode_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");
    const QJsonObject good = toJson(sampleNode());
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        o.insert(key, value);
        return directoryWith(o);
    };
    auto without = [&](const QString &key) {
        QJsonObject o = good;
        o.remove(key);
        return directoryWith(o);
    };
    QTest::newRow("not json") << QByteArray("{\"nodes\": [") << "malformed JSON";
    QTest::newRow("array at top") << QByteArray("[]") << "top level";
    QTest::newRow("NaN literal") << QByteArray(R"({"nodes":[{"lat": NaN}]})") << "malformed JSON";
    QTest::newRow("lat as string") << with(QStringLiteral("lat"), QStringLiteral("26.4"))
                                   << "nodes[0].lat: expected a number";
    QTest::newRow("lat out of range") << with(QStringLiteral("lat"), 91.0) << "nodes[0].lat: expected a number in";
    QTest::newRow("huge number") << directoryWith(good).replace("\"lat\":26.4", "\"lat\":1e999")
                                 << "malformed JSON";
    QTest::newRow("missing id") << without(QStringLiteral("id")) << "nodes[0].id: missing";
    QTest::newRow("bad id") << with(QStringLiteral("id"), QStringLiteral("../etc")) << "not an identifier";
    QTest::newRow("unknown tier") << with(QStringLiteral("tier"), QStringLiteral("galactic"))
                                  << "nodes[0].tier: expected one of national, regional, industry";
    QTest::newRow("ftp url") << with(QStringLiteral("baseUrl"), QStringLiteral("ftp://x/")) << "absolute http";
    QTest::newRow("long name") << with(QStringLiteral("name"), QString(5000, u'x')) << "longer than 128";
    QJsonObject badCapacity = good;
    QJsonObject capacity = good.value(QStringLiteral("capacity")).toObject();
    capacity.insert(QStringLiteral("accelerators"), QJsonArray{QJsonObject{{QStringLiteral("model"), 5}}});
    badCapacity.insert(QStringLiteral("capacity"), capacity);
    QTest::newRow("nested wrong type") << directoryWith(badCapacity)
                                       << "nodes[0].capacity.accelerators[0].model: expected a string";
    QTest::newRow("bad compute id") << with(QStringLiteral("computeId"), QStringLiteral("CPN-R52-GEN-00007-1"))
                                    << "nodes[0].computeId: check character";
    QTest::newRow("nodes not array") << QByteArray(R"({"nodes": {}})") << "nodes: expected an array";
}

void TestProtocolJson::badNode()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    const auto parsed = parseNodeDirectory(body);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(expectedError), qPrintable(parsed.error()));
}

void TestProtocolJson::answersBeyondTheOldWallParse()
{
    // One tick of a 25,000-node federation is larger than the 16 MiB all answers were once held to.
    MetricsBatch batch;
    batch.cursor = QStringLiteral("1");
    batch.serverTimeMs = 1'700'000'000'000;
    NodeSample s;
    s.tsMs = batch.serverTimeMs;
    s.acceleratorUtil = {{QStringLiteral("ascend-910b"), 0.5}, {QStringLiteral("h800"), 0.25}};
    for (int i = 0; i < 25000; ++i) {
        s.nodeId = QStringLiteral("node-%1").arg(i);
        s.cpuUtil = i % 10000 / 10000.0;
        batch.nodes.append(s);
    }
    LinkSample l;
    l.tsMs = batch.serverTimeMs;
    for (int i = 0; i < 125000; ++i) { // five a node, as the synthetic federation has
        l.linkId = QStringLiteral("link-%1").arg(i);
        batch.links.append(l);
    }
    const QByteArray body = toBody(toJson(batch));
    QVERIFY2(body.size() > kMaxBodyBytes, qPrintable(QString::number(body.size())));
    QVERIFY(body.size() <= metricsLimitBytes(25000));
    const auto parsed = parseMetrics(body);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value().nodes.size(), 25000);
}

void TestProtocolJson::answerLimitGrowsWithTheFederation()
{
    QCOMPARE(metricsLimitBytes(0), kMaxBodyBytes); // the floor, before the directory is known
    QCOMPARE(metricsLimitBytes(100), kMaxBodyBytes);
    QVERIFY(metricsLimitBytes(25000) > 3 * kMaxBodyBytes);
    QVERIFY(metricsLimitBytes(50000) > metricsLimitBytes(25000));
    QCOMPARE(metricsLimitBytes(10'000'000), kMaxBodyBytesCeiling);
    // A directory as large as the parser accepts fits its limit.
    QVERIFY(directoryLimitBytes() >= kMaxNodes * qsizetype(1024));
}

void TestProtocolJson::rejectsTooManyElements()
{
    QJsonArray offers;
    for (int i = 0; i <= kMaxOffers; ++i)
        offers.append(QJsonObject{});
    const auto parsed = parseOffers(toBody(QJsonObject{{QStringLiteral("offers"), offers}}));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(QStringLiteral("more than")), qPrintable(parsed.error()));
}

void TestProtocolJson::problemIsLenient()
{
    const auto parsed = parseProblem(R"({"title":"Not found","status":404,"detail":"no node x"})");
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value().status, 404);
    QCOMPARE(parsed.value().type, QStringLiteral("about:blank"));
}

// Text from a node reaches terminals (logs), tables and recordings: an ESC sequence or a NUL never does.
void TestProtocolJson::controlCharactersAreNeutralised()
{
    const auto problem = parseProblem(R"({"title":"\u001b[2JOwned","status":500,"detail":"a\u0000b\u009bc\nd\te"})");
    QVERIFY2(problem.ok(), qPrintable(problem.error()));
    QCOMPARE(problem.value().title, QStringLiteral("\uFFFD[2JOwned"));
    QCOMPARE(problem.value().detail, QStringLiteral("a\uFFFDb\uFFFDc\nd\te")); // newline and tab stay
    QJsonObject node = toJson(sampleNode());
    node[QStringLiteral("name")] = QStringLiteral("Guiyang\u0000\u001b]0;title\u0007");
    const auto parsed = parseNodeDirectory(directoryWith(node));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    const QString name = parsed.value().nodes.first().name;
    QCOMPARE(name, QStringLiteral("Guiyang\uFFFD\uFFFD]0;title\uFFFD"));
}

// GET /history: values and gaps in time order; anything else is refused whole.
void TestProtocolJson::historyPointsAndGaps()
{
    const auto good = protocol::parseHistory(R"({"series":"node:a:cpu","from":1000,"to":3000,"step":1000,
        "points":[[1000,0.5],[2000,null],[3000,0.25]]})");
    QVERIFY2(good.ok(), qPrintable(good.error()));
    QCOMPARE(good.value().points.size(), 3);
    QCOMPARE(*good.value().points.at(0).second, 0.5);
    QVERIFY(!good.value().points.at(1).second.has_value());
    for (const char *bad : {R"({"points":[[2000,0.5],[1000,0.5]]})", R"({"points":[[1000,"0.5"]]})",
                            R"({"points":[[1000]]})", R"({"points":[[-1,0.5]]})", R"({"points":{}})"})
        QVERIFY2(!protocol::parseHistory(bad).ok(), bad);
    QByteArray many = "{\"points\":[";
    for (int i = 0; i <= protocol::kMaxHistoryPoints; ++i)
        many += (i ? ",[" : "[") + QByteArray::number(i) + ",0]";
    QVERIFY(!protocol::parseHistory(many + "]}").ok());
}

QTEST_GUILESS_MAIN(TestProtocolJson)
#include "tst_protocoljson.moc"
