#include "gatewayprocess.h"

#include "support/openapivalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>

using namespace Qt::StringLiterals;

// The site's alarms through cpn-gateway, on the site fixture's real Prometheus (its GpuSaturated rule) and
// Alertmanager: an alert is a site-alert alarm, acknowledged and commented at the gateway, silenced by a real
// Alertmanager silence, cleared when the alert resolves; a dead Alertmanager is itself an alarm; without
// [alertmanager] Prometheus' own alerts are served.
class TestGatewayAlarms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void saturatedGpuIsASiteAlarm();
    void acknowledgedAndCommentedAtTheGateway();
    void silenceIsAnAlertmanagerSilence();
    void answersValidateAgainstOpenApi();
    void resolvedAlertClearsTheAlarm();
    void deadAlertmanagerIsAnAlarmWithTheReason();
    void withoutAlertmanagerPrometheusAlertsServe();

private:
    using Answer = GatewayAnswer;
    Answer send(const QByteArray &method, const QUrl &url, const QByteArray &body = {}, bool withToken = true)
    {
        return sendAndWait(m_nam, method, url, body, withToken);
    }
    Answer gateway(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        return send(method, QUrl(m_gateway.url().toString() + path), body);
    }
    // The gateway's alarm whose summary names n3's GPU 7, or an empty object.
    static QJsonObject gpu7Alarm(const QJsonObject &alarms);
    QJsonObject gpu7Alarm() { return gpu7Alarm(gateway("GET", u"/api/v1/alarms"_s).json()); }
    QJsonArray alertmanagerSilences();
    QString configWithAlertmanager(const QString &alertmanagerUrl, const QString &state) const;

    QHash<QString, QString> m_env;
    QNetworkAccessManager m_nam;
    GatewayProcess m_gateway;
    QTemporaryDir m_dir;
    QString m_alarmId;
    QString m_silenceId;
};

void TestGatewayAlarms::initTestCase()
{
    m_env = readSiteEnv();
    QVERIFY2(!m_env.value(u"ALERTMANAGER_URL"_s).isEmpty(), "no ALERTMANAGER_URL in CPN_SITE_ENV");
    QVERIFY(m_gateway.start(configWithAlertmanager(m_env.value(u"ALERTMANAGER_URL"_s), m_dir.filePath(u"state"_s))));
}

void TestGatewayAlarms::cleanupTestCase()
{
    cpn::testing::setGpuUtilization(m_env, [](const QString &, int) { return 20; });
}

QString TestGatewayAlarms::configWithAlertmanager(const QString &alertmanagerUrl, const QString &state) const
{
    return GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s), state) +
           u"[alertmanager]\nurl = %1\ninterval = 0.5\n"_s.arg(alertmanagerUrl);
}

QJsonObject TestGatewayAlarms::gpu7Alarm(const QJsonObject &alarms)
{
    for (const QJsonValue &alarm : alarms[u"alarms"_s].toArray()) {
        if (alarm[u"summary"_s].toString().startsWith(u"GPU 7 on n3 at"_s))
            return alarm.toObject();
    }
    return {};
}

QJsonArray TestGatewayAlarms::alertmanagerSilences()
{
    return QJsonDocument::fromJson(
               send("GET", QUrl(m_env.value(u"ALERTMANAGER_URL"_s) + u"/api/v2/silences"_s), {}, false).body)
        .array();
}

void TestGatewayAlarms::saturatedGpuIsASiteAlarm()
{
    QVERIFY(cpn::testing::setGpuUtilization(
        m_env, [](const QString &host, int gpu) { return host == u"n3"_s && gpu == 7 ? 99 : 20; }));
    QJsonObject alarm;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     alarm = gpu7Alarm();
                     return alarm[u"state"_s] == u"active"_s;
                 },
                 20000),
             "no alarm for n3's GPU 7 at the gateway");
    QCOMPARE(alarm[u"kind"_s].toString(), u"site-alert"_s);
    QCOMPARE(alarm[u"severity"_s].toString(), u"warning"_s); // the rule's severity label
    QCOMPARE(alarm[u"summary"_s].toString(), u"GPU 7 on n3 at 99 %"_s);
    QCOMPARE(alarm[u"source"_s][u"kind"_s].toString(), u"node"_s);
    QCOMPARE(alarm[u"source"_s][u"id"_s].toString(), u"lab-site"_s);
    QCOMPARE(alarm[u"silenced"_s].toBool(), false);
    // Raised when the alert started, which is not after now.
    QVERIFY(alarm[u"raisedAt"_s].toInteger() <= QDateTime::currentMSecsSinceEpoch());
    m_alarmId = alarm[u"id"_s].toString();
    QVERIFY(!m_alarmId.isEmpty());
}

