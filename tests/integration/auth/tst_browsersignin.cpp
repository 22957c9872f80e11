#include "api/federationclient.h"
#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "auth/accountsession.h"
#include "auth/tokenrefresher.h"
#include "auth/tokenvault.h"
#include "domain/clock.h"
#include "support/chromiumdriver.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::auth;

// End to end, with headless Chromium as the user: the console starts the sign-in, Chromium opens the
// authorization URL, the test types into the real login form, the redirect reaches the console's
// loopback listener, and the console reads metrics with the token. Then, with tokens that live two
// seconds, an expired token is refreshed without the browser and metrics are read again.
class TestBrowserSignIn : public QObject
{
    Q_OBJECT

    api::LocalSimulator m_simulator;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;

    bool startSimulator(const QStringList &arguments)
    {
        m_simulator.stop();
        api::LocalSimulator::Options options;
        options.devToken = QStringLiteral("dev-token-not-used-by-this-test");
        options.extraArguments = arguments;
        m_simulator.start(options);
        return m_simulator.waitForStarted();
    }

    // Metrics through the console's FederationClient with the account's token and its 401 hook.
    bool readMetrics(AccountSession &session)
    {
        api::FederationClient federation(&m_nam, m_simulator.baseUrl(), api::ClientOptions{}, m_clock);
        federation.setToken(session.accessToken());
        connect(&session, &AccountSession::accessTokenChanged, &federation,
                [&] { federation.setToken(session.accessToken()); });
        federation.setUnauthorizedHandler([&session](const QString &rejected, std::function<void(bool)> retry) {
            session.handleUnauthorized(rejected, std::move(retry));
        });
        QSignalSpy metrics(&federation, &api::FederationClient::metricsReceived);
        federation.start();
        const bool ok = metrics.wait(20000) && !metrics.first().first().value<MetricsBatch>().nodes.isEmpty();
        federation.stop();
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (ChromiumDriver::program().isEmpty())
            QSKIP("/usr/bin/chromium is absent: the browser sign-in tests are skipped (install Debian's chromium)");
        if (api::LocalSimulator::defaultProgram().isEmpty())
            QSKIP("cpn-nodesim not found");
    }

    void signInThroughChromiumThenReadMetrics()
    {
        QVERIFY(startSimulator({}));
        TokenVault vault(QStringLiteral("cpn-console-test"), TokenVault::Backend::MemoryOnly);
        AccountSession session(&m_nam, m_simulator.baseUrl(), api::ClientOptions{}, &vault);
        ChromiumDriver chromium;
        session.setBrowserOpener([&](const QUrl &url) { return chromium.launch(url); });
        QSignalSpy changed(&session, &AccountSession::accountChanged);
        session.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(chromium.launches(), 1, 15000);
        QVERIFY(chromium.lastUrl().toString().startsWith(m_simulator.baseUrl().toString() + QStringLiteral("/oauth/authorize")));
        QVERIFY2(chromium.logIn(QStringLiteral("operator"), QStringLiteral("operator")), qPrintable(chromium.error()));
        QVERIFY(changed.wait(30000));
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.account().role(), Account::Role::Operator);
        // The browser landed on the console's own loopback page.
        QString page;
        QVERIFY2(QTest::qWaitFor([&] { return (page = chromium.pageText()).contains(QStringLiteral("CPN console")); }, 10000),
                 qPrintable(page));
        QVERIFY(!session.flow()->isActive());
        QVERIFY(readMetrics(session));
    }

    void expiredTokenIsRefreshedWithoutTheBrowser()
    {
        QVERIFY(startSimulator({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
        TokenVault vault(QStringLiteral("cpn-console-test"), TokenVault::Backend::MemoryOnly);
        AccountSession session(&m_nam, m_simulator.baseUrl(), api::ClientOptions{}, &vault);
        ChromiumDriver chromium;
        session.setBrowserOpener([&](const QUrl &url) { return chromium.launch(url); });
        QSignalSpy changed(&session, &AccountSession::accountChanged);
        session.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(chromium.launches(), 1, 15000);
        QVERIFY2(chromium.logIn(QStringLiteral("planner"), QStringLiteral("planner")), qPrintable(chromium.error()));
        QVERIFY(changed.wait(30000));
        QCOMPARE(session.account().role(), Account::Role::Planner);
        chromium.stop(); // no browser from here on

        // Let the access token expire unrefreshed, and prove the node refuses it.
        session.refresher()->stop();
        const QString expired = session.accessToken();
        QTest::qWait(3000);
        api::NodeApiClient plain(&m_nam, m_simulator.baseUrl(), api::ClientOptions{});
        plain.setToken(expired);
        std::optional<api::ApiError> refused;
        plain.fetchIdentity([&](const api::ApiResult<Node> &r) { refused = r.error(); });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 10000);
        QCOMPARE(refused->httpStatus, 401);

        // The console's client gets a 401, refreshes once and reads metrics with the new token.
        QSignalSpy refreshed(session.refresher(), &TokenRefresher::refreshed);
        QVERIFY(readMetrics(session));
        QVERIFY(refreshed.size() >= 1);
        QVERIFY(session.accessToken() != expired);
        QCOMPARE(chromium.launches(), 1);

        // And on its own timer, before expiry, as long as the session runs.
        QVERIFY(session.refresher()->isScheduled());
        const QString current = session.accessToken();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(session.accessToken() != current);
        QVERIFY(readMetrics(session));
        QCOMPARE(chromium.launches(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBrowserSignIn)
#include "tst_browsersignin.moc"
