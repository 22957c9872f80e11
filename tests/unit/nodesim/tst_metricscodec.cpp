#include "scenariobuilder.h"
#include "simulator.h"

#include "domain/metricscodec.h"
#include "domain/protocoljson.h"

#include <QCborMap>
#include <QCborValue>
#include <QTest>

using namespace cpn;
using namespace cpn::server;
using namespace cpn::sim;

// The compact metrics encoding (docs/node-api.md) against the JSON one: the same simulator ticks
// decode to exactly the same samples, through deltas, faults and resets; hostile bodies are
// refused with a message, never a crash.
class TestMetricsCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void deltaSequenceDecodesToTheJsonSamples();
    void severalTicksInOneAnswer();
    void deltasCostLessThanKeyframes();
    void deltaAgainstAnotherCursorIsRefused();
    void truncatedBodiesAreRefused();
    void hostileBodiesAreRefused_data();
    void hostileBodiesAreRefused();
    void jsonAnswerResetsTheDecoder();
    void controlCharactersInTheCursorAreNeutralised();

private:
    MetricsBatch json(const QString &since, int limit = 60);
    protocol::Parsed<MetricsBatch> compact(const QString &since, bool delta, int limit = 60);
    void tick(int n = 1);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Simulator> m_sim;
    protocol::MetricsDecoder m_decoder;
    const QString m_scope = QStringLiteral("national");
};

void TestMetricsCodec::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_sim = std::make_unique<Simulator>(ScenarioBuilder::synthetic(60, 3), Simulator::Config{}, *m_clock);
    m_sim->start(20);
    m_sim->stop();
    m_decoder.reset();
}

void TestMetricsCodec::cleanup()
{
    m_sim.reset();
    m_clock.reset();
}

MetricsBatch TestMetricsCodec::json(const QString &since, int limit)
{
    const auto parsed = protocol::parseMetrics(m_sim->metricsBody(m_scope, since, limit));
    if (!parsed.ok())
        qFatal("JSON metrics do not parse: %s", qPrintable(parsed.error()));
    return parsed.value();
}

protocol::Parsed<MetricsBatch> TestMetricsCodec::compact(const QString &since, bool delta, int limit)
{
    return m_decoder.decode(m_sim->metricsBody(m_scope, since, limit, Simulator::kMaxMetricsBytes,
                                               Simulator::Encoding::Compact, delta));
}

void TestMetricsCodec::tick(int n)
{
    for (int i = 0; i < n; ++i) {
        m_clock->advanceMs(1000);
        m_sim->tick();
    }
}

void TestMetricsCodec::deltaSequenceDecodesToTheJsonSamples()
{
    // First a keyframe (no cursor: reset), then one delta a tick; a node goes down and comes back,
    // a link is congested; then an unknown cursor resets both.
    auto first = compact({}, false);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first.value().nodes, json({}).nodes);
    QVERIFY(first.value().reset);
    QString cursor = first.value().cursor;
    QCOMPARE(m_decoder.cursor(), cursor);
    const QString downNode = m_sim->scenario().nodes().at(5).id;
    const QString congested = m_sim->scenario().links().at(2).id;
    QString error;
    for (int i = 0; i < 12; ++i) {
        if (i == 3)
            QVERIFY(m_sim->addFault({Fault::Kind::NodeDown, downNode, 0, {}}, &error));
        if (i == 5)
            QVERIFY(m_sim->addFault({Fault::Kind::LinkCongested, congested, 0, {}}, &error));
        if (i == 7)
            QVERIFY(m_sim->removeFault(Fault::Kind::NodeDown, downNode));
        tick();
        const MetricsBatch expected = json(cursor);
        const auto decoded = compact(cursor, m_decoder.cursor() == cursor);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
        QCOMPARE(decoded.value().nodes, expected.nodes);
        QCOMPARE(decoded.value().links, expected.links);
        QCOMPARE(decoded.value().cursor, expected.cursor);
        QCOMPARE(decoded.value().reset, false);
        cursor = expected.cursor;
    }
    // A cursor the server no longer knows: a keyframe with reset, decoded whatever the state.
    const auto reset = compact(QStringLiteral("12"), true);
    QVERIFY2(reset.ok(), qPrintable(reset.error()));
    QVERIFY(reset.value().reset);
    QCOMPARE(reset.value().nodes, json(QStringLiteral("12")).nodes);
    QCOMPARE(reset.value().links, json(QStringLiteral("12")).links);
    // Nothing new: an empty delta keeps the state.
    const auto nothing = compact(reset.value().cursor, true);
    QVERIFY2(nothing.ok(), qPrintable(nothing.error()));
    QVERIFY(nothing.value().nodes.isEmpty());
    QCOMPARE(m_decoder.cursor(), reset.value().cursor);
    tick();
    const auto after = compact(reset.value().cursor, true);
    QVERIFY2(after.ok(), qPrintable(after.error()));
    QCOMPARE(after.value().nodes, json(reset.value().cursor).nodes);
}

