#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "auth/accountsession.h"
#include "auth/signinflow.h"
#include "auth/tokenrefresher.h"
#include "auth/tokenvault.h"
#include "support/formuseragent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::auth;

// The console's sign-in against the real cpn-nodesim authorization server: the loopback listener,
// state handling, PKCE, refresh on the timer and after a 401, and what invalid_grant does.
class TestSignInFlow : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        api::LocalSimulator simulator;
        QNetworkAccessManager nam;
        TokenVault vault{QStringLiteral("cpn-console-test"), TokenVault::Backend::MemoryOnly};
        std::unique_ptr<AccountSession> session;
        std::unique_ptr<FormUserAgent> browser;

        bool start(const QStringList &simulatorArguments, const QString &user = QStringLiteral("operator"))
        {
            api::LocalSimulator::Options options;
            options.devToken = QStringLiteral("dev-token-for-tests");
            options.extraArguments = simulatorArguments;
            simulator.start(options);
            if (!simulator.waitForStarted())
                return false;
            session = std::make_unique<AccountSession>(&nam, simulator.baseUrl(), api::ClientOptions{}, &vault);
            browser = std::make_unique<FormUserAgent>(user, user);
            session->setBrowserOpener([this](const QUrl &url) { return browser->open(url); });
            return true;
        }
        bool signIn()
        {
            QSignalSpy changed(session.get(), &AccountSession::accountChanged);
            session->signIn();
            return changed.wait(15000) && session->isSignedIn();
        }
        // Revokes a token at the server behind the session's back (as an administrator would).
        bool revoke(const QString &token, const QString &hint)
        {
            TokenClient client(&nam, session->flow()->metadata(), SignInFlow::kClientId);
            bool done = false, ok = false;
            client.revoke(token, hint, [&](bool success, const QString &) {
                done = true;
                ok = success;
            });
            return QTest::qWaitFor([&] { return done; }, 10000) && ok;
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        if (api::LocalSimulator::defaultProgram().isEmpty())
            QSKIP("cpn-nodesim not found");
    }

    void operatorSignsInAndReadsMetrics()
    {
        Fixture f;
        QVERIFY2(f.start({}), qPrintable(f.simulator.errorString()));
        QVERIFY(!f.session->isSignedIn());
        QVERIFY(f.signIn());
        QCOMPARE(f.browser->openedCount(), 1);

        // PKCE S256 and a 32-byte state went with the request; the listener was on 127.0.0.1 only.
        const QUrlQuery query(f.browser->authorizationUrl());
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        QCOMPARE(f.browser->stateOf().size(), 43);
        QVERIFY(f.browser->redirectUri().startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(!f.session->flow()->isActive()); // the listener is closed once the code is in

        const Account &account = f.session->account();
        QCOMPARE(account.role(), Account::Role::Operator);
        QVERIFY(account.hasScope(QStringLiteral("metrics:read")));
        QVERIFY(!account.hasScope(QStringLiteral("jobs:write")));
        QVERIFY(account.expiresAt.isValid());

        api::NodeApiClient client(&f.nam, f.simulator.baseUrl(), api::ClientOptions{});
        client.setToken(f.session->accessToken());
        bool done = false;
        client.fetchMetrics({}, [&](const api::ApiResult<MetricsBatch> &r) {
            done = true;
            QVERIFY2(r.ok(), qPrintable(r.error().message()));
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }

    void wrongStateIsRejected()
    {
        Fixture f;
        QVERIFY(f.start({}));
        f.browser->setAutoLogin(false);
        QSignalSpy ignored(f.session.get(), &AccountSession::notice);
        QSignalSpy failed(f.session.get(), &AccountSession::signInFailed);
        QSignalSpy changed(f.session.get(), &AccountSession::accountChanged);
        f.session->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(f.browser->openedCount(), 1, 10000);

        // A redirect with a code but someone else's state: ignored, and the sign-in goes on.
        QSignalSpy visited(f.browser.get(), &FormUserAgent::redirectVisited);
        f.browser->visitRedirect({{QStringLiteral("code"), QStringLiteral("stolen-code")},
                                  {QStringLiteral("state"), QStringLiteral("not-the-state")}});
        QVERIFY(visited.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(ignored.size(), 1, 5000);
        QVERIFY(f.session->flow()->isActive());
        QVERIFY(!f.session->isSignedIn());
        QCOMPARE(failed.size(), 0);

        // The same without any state.
        f.browser->visitRedirect({{QStringLiteral("code"), QStringLiteral("stolen-code")}});
        QVERIFY(visited.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(ignored.size(), 2, 5000);
        QVERIFY(f.session->flow()->isActive());

        // The real user then finishes the sign-in.
        f.browser->logIn(f.browser->authorizationUrl());
        QVERIFY(changed.wait(15000));
        QVERIFY(f.session->isSignedIn());
    }

    void callbackErrorWithForeignStateIsIgnored()
    {
        Fixture f;
        QVERIFY(f.start({}));
        f.browser->setAutoLogin(false);
        QSignalSpy notices(f.session.get(), &AccountSession::notice);
        QSignalSpy failed(f.session.get(), &AccountSession::signInFailed);
        f.session->signIn();
        QTRY_COMPARE_WITH_TIMEOUT(f.browser->openedCount(), 1, 10000);
        QSignalSpy visited(f.browser.get(), &FormUserAgent::redirectVisited);

        f.browser->visitRedirect({{QStringLiteral("error"), QStringLiteral("access_denied")},
                                  {QStringLiteral("state"), QStringLiteral("forged")}});
        QVERIFY(visited.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 5000);
        QCOMPARE(failed.size(), 0);
        QVERIFY(f.session->flow()->isActive());

        // An error under this sign-in's own state ends it.
        f.browser->visitRedirect({{QStringLiteral("error"), QStringLiteral("access_denied")},
                                  {QStringLiteral("state"), f.browser->stateOf()}});
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("access_denied")));
        QVERIFY(!f.session->flow()->isActive());
        // The state was good once: replaying it changes nothing (the listener is gone anyway).
        QVERIFY(!f.session->isSignedIn());
    }

    void refreshesOnTheTimerBeforeExpiry()
    {
        Fixture f;
        QVERIFY(f.start({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
        QVERIFY(f.signIn());
        const QString first = f.session->accessToken();
        QSignalSpy refreshed(f.session->refresher(), &TokenRefresher::refreshed);
        QVERIFY(f.session->refresher()->isScheduled());
        QVERIFY(refreshed.wait(10000)); // at 80 % of 2 s
        QVERIFY(f.session->accessToken() != first);
        QVERIFY(refreshed.wait(10000)); // and again with the rotated refresh token
        QCOMPARE(f.browser->openedCount(), 1); // never the browser again
        QVERIFY(f.session->isSignedIn());
    }

    void refreshesOnceOn401AndRetries()
    {
        Fixture f;
        QVERIFY(f.start({}));
        QVERIFY(f.signIn());
        const QString first = f.session->accessToken();
        QVERIFY(f.revoke(first, QStringLiteral("access_token")));

        api::NodeApiClient client(&f.nam, f.simulator.baseUrl(), api::ClientOptions{});
        client.setToken(first);
        int hookCalls = 0;
        client.setUnauthorizedHandler([&](const QString &rejected, std::function<void(bool)> retry) {
            ++hookCalls;
            f.session->handleUnauthorized(rejected, [&client, &f, retry](bool ok) {
                client.setToken(f.session->accessToken());
                retry(ok);
            });
        });
        QSignalSpy refreshed(f.session->refresher(), &TokenRefresher::refreshed);
        std::optional<bool> ok;
        client.fetchIdentity([&](const api::ApiResult<Node> &r) { ok = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 15000);
        QVERIFY(*ok);
        QCOMPARE(hookCalls, 1);
        QCOMPARE(refreshed.size(), 1);
        QVERIFY(f.session->accessToken() != first);

        // When the refresh cannot help (the grant was revoked), the 401 comes through after one try.
        QVERIFY(f.revoke(f.session->accessToken(), QStringLiteral("access_token")));
        std::optional<api::ApiError> error;
        hookCalls = 0;
        f.session->signOut(); // revokes the refresh token too
        client.fetchIdentity([&](const api::ApiResult<Node> &r) {
            QVERIFY(!r.ok());
            error = r.error();
        });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 15000);
        QCOMPARE(error->httpStatus, 401);
        QCOMPARE(hookCalls, 1);
    }

    void invalidGrantDropsTheRefreshToken()
    {
        Fixture f;
        QVERIFY(f.start({}));
        QVERIFY(f.signIn());
        // Take the refresh token away at the server: the next refresh gets invalid_grant.
        bool revoked = false;
        {
            // The vault holds the refresh token; read it as the console would at the next start.
            std::optional<QByteArray> saved;
            bool loaded = false;
            f.vault.load(QStringLiteral("refresh:") + f.simulator.baseUrl().toString(),
                         [&](const std::optional<QByteArray> &s) {
                             saved = s;
                             loaded = true;
                         });
            QTRY_VERIFY(loaded);
            QVERIFY(saved.has_value());
            const QString refreshToken =
                QJsonDocument::fromJson(*saved).object().value(QStringLiteral("refresh_token")).toString();
            QVERIFY(!refreshToken.isEmpty());
            revoked = f.revoke(refreshToken, QStringLiteral("refresh_token"));
        }
        QVERIFY(revoked);
        QSignalSpy rejected(f.session->refresher(), &TokenRefresher::rejected);
        QSignalSpy notices(f.session.get(), &AccountSession::notice);
        f.session->refresher()->refreshNow();
        QVERIFY(rejected.wait(10000));
        QVERIFY(rejected.first().first().toString().contains(QStringLiteral("invalid_grant")));
        QVERIFY(!f.session->hasRefreshToken());
        QVERIFY(!f.session->isSignedIn());
        QVERIFY(f.session->accessToken().isEmpty());
        QVERIFY(!f.session->refresher()->isScheduled());
        // ... and forgets it in the vault.
        bool loaded = false;
        std::optional<QByteArray> saved;
        f.vault.load(QStringLiteral("refresh:") + f.simulator.baseUrl().toString(), [&](const std::optional<QByteArray> &s) {
            saved = s;
            loaded = true;
        });
        QTRY_VERIFY(loaded);
        QVERIFY(!saved.has_value());
    }

    void networkFailureKeepsTheRefreshTokenAndBacksOff()
    {
        Fixture f;
        QVERIFY(f.start({}));
        QVERIFY(f.signIn());
        f.simulator.stop(); // the authorization server is gone
        f.session->refresher()->setBackoff(60000, 60000);
        QSignalSpy temporarily(f.session->refresher(), &TokenRefresher::failedTemporarily);
        QSignalSpy rejected(f.session->refresher(), &TokenRefresher::rejected);
        f.session->refresher()->refreshNow();
        QVERIFY(temporarily.wait(15000));
        QCOMPARE(rejected.size(), 0);
        QVERIFY(f.session->hasRefreshToken());
        QVERIFY(f.session->isSignedIn());
        QVERIFY(f.session->refresher()->isScheduled()); // the retry
    }

    void restoresFromTheVaultWithoutTheBrowser()
    {
        Fixture f;
        QVERIFY(f.start({}));
        QVERIFY(f.signIn());
        // A second session over the same vault, as at the next start of the console.
        AccountSession again(&f.nam, f.simulator.baseUrl(), api::ClientOptions{}, &f.vault);
        int opened = 0;
        again.setBrowserOpener([&](const QUrl &) { return ++opened > 0; });
        QSignalSpy finished(&again, &AccountSession::restoreFinished);
        again.restore();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(opened, 0);
        QCOMPARE(again.account().role(), Account::Role::Operator);
        QVERIFY(!again.accessToken().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
