// File > Connect to Federation… and Disconnect through the console's composition root, against two
// real simulators: one over plain http on loopback given on the command line, one over https with a
// certificate of a private test CA, connected through the dialog. It is refused until its CA is set
// for it alone, then signed in through the system-browser path (a URL handler plays the browser),
// its nodes shown beside the first root's; the next start connects to both with their own rules;
// Disconnect takes its nodes and status away and forgets it.
#include "api/endpointsetting.h"
#include "api/localsimulator.h"
#include "auth/accountsession.h"
#include "consoleapp.h"
#include "jobs/jobtracker.h"
#include "jobs/offerbook.h"
#include "support/formuseragent.h"
#include "support/testca.h"
#include "ui/connectdialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

namespace {
const QString kToken = QStringLiteral("dev-token-of-both-simulators");
}

class tst_ConsoleConnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void secondRootIsRefusedUntilItsCaIsSet();
    void secondRootSignsInAndJoinsTheMap();
    void nextStartConnectsBothWithTheirRules();
    void droppingTheCaDropsTheTrust();
    void reconnectingTheFirstRootKeepsItFirst();
    void disconnectTakesTheRootAway();
    void plainHttpBeyondLoopbackNeedsPermission();

private:
    ConnectDialog *openDialog();
    bool loggedSince(int firstRow, const QString &text) const;
    bool hasNode(const QString &prefix) const;
    ConnectionIndicator *indicatorOf(const QUrl &root) const;

    QTemporaryDir m_dir;
    QString m_caFile;
    api::LocalSimulator m_plain; // the first root: http on loopback, default scenario
    api::LocalSimulator m_tls;   // the second: https with the private CA, a synthetic federation
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleApp> m_console;
    FormUserAgent m_browser{QStringLiteral("planner"), QStringLiteral("planner")};
    int m_firstRootNodes = 0;
};

void tst_ConsoleConnect::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString made = testing::makeTestCa(m_dir.filePath(QStringLiteral("ca")));
    QVERIFY2(made.isEmpty(), qPrintable(made));
    m_caFile = m_dir.filePath(QStringLiteral("ca/ca.pem"));

    api::LocalSimulator::Options plain;
    plain.devToken = kToken;
    m_plain.start(plain);
    api::LocalSimulator::Options tls;
    tls.devToken = kToken;
    tls.scenario = QStringLiteral("synthetic:12");
    tls.extraArguments = {QStringLiteral("--tls-cert"), m_dir.filePath(QStringLiteral("ca/server.pem")),
                          QStringLiteral("--tls-key"), m_dir.filePath(QStringLiteral("ca/server.key"))};
    m_tls.start(tls);
    QVERIFY2(m_plain.waitForStarted(), qPrintable(m_plain.errorString()));
    QVERIFY2(m_tls.waitForStarted(), qPrintable(m_tls.errorString()));
    QCOMPARE(m_tls.baseUrl().scheme(), QStringLiteral("https"));

    // The sign-in's "system browser": a user who trusts the private CA and signs in as planner.
    m_browser.setCaFile(m_caFile);
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");

    m_settings =
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions options;
    options.connectUrls = {m_plain.baseUrl()};
    options.token = kToken; // the command line's token is the command line root's only
    options.cacheDirectory = m_dir.path();
    m_console = std::make_unique<ConsoleApp>(options, m_settings.get());
    m_console->start();
    const NodeTableModel &nodes = m_console->nodeModel();
    QTRY_VERIFY_WITH_TIMEOUT(nodes.rowCount() > 0, 15000);
    m_firstRootNodes = nodes.rowCount();
    QVERIFY(!hasNode(QStringLiteral("hub-")));
}

void tst_ConsoleConnect::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    m_console.reset();
    m_plain.stop();
    m_tls.stop();
}