void TestMetricsCodec::severalTicksInOneAnswer()
{
    const auto first = compact({}, false);
    QVERIFY(first.ok());
    tick(7);
    const auto decoded = compact(first.value().cursor, true, 5);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    const MetricsBatch expected = json(first.value().cursor, 5);
    QCOMPARE(decoded.value().nodes, expected.nodes);
    QCOMPARE(decoded.value().links, expected.links);
    QCOMPARE(decoded.value().cursor, expected.cursor);
    // The same ticks from a decoder that holds nothing: a keyframe, then deltas.
    m_decoder.reset();
    const auto keyframed = compact(first.value().cursor, false, 5);
    QVERIFY2(keyframed.ok(), qPrintable(keyframed.error()));
    QCOMPARE(keyframed.value().nodes, expected.nodes);
    QCOMPARE(keyframed.value().links, expected.links);
}

void TestMetricsCodec::deltasCostLessThanKeyframes()
{
    const QString before = QString::number(m_sim->history().latest().seq - 1);
    const QByteArray keyframe = m_sim->metricsBody(m_scope, before, 1, Simulator::kMaxMetricsBytes,
                                                   Simulator::Encoding::Compact, false);
    const QByteArray delta = m_sim->metricsBody(m_scope, before, 1, Simulator::kMaxMetricsBytes,
                                                Simulator::Encoding::Compact, true);
    const QByteArray jsonBody = m_sim->metricsBody(m_scope, before, 1);
    QVERIFY2(delta.size() * 2 < keyframe.size(),
             qPrintable(QStringLiteral("%1 vs %2").arg(delta.size()).arg(keyframe.size())));
    QVERIFY(keyframe.size() * 2 < jsonBody.size());
}

void TestMetricsCodec::deltaAgainstAnotherCursorIsRefused()
{
    const auto first = compact({}, false);
    QVERIFY(first.ok());
    tick(3);
    // A delta against a tick this decoder does not hold (it holds `first`).
    const QString other = QString::number(first.value().cursor.toLongLong() + 1);
    const auto wrong = compact(other, true);
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().contains(QStringLiteral("delta against cursor")), qPrintable(wrong.error()));
    QVERIFY(m_decoder.cursor().isEmpty()); // the next request asks for a keyframe
}

void TestMetricsCodec::truncatedBodiesAreRefused()
{
    const auto first = compact({}, false);
    QVERIFY(first.ok());
    tick(2);
    const QByteArray body = m_sim->metricsBody(m_scope, first.value().cursor, 60, Simulator::kMaxMetricsBytes,
                                               Simulator::Encoding::Compact, true);
    const QString held = m_decoder.cursor();
    // Every cut of the body, on and between item boundaries: an error, and the state is dropped.
    for (qsizetype cut = 0; cut < body.size(); cut += std::max<qsizetype>(1, body.size() / 400)) {
        protocol::MetricsDecoder decoder;
        const auto parsed = decoder.decode(body.left(cut));
        QVERIFY2(!parsed.ok(),
                 qPrintable(QStringLiteral("cut at %1 of %2 accepted").arg(cut).arg(body.size())));
        QVERIFY(!parsed.error().isEmpty());
    }
    QVERIFY(!held.isEmpty());
}

