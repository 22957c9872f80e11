#include "apirouter.h"
#include "faultcontrol.h"
#include "scenariobuilder.h"
#include "simulatorbackend.h"

#include "domain/protocoljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cpn;
using namespace cpn::server;
using namespace cpn::sim;

// POST/GET /reservations and a job that runs on a reservation, through the simulator's router in-process.
class tst_ReservationRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void statuses_data();
    void statuses();
    void reservedUnitsLeaveTheOffer();
    void vanishedOfferIsAConflict();
    void tooFewUnitsIsAConflict();
    void jobUsesItsReservation();
    void reservationOnlyAtItsNode();
    void cancelReleasesAndConflictsTwice();
    void holdExpires();
    void listIsScopedToTheDirectory();

private:
    ApiResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QByteArray &token = "dev");
    double available(const QString &offerId);
    Reservation reserve(const QString &offerId, int count, const QString &node = QStringLiteral("guian"));
    static QJsonObject object(const ApiResponse &r) { return QJsonDocument::fromJson(r.body).object(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<Auth> m_auth;
    std::unique_ptr<SimulatorBackend> m_backend;
    std::unique_ptr<FaultControl> m_faultControl;
    std::unique_ptr<ApiRouter> m_router;
};

void tst_ReservationRouter::init()
{
    m_clock = std::make_unique<ManualClock>(1764064800000);
    Simulator::Config config;
    config.jobSpeedup = 3600;
    m_sim = std::make_unique<Simulator>(ScenarioBuilder::defaultNetwork(), config, *m_clock);
    m_sim->scenario().setRootUrl(QUrl(QStringLiteral("http://127.0.0.1:9999")));
    m_sim->start(5);
    m_sim->stop();
    m_auth = std::make_unique<Auth>();
    m_auth->addToken(QStringLiteral("dev"), Auth::allScopes());
    m_auth->addToken(QStringLiteral("reader"), Auth::readScopes());
    m_backend = std::make_unique<SimulatorBackend>(*m_sim);
    m_faultControl = std::make_unique<FaultControl>(*m_sim, *m_auth);
    m_router = std::make_unique<ApiRouter>(*m_backend, *m_auth, true, m_faultControl.get());
}

void tst_ReservationRouter::cleanup()
{
    m_router.reset();
    m_auth.reset();
    m_sim.reset();
    m_clock.reset();
}

ApiResponse tst_ReservationRouter::call(const QByteArray &method, const QString &path, const QByteArray &body,
                                        const QByteArray &token)
{
    const QUrl url(QStringLiteral("http://127.0.0.1:9999") + path);
    ApiRequest r;
    r.method = method;
    r.path = url.path();
    r.query = QUrlQuery(url);
    r.body = body;
    r.authorization = token.isEmpty() ? QByteArray() : "Bearer " + token;
    r.contentType = "application/json";
    return m_router->handle(r);
}

double tst_ReservationRouter::available(const QString &offerId)
{
    const auto offers = protocol::parseOffers(call("GET", QStringLiteral("/api/v1/offers")).body);
    for (const Offer &o : offers.value())
        if (o.id == offerId)
            return o.available;
    return -1;
}

Reservation tst_ReservationRouter::reserve(const QString &offerId, int count, const QString &node)
{
    const ApiResponse r = call("POST", QStringLiteral("/n/%1/api/v1/reservations").arg(node),
                               protocol::toBody(protocol::toJson(ReservationRequest{offerId, count, 2})));
    if (r.status != 201) {
        qWarning("reservation: %d %s", r.status, r.body.constData());
        return {};
    }
    return protocol::parseReservation(r.body).value();
}

void tst_ReservationRouter::statuses_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("problemType");

    const QByteArray one = R"({"offerId":"guian.h800","count":1,"hours":2})";
    QTest::newRow("reserve") << QByteArray("POST") << "/api/v1/reservations" << one << QByteArray("dev") << 201 << "";
    QTest::newRow("reserve at the node") << QByteArray("POST") << "/n/guian/api/v1/reservations" << one << QByteArray("dev") << 201 << "";
    QTest::newRow("read token reserves") << QByteArray("POST") << "/api/v1/reservations" << one << QByteArray("reader") << 403 << "forbidden";
    QTest::newRow("no token") << QByteArray("GET") << "/api/v1/reservations" << QByteArray() << QByteArray() << 401 << "unauthorized";
    QTest::newRow("read token lists") << QByteArray("GET") << "/api/v1/reservations" << QByteArray() << QByteArray("reader") << 200 << "";
    QTest::newRow("bad body") << QByteArray("POST") << "/api/v1/reservations" << QByteArray(R"({"offerId":"guian.h800"})") << QByteArray("dev") << 400 << "bad-request";
    QTest::newRow("zero hours") << QByteArray("POST") << "/api/v1/reservations" << QByteArray(R"({"offerId":"guian.h800","count":1,"hours":0})") << QByteArray("dev") << 400 << "bad-request";
    QTest::newRow("unknown offer") << QByteArray("POST") << "/api/v1/reservations" << QByteArray(R"({"offerId":"atlantis.h800","count":1,"hours":1})") << QByteArray("dev") << 409 << "conflict";
    QTest::newRow("offer outside the directory") << QByteArray("POST") << "/n/guian/api/v1/reservations" << QByteArray(R"({"offerId":"zhongwei.cpu","count":1,"hours":1})") << QByteArray("dev") << 409 << "conflict";
    QTest::newRow("unknown reservation") << QByteArray("GET") << "/api/v1/reservations/rsv-424242" << QByteArray() << QByteArray("dev") << 404 << "not-found";
    QTest::newRow("cancel unknown") << QByteArray("POST") << "/api/v1/reservations/rsv-424242/cancel" << QByteArray("{}") << QByteArray("dev") << 404 << "not-found";
    QTest::newRow("GET on cancel") << QByteArray("GET") << "/api/v1/reservations/rsv-000001/cancel" << QByteArray() << QByteArray("dev") << 405 << "method-not-allowed";
    QTest::newRow("DELETE") << QByteArray("DELETE") << "/api/v1/reservations" << QByteArray() << QByteArray("dev") << 405 << "method-not-allowed";
    QTest::newRow("unknown job reservation") << QByteArray("POST") << "/n/guian/api/v1/jobs" << QByteArray(R"({"name":"j","kind":"batch","reservationId":"rsv-999999","requirements":{"cpuCores":1,"durationHours":1}})") << QByteArray("dev") << 409 << "conflict";
}

