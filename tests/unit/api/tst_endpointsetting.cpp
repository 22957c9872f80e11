#include "api/endpointsetting.h"
#include "support/testca.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn::api;

// An endpoint's own transport rules: what the Connect dialog refuses and why, and what the
// console remembers of them between runs.
class TestEndpointSetting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void problem_data();
    void problem();
    void applyToKeepsTheRest();
    void rememberedBetweenRuns();

private:
    QTemporaryDir m_dir;
    QString m_caFile;
};

void TestEndpointSetting::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString made = cpn::testing::makeTestCa(m_dir.filePath(QStringLiteral("ca")));
    QVERIFY2(made.isEmpty(), qPrintable(made));
    m_caFile = m_dir.filePath(QStringLiteral("ca/ca.pem"));
    QFile notPem(m_dir.filePath(QStringLiteral("not-a-ca.pem")));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
}

void TestEndpointSetting::problem_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowPlainHttp");
    QTest::addColumn<QString>("caFile");  // relative to the test's directory
    QTest::addColumn<QString>("problem"); // a part of the sentence; empty: none

    QTest::newRow("https") << "https://node.example.cn" << false << ""
                           << "";
    QTest::newRow("http to loopback") << "http://127.0.0.1:8080" << false << ""
                                      << "";
    QTest::newRow("http to localhost") << "http://localhost:8080" << false << ""
                                       << "";
    QTest::newRow("http beyond loopback") << "http://10.20.0.5:8080" << false << ""
                                          << "plain http to 10.20.0.5";
    QTest::newRow("http allowed for it") << "http://10.20.0.5:8080" << true << ""
                                         << "";
    QTest::newRow("another scheme") << "ftp://node.example.cn" << false << ""
                                    << "ftp scheme";
    QTest::newRow("no host") << "https://" << false << ""
                             << "not a valid node URL";
    QTest::newRow("credentials in the URL") << "https://ops:secret@node.example.cn" << false << ""
                                            << "user name and password";
    QTest::newRow("private CA") << "https://node.example.cn" << false << "ca/ca.pem"
                                << "";
    QTest::newRow("CA file missing") << "https://node.example.cn" << false << "nowhere.pem"
                                     << "cannot be read";
    QTest::newRow("CA file not PEM") << "https://node.example.cn" << false << "not-a-ca.pem"
                                     << "holds no PEM certificate";
}

void TestEndpointSetting::problem()
{
    QFETCH(QString, url);
    QFETCH(bool, allowPlainHttp);
    QFETCH(QString, caFile);
    QFETCH(QString, problem);
    EndpointSetting endpoint;
    endpoint.url = QUrl(url, QUrl::StrictMode);
    endpoint.allowPlainHttp = allowPlainHttp;
    endpoint.caFile = caFile.isEmpty() ? QString() : m_dir.filePath(caFile);
    const QString found = endpoint.problem();
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestEndpointSetting::applyToKeepsTheRest()
{
    ClientOptions base;
    base.token = QStringLiteral("t");
    base.refreshIntervalMs = 250;
    base.caFile = QStringLiteral("/another/ca.pem");
    const EndpointSetting endpoint{QUrl(QStringLiteral("http://10.20.0.5")), true, m_caFile, false};
    const ClientOptions options = endpoint.applyTo(base);
    QCOMPARE(options.token, base.token);
    QCOMPARE(options.refreshIntervalMs, 250);
    QVERIFY(options.allowPlainHttp);
    QCOMPARE(options.caFile, m_caFile);
    const EndpointSetting https{QUrl(QStringLiteral("https://a.example.cn")), false, {}, false};
    QVERIFY(!https.applyTo(options).allowPlainHttp);
}

void TestEndpointSetting::rememberedBetweenRuns()
{
    const QString file = m_dir.filePath(QStringLiteral("console.ini"));
    const QList<EndpointSetting> three{
        {QUrl(QStringLiteral("https://national.example.cn")), false, m_caFile, true},
        {QUrl(QStringLiteral("http://10.20.0.5:8080")), true, {}, false},
        {QUrl(QStringLiteral("https://east.example.cn")), false, {}, false},
    };
    {
        QSettings settings(file, QSettings::IniFormat);
        saveEndpoints(settings, three);
    }
    {
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(loadEndpoints(settings), three);
        saveEndpoints(settings, three.mid(0, 1)); // one disconnected: the old tail goes
    }
    {
        QSettings settings(file, QSettings::IniFormat);
        QCOMPARE(loadEndpoints(settings), three.mid(0, 1));
        // A hand-edited entry that is not a URL is skipped, not connected to.
        settings.setValue(QStringLiteral("connection/endpoints/2/url"), QStringLiteral("::not a url::"));
        settings.setValue(QStringLiteral("connection/endpoints/size"), 2);
    }
    QSettings settings(file, QSettings::IniFormat);
    QCOMPARE(loadEndpoints(settings), three.mid(0, 1));
}

QTEST_GUILESS_MAIN(TestEndpointSetting)
#include "tst_endpointsetting.moc"
