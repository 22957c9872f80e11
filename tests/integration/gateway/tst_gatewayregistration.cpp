#include "gatewayprocess.h"

#include "api/localsimulator.h"

#include <QJsonArray>

using namespace cpn;
using namespace Qt::StringLiterals;

// cpn-gateway --register-with URL against a real cpn-nodesim as the parent (docs/gateway.md, "Joining a
// parent"): the site applies to the Guizhou hub with the simulator's --apply-token, the application is
// pending in the simulator's registry, a registrar's approval (the simulator's dev token) shows in the
// gateway's status with the assigned identifier, and a restarted gateway follows its registration instead of
// applying again. A token that may read the registry sees a rejection with its reason; an application the
// parent refuses is final; the gateway will not start without a token or a contact. No Prometheus is needed:
// the site's figures are simply missing.
class TestGatewayRegistration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutRegisterWithTheStatusHasNoRegistration();
    void appliesIsApprovedAndDoesNotApplyTwiceAfterARestart();
    void aTokenThatReadsTheRegistrySeesTheRejectionAndItsReason();
    void anApplicationTheParentRefusesIsFinal();
    void refusesToStartWithoutATokenOrAContact_data();
    void refusesToStartWithoutATokenOrAContact();

private:
    static inline const QString kDevToken = u"sim-dev-token"_s;
    static inline const QString kApplyToken = u"sim-apply-token"_s;

    // The gateway's config for node `id`, with a contact, Prometheus nowhere.
    QString configFor(const QString &id, const QString &stateDir, bool withContact = true) const;
    GatewayAnswer simulator(const QByteArray &method, const QString &path, const QByteArray &body = {});
    QJsonObject registrationStatus(GatewayProcess &gateway);
    // The simulator's registrations of a node id, in the order filed.
    QJsonArray registrationsOf(const QString &nodeId);
    QString writeToken(const QString &name, const QString &token);

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    api::LocalSimulator m_sim;
    QUrl m_hub; // the parent's base URL
};

QString TestGatewayRegistration::configFor(const QString &id, const QString &stateDir, bool withContact) const
{
    QString config = GatewayProcess::configFor(u"http://127.0.0.1:1"_s, stateDir);
    config.replace(u"id = lab-site\n"_s, u"id = %1\n"_s.arg(id));
    config.replace(u"province = CN-GD\n"_s, u"province = CN-GZ\ncity = Guiyang\n"_s);
    if (withContact)
        config.replace(u"[server]\n"_s, u"contact = noc@lab-site.example.cn\n[server]\n"_s);
    return config;
}

GatewayAnswer TestGatewayRegistration::simulator(const QByteArray &method, const QString &path,
                                                 const QByteArray &body)
{
    QNetworkRequest request(QUrl(m_sim.baseUrl().toString() + path));
    request.setTransferTimeout(10000);
    request.setRawHeader("Authorization", "Bearer " + kDevToken.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    GatewayAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

QJsonObject TestGatewayRegistration::registrationStatus(GatewayProcess &gateway)
{
    const GatewayAnswer a =
        sendAndWait(m_nam, "GET", QUrl(gateway.url().toString() + u"/gateway/v1/status"_s), {}, true);
    return a.json().value(u"registration"_s).toObject();
}

QJsonArray TestGatewayRegistration::registrationsOf(const QString &nodeId)
{
    QJsonArray found;
    const auto all = simulator("GET", u"/api/v1/registry"_s).json().value(u"registrations"_s).toArray();
    for (const QJsonValue &g : all) {
        if (g[u"applicant"_s][u"nodeId"_s].toString() == nodeId)
            found.append(g);
    }
    return found;
}

QString TestGatewayRegistration::writeToken(const QString &name, const QString &token)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(token.toUtf8() + '\n') < 0)
        return {};
    return path;
}

void TestGatewayRegistration::initTestCase()
{
    QVERIFY2(!api::LocalSimulator::defaultProgram().isEmpty(), "cpn-nodesim is not built");
    api::LocalSimulator::Options options;
    options.devToken = kDevToken;
    options.extraArguments = {u"--apply-token"_s, kApplyToken};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));
    m_hub = QUrl(m_sim.baseUrl().toString() + u"/n/guizhou-hub"_s);
}

void TestGatewayRegistration::withoutRegisterWithTheStatusHasNoRegistration()
{
    GatewayProcess gateway;
    QVERIFY(gateway.start(configFor(u"lab-alone"_s, m_dir.filePath(u"state-alone"_s))));
    const GatewayAnswer a =
        sendAndWait(m_nam, "GET", QUrl(gateway.url().toString() + u"/gateway/v1/status"_s), {}, true);
    QCOMPARE(a.status, 200);
    QVERIFY(a.json().contains(u"registration"_s));
    QVERIFY(a.json().value(u"registration"_s).isNull());
    QVERIFY(registrationsOf(u"lab-alone"_s).isEmpty());
}

