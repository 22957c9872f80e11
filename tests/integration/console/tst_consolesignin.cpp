// Sign-in through the console's composition root against the real cpn-nodesim, whose tokens carry a
// canary prefix: the console reads the federation only once signed in, an operator sees the planner's
// actions disabled with the reason and a refused job submission explained in the Events log, sign-out
// revokes, a planner gets the actions back, and afterwards no file the console wrote (cache and its
// side files, settings, a saved snapshot, the log with debug output on) holds a token.
#include "api/localsimulator.h"
#include "auth/accountsession.h"
#include "consoleapp.h"
#include "jobs/jobtracker.h"
#include "snapshotcommands.h"
#include "support/formuseragent.h"
#include "ui/accounts/accountsdialog.h"
#include "ui/accounts/accountsui.h"
#include "ui/accounts/signinwaitdialog.h"
#include "ui/alarms/alarmspanel.h"
#include "ui/mainwindow.h"
#include "ui/planning/planningservices.h"

#include <QAction>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkReply>
#include <QPushButton>
#include <QPointer>
#include <QSettings>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;
using namespace cpn::console;

namespace {

const QByteArray kCanary = QByteArrayLiteral("CANARY-CONSOLE-");

// Every message of the process, debug included, goes to this file too.
QFile *g_log = nullptr;
QMutex g_logMutex;
QtMessageHandler g_previous = nullptr;

void logToFile(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        if (g_log) {
            g_log->write(qFormatLogMessage(type, context, message).toUtf8() + '\n');
            g_log->flush();
        }
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

class tst_ConsoleSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void operatorSeesWhyPlannerActionsAreOff();
    void operatorJobSubmitIsRefusedAndExplained();
    void signOutRevokes();
    void withoutABrowserTheAddressIsShown();
    void plannerGetsTheActions();
    void noTokenInAnyFileTheConsoleWrote();

private:
    bool signInAs(const QString &user);
    int httpStatusWith(const QString &token, const QString &path);
    auth::AccountSession *session() const { return m_console->accounts().constFirst(); }

    QTemporaryDir m_dir;
    api::LocalSimulator m_sim;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleApp> m_console;
    std::unique_ptr<FormUserAgent> m_browser;
    QStringList m_tokensSeen;
};

void tst_ConsoleSignIn::initTestCase()
{
    QVERIFY(m_dir.isValid());
    g_log = new QFile(m_dir.filePath(QStringLiteral("console.log")));
    QVERIFY(g_log->open(QIODevice::WriteOnly));
    g_previous = qInstallMessageHandler(logToFile);
    QLoggingCategory::setFilterRules(QStringLiteral("cpn.*.debug=true\nqt.networkauth*.debug=true"));

    api::LocalSimulator::Options options;
    options.devToken = QStringLiteral("dev-token-the-console-is-not-given");
    options.extraArguments = {QStringLiteral("--token-prefix"), QString::fromLatin1(kCanary)};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(), qPrintable(m_sim.errorString()));

    m_settings =
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    ConsoleOptions console;
    console.connectUrls = {m_sim.baseUrl()}; // no token: nothing is read before the sign-in
    console.cacheDirectory = m_dir.path();
    m_console = std::make_unique<ConsoleApp>(console, m_settings.get());
    m_console->start();
    QCOMPARE(m_console->accounts().size(), 1);
    QVERIFY(m_console->accountsUi());
}

void tst_ConsoleSignIn::cleanupTestCase()
{
    m_console.reset();
    m_sim.stop();
    qInstallMessageHandler(g_previous);
    QMutexLocker lock(&g_logMutex);
    delete g_log;
    g_log = nullptr;
}

bool tst_ConsoleSignIn::signInAs(const QString &user)
{
    m_browser = std::make_unique<FormUserAgent>(user, user); // the demo users' passwords are their names
    session()->setBrowserOpener([this](const QUrl &url) { return m_browser->open(url); });
    m_console->accountsUi()->signInAction()->trigger();
    if (!QTest::qWaitFor([&] { return session()->isSignedIn() && session()->account().user == user; }, 20000))
        return false;
    m_tokensSeen << session()->accessToken();
    return true;
}

