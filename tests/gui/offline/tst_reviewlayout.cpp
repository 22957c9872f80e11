// The offline review's window layout against the live console's, through the composition root: a
// live run against a real cpn-nodesim saves its window state, then a recording opened with
// --offline in the same settings shows the banner and the replay bar across the window under the
// menus, whatever the live run saved; and the offline run leaves the live layout as it was.
#include "api/localsimulator.h"
#include "consoleapp.h"
#include "offlinesession.h"
#include "recordedfederation.h"
#include "ui/mainwindow.h"
#include "ui/replay/replaybar.h"

#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace cpn;
using namespace cpn::console;
using namespace cpn::testing;

namespace {
const QString kToken = QStringLiteral("dev-token-of-the-review-layout-test");

// Every setting but those of the review's own layout.
QMap<QString, QVariant> liveSettings(QSettings &settings)
{
    QMap<QString, QVariant> values;
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys) {
        if (!key.startsWith(QLatin1String("ui/review/")))
            values.insert(key, settings.value(key));
    }
    return values;
}
} // namespace

class TestReviewLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reviewAfterLiveShowsBannerAndBarInFull();
    void reviewLeavesTheLiveLayoutAlone();

private:
    void runLive();
    void verifyBarInFull();
    std::unique_ptr<ConsoleApp> openOffline();

    QTemporaryDir m_dir;
    QString m_snapshot;
    api::LocalSimulator m_simulator;
    std::unique_ptr<QSettings> m_settings;
};

void TestReviewLayout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_snapshot = recordSnapshot(m_dir.path());
    QVERIFY(!m_snapshot.isEmpty());
    api::LocalSimulator::Options options;
    options.devToken = kToken;
    m_simulator.start(options);
    QVERIFY2(m_simulator.waitForStarted(), qPrintable(m_simulator.errorString()));
    m_settings =
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
}

// A live run on the simulator, its window resized and its docks moved, then closed: what a
// control room's console saves at the end of a shift.
void TestReviewLayout::runLive()
{
    ConsoleOptions options;
    options.connectUrls = {m_simulator.baseUrl()};
    options.token = kToken;
    options.cacheDirectory = m_dir.filePath(QStringLiteral("live-cache"));
    ConsoleApp console(options, m_settings.get());
    console.start();
    QTRY_VERIFY_WITH_TIMEOUT(console.nodeModel().rowCount() > 0, 15000);
    console.window()->close(); // saves the layout
    m_settings->sync();
}

std::unique_ptr<ConsoleApp> TestReviewLayout::openOffline()
{
    ConsoleOptions options;
    options.offlineFile = m_snapshot;
    options.cacheDirectory = m_dir.filePath(QStringLiteral("unused-cache"));
    auto console = std::make_unique<ConsoleApp>(options, m_settings.get());
    QSignalSpy opened(console->offlineSession(), &OfflineSession::opened);
    console->start();
    if (!opened.wait(10000) || !opened.constFirst().at(0).toBool())
        return {};
    return console;
}

void TestReviewLayout::reviewAfterLiveShowsBannerAndBarInFull()
{
    runLive();
    QVERIFY(!m_settings->value(QStringLiteral("ui/mainWindow/state")).toByteArray().isEmpty());

    // The first review after the live run, and the next one on the review's own saved layout.
    for (int review = 0; review < 2; ++review) {
        verifyBarInFull();
        if (QTest::currentTestFailed())
            return;
    }
}

void TestReviewLayout::verifyBarInFull()
{
    auto console = openOffline();
    QVERIFY(console);
    MainWindow *window = console->window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *host = window->findChild<QToolBar *>(QStringLiteral("replayToolBar"));
    QVERIFY(host);
    ReplayBar *bar = console->offlineSession()->bar();
    QTRY_VERIFY(bar->isVisible());
    // Across the window, as tall as it needs, under the menu bar.
    const QRect barRect(bar->mapTo(window, QPoint(0, 0)), bar->size());
    qInfo() << "window" << window->geometry() << "menu bar" << window->menuBar()->geometry() << "replay bar"
            << barRect << "in area" << window->toolBarArea(host);
    QVERIFY(!host->isFloating());
    QCOMPARE(window->toolBarArea(host), Qt::TopToolBarArea);
    QVERIFY2(barRect.width() >= window->width() * 8 / 10, "the replay bar is squeezed");
    QVERIFY2(barRect.height() >= bar->minimumSizeHint().height(), "the replay bar is cut");
    QVERIFY2(barRect.top() >= window->menuBar()->geometry().bottom(), "the replay bar is over the menus");
    QVERIFY(window->rect().contains(barRect));
    window->close();
}

void TestReviewLayout::reviewLeavesTheLiveLayoutAlone()
{
    runLive();
    const QMap<QString, QVariant> live = liveSettings(*m_settings);
    QVERIFY(live.contains(QStringLiteral("ui/mainWindow/state")));

    auto console = openOffline();
    QVERIFY(console);
    MainWindow *window = console->window();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    // The reviewer arranges the review window: none of it reaches the live layout.
    window->resize(1000, 700);
    window->addDockWidget(Qt::LeftDockWidgetArea, window->nodesDock());
    window->close();
    m_settings->sync();
    QCOMPARE(liveSettings(*m_settings), live);
    // The review keeps its own arrangement for the next review.
    QVERIFY(!m_settings->value(QStringLiteral("ui/review/mainWindow/state")).toByteArray().isEmpty());
}

QTEST_MAIN(TestReviewLayout)
#include "tst_reviewlayout.moc"
