#include "api/federationclient.h"
#include "api/guardedrequest.h"
#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/clock.h"
#include "support/testca.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace cpn;
using namespace cpn::api;
using cpn::testing::makeTestCa;

namespace {

const QString kToken = QStringLiteral("tls-dev-token");

template <typename T, typename Call> std::optional<ApiResult<T>> await(Call call, int timeoutMs = 10000)
{
    auto result = std::make_shared<std::optional<ApiResult<T>>>();
    call([result](const ApiResult<T> &r) { *result = r; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return *result;
}

} // namespace

// The console's protocol client over https to cpn-nodesim serving a certificate of a private test CA:
// refused (with a sentence naming the problem) until that CA is configured for the endpoint.
class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void unknownAuthorityIsRefused();
    void configuredCaIsTrusted();
    void anotherCaIsNotEnough();
    void unreadableCaFile();
    void federationClientWithCa();
    void federationClientWithoutCaReportsTheCertificate();
    void plainHttpToRemoteHostRefusedUnlessAllowed();
    void sentences_data();
    void sentences();

private:
    std::unique_ptr<NodeApiClient> client(const QString &caFile, const QUrl &url = {});

    QTemporaryDir m_dir;
    QString m_caFile;
    QString m_otherCaFile;
    LocalSimulator m_simulator;
    QUrl m_root;
    // A manager per client: QNetworkAccessManager reuses an encrypted connection to the same host
    // and port whatever the next request's TLS settings, and each case must start a handshake.
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_nams;
};

void tst_Tls::initTestCase()
{
    if (LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim is not built");
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed (scripts/install-deps.sh)");
    QVERIFY(m_dir.isValid());
    const QString made = makeTestCa(m_dir.filePath(QStringLiteral("ca")));
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString other = makeTestCa(m_dir.filePath(QStringLiteral("other")));
    QVERIFY2(other.isEmpty(), qPrintable(other));
    m_caFile = m_dir.filePath(QStringLiteral("ca/ca.pem"));
    m_otherCaFile = m_dir.filePath(QStringLiteral("other/ca.pem"));

    LocalSimulator::Options options;
    options.devToken = kToken;
    options.extraArguments = {QStringLiteral("--tls-cert"), m_dir.filePath(QStringLiteral("ca/server.pem")),
                              QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("ca/server.key"))};
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_root = m_simulator.baseUrl();
    QCOMPARE(m_root.scheme(), QStringLiteral("https"));
}

void tst_Tls::cleanupTestCase() { m_simulator.stop(); }

std::unique_ptr<NodeApiClient> tst_Tls::client(const QString &caFile, const QUrl &url)
{
    ClientOptions options;
    options.token = kToken;
    options.caFile = caFile;
    options.transferTimeoutMs = 5000;
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    return std::make_unique<NodeApiClient>(m_nams.back().get(), url.isEmpty() ? m_root : url, options);
}

void tst_Tls::unknownAuthorityIsRefused()
{
    const auto c = client({});
    const auto node = await<Node>([&](auto done) { c->fetchIdentity(done); });
    QVERIFY(node);
    QVERIFY(!node->ok());
    QCOMPARE(node->error().kind, ApiError::Kind::Tls);
    const QString message = node->error().message();
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("unknown authority")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("CA file")), qPrintable(message));
}

void tst_Tls::configuredCaIsTrusted()
{
    const auto c = client(m_caFile);
    const auto metrics = await<MetricsBatch>([&](auto done) { c->fetchMetrics({}, done); });
    QVERIFY(metrics);
    QVERIFY2(metrics->ok(), qPrintable(metrics->error().message()));
    QVERIFY(!metrics->value().cursor.isEmpty());
    const auto node = await<Node>([&](auto done) { c->fetchIdentity(done); });
    QVERIFY2(node && node->ok(), qPrintable(node->error().message()));
    QCOMPARE(node->value().baseUrl.scheme(), QStringLiteral("https"));
}

void tst_Tls::anotherCaIsNotEnough()
{
    const auto c = client(m_otherCaFile);
    const auto node = await<Node>([&](auto done) { c->fetchIdentity(done); });
    QVERIFY(node && !node->ok());
    QCOMPARE(node->error().kind, ApiError::Kind::Tls);
    QVERIFY2(node->error().message().contains(QStringLiteral("neither a system CA nor in the node's CA file")),
             qPrintable(node->error().message()));
}