ConnectDialog *tst_ConsoleConnect::openDialog()
{
    auto *action = m_console->window()->findChild<QAction *>(QStringLiteral("connectFederationAction"));
    if (!action)
        return nullptr;
    action->trigger();
    ConnectDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_console->window()->findChild<ConnectDialog *>();
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

bool tst_ConsoleConnect::loggedSince(int firstRow, const QString &text) const
{
    const EventLogModel &events = m_console->eventModel();
    for (int row = firstRow; row < events.rowCount(); ++row) {
        if (events.eventAt(row).message.contains(text))
            return true;
    }
    return false;
}

bool tst_ConsoleConnect::hasNode(const QString &prefix) const
{
    const NodeTableModel &nodes = m_console->nodeModel();
    for (int row = 0; row < nodes.rowCount(); ++row) {
        if (nodes.index(row, 0).data(NodeTableModel::NodeIdRole).toString().startsWith(prefix))
            return true;
    }
    return false;
}

ConnectionIndicator *tst_ConsoleConnect::indicatorOf(const QUrl &root) const
{
    return m_console->window()->endpointIndicator(root.toString());
}

void tst_ConsoleConnect::secondRootIsRefusedUntilItsCaIsSet()
{
    ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit"));
    auto *connectButton = dialog->findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(url && connectButton);
    QVERIFY(!connectButton->isEnabled()); // nothing typed yet
    QTest::keyClicks(url, m_tls.baseUrl().toString());
    QVERIFY2(connectButton->isEnabled(), qPrintable(dialog->problem()));
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("allowPlainHttpCheck"))->isEnabled());
    dialog->findChild<QCheckBox *>(QStringLiteral("signInCheck"))->setChecked(false);
    const int firstRow = m_console->eventModel().rowCount();
    QTest::mouseClick(connectButton, Qt::LeftButton);

    // The system CAs do not know the test CA: the certificate is named as the reason, never ignored.
    QTRY_VERIFY_WITH_TIMEOUT(loggedSince(firstRow, QStringLiteral("unknown authority")), 15000);
    QVERIFY(indicatorOf(m_tls.baseUrl()));
    QVERIFY(indicatorOf(m_tls.baseUrl())->state() != ConnectionIndicator::State::Online);
    QCOMPARE(m_console->nodeModel().rowCount(), m_firstRootNodes); // the first root's nodes stay
}