int tst_ConsoleSignIn::httpStatusWith(const QString &token, const QString &path)
{
    QNetworkRequest request(m_sim.baseUrl().resolved(QUrl(path)));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return -1;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_ConsoleSignIn::operatorSeesWhyPlannerActionsAreOff()
{
    MainWindow *window = m_console->window();
    QLabel *status = m_console->accountsUi()->statusLabel();
    QCOMPARE(status->text(), QStringLiteral("Not signed in"));
    QCOMPARE(m_console->nodeModel().rowCount(), 0); // the API is closed without a token

    QVERIFY(signInAs(QStringLiteral("operator")));
    QVERIFY(
        session()->accessToken().startsWith(QString::fromLatin1(kCanary))); // the canary is what to look for
    QCOMPARE(status->text(), QStringLiteral("Signed in as operator (Operator)"));
    // The console now reads the federation with the operator's token.
    QTRY_VERIFY_WITH_TIMEOUT(m_console->nodeModel().rowCount() >= 30, 20000);

    for (QAction *action : {window->selectResourcesAction(), window->placeJobAction()}) {
        QTRY_VERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QStringLiteral("jobs:write")), qPrintable(action->toolTip()));
        QVERIFY2(action->toolTip().contains(QStringLiteral("operator")), qPrintable(action->toolTip()));
    }
    QVERIFY(m_console->accountsUi()->signOutAction()->isEnabled());
    // Sign-in asks for the alarm scopes too: an operator acts on alarms.
    QVERIFY(session()->account().hasScope(QStringLiteral("alarms:write")));
    QTRY_VERIFY(
        !window->alarmsPanel()->acknowledgeButton()->toolTip().contains(QStringLiteral("alarms:write")));
}

void tst_ConsoleSignIn::operatorJobSubmitIsRefusedAndExplained()
{
    // The actions are off, but a submission can still be attempted (e.g. the role changed at the node):
    // the node refuses it and the console says why, naming who is signed in.
    jobs::JobTracker *tracker = m_console->planning()->jobs;
    QSignalSpy failed(tracker, &jobs::JobTracker::submitFailed);
    JobRequest request;
    request.name = QStringLiteral("operator's attempt");
    request.kind = JobKind::Batch;
    request.nodeId = QStringLiteral("guian");
    request.requirements.cpuCores = 4;
    request.requirements.memoryGiB = 8;
    request.requirements.durationHours = 1;
    tracker->submit(QStringLiteral("tst"), request.nodeId, request);
    QVERIFY(failed.wait(15000));
    QCOMPARE(failed.first().at(2).toInt(), 403);

    const EventLogModel &events = m_console->eventModel();
    QString shown;
    for (int row = 0; row < events.rowCount(); ++row) {
        const auto &event = events.eventAt(row);
        if (event.message.contains(QStringLiteral("signed in as operator")))
            shown = event.message;
    }
    QVERIFY2(shown.contains(QStringLiteral("jobs:write")), qPrintable(shown));
}

void tst_ConsoleSignIn::signOutRevokes()
{
    const QString token = session()->accessToken();
    QCOMPARE(httpStatusWith(token, QStringLiteral("/api/v1/node")), 200);
    m_console->accountsUi()->signOutAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!session()->isSignedIn(), 10000);
    QCOMPARE(m_console->accountsUi()->statusLabel()->text(), QStringLiteral("Not signed in"));
    QVERIFY(session()->accessToken().isEmpty());
    // Revocation reached the server: the old access token no longer opens the API.
    QTRY_COMPARE_WITH_TIMEOUT(httpStatusWith(token, QStringLiteral("/api/v1/node")), 401, 10000);
}

