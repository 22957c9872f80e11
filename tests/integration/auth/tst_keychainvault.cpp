// Refresh tokens in the OS keychain, against a real Secret Service (gnome-keyring in a private D-Bus
// session, tests/support/with-keyring.sh): a secret stored by one vault is read by the next, a sign-in
// kept there signs in again at the next start without the browser, and sign-out removes it. Run
// without a keychain (CPN_EXPECT_KEYCHAIN=0), the vault keeps tokens in memory only and says why.
#include "api/localsimulator.h"
#include "auth/accountsession.h"
#include "auth/tokenvault.h"
#include "support/formuseragent.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace cpn::auth;

namespace {
const QString kService = QStringLiteral("cpn-console-tst-keychainvault");

bool expectKeychain()
{
    return qEnvironmentVariable("CPN_EXPECT_KEYCHAIN") == u"1";
}

// A probed vault, once the keychain has answered.
std::unique_ptr<TokenVault> readyVault()
{
    auto vault = std::make_unique<TokenVault>(kService);
    if (!vault->isReady()) {
        QSignalSpy ready(vault.get(), &TokenVault::readyChanged);
        ready.wait(10000);
    }
    return vault;
}

std::optional<QByteArray> loadFrom(TokenVault &vault, const QString &key)
{
    std::optional<std::optional<QByteArray>> result;
    vault.load(key, [&](const std::optional<QByteArray> &value) { result = value; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qWarning("the vault did not answer within 10 s");
    return result.value_or(std::nullopt);
}
} // namespace

class tst_KeychainVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void persistenceIsWhatTheMachineOffers();
    void aSecretOutlivesItsVault();
    void signInIsRestoredWithoutTheBrowser();
};

void tst_KeychainVault::persistenceIsWhatTheMachineOffers()
{
    const auto vault = readyVault();
    QVERIFY(vault->isReady());
    if (expectKeychain()) {
        QVERIFY2(vault->isPersistent(), qPrintable(vault->reason()));
        QVERIFY(vault->reason().isEmpty());
    } else {
        QVERIFY(!vault->isPersistent());
        QVERIFY2(vault->reason().contains(QStringLiteral("no keychain service")),
                 qPrintable(vault->reason()));
    }
}

void tst_KeychainVault::aSecretOutlivesItsVault()
{
    const QString key = QStringLiteral("endpoint-a");
    {
        const auto vault = readyVault();
        vault->store(key, QByteArrayLiteral("refresh-secret-1"));
        QCOMPARE(loadFrom(*vault, key), std::optional<QByteArray>(QByteArrayLiteral("refresh-secret-1")));
        QTest::qWait(500); // the keychain's copy is written asynchronously
    }
    const auto next = readyVault(); // a new start: nothing in memory
    if (!expectKeychain()) {
        QCOMPARE(loadFrom(*next, key), std::nullopt); // memory only: gone with the vault
        return;
    }
    QCOMPARE(loadFrom(*next, key), std::optional<QByteArray>(QByteArrayLiteral("refresh-secret-1")));
    next->remove(key);
    QTest::qWait(500);
    const auto after = readyVault();
    QCOMPARE(loadFrom(*after, key), std::nullopt);
}

void tst_KeychainVault::signInIsRestoredWithoutTheBrowser()
{
    if (api::LocalSimulator::defaultProgram().isEmpty())
        QSKIP("cpn-nodesim not found");
    api::LocalSimulator sim;
    api::LocalSimulator::Options options;
    options.devToken = QStringLiteral("dev-token-not-used-by-this-test");
    sim.start(options);
    QVERIFY2(sim.waitForStarted(), qPrintable(sim.errorString()));
    QNetworkAccessManager nam;

    {
        const auto vault = readyVault();
        AccountSession session(&nam, sim.baseUrl(), api::ClientOptions{}, vault.get());
        FormUserAgent browser(QStringLiteral("planner"), QStringLiteral("planner"));
        session.setBrowserOpener([&](const QUrl &url) { return browser.open(url); });
        session.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(session.isSignedIn(), 20000);
        QTest::qWait(500); // the refresh token reaches the keychain asynchronously
    }

    // The next start: a new vault and session, and no browser.
    const auto vault = readyVault();
    AccountSession session(&nam, sim.baseUrl(), api::ClientOptions{}, vault.get());
    FormUserAgent browser(QStringLiteral("planner"), QStringLiteral("planner"));
    session.setBrowserOpener([&](const QUrl &url) { return browser.open(url); });
    QSignalSpy restored(&session, &AccountSession::restoreFinished);
    session.restore();
    QVERIFY(restored.wait(15000));
    QCOMPARE(restored.first().first().toBool(), expectKeychain());
    QCOMPARE(session.isSignedIn(), expectKeychain());
    QCOMPARE(browser.openedCount(), 0);
    if (!expectKeychain())
        return;
    QCOMPARE(session.account().role(), Account::Role::Planner);

    // Sign-out forgets the keychain's copy too: the start after it has nothing to restore.
    session.signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!session.isSignedIn(), 10000);
    QTest::qWait(500);
    const auto later = readyVault();
    AccountSession again(&nam, sim.baseUrl(), api::ClientOptions{}, later.get());
    QSignalSpy nothing(&again, &AccountSession::restoreFinished);
    again.restore();
    QVERIFY(nothing.wait(15000));
    QCOMPARE(nothing.first().first().toBool(), false);
}

QTEST_GUILESS_MAIN(tst_KeychainVault)
#include "tst_keychainvault.moc"
