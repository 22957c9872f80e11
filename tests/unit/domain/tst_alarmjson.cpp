#include "domain/alarmjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

// The alarm shapes of docs/node-api.md both ways: what the writer produces parses back equal, and
// what a hostile or broken node might send is refused with the offending field named.
class TestAlarmJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alarmRoundTrip();
    void batchAndSilencesRoundTrip();
    void hostileAlarm_data();
    void hostileAlarm();
    void hostileBatch();
    void requests_data();
    void requests();
};

namespace {

Alarm sample()
{
    Alarm a;
    a.id = u"alm-000012"_s;
    a.source = {AlarmSource::Kind::Subtree, u"guizhou-hub"_s};
    a.kind = Alarm::Kind::NodeDown;
    a.severity = Alarm::Severity::Critical;
    a.summary = u"Node guizhou-hub is down; 2 nodes under it are unreachable"_s;
    a.affected = {u"guizhou-hub"_s, u"guian"_s, u"gy-gov"_s};
    a.raisedAtMs = 1764064800000;
    a.ack = AlarmAck{u"operator"_s, 1764064830000, u"Crew on site"_s, 1764068400000};
    a.comments = {{u"operator"_s, 1764064860000, u"Crew arrives 14:00"_s}};
    a.revision = 57;
    return a;
}

QByteArray with(const QString &key, const QJsonValue &value)
{
    QJsonObject o = protocol::toJson(sample());
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return protocol::toBody(o);
}

} // namespace

void TestAlarmJson::alarmRoundTrip()
{
    const Alarm a = sample();
    const auto parsed = protocol::parseAlarm(protocol::toBody(protocol::toJson(a)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value(), a);
    // Cleared, without acknowledgement: both null on the wire.
    Alarm cleared = a;
    cleared.ack.reset();
    cleared.state = Alarm::State::Cleared;
    cleared.clearedAtMs = 1764064900000;
    const QJsonObject o = protocol::toJson(cleared);
    QVERIFY(o.value(u"ack"_s).isNull());
    QCOMPARE(protocol::parseAlarm(protocol::toBody(o)).value(), cleared);
    // An acknowledgement until the alarm clears has until null.
    Alarm untilCleared = a;
    untilCleared.ack->untilMs = 0;
    QVERIFY(protocol::toJson(untilCleared).value(u"ack"_s).toObject().value(u"until"_s).isNull());
    QCOMPARE(protocol::parseAlarm(protocol::toBody(protocol::toJson(untilCleared))).value(), untilCleared);
}

void TestAlarmJson::batchAndSilencesRoundTrip()
{
    AlarmBatch b;
    b.cursor = u"1764064800000-57"_s;
    b.serverTimeMs = 1764064861000;
    b.reset = true;
    b.clearedWindowMs = 3600000;
    b.alarms = {sample()};
    const auto parsed = protocol::parseAlarmBatch(protocol::toBody(protocol::toJson(b)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value().cursor, b.cursor);
    QVERIFY(parsed.value().reset);
    QCOMPARE(parsed.value().alarms, b.alarms);

    Silence s{
        u"sil-000003"_s, {AlarmSource::Kind::Link, u"l-a-b"_s}, 1, 2, u"maintenance"_s, u"operator"_s, 1};
    const QJsonObject list{{u"silences"_s, QJsonArray{protocol::toJson(s)}}};
    const auto silences = protocol::parseSilences(protocol::toBody(list));
    QVERIFY2(silences.ok(), qPrintable(silences.error()));
    QCOMPARE(silences.value(), QList<Silence>{s});
}

void TestAlarmJson::hostileAlarm_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("not json") << QByteArray("{\"id\": tru") << QString();
    QTest::newRow("array") << QByteArray("[]") << QString();
    QTest::newRow("id not an identifier") << with(u"id"_s, u"ALM 1"_s) << u"id"_s;
    QTest::newRow("unknown kind") << with(u"kind"_s, u"earthquake"_s) << u"kind"_s;
    QTest::newRow("unknown severity") << with(u"severity"_s, u"apocalyptic"_s) << u"severity"_s;
    QTest::newRow("source missing") << with(u"source"_s, QJsonValue::Undefined) << u"source"_s;
    QTest::newRow("source kind unknown")
        << with(u"source"_s, QJsonObject{{u"kind"_s, u"planet"_s}, {u"id"_s, u"x"_s}}) << u"source.kind"_s;
    QTest::newRow("summary too long") << with(u"summary"_s, QString(257, u'x')) << u"summary"_s;
    QTest::newRow("affected holds a number") << with(u"affected"_s, QJsonArray{1}) << u"affected"_s;
    QTest::newRow("raisedAt negative") << with(u"raisedAt"_s, -1) << u"raisedAt"_s;
    QTest::newRow("raisedAt NaN-like string") << with(u"raisedAt"_s, u"NaN"_s) << u"raisedAt"_s;
    QTest::newRow("raisedAt past year 9999") << with(u"raisedAt"_s, 1e17) << u"raisedAt"_s;
    QTest::newRow("clearedAt missing") << with(u"clearedAt"_s, QJsonValue::Undefined) << u"clearedAt"_s;
    QTest::newRow("active but cleared at") << with(u"clearedAt"_s, qint64(1764064900000)) << u"clearedAt"_s;
    QTest::newRow("cleared without clearedAt") << with(u"state"_s, u"cleared"_s) << u"clearedAt"_s;
    QTest::newRow("ack missing") << with(u"ack"_s, QJsonValue::Undefined) << u"ack"_s;
    QTest::newRow("ack a string") << with(u"ack"_s, u"yes"_s) << u"ack"_s;
    QTest::newRow("ack without by") << with(u"ack"_s, QJsonObject{{u"at"_s, 1},
                                                                  {u"comment"_s, u"c"_s},
                                                                  {u"until"_s, QJsonValue()}})
                                    << u"ack.by"_s;
    QTest::newRow("silenced a string") << with(u"silenced"_s, u"true"_s) << u"silenced"_s;
    QTest::newRow("comment text too long")
        << with(u"comments"_s,
                QJsonArray{QJsonObject{{u"by"_s, u"x"_s}, {u"at"_s, 1}, {u"text"_s, QString(1001, u'x')}}})
        << u"comments[0].text"_s;
    QJsonArray many;
    for (int i = 0; i < 101; ++i)
        many.append(QJsonObject{{u"by"_s, u"x"_s}, {u"at"_s, 1}, {u"text"_s, u"t"_s}});
    QTest::newRow("101 comments") << with(u"comments"_s, many) << u"comments"_s;
    QTest::newRow("revision missing") << with(u"revision"_s, QJsonValue::Undefined) << u"revision"_s;
    QTest::newRow("revision fractional") << with(u"revision"_s, 1.5) << u"revision"_s;
}

void TestAlarmJson::hostileAlarm()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const auto parsed = protocol::parseAlarm(body);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().startsWith(field), qPrintable(parsed.error()));
}

