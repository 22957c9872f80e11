#include "domain/clock.h"
#include "itemmodels/eventlog.h"
#include "itemmodels/eventlogmodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"
#include "ui/mainwindow.h"
#include "ui/mappanel.h"
#include "widgets/map/nodemapwidget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

using namespace cpn;

class tst_WallMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mapIsCentral();
    void wallModeHidesChrome();
    void shortcutsToggle();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FederationState> m_state;
    std::unique_ptr<NodeTableModel> m_nodes;
    std::unique_ptr<EventLogModel> m_events;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<MainWindow> m_window;
};

void tst_WallMode::init()
{
    m_clock = std::make_unique<ManualClock>(1764064800000);
    m_state = std::make_unique<FederationState>(*m_clock);
    m_nodes = std::make_unique<NodeTableModel>(m_state.get());
    m_events = std::make_unique<EventLogModel>();
    m_eventLog = std::make_unique<EventLog>(m_events.get(), *m_clock);
    MainWindow::Dependencies deps;
    deps.state = m_state.get();
    deps.nodes = m_nodes.get();
    deps.events = m_eventLog.get();
    deps.clock = m_clock.get();
    m_window = std::make_unique<MainWindow>(deps);
    const QList<Node> nodes = testing::sampleNodes();
    m_state->setDirectory(nodes, testing::sampleLinks(nodes));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_WallMode::cleanup()
{
    m_window.reset();
    m_eventLog.reset();
    m_events.reset();
    m_nodes.reset();
    m_state.reset();
    m_clock.reset();
}

void tst_WallMode::mapIsCentral()
{
    QCOMPARE(m_window->centralWidget(), m_window->mapPanel());
    QVERIFY(m_window->overviewDock()->isVisible() || m_window->eventsDock()->isVisible());
    QVERIFY(m_window->detailsDock());
}

void tst_WallMode::wallModeHidesChrome()
{
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(m_window->nodesDock()->isVisible());
    m_window->setWallMode(true);
    QVERIFY(m_window->isWallMode());
    QVERIFY(m_window->isFullScreen());
    QVERIFY(!m_window->menuBar()->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(!m_window->mapPanel()->toolBar()->isVisible());
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
    QVERIFY(m_window->mapPanel()->mapWidget()->isVisible());
    QVERIFY(m_window->mapPanel()->mapWidget()->wallMode());
    QVERIFY(m_window->mapPanel()->mapWidget()->renderer().overlay().textScale() > 1.2);

    m_window->setWallMode(false);
    QVERIFY(!m_window->isFullScreen());
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    QVERIFY(m_window->nodesDock()->isVisible());
    QVERIFY(m_window->mapPanel()->toolBar()->isVisible());
    QVERIFY(!m_window->mapPanel()->mapWidget()->wallMode());
}

void tst_WallMode::shortcutsToggle()
{
    QVERIFY(m_window->wallModeAction());
    QCOMPARE(m_window->wallModeAction()->shortcut(), QKeySequence(Qt::Key_F11));
    m_window->wallModeAction()->trigger();
    QVERIFY(m_window->isWallMode());
    QVERIFY(m_window->wallModeAction()->isChecked());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window->mapPanel()->mapWidget(), Qt::Key_Escape);
    QVERIFY(!m_window->isWallMode());
    QTest::keyClick(m_window->mapPanel()->mapWidget(), Qt::Key_F11);
    QVERIFY(m_window->isWallMode());
}

QTEST_MAIN(tst_WallMode)
#include "tst_wallmode.moc"