void TestGatewayAlarms::acknowledgedAndCommentedAtTheGateway()
{
    QVERIFY(!m_alarmId.isEmpty());
    const Answer ack = gateway("POST", u"/api/v1/alarms/%1/ack"_s.arg(m_alarmId), R"({"comment":"looking at n3"})");
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.json()[u"ack"_s][u"comment"_s].toString(), u"looking at n3"_s);
    const Answer comment = gateway("POST", u"/api/v1/alarms/%1/comments"_s.arg(m_alarmId), R"({"text":"fan replaced"})");
    QCOMPARE(comment.status, 201);
    // Kept across the gateway's polls of Alertmanager.
    QTest::qWait(1500);
    const QJsonObject alarm = gpu7Alarm();
    QCOMPARE(alarm[u"ack"_s][u"comment"_s].toString(), u"looking at n3"_s);
    QCOMPARE(alarm[u"comments"_s].toArray().size(), 1);
    QCOMPARE(gateway("POST", u"/api/v1/alarms/alm-999999/ack"_s, "{}").status, 404);
}

void TestGatewayAlarms::silenceIsAnAlertmanagerSilence()
{
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 600'000;
    const QByteArray request =
        u"{\"target\":{\"kind\":\"node\",\"id\":\"lab-site\"},\"until\":%1,\"reason\":\"GPU swap on n3\"}"_s.arg(until).toUtf8();
    const Answer added = gateway("POST", u"/api/v1/silences"_s, request);
    QCOMPARE(added.status, 201);
    m_silenceId = added.json()[u"id"_s].toString();
    QVERIFY(!m_silenceId.isEmpty());

    // Alertmanager holds it, by the id the protocol gave, matching every alert of the site.
    QJsonObject held;
    for (const QJsonValue &s : alertmanagerSilences()) {
        if (s[u"id"_s].toString() == m_silenceId)
            held = s.toObject();
    }
    QCOMPARE(held[u"status"_s][u"state"_s].toString(), u"active"_s);
    QCOMPARE(held[u"comment"_s].toString(), u"GPU swap on n3"_s);
    QCOMPARE(held[u"createdBy"_s].toString(), added.json()[u"createdBy"_s].toString());
    QCOMPARE(held[u"matchers"_s].toArray().size(), 1);
    QCOMPARE(held[u"matchers"_s][0][u"name"_s].toString(), u"alertname"_s);
    QCOMPARE(held[u"endsAt"_s].toString(),
             QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODateWithMs));

    QVERIFY2(cpn::testing::eventually([&] { return gpu7Alarm()[u"silenced"_s].toBool(); }, 10000),
             "the alarm is not listed as silenced");
    const QJsonArray listed = gateway("GET", u"/api/v1/silences"_s).json()[u"silences"_s].toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed[0][u"id"_s].toString(), m_silenceId);
    QCOMPARE(listed[0][u"reason"_s].toString(), u"GPU swap on n3"_s);

    // Ended from the console: expired in Alertmanager, the alarm loud again.
    const Answer removed = gateway("DELETE", u"/api/v1/silences/"_s + m_silenceId);
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.json()[u"silences"_s].toArray().size(), 0);
    bool expired = false;
    for (const QJsonValue &s : alertmanagerSilences())
        expired |= s[u"id"_s].toString() == m_silenceId && s[u"status"_s][u"state"_s] == u"expired"_s;
    QVERIFY(expired);
    QVERIFY2(cpn::testing::eventually([&] { return !gpu7Alarm()[u"silenced"_s].toBool(true); }, 10000),
             "the alarm stays silenced");
    QCOMPARE(gateway("DELETE", u"/api/v1/silences/"_s + m_silenceId).status, 404);
}

void TestGatewayAlarms::answersValidateAgainstOpenApi()
{
    QFile file(QStringLiteral(CPN_OPENAPI_JSON));
    QVERIFY(file.open(QIODevice::ReadOnly));
    OpenApiValidator validator(QJsonDocument::fromJson(file.readAll()).object());
    validator.setUndocumentedPropertiesAreErrors(true);
    QStringList mismatches;
    const auto check = [&](const QString &documented, const QString &method, const Answer &a) {
        for (const QString &m : validator.validateResponse(documented, method, {a.status, a.contentType, a.headers, a.body}))
            mismatches << u"%1 %2 (%3): %4"_s.arg(method, documented).arg(a.status).arg(m);
    };
    check(u"/api/v1/alarms"_s, u"GET"_s, gateway("GET", u"/api/v1/alarms"_s));
    check(u"/api/v1/silences"_s, u"GET"_s, gateway("GET", u"/api/v1/silences"_s));
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 60'000;
    const Answer added = gateway("POST", u"/api/v1/silences"_s,
                                 u"{\"target\":{\"kind\":\"node\",\"id\":\"lab-site\"},\"until\":%1,\"reason\":\"test\"}"_s.arg(until).toUtf8());
    QCOMPARE(added.status, 201);
    check(u"/api/v1/silences"_s, u"POST"_s, added);
    const Answer removed = gateway("DELETE", u"/api/v1/silences/"_s + added.json()[u"id"_s].toString());
    check(u"/api/v1/silences/{id}"_s, u"DELETE"_s, removed);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
}