void TestMetricsCodec::hostileBodiesAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError");
    const auto answer = [](const QCborValue &ticks, const QCborMap &extra = {}) {
        QCborMap m{{QStringLiteral("cursor"), QStringLiteral("7")},
                   {QStringLiteral("serverTime"), 1000},
                   {QStringLiteral("intervalMs"), 1000},
                   {QStringLiteral("reset"), true}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            m.insert(it.key(), it.value());
        m.insert(QStringLiteral("ticks"), ticks);
        return m.toCborValue().toCbor();
    };
    const auto tickOf = [](const QCborArray &nodes, const QCborArray &links = {}) {
        return QCborMap{
            {QStringLiteral("ts"), 1000}, {QStringLiteral("nodes"), nodes}, {QStringLiteral("links"), links}};
    };
    const QCborArray goodNode{0, 2, QStringLiteral("n1"), QCborArray{}, 0, 5000, 5000, 5000, 100, 0, 0};
    QTest::newRow("not a map") << QCborValue(42).toCbor() << "must be a CBOR map";
    QTest::newRow("ticks not array") << answer(QStringLiteral("x")) << "ticks must be a CBOR array";
    QTest::newRow("cursor not text") << answer(QCborArray{}, QCborMap{{QStringLiteral("cursor"), 5}})
                                     << "cursor must be a text string";
    QTest::newRow("valid") << answer(QCborArray{tickOf(goodNode)}) << "";
    QCborArray badUtil = goodNode;
    badUtil[5] = 10001;
    QTest::newRow("utilization above 1") << answer(QCborArray{tickOf(badUtil)}) << "outside";
    QCborArray floatValue = goodNode;
    floatValue[5] = 0.5;
    QTest::newRow("float instead of integer")
        << answer(QCborArray{tickOf(floatValue)}) << "must be an integer";
    QCborArray badId = goodNode;
    badId[2] = QStringLiteral("no spaces allowed");
    QTest::newRow("bad id") << answer(QCborArray{tickOf(badId)}) << "not an identifier";
    QTest::newRow("change to absent entity")
        << answer(QCborArray{tickOf(QCborArray{0, 4, 1})}) << "not there";
    QTest::newRow("gone but absent") << answer(QCborArray{tickOf(QCborArray{0, 1})}) << "not there";
    QTest::newRow("index beyond the limit")
        << answer(QCborArray{tickOf(QCborArray{qint64(protocol::kMaxNodes), 2})}) << "entities";
    QTest::newRow("huge gap") << answer(QCborArray{tickOf(QCborArray{std::numeric_limits<qint64>::max(), 2})})
                              << "outside";
    QTest::newRow("tick without ts") << answer(QCborArray{QCborMap{{QStringLiteral("nodes"), QCborArray{}},
                                                                   {QStringLiteral("links"), QCborArray{}}}})
                                     << "lacks ts";
    // Declared lengths far beyond the body: a text of 2^62 bytes, an array of 2^40 items.
    QByteArray hugeText = answer(QCborArray{}).left(1);
    hugeText += QByteArray::fromHex("66637572736f72"); // "cursor"
    hugeText += QByteArray::fromHex("7b4000000000000000") + "abc";
    QTest::newRow("text of 2^62 bytes") << hugeText << "longer than";
    QByteArray hugeArray = QByteArray::fromHex("a1") + QByteArray::fromHex("657469636b73"); // {"ticks":
    hugeArray += QByteArray::fromHex("9b0000010000000000") + QByteArray::fromHex("a0");
    QTest::newRow("array of 2^40 items") << hugeArray << "";
    QTest::newRow("empty") << QByteArray() << "";
    QTest::newRow("random bytes") << QByteArray::fromHex("bf61ff9f9f9f9f9f9f9f9f9f") << "";
    // Nested a million deep.
    QTest::newRow("deep nesting") << (QByteArray::fromHex("a165746963 6b73") +
                                      QByteArray(1'000'000, char(0x81)))
                                  << "";
}

void TestMetricsCodec::hostileBodiesAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    protocol::MetricsDecoder decoder;
    const auto parsed = decoder.decode(body);
    if (QByteArray(QTest::currentDataTag()) == "valid") {
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(parsed.value().nodes.size(), 1);
        QCOMPARE(parsed.value().nodes.first().cpuUtil, 0.5);
        return;
    }
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.error().isEmpty());
    QVERIFY2(parsed.error().contains(expectedError), qPrintable(parsed.error()));
    QVERIFY(decoder.cursor().isEmpty());
}

void TestMetricsCodec::jsonAnswerResetsTheDecoder()
{
    const auto first = protocol::parseMetricsAnswer(
        m_sim->metricsBody(m_scope, {}, 60, Simulator::kMaxMetricsBytes, Simulator::Encoding::Compact),
        m_decoder);
    QVERIFY(first.ok());
    QVERIFY(!m_decoder.cursor().isEmpty());
    const auto viaJson =
        protocol::parseMetricsAnswer(m_sim->metricsBody(m_scope, first.value().cursor, 60), m_decoder);
    QVERIFY2(viaJson.ok(), qPrintable(viaJson.error()));
    QVERIFY(m_decoder.cursor().isEmpty());
}


void TestMetricsCodec::controlCharactersInTheCursorAreNeutralised()
{
    // A hostile node's cursor with an ESC sequence: echoed back and logged, so neutralised as JSON text is.
    MetricsBatch envelope;
    envelope.cursor = QStringLiteral("7\x1b[2J");
    envelope.serverTimeMs = 1764064800000;
    envelope.intervalMs = 1000;
    envelope.reset = true;
    const QByteArray body = protocol::encodeMetrics(envelope, {}, {});
    protocol::MetricsDecoder decoder;
    const auto decoded = protocol::parseMetricsAnswer(body, decoder);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QVERIFY(!decoded.value().cursor.contains(QChar(0x1b)));
    QCOMPARE(decoded.value().cursor, QStringLiteral("7\uFFFD[2J"));
}

QTEST_GUILESS_MAIN(TestMetricsCodec)
#include "tst_metricscodec.moc"