void tst_ConsoleConnect::secondRootSignsInAndJoinsTheMap()
{
    // The same URL again with its CA: connected again with that rule, and signed in.
    ConnectDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("urlEdit")), m_tls.baseUrl().toString());
    auto *caFile = dialog->findChild<QLineEdit *>(QStringLiteral("caFileEdit"));
    caFile->setText(m_dir.filePath(QStringLiteral("nowhere.pem")));
    auto *connectButton = dialog->findChild<QPushButton *>(QStringLiteral("connectButton"));
    QVERIFY(!connectButton->isEnabled());
    QVERIFY2(dialog->problem().contains(QStringLiteral("cannot be read")), qPrintable(dialog->problem()));
    caFile->setText(m_caFile);
    QVERIFY2(connectButton->isEnabled(), qPrintable(dialog->problem()));
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("signInCheck"))->isChecked());
    QTest::mouseClick(connectButton, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(m_console->accounts().size(), 2, 5000);
    auth::AccountSession *second = m_console->accounts().constLast();
    QCOMPARE(second->endpoint(), m_tls.baseUrl());
    QTRY_VERIFY_WITH_TIMEOUT(second->isSignedIn(), 20000);
    QCOMPARE(second->account().user, QStringLiteral("planner"));
    QTRY_VERIFY_WITH_TIMEOUT(hasNode(QStringLiteral("hub-")), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(indicatorOf(m_tls.baseUrl())->state(), ConnectionIndicator::State::Online,
                              10000);
    // Both roots on one map: the first one's nodes stay beside the second's.
    QVERIFY(m_console->nodeModel().rowCount() > m_firstRootNodes);
    QTRY_COMPARE_WITH_TIMEOUT(indicatorOf(m_plain.baseUrl())->state(), ConnectionIndicator::State::Online,
                              5000);
    // The first root's account was not used for the second: nobody signed in there.
    QVERIFY(!m_console->accounts().constFirst()->isSignedIn());
    // Planning follows both: the second's offers beside the first's, and a job placed at one of its
    // nodes goes with its trust and its account's token.
    const auto offersOf = [this](const QString &prefix) {
        const QList<Offer> &offers = m_console->planning()->offers->offers();
        return std::find_if(offers.cbegin(), offers.cend(),
                            [&](const Offer &o) { return o.nodeId.startsWith(prefix); }) != offers.cend();
    };
    QTRY_VERIFY_WITH_TIMEOUT(offersOf(QStringLiteral("hub-")), 15000);
    QVERIFY(offersOf(QStringLiteral("guian")));
    QString hubNode;
    for (const Offer &o : m_console->planning()->offers->offers()) {
        if (o.nodeId.startsWith(QStringLiteral("hub-")) && o.resource == Offer::Resource::Cpu)
            hubNode = o.nodeId;
    }
    QVERIFY(!hubNode.isEmpty());
    jobs::JobTracker *tracker = m_console->planning()->jobs;
    QSignalSpy submitted(tracker, &jobs::JobTracker::submitted);
    QSignalSpy refused(tracker, &jobs::JobTracker::submitFailed);
    JobRequest request;
    request.name = QStringLiteral("on-the-second-root");
    request.kind = JobKind::Batch;
    request.requirements.cpuCores = 1;
    request.requirements.memoryGiB = 1;
    request.requirements.durationHours = 1;
    tracker->submit(QStringLiteral("second-root"), hubNode, request);
    QTRY_VERIFY_WITH_TIMEOUT(!submitted.isEmpty() || !refused.isEmpty(), 10000);
    QVERIFY2(refused.isEmpty(), qPrintable(refused.value(0).value(1).toString()));
    QCOMPARE(submitted.first().at(1).value<Job>().nodeId, hubNode);

    const QList<api::EndpointSetting> remembered = api::loadEndpoints(*m_settings);
    QCOMPARE(remembered.size(), 2);
    QCOMPARE(remembered.at(0).url, m_plain.baseUrl());
    QVERIFY(remembered.at(0).commandLineToken);
    QCOMPARE(remembered.at(1), (api::EndpointSetting{m_tls.baseUrl(), false, m_caFile, false}));
}

void tst_ConsoleConnect::nextStartConnectsBothWithTheirRules()
{
    m_console.reset();
    ConsoleOptions options;
    options.token = kToken; // as CPN_TOKEN: the command line root's, which the second simulator accepts too
    options.cacheDirectory = m_dir.path();
    m_console = std::make_unique<ConsoleApp>(options, m_settings.get());
    m_console->start();
    QTRY_COMPARE_WITH_TIMEOUT(indicatorOf(m_plain.baseUrl())->state(), ConnectionIndicator::State::Online,
                              15000);
    QVERIFY(indicatorOf(m_tls.baseUrl()));
    // The root connected in the window never gets the command line's token: not read until signed in.
    QTest::qWait(3000);
    QVERIFY(indicatorOf(m_tls.baseUrl())->state() != ConnectionIndicator::State::Online);
    QVERIFY(!hasNode(QStringLiteral("hub-")));

    // Signed in there again, it is read over https with the CA file the settings kept for it alone.
    QCOMPARE(m_console->accounts().size(), 2);
    m_console->accounts().constLast()->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(m_console->accounts().constLast()->isSignedIn(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(indicatorOf(m_tls.baseUrl())->state(), ConnectionIndicator::State::Online,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(hasNode(QStringLiteral("hub-")), 10000);
    QVERIFY(m_console->nodeModel().rowCount() > m_firstRootNodes);
}

// The connection opened while the CA was trusted must not carry that trust over.
void tst_ConsoleConnect::droppingTheCaDropsTheTrust()
{
    const int firstRow = m_console->eventModel().rowCount();
    QVERIFY(m_console->connectEndpoint({m_tls.baseUrl(), false, {}, false}, false));
    QTRY_VERIFY_WITH_TIMEOUT(loggedSince(firstRow, QStringLiteral("unknown authority")), 15000);
    QVERIFY(indicatorOf(m_tls.baseUrl())->state() != ConnectionIndicator::State::Online);
    QTRY_VERIFY_WITH_TIMEOUT(!hasNode(QStringLiteral("hub-")), 5000);

    QVERIFY(m_console->connectEndpoint({m_tls.baseUrl(), false, m_caFile, false}, false));
    QTRY_COMPARE_WITH_TIMEOUT(indicatorOf(m_tls.baseUrl())->state(), ConnectionIndicator::State::Online,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(hasNode(QStringLiteral("hub-")), 10000);
    // Connected again in its place: the first root stays first (its account is the primary one).
    QCOMPARE(m_console->accounts().constFirst()->endpoint(), m_plain.baseUrl());
    const QList<api::EndpointSetting> remembered = api::loadEndpoints(*m_settings);
    QCOMPARE(remembered.size(), 2);
    QCOMPARE(remembered.at(0).url, m_plain.baseUrl());
    QCOMPARE(remembered.at(1), (api::EndpointSetting{m_tls.baseUrl(), false, m_caFile, false}));
}

// With other rules the first root is connected again in its place, with the command line's token:
// it stays the primary account and planning's root.
void tst_ConsoleConnect::reconnectingTheFirstRootKeepsItFirst()
{
    QVERIFY(m_console->connectEndpoint({m_plain.baseUrl(), true, {}, false}, false));
    QCOMPARE(m_console->accounts().size(), 2);
    QCOMPARE(m_console->accounts().constFirst()->endpoint(), m_plain.baseUrl());
    QCOMPARE(m_console->planning()->offers->rootUrl(), m_plain.baseUrl());
    const QList<api::EndpointSetting> remembered = api::loadEndpoints(*m_settings);
    QCOMPARE(remembered.size(), 2);
    QCOMPARE(remembered.at(0), (api::EndpointSetting{m_plain.baseUrl(), true, {}, true}));
    QTRY_COMPARE_WITH_TIMEOUT(indicatorOf(m_plain.baseUrl())->state(), ConnectionIndicator::State::Online,
                              10000);
}

void tst_ConsoleConnect::disconnectTakesTheRootAway()
{
    auto *menu = m_console->window()->findChild<QMenu *>(QStringLiteral("disconnectMenu"));
    QVERIFY(menu);
    QMetaObject::invokeMethod(menu, "aboutToShow");
    QAction *entry = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == m_tls.baseUrl().toDisplayString())
            entry = action;
    }
    QVERIFY(entry);
    entry->trigger();
    QCOMPARE(m_console->accounts().size(), 1);
    QVERIFY(!hasNode(QStringLiteral("hub-")));
    QCOMPARE(m_console->nodeModel().rowCount(), m_firstRootNodes);
    QVERIFY(!indicatorOf(m_tls.baseUrl()));
    QCOMPARE(api::loadEndpoints(*m_settings).size(), 1);
    // Its nodes do not come back with a late answer.
    QTest::qWait(2500);
    QVERIFY(!hasNode(QStringLiteral("hub-")));
    QVERIFY(!indicatorOf(m_tls.baseUrl()));
}

void tst_ConsoleConnect::plainHttpBeyondLoopbackNeedsPermission()
{
    const QUrl beyond(QStringLiteral("http://192.0.2.10:8080")); // TEST-NET-1: never answers
    const int firstRow = m_console->eventModel().rowCount();
    QVERIFY(!m_console->connectEndpoint({beyond, false, {}, false}, false));
    QVERIFY(loggedSince(firstRow, QStringLiteral("plain http to 192.0.2.10 is not allowed")));
    QVERIFY(!indicatorOf(beyond));

    // Allowed for this endpoint alone: connected, and remembered with the permission.
    QVERIFY(m_console->connectEndpoint({beyond, true, {}, false}, false));
    QVERIFY(indicatorOf(beyond));
    QCOMPARE(api::loadEndpoints(*m_settings).constLast(), (api::EndpointSetting{beyond, true, {}, false}));
    QVERIFY(m_console->disconnectEndpoint(beyond));
}

QTEST_MAIN(tst_ConsoleConnect)
#include "tst_consoleconnect.moc"