void tst_ReservationRouter::statuses()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    QFETCH(QString, problemType);
    const ApiResponse r = call(method, path, body, token);
    QVERIFY2(r.status == status, r.body.constData());
    if (problemType.isEmpty()) {
        QCOMPARE(r.contentType, QByteArray("application/json"));
    } else {
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        const auto problem = protocol::parseProblem(r.body);
        QVERIFY(problem.ok());
        QCOMPARE(problem.value().type, QStringLiteral("urn:cpn:problem:") + problemType);
        QVERIFY(!problem.value().detail.isEmpty());
    }
}

void tst_ReservationRouter::reservedUnitsLeaveTheOffer()
{
    const double before = available(QStringLiteral("guian.h800"));
    QVERIFY(before >= 10);
    const Reservation r = reserve(QStringLiteral("guian.h800"), 10);
    QCOMPARE(r.state, Reservation::State::Active);
    QCOMPARE(r.nodeId, QStringLiteral("guian"));
    QCOMPARE(r.model, QStringLiteral("h800"));
    QCOMPARE(r.count, 10);
    QCOMPARE(r.expiresAtMs, m_clock->nowMs() + JobEngine::kReservationHoldMs);
    QVERIFY(r.priceCnyPerHour > 0);
    QCOMPARE(available(QStringLiteral("guian.h800")), before - 10);
    const ApiResponse one = call("GET", QStringLiteral("/api/v1/reservations/") + r.id);
    QCOMPARE(one.status, 200);
    QCOMPARE(protocol::parseReservation(one.body).value(), r);
}

void tst_ReservationRouter::vanishedOfferIsAConflict()
{
    QCOMPARE(call("POST", QStringLiteral("/sim/v1/faults"), R"({"kind":"node-down","target":"guian"})").status, 201);
    const ApiResponse r = call("POST", QStringLiteral("/api/v1/reservations"), R"({"offerId":"guian.h800","count":1,"hours":1})");
    QCOMPARE(r.status, 409);
    QVERIFY2(protocol::parseProblem(r.body).value().detail.contains(QStringLiteral("no longer available")), r.body.constData());
}

void tst_ReservationRouter::tooFewUnitsIsAConflict()
{
    const double free = available(QStringLiteral("guian.h800"));
    const ApiResponse r = call("POST", QStringLiteral("/api/v1/reservations"),
                               protocol::toBody(protocol::toJson(ReservationRequest{QStringLiteral("guian.h800"), int(free) + 1, 1})));
    QCOMPARE(r.status, 409);
    const QString detail = protocol::parseProblem(r.body).value().detail;
    QVERIFY2(detail.contains(QStringLiteral("Only %1").arg(qint64(free))), qPrintable(detail));
    QCOMPARE(available(QStringLiteral("guian.h800")), free); // nothing held
}

