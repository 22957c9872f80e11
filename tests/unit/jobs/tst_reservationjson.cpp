#include "domain/protocoljson.h"

#include <QJsonArray>

#include <QTest>

using namespace cpn;

// The reservation shapes of docs/node-api.md, both ways, and the optional reservationId of a job request.
class tst_ReservationJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void listRoundTrip();
    void rejects_data();
    void rejects();
    void request_data();
    void request();
    void jobRequestCarriesReservation();
};

namespace {
Reservation sample()
{
    Reservation r;
    r.id = QStringLiteral("rsv-000001");
    r.offerId = QStringLiteral("guian.ascend-910b");
    r.nodeId = QStringLiteral("guian");
    r.resource = Offer::Resource::Accelerator;
    r.model = QStringLiteral("ascend-910b");
    r.count = 8;
    r.hours = 4;
    r.priceCnyPerHour = 7.5;
    r.createdAtMs = 1764064800000;
    r.expiresAtMs = 1764065400000;
    r.state = Reservation::State::Used;
    r.jobId = QStringLiteral("job-000017");
    return r;
}
} // namespace

void tst_ReservationJson::roundTrip()
{
    const Reservation r = sample();
    const auto parsed = protocol::parseReservation(protocol::toBody(protocol::toJson(r)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value(), r);

    Reservation cpu = sample();
    cpu.resource = Offer::Resource::Cpu;
    cpu.model.clear();
    cpu.jobId.clear();
    cpu.state = Reservation::State::Active;
    const auto parsedCpu = protocol::parseReservation(protocol::toBody(protocol::toJson(cpu)));
    QVERIFY2(parsedCpu.ok(), qPrintable(parsedCpu.error()));
    QCOMPARE(parsedCpu.value(), cpu);
}

void tst_ReservationJson::listRoundTrip()
{
    Reservation other = sample();
    other.id = QStringLiteral("rsv-000002");
    other.state = Reservation::State::Expired;
    other.jobId.clear();
    QJsonArray list;
    list.append(protocol::toJson(sample()));
    list.append(protocol::toJson(other));
    const QByteArray body = protocol::toBody(QJsonObject{{QStringLiteral("reservations"), list}});
    const auto parsed = protocol::parseReservations(body);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value().size(), 2);
    QCOMPARE(parsed.value().at(1), other);
}

void tst_ReservationJson::rejects_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero count") << "count" << QJsonValue(0) << "count";
    QTest::newRow("fractional count") << "count" << QJsonValue(1.5) << "count";
    QTest::newRow("negative hours") << "hours" << QJsonValue(-1) << "hours";
    QTest::newRow("unknown state") << "state" << QJsonValue(QStringLiteral("pending")) << "state";
    QTest::newRow("numeric id") << "id" << QJsonValue(17) << "id";
    QTest::newRow("bad offer id") << "offerId" << QJsonValue(QStringLiteral("Guian Offer")) << "offerId";
    QTest::newRow("missing model") << "model" << QJsonValue() << "model";
    QTest::newRow("huge price") << "priceCnyPerHour" << QJsonValue(1e9) << "priceCnyPerHour";
}

void tst_ReservationJson::rejects()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QJsonObject o = protocol::toJson(sample());
    if (value.isNull())
        o.remove(field);
    else
        o.insert(field, value);
    const auto parsed = protocol::parseReservation(protocol::toBody(o));
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().contains(expected), qPrintable(parsed.error()));
}

void tst_ReservationJson::request_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::newRow("valid") << QByteArray(R"({"offerId":"guian.ascend-910b","count":8,"hours":4})") << true;
    QTest::newRow("no offer") << QByteArray(R"({"count":8,"hours":4})") << false;
    QTest::newRow("zero hours") << QByteArray(R"({"offerId":"guian.cpu","count":8,"hours":0})") << false;
    QTest::newRow("too long") << QByteArray(R"({"offerId":"guian.cpu","count":8,"hours":9000})") << false;
    QTest::newRow("count as string") << QByteArray(R"({"offerId":"guian.cpu","count":"8","hours":1})") << false;
    QTest::newRow("not an object") << QByteArray(R"([1,2])") << false;
    QTest::newRow("truncated") << QByteArray(R"({"offerId":"guian.cpu","cou)") << false;
}

void tst_ReservationJson::request()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    const auto parsed = protocol::parseReservationRequest(body);
    QCOMPARE(parsed.ok(), ok);
    if (ok) {
        const ReservationRequest expected{QStringLiteral("guian.ascend-910b"), 8, 4};
        QCOMPARE(parsed.value(), expected);
        QCOMPARE(protocol::parseReservationRequest(protocol::toBody(protocol::toJson(expected))).value(), expected);
    }
}

void tst_ReservationJson::jobRequestCarriesReservation()
{
    JobRequest request;
    request.name = QStringLiteral("llm");
    request.kind = JobKind::Training;
    request.nodeId = QStringLiteral("guian");
    request.requirements.acceleratorModel = QStringLiteral("ascend-910b");
    request.requirements.accelerators = 8;
    request.requirements.durationHours = 1;
    request.reservationId = QStringLiteral("rsv-000003");
    const auto parsed = protocol::parseJobRequest(protocol::toBody(protocol::toJson(request)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed.value(), request);

    request.reservationId.clear();
    const QJsonObject without = protocol::toJson(request);
    QVERIFY(!without.contains(QStringLiteral("reservationId")));
    QCOMPARE(protocol::parseJobRequest(protocol::toBody(without)).value(), request);

    QJsonObject bad = without;
    bad.insert(QStringLiteral("reservationId"), QStringLiteral("not an id!"));
    const auto refused = protocol::parseJobRequest(protocol::toBody(bad));
    QVERIFY(!refused.ok());
    // The problem detail names the field where it is, not inside requirements.
    QVERIFY2(refused.error().startsWith(QStringLiteral("reservationId:")), qPrintable(refused.error()));
}

QTEST_GUILESS_MAIN(tst_ReservationJson)
#include "tst_reservationjson.moc"