// No browser opens (none installed, a remote session): the sign-in waits all the same and shows its page's
// address to copy; everything says a sign-in is under way; Cancel ends it, and the copied address
// opened in a browser signs in.
void tst_ConsoleSignIn::withoutABrowserTheAddressIsShown()
{
    AccountsUi *ui = m_console->accountsUi();
    session()->setBrowserOpener([](const QUrl &) { return false; });
    const auto waitDialog = [this]() -> SignInWaitDialog * {
        auto *dialog = m_console->window()->findChild<SignInWaitDialog *>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    };
    ui->signInAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(waitDialog(), 10000);
    QPointer<SignInWaitDialog> wait = waitDialog();
    const QUrl page(wait->findChild<QLineEdit *>(QStringLiteral("signInAddress"))->text());
    QCOMPARE(page.adjusted(QUrl::RemoveQuery), m_sim.baseUrl().resolved(QUrl(QStringLiteral("/oauth/authorize"))));
    QVERIFY(wait->findChild<QLabel *>(QStringLiteral("signInMessage"))->text().contains(QStringLiteral("No browser")));
    QCOMPARE(ui->statusLabel()->text(), QStringLiteral("Signing in…"));
    QVERIFY(!ui->signInAction()->isEnabled());
    QPointer<AccountsDialog> accounts = ui->showDialog();
    auto *table = accounts->findChild<QTableWidget *>();
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Signing in…"));

    QTest::mouseClick(wait->findChild<QPushButton *>(QStringLiteral("cancelSignIn")), Qt::LeftButton);
    QVERIFY(!session()->isSigningIn());
    QVERIFY(session()->flow()->redirectUri().isEmpty()); // the listener is closed
    QTRY_VERIFY(!wait);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Signed out"));
    QCOMPARE(ui->statusLabel()->text(), QStringLiteral("Not signed in"));
    QVERIFY(ui->signInAction()->isEnabled());
    accounts->close();

    ui->signInAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(waitDialog(), 10000);
    wait = waitDialog();
    FormUserAgent browser(QStringLiteral("operator"), QStringLiteral("operator"));
    browser.logIn(QUrl(wait->findChild<QLineEdit *>(QStringLiteral("signInAddress"))->text()));
    QTRY_VERIFY_WITH_TIMEOUT(session()->isSignedIn(), 20000);
    QTRY_VERIFY(!wait); // it closes by itself
    QCOMPARE(ui->statusLabel()->text(), QStringLiteral("Signed in as operator (Operator)"));
    m_tokensSeen << session()->accessToken();
}

void tst_ConsoleSignIn::plannerGetsTheActions()
{
    QVERIFY(signInAs(QStringLiteral("planner")));
    QCOMPARE(m_console->accountsUi()->statusLabel()->text(),
             QStringLiteral("Signed in as planner (Planner)"));
    MainWindow *window = m_console->window();
    for (QAction *action : {window->selectResourcesAction(), window->placeJobAction()}) {
        QTRY_VERIFY(action->isEnabled());
        QVERIFY(!action->toolTip().contains(QStringLiteral("jobs:write")));
    }
    // A planner reads alarms but may not act on them; the dock says which scope is missing.
    QVERIFY(session()->account().hasScope(QStringLiteral("alarms:read")));
    for (QPushButton *b :
         {window->alarmsPanel()->acknowledgeButton(), window->alarmsPanel()->silenceButton()}) {
        QTRY_VERIFY(!b->isEnabled());
        QVERIFY2(b->toolTip().contains(QStringLiteral("alarms:write")), qPrintable(b->toolTip()));
    }
}

void tst_ConsoleSignIn::noTokenInAnyFileTheConsoleWrote()
{
    // Some recorded history, then a snapshot of it, then the console closes (cache flushed, settings saved).
    QTRY_VERIFY_WITH_TIMEOUT(m_console->nodeModel().rowCount() >= 30, 20000);
    QTest::qWait(2500);
    SnapshotCommands *commands = m_console->snapshotCommands();
    QSignalSpy saved(commands, &SnapshotCommands::snapshotSaved);
    cache::SnapshotRequest request;
    request.name = QStringLiteral("signed-in");
    request.toMs = QDateTime::currentMSecsSinceEpoch();
    request.fromMs = request.toMs - 60000;
    request.endpoints = {m_sim.baseUrl().toString()};
    commands->exportSnapshot(m_dir.filePath(QStringLiteral("signed-in.cpnsnap")), request);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    m_console.reset();
    m_settings->sync();
    {
        QMutexLocker lock(&g_logMutex);
        g_log->flush();
    }

    QStringList files;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    QVERIFY(files.contains(m_dir.filePath(QStringLiteral("cache.sqlite"))));
    QVERIFY(files.contains(m_dir.filePath(QStringLiteral("console.ini"))));
    QVERIFY(files.contains(m_dir.filePath(QStringLiteral("signed-in.cpnsnap"))));
    QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("console.log"))).size() > 0);
    QCOMPARE(m_tokensSeen.size(), 3);
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(kCanary), qPrintable(QStringLiteral("a token in %1").arg(path)));
    }
}

QTEST_MAIN(tst_ConsoleSignIn)
#include "tst_consolesignin.moc"