void TestGatewayRegistration::appliesIsApprovedAndDoesNotApplyTwiceAfterARestart()
{
    const QString tokenFile = writeToken(u"apply.token"_s, kApplyToken);
    QVERIFY(!tokenFile.isEmpty());
    const QString stateDir = m_dir.filePath(u"state-applicant"_s);
    const QString config = configFor(u"lab-site"_s, stateDir);
    const QStringList arguments{u"--register-with"_s,       m_hub.toString(),
                                u"--register-token-file"_s, tokenFile,
                                u"--register-poll"_s,       u"1"_s};
    GatewayProcess gateway;
    QVERIFY(gateway.start(config, arguments));

    // Pending in the parent's registry, filed under the hub with the site's identity and base URL.
    QTRY_COMPARE_WITH_TIMEOUT(registrationsOf(u"lab-site"_s).size(), 1, 10000);
    const QJsonObject filed = registrationsOf(u"lab-site"_s).first().toObject();
    const QString id = filed[u"id"_s].toString();
    QCOMPARE(filed[u"state"_s].toString(), u"pending"_s);
    QCOMPARE(filed[u"parentId"_s].toString(), u"guizhou-hub"_s);
    const QJsonObject applicant = filed[u"applicant"_s].toObject();
    QCOMPARE(applicant[u"name"_s].toString(), u"Lab Site"_s);
    QCOMPARE(applicant[u"nameZh"_s].toString(), u"实验站点"_s);
    QCOMPARE(applicant[u"tier"_s].toString(), u"industry"_s);
    QCOMPARE(applicant[u"role"_s].toString(), u"industry"_s);
    QCOMPARE(applicant[u"sector"_s].toString(), u"GEN"_s);
    QCOMPARE(applicant[u"province"_s].toString(), u"CN-GZ"_s);
    QCOMPARE(applicant[u"city"_s].toString(), u"Guiyang"_s);
    QCOMPARE(applicant[u"lat"_s].toDouble(), 22.54);
    QCOMPARE(applicant[u"contact"_s].toString(), u"noc@lab-site.example.cn"_s);
    QCOMPARE(QUrl(applicant[u"baseUrl"_s].toString()), gateway.url());
    QCOMPARE(filed[u"history"_s][0][u"by"_s].toString(), u"applicant"_s); // the apply token
    const GatewayAnswer pending = simulator("GET", u"/n/guizhou-hub/api/v1/registry?state=pending"_s);
    QVERIFY(pending.json().value(u"registrations"_s).toArray().contains(filed));

    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"id"_s].toString(), id, 10000);
    QJsonObject status = registrationStatus(gateway);
    QCOMPARE(status[u"parent"_s].toString(), m_hub.toString());
    QCOMPARE(status[u"state"_s].toString(), u"pending"_s);
    QVERIFY(status[u"computeId"_s].isNull());
    // The apply token reads the application it filed: the gateway follows it in the hub's registry.
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"via"_s].toString(), u"registry"_s, 10000);
    QCOMPARE(registrationStatus(gateway)[u"error"_s].toString(), QString());

    // A registrar approves: the gateway learns the assigned identifier.
    const GatewayAnswer approved = simulator("POST", u"/api/v1/registry/%1/approve"_s.arg(id), "{}");
    QCOMPARE(approved.status, 200);
    const QString computeId = approved.json()[u"computeId"_s].toString();
    QVERIFY(computeId.startsWith(u"CPN-I52-GEN-"_s));
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"state"_s].toString(), u"active"_s, 10000);
    QCOMPARE(registrationStatus(gateway)[u"computeId"_s].toString(), computeId);

    // Kept in the state directory.
    QFile saved(stateDir + u"/registration.json"_s);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject savedJson = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(savedJson[u"id"_s].toString(), id);
    QCOMPARE(savedJson[u"state"_s].toString(), u"active"_s);

    // A restart follows the registration: active at once, and no second application.
    gateway.stop();
    QVERIFY(gateway.start(config, arguments));
    status = registrationStatus(gateway);
    QCOMPARE(status[u"id"_s].toString(), id);
    QCOMPARE(status[u"state"_s].toString(), u"active"_s);
    QCOMPARE(status[u"computeId"_s].toString(), computeId);
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"via"_s].toString(), u"registry"_s, 10000);
    QTest::qWait(2500); // a few polls
    QCOMPARE(registrationsOf(u"lab-site"_s).size(), 1);
    status = registrationStatus(gateway);
    QCOMPARE(status[u"state"_s].toString(), u"active"_s);
    QCOMPARE(status[u"computeId"_s].toString(), computeId);
    QCOMPARE(status[u"error"_s].toString(), QString());

    // The hub suspends the identifier: the gateway reads it from the registry.
    QCOMPARE(simulator("POST", u"/api/v1/registry/%1/suspend"_s.arg(id), R"({"reason": "audit"})").status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"state"_s].toString(), u"suspended"_s, 10000);

    // Its state directory lost, the gateway applies again, meets the 409 naming its registration and
    // follows that one: still one registration.
    gateway.stop();
    QVERIFY(QFile::remove(stateDir + u"/registration.json"_s));
    QVERIFY(gateway.start(config, arguments));
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"state"_s].toString(), u"suspended"_s, 10000);
    QCOMPARE(registrationStatus(gateway)[u"id"_s].toString(), id);
    QCOMPARE(registrationsOf(u"lab-site"_s).size(), 1);
}