void tst_Tls::unreadableCaFile()
{
    const auto c = client(m_dir.filePath(QStringLiteral("missing.pem")));
    const auto node = await<Node>([&](auto done) { c->fetchIdentity(done); });
    QVERIFY(node && !node->ok());
    QCOMPARE(node->error().kind, ApiError::Kind::Tls);
    QVERIFY2(node->error().message().contains(QStringLiteral("missing.pem")), qPrintable(node->error().message()));
    // A file that is not PEM is refused the same way, never read as "no extra CA".
    const QString notPem = m_dir.filePath(QStringLiteral("not.pem"));
    QFile file(notPem);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    const auto d = client(notPem);
    const auto again = await<Node>([&](auto done) { d->fetchIdentity(done); });
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().kind, ApiError::Kind::Tls);
}

void tst_Tls::federationClientWithCa()
{
    ClientOptions options;
    options.token = kToken;
    options.caFile = m_caFile;
    QNetworkAccessManager nam;
    SystemClock clock;
    FederationClient federation(&nam, m_root, options, clock);
    QSignalSpy directory(&federation, &FederationClient::directoryChanged);
    QSignalSpy metrics(&federation, &FederationClient::metricsReceived);
    federation.start();
    QVERIFY(directory.wait(10000));
    QVERIFY(!federation.nodes().isEmpty());
    QVERIFY(metrics.count() > 0 || metrics.wait(10000));
}

void tst_Tls::federationClientWithoutCaReportsTheCertificate()
{
    ClientOptions options;
    options.token = kToken;
    QNetworkAccessManager nam;
    SystemClock clock;
    FederationClient federation(&nam, m_root, options, clock);
    QSignalSpy problems(&federation, &FederationClient::problem);
    federation.start();
    QVERIFY(problems.wait(10000));
    const QString message = problems.constFirst().constFirst().toString();
    QVERIFY2(message.contains(QStringLiteral("unknown authority")), qPrintable(message));
    QVERIFY(federation.nodes().isEmpty());
}

void tst_Tls::plainHttpToRemoteHostRefusedUnlessAllowed()
{
    const QUrl remote(QStringLiteral("http://192.0.2.1:9")); // TEST-NET-1: never answers
    const auto refused = client({}, remote);
    const auto node = await<Node>([&](auto done) { refused->fetchIdentity(done); });
    QVERIFY(node && !node->ok());
    QCOMPARE(node->error().kind, ApiError::Kind::Refused);

    ClientOptions options;
    options.token = kToken;
    options.allowPlainHttp = true;
    options.transferTimeoutMs = 300;
    options.deadlineMs = 500;
    m_nams.push_back(std::make_unique<QNetworkAccessManager>());
    NodeApiClient allowed(m_nams.back().get(), remote, options);
    const auto tried = await<Node>([&](auto done) { allowed.fetchIdentity(done); });
    QVERIFY(tried && !tried->ok());
    QVERIFY2(tried->error().kind != ApiError::Kind::Refused, qPrintable(tried->error().message()));
}

void tst_Tls::sentences_data()
{
    QTest::addColumn<QList<QSslError>>("errors");
    QTest::addColumn<bool>("caFileConfigured");
    QTest::addColumn<QString>("expected");
    using E = QSslError;
    QTest::newRow("unknown issuer")
        << QList<QSslError>{E(E::UnableToGetLocalIssuerCertificate), E(E::CertificateUntrusted)} << false
        << QStringLiteral("signed by an unknown authority; configure the node's CA file");
    QTest::newRow("self-signed, CA file set")
        << QList<QSslError>{E(E::SelfSignedCertificate)} << true
        << QStringLiteral("neither a system CA nor in the node's CA file");
    QTest::newRow("expired beats untrusted")
        << QList<QSslError>{E(E::CertificateUntrusted), E(E::CertificateExpired)} << false
        << QStringLiteral("has expired");
    QTest::newRow("not yet valid") << QList<QSslError>{E(E::CertificateNotYetValid)} << false
                                   << QStringLiteral("is not valid yet");
    QTest::newRow("other host") << QList<QSslError>{E(E::HostNameMismatch)} << false
                                << QStringLiteral("issued for another host name");
    QTest::newRow("revoked") << QList<QSslError>{E(E::CertificateRevoked)} << false
                             << QStringLiteral("has been revoked");
    QTest::newRow("anything else") << QList<QSslError>{E(E::InvalidPurpose)} << false
                                   << QStringLiteral("was refused: ");
    QTest::newRow("handshake without errors")
        << QList<QSslError>{} << false << QStringLiteral("secure connection to");
}

void tst_Tls::sentences()
{
    QFETCH(QList<QSslError>, errors);
    QFETCH(bool, caFileConfigured);
    QFETCH(QString, expected);
    const QString sentence = tlsErrorSentence(errors, QStringLiteral("node.example.cn"), caFileConfigured);
    QVERIFY2(sentence.contains(expected), qPrintable(sentence));
    QVERIFY2(sentence.contains(QStringLiteral("node.example.cn")), qPrintable(sentence));
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