void TestAlarmJson::hostileBatch()
{
    QJsonObject batch = protocol::toJson(AlarmBatch{u"c"_s, 1, false, false, 3600000, {sample()}});
    QVERIFY(protocol::parseAlarmBatch(protocol::toBody(batch)).ok());
    QJsonArray alarms{protocol::toJson(sample()), 5};
    batch.insert(u"alarms"_s, alarms);
    auto parsed = protocol::parseAlarmBatch(protocol::toBody(batch));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().startsWith(u"alarms"_s) && parsed.error().contains(u"[1]"_s),
             qPrintable(parsed.error()));
    batch.insert(u"alarms"_s, QJsonArray{});
    batch.insert(u"cursor"_s, QString(129, u'c'));
    QVERIFY(!protocol::parseAlarmBatch(protocol::toBody(batch)).ok());
    batch.insert(u"cursor"_s, u"c"_s);
    batch.insert(u"more"_s, 1);
    QVERIFY(!protocol::parseAlarmBatch(protocol::toBody(batch)).ok());
    // Too many alarms in one answer.
    QJsonArray tooMany;
    const QJsonObject one = protocol::toJson(sample());
    for (int i = 0; i <= protocol::kMaxAlarmsPerAnswer; ++i)
        tooMany.append(one);
    batch.insert(u"more"_s, false);
    batch.insert(u"alarms"_s, tooMany);
    QVERIFY(!protocol::parseAlarmBatch(protocol::toBody(batch)).ok());
}

void TestAlarmJson::requests_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::newRow("ack") << QByteArray("ack") << QByteArray(R"({"comment":"on it"})") << true;
    QTest::newRow("ack until") << QByteArray("ack")
                               << QByteArray(R"({"comment":"on it","until":1764068400000})") << true;
    QTest::newRow("ack until null") << QByteArray("ack") << QByteArray(R"({"comment":"on it","until":null})")
                                    << true;
    QTest::newRow("ack no comment") << QByteArray("ack") << QByteArray(R"({"until":1})") << false;
    QTest::newRow("ack blank comment") << QByteArray("ack") << QByteArray(R"({"comment":" \t "})") << false;
    QTest::newRow("ack comment a number") << QByteArray("ack") << QByteArray(R"({"comment":5})") << false;
    QTest::newRow("ack long comment")
        << QByteArray("ack") << QByteArray(R"({"comment":")" + QByteArray(1001, 'x') + "\"}") << false;
    QTest::newRow("ack until string")
        << QByteArray("ack") << QByteArray(R"({"comment":"x","until":"soon"})") << false;
    QTest::newRow("ack until zero") << QByteArray("ack") << QByteArray(R"({"comment":"x","until":0})")
                                    << false;
    QTest::newRow("comment") << QByteArray("comment") << QByteArray(R"({"text":"crew"})") << true;
    QTest::newRow("comment empty") << QByteArray("comment") << QByteArray(R"({"text":""})") << false;
    QTest::newRow("silence") << QByteArray("silence")
                             << QByteArray(
                                    R"({"target":{"kind":"subtree","id":"yrd-hub"},"until":5,"reason":"r"})")
                             << true;
    QTest::newRow("silence endpoint")
        << QByteArray("silence")
        << QByteArray(R"({"target":{"kind":"endpoint","id":"x"},"until":5,"reason":"r"})") << false;
    QTest::newRow("silence no reason")
        << QByteArray("silence") << QByteArray(R"({"target":{"kind":"node","id":"x"},"until":5})") << false;
    QTest::newRow("silence until before from")
        << QByteArray("silence")
        << QByteArray(R"({"target":{"kind":"node","id":"x"},"from":9,"until":5,"reason":"r"})") << false;
    QTest::newRow("silence target id bad")
        << QByteArray("silence")
        << QByteArray(R"({"target":{"kind":"node","id":"../x"},"until":5,"reason":"r"})") << false;
}

void TestAlarmJson::requests()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    bool parsed = false;
    if (kind == "ack")
        parsed = protocol::parseAckRequest(body).ok();
    else if (kind == "comment")
        parsed = protocol::parseCommentRequest(body).ok();
    else
        parsed = protocol::parseSilenceRequest(body).ok();
    QCOMPARE(parsed, ok);
}

QTEST_GUILESS_MAIN(TestAlarmJson)
#include "tst_alarmjson.moc"