void TestGatewayRegistration::aTokenThatReadsTheRegistrySeesTheRejectionAndItsReason()
{
    // The token from the environment; the dev token holds registry:read as well.
    GatewayProcess gateway;
    QVERIFY(gateway.start(configFor(u"lab-reader"_s, m_dir.filePath(u"state-reader"_s)),
                          {u"--register-with"_s, m_hub.toString() + u"/"_s, u"--register-poll"_s, u"1"_s},
                          {{u"CPN_REGISTER_TOKEN"_s, kDevToken}}));
    QTRY_COMPARE_WITH_TIMEOUT(registrationsOf(u"lab-reader"_s).size(), 1, 10000);
    const QString id = registrationsOf(u"lab-reader"_s).first()[u"id"_s].toString();
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"state"_s].toString(), u"pending"_s, 10000);
    QCOMPARE(registrationStatus(gateway)[u"via"_s].toString(), u"registry"_s);
    QCOMPARE(
        simulator("POST", u"/api/v1/registry/%1/reject"_s.arg(id), R"({"reason": "Contact does not answer"})")
            .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"state"_s].toString(), u"rejected"_s, 10000);
    const QJsonObject status = registrationStatus(gateway);
    QCOMPARE(status[u"reason"_s].toString(), u"Contact does not answer"_s);
    QCOMPARE(status[u"id"_s].toString(), id);
    QVERIFY(status[u"computeId"_s].isNull());
    QCOMPARE(status[u"via"_s].toString(), u"registry"_s);
}

void TestGatewayRegistration::anApplicationTheParentRefusesIsFinal()
{
    // An industry node cannot join under the national node: 422, with the parent's detail, not retried.
    const QString tokenFile = writeToken(u"apply-national.token"_s, kApplyToken);
    GatewayProcess gateway;
    QVERIFY(gateway.start(
        configFor(u"lab-refused"_s, m_dir.filePath(u"state-refused"_s)),
        {u"--register-with"_s, m_sim.baseUrl().toString(), u"--register-token-file"_s, tokenFile}));
    QTRY_COMPARE_WITH_TIMEOUT(registrationStatus(gateway)[u"state"_s].toString(), u"refused"_s, 10000);
    const QJsonObject status = registrationStatus(gateway);
    QVERIFY2(status[u"reason"_s].toString().startsWith(u"HTTP 422: A node of role industry cannot join"_s),
             qPrintable(status[u"reason"_s].toString()));
    QVERIFY(status[u"id"_s].isNull());
    QCOMPARE(status[u"error"_s].toString(), QString());
    QVERIFY(registrationsOf(u"lab-refused"_s).isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(u"state-refused/registration.json"_s)));
}

void TestGatewayRegistration::refusesToStartWithoutATokenOrAContact_data()
{
    QTest::addColumn<bool>("withContact");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString hub = u"http://127.0.0.1:9/n/guizhou-hub"_s;
    QTest::newRow("no token") << true << QStringList{u"--register-with"_s, hub}
                              << u"--register-with needs the parent's token"_s;
    QTest::newRow("token file missing")
        << true << QStringList{u"--register-with"_s, hub, u"--register-token-file"_s, u"/nonexistent/token"_s}
        << u"--register-token-file /nonexistent/token: cannot read"_s;
    QTest::newRow("no contact") << false << QStringList{u"--register-with"_s, hub} << u"needs site.contact"_s;
    QTest::newRow("not a base URL") << true << QStringList{u"--register-with"_s, u"hub:8080"_s}
                                    << u"--register-with 'hub:8080': expected the parent's base URL"_s;
    QTest::newRow("token file without --register-with")
        << true << QStringList{u"--register-token-file"_s, u"/tmp/x"_s} << u"go with --register-with URL"_s;
    QTest::newRow("poll out of range")
        << true << QStringList{u"--register-with"_s, hub, u"--register-poll"_s, u"0"_s}
        << u"--register-poll '0'"_s;
}

void TestGatewayRegistration::refusesToStartWithoutATokenOrAContact()
{
    QFETCH(bool, withContact);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString configPath = m_dir.filePath(u"refuse.conf"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(configFor(u"lab-refuse"_s, m_dir.filePath(u"state-refuse"_s), withContact).toUtf8());
    config.close();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CPN_REGISTER_TOKEN"_s);
    // "poll out of range" and "not a base URL" must fail on their own account, not for want of a token
    if (!QTest::currentDataTag() || QByteArray(QTest::currentDataTag()) != "no token")
        env.insert(u"CPN_REGISTER_TOKEN"_s, u"t"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CPN_GATEWAY_EXE), QStringList{u"--config"_s, configPath} + arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(expected), qPrintable(stderrText));
}

QTEST_GUILESS_MAIN(TestGatewayRegistration)
#include "tst_gatewayregistration.moc"