void TestGatewayAlarms::resolvedAlertClearsTheAlarm()
{
    QVERIFY(cpn::testing::setGpuUtilization(m_env, [](const QString &, int) { return 20; }));
    QVERIFY2(cpn::testing::eventually([&] { return gpu7Alarm()[u"state"_s] == u"cleared"_s; }, 20000),
             "the alarm stays active after the alert resolved");
}

void TestGatewayAlarms::deadAlertmanagerIsAnAlarmWithTheReason()
{
    // A port nothing listens on: bound, then released.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString url = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
    closed.close();
    GatewayProcess blind;
    QVERIFY(blind.start(configWithAlertmanager(url, m_dir.filePath(u"state-blind"_s))));
    QJsonObject alarm;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     const QJsonArray alarms =
                         send("GET", QUrl(blind.url().toString() + u"/api/v1/alarms"_s)).json()[u"alarms"_s].toArray();
                     alarm = alarms.isEmpty() ? QJsonObject() : alarms.first().toObject();
                     return !alarm.isEmpty();
                 },
                 10000),
             "no alarm while Alertmanager is unreachable");
    QCOMPARE(alarm[u"severity"_s].toString(), u"major"_s);
    QVERIFY2(alarm[u"summary"_s].toString().startsWith(u"The site's alerts are not current: Alertmanager unreachable at %1"_s.arg(url)),
             qPrintable(alarm[u"summary"_s].toString()));
    const QJsonObject status = send("GET", QUrl(blind.url().toString() + u"/gateway/v1/status"_s)).json();
    QCOMPARE(status[u"alerts"_s].toString(), u"failing"_s);
    // A silence cannot be set where Alertmanager does not answer: said, not pretended.
    const Answer refused = send("POST", QUrl(blind.url().toString() + u"/api/v1/silences"_s),
                                u"{\"target\":{\"kind\":\"node\",\"id\":\"lab-site\"},\"until\":%1,\"reason\":\"test\"}"_s
                                    .arg(QDateTime::currentMSecsSinceEpoch() + 60'000)
                                    .toUtf8());
    QCOMPARE(refused.status, 502);
    QVERIFY(refused.json()[u"detail"_s].toString().startsWith(u"Alertmanager did not take the silence"_s));
}

void TestGatewayAlarms::withoutAlertmanagerPrometheusAlertsServe()
{
    GatewayProcess plain;
    QVERIFY(plain.start(GatewayProcess::configFor(m_env.value(u"PROMETHEUS_URL"_s), m_dir.filePath(u"state-plain"_s))));
    QVERIFY(cpn::testing::setGpuUtilization(
        m_env, [](const QString &host, int gpu) { return host == u"n3"_s && gpu == 7 ? 97 : 20; }));
    QJsonObject alarm;
    QVERIFY2(cpn::testing::eventually(
                 [&] {
                     alarm = gpu7Alarm(send("GET", QUrl(plain.url().toString() + u"/api/v1/alarms"_s)).json());
                     return alarm[u"state"_s] == u"active"_s;
                 },
                 20000),
             "no alarm from Prometheus' own alerts");
    QCOMPARE(alarm[u"kind"_s].toString(), u"site-alert"_s);
    QCOMPARE(alarm[u"summary"_s].toString(), u"GPU 7 on n3 at 97 %"_s);
    // The gateway keeps the silences Prometheus cannot.
    const Answer kept = send("POST", QUrl(plain.url().toString() + u"/api/v1/silences"_s),
                             u"{\"target\":{\"kind\":\"node\",\"id\":\"lab-site\"},\"until\":%1,\"reason\":\"test\"}"_s
                                 .arg(QDateTime::currentMSecsSinceEpoch() + 60'000)
                                 .toUtf8());
    QCOMPARE(kept.status, 201);
    QVERIFY(cpn::testing::eventually(
        [&] { return gpu7Alarm(send("GET", QUrl(plain.url().toString() + u"/api/v1/alarms"_s)).json())[u"silenced"_s].toBool(); },
        5000));
}

QTEST_GUILESS_MAIN(TestGatewayAlarms)
#include "tst_gatewayalarms.moc"