void tst_ReservationRouter::jobUsesItsReservation()
{
    const double before = available(QStringLiteral("guian.h800"));
    const Reservation r = reserve(QStringLiteral("guian.h800"), 8);
    const QByteArray job = QByteArrayLiteral(R"({"name":"j","kind":"training","reservationId":")") + r.id.toLatin1()
                           + R"(","requirements":{"acceleratorModel":"h800","accelerators":8,"durationHours":1}})";
    const ApiResponse submitted = call("POST", QStringLiteral("/n/guian/api/v1/jobs"), job);
    QVERIFY2(submitted.status == 201, submitted.body.constData());
    const Job j = protocol::parseJob(submitted.body).value();
    QCOMPARE(j.state, JobState::Running);
    const Reservation used = protocol::parseReservation(call("GET", QStringLiteral("/api/v1/reservations/") + r.id).body).value();
    QCOMPARE(used.state, Reservation::State::Used);
    QCOMPARE(used.jobId, j.id);
    // The cards moved from the reservation to the job: the offer shows them as taken once, not twice.
    QCOMPARE(available(QStringLiteral("guian.h800")), before - 8);
    // A used reservation cannot start a second job.
    const ApiResponse again = call("POST", QStringLiteral("/n/guian/api/v1/jobs"), job);
    QCOMPARE(again.status, 409);
    QVERIFY(protocol::parseProblem(again.body).value().detail.contains(QStringLiteral("used")));
    m_clock->advanceMs(1001); // one job-hour at 3600x
    QCOMPARE(protocol::parseJob(call("GET", QStringLiteral("/api/v1/jobs/") + j.id).body).value().state, JobState::Completed);
    QCOMPARE(m_sim->jobs().reserved(QStringLiteral("guian")).accelerators.value(QStringLiteral("h800")), 0);
}

void tst_ReservationRouter::reservationOnlyAtItsNode()
{
    const Reservation r = reserve(QStringLiteral("guian.cpu"), 4);
    QVERIFY(!r.id.isEmpty());
    const QByteArray job = QByteArrayLiteral(R"({"name":"j","kind":"batch","nodeId":"zhongwei","reservationId":")")
                           + r.id.toLatin1() + R"(","requirements":{"cpuCores":4,"durationHours":1}})";
    const ApiResponse refused = call("POST", QStringLiteral("/api/v1/jobs"), job);
    QCOMPARE(refused.status, 409);
    QVERIFY(protocol::parseProblem(refused.body).value().detail.contains(QStringLiteral("not at")));
}

void tst_ReservationRouter::cancelReleasesAndConflictsTwice()
{
    const double before = available(QStringLiteral("guian.h800"));
    const Reservation r = reserve(QStringLiteral("guian.h800"), 5);
    QCOMPARE(available(QStringLiteral("guian.h800")), before - 5);
    const ApiResponse cancelled = call("POST", QStringLiteral("/api/v1/reservations/%1/cancel").arg(r.id), "{}");
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(protocol::parseReservation(cancelled.body).value().state, Reservation::State::Cancelled);
    QCOMPARE(available(QStringLiteral("guian.h800")), before);
    QCOMPARE(call("POST", QStringLiteral("/api/v1/reservations/%1/cancel").arg(r.id), "{}").status, 409);
}

void tst_ReservationRouter::holdExpires()
{
    const Reservation r = reserve(QStringLiteral("guian.h800"), 3);
    QCOMPARE(m_sim->jobs().reserved(QStringLiteral("guian")).accelerators.value(QStringLiteral("h800")), 3);
    m_clock->advanceMs(JobEngine::kReservationHoldMs);
    m_sim->jobs().update();
    QCOMPARE(m_sim->jobs().reserved(QStringLiteral("guian")).accelerators.value(QStringLiteral("h800")), 0);
    QCOMPARE(protocol::parseReservation(call("GET", QStringLiteral("/api/v1/reservations/") + r.id).body).value().state,
             Reservation::State::Expired);
}

void tst_ReservationRouter::listIsScopedToTheDirectory()
{
    const Reservation atGuian = reserve(QStringLiteral("guian.cpu"), 1);
    QVERIFY(!atGuian.id.isEmpty());
    const auto national = protocol::parseReservations(call("GET", QStringLiteral("/api/v1/reservations")).body);
    QVERIFY(national.ok());
    QCOMPARE(national.value().size(), 1);
    QCOMPARE(national.value().first().id, atGuian.id);
    const auto elsewhere = protocol::parseReservations(call("GET", QStringLiteral("/n/zhongwei/api/v1/reservations")).body);
    QVERIFY(elsewhere.ok());
    QVERIFY(elsewhere.value().isEmpty());
    QCOMPARE(call("GET", QStringLiteral("/n/zhongwei/api/v1/reservations/") + atGuian.id).status, 404);
}

QTEST_GUILESS_MAIN(tst_ReservationRouter)
#include "tst_reservationrouter.moc"
