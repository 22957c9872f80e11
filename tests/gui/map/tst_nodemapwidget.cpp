#include "mapfixture.h"

#include "itemmodels/federationsummary.h"
#include "widgets/map/mapstyle.h"
#include "widgets/map/nodemapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QToolTip>
#include <QWheelEvent>

using namespace cpn;
using namespace cpn::map;
using namespace Qt::StringLiterals;

class tst_NodeMapWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void wheelZoomKeepsPointUnderCursor();
    void dragPans();
    void keyboardNavigation();
    void clickSelectsInTable();
    void clickOnEmptySeaClearsSelection();
    void tableSelectionHighlightsOnMap();
    void filterHidesNodes();
    void jumpToNodeCentresAndSelects();
    void silentNodeShowsLastKnownFiguresWithTheirAge();
    void newDataReachesTheScreenWithoutAnInput();
    void totalsAndTheirDataShowInOnePaint();
    void blinkTogglesAtOneHertzUntilStopped();

private:
    void sendMouse(QEvent::Type type, const QPointF &pos, Qt::MouseButton button, Qt::MouseButtons buttons);
    QString selectedId() const;

    std::unique_ptr<testing::MapFixture> m_fx;
    std::unique_ptr<QTableView> m_table;
    std::unique_ptr<NodeMapWidget> m_map;
};

void tst_NodeMapWidget::init()
{
    m_fx = std::make_unique<testing::MapFixture>();
    m_table = std::make_unique<QTableView>();
    m_table->setModel(m_fx->proxy.get());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_map = std::make_unique<NodeMapWidget>(m_fx->scene.get(), m_fx->model.get());
    m_map->setSelectionModel(m_table->selectionModel());
    connect(m_fx->feeder.get(), &MapSceneFeeder::sceneChanged, m_map.get(), &NodeMapWidget::sceneChanged);
    m_map->resize(1200, 800);
    m_map->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_map.get()));
}

void tst_NodeMapWidget::cleanup()
{
    m_map.reset();
    m_table.reset();
    m_fx.reset();
}

void tst_NodeMapWidget::sendMouse(QEvent::Type type, const QPointF &pos, Qt::MouseButton button,
                                  Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, m_map->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(m_map.get(), &event);
}

QString tst_NodeMapWidget::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.constFirst().data(NodeTableModel::NodeIdRole).toString() : QString();
}

void tst_NodeMapWidget::wheelZoomKeepsPointUnderCursor()
{
    const QPointF cursor(700, 300);
    const QPointF km = m_map->viewport().toKm(cursor);
    const double scale = m_map->viewport().scale();
    QWheelEvent wheel(cursor, m_map->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_map.get(), &wheel);
    QVERIFY(m_map->viewport().scale() > scale * 1.4);
    const QPointF after = m_map->viewport().toScreen(km);
    QVERIFY2(std::hypot(after.x() - cursor.x(), after.y() - cursor.y()) < 1e-6,
             qPrintable(QStringLiteral("%1,%2").arg(after.x()).arg(after.y())));
    QVERIFY(m_map->frameState().interactive);
    // Once the wheel stops, the layers are redrawn at the new view.
    QTRY_VERIFY(!m_map->frameState().interactive);
}

void tst_NodeMapWidget::dragPans()
{
    const QPointF start(500, 400);
    const QPointF km = m_map->viewport().toKm(start);
    sendMouse(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    sendMouse(QEvent::MouseMove, start + QPointF(20, 10), Qt::NoButton, Qt::LeftButton);
    sendMouse(QEvent::MouseMove, start + QPointF(60, 30), Qt::NoButton, Qt::LeftButton);
    sendMouse(QEvent::MouseButtonRelease, start + QPointF(60, 30), Qt::LeftButton, Qt::NoButton);
    const QPointF after = m_map->viewport().toScreen(km);
    QVERIFY(std::hypot(after.x() - 560, after.y() - 430) < 1e-6);
    QVERIFY2(selectedId().isEmpty(), "a drag is not a click");
}

void tst_NodeMapWidget::keyboardNavigation()
{
    const geo::MapViewport fitted = m_map->viewport();
    QTest::keyClick(m_map.get(), Qt::Key_Plus);
    QVERIFY(qFuzzyCompare(m_map->viewport().scale(), fitted.scale() * 1.25));
    const QPointF centre = m_map->viewport().centreKm();
    QTest::keyClick(m_map.get(), Qt::Key_Left);
    QVERIFY(m_map->viewport().centreKm().x() < centre.x());
    QTest::keyClick(m_map.get(), Qt::Key_Down);
    QVERIFY(m_map->viewport().centreKm().y() < centre.y());
    QTest::keyClick(m_map.get(), Qt::Key_Minus);
    QTest::keyClick(m_map.get(), Qt::Key_0);
    QVERIFY(m_map->viewport() == fitted);
}

void tst_NodeMapWidget::clickSelectsInTable()
{
    QSignalSpy clicked(m_map.get(), &NodeMapWidget::nodeClicked);
    const QPointF p = m_map->nodePosition(QStringLiteral("guizhou-hub"));
    QTest::mouseClick(m_map.get(), Qt::LeftButton, {}, p.toPoint());
    QCOMPARE(selectedId(), QStringLiteral("guizhou-hub"));
    QCOMPARE(m_table->currentIndex().data(NodeTableModel::NodeIdRole).toString(),
             QStringLiteral("guizhou-hub"));
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(m_map->frameState().selectedNodes,
             QList<int>{m_fx->scene->nodeIndex(QStringLiteral("guizhou-hub"))});
}

void tst_NodeMapWidget::clickOnEmptySeaClearsSelection()
{
    m_table->selectRow(0);
    QVERIFY(!m_table->selectionModel()->selectedRows().isEmpty());
    const geo::AlbersProjection projection;
    const QPointF sea = m_map->viewport().toScreen(projection.project(128.5, 27.0));
    QTest::mouseClick(m_map.get(), Qt::LeftButton, {}, sea.toPoint());
    QVERIFY(m_table->selectionModel()->selectedRows().isEmpty());
    QVERIFY(m_map->frameState().selectedNodes.isEmpty());
}

void tst_NodeMapWidget::tableSelectionHighlightsOnMap()
{
    const QModelIndex source = m_fx->model->nodeIndex(QStringLiteral("shaoguan"));
    const QModelIndex row = m_fx->proxy->mapFromSource(source);
    m_table->selectRow(row.row());
    const int index = m_fx->scene->nodeIndex(QStringLiteral("shaoguan"));
    QCOMPARE(m_map->frameState().selectedNodes, QList<int>{index});
    // The selection ring is drawn around the node (left of it: the name sits on the right).
    const QImage image = m_map->grab().toImage();
    const QPointF p = m_map->nodePosition(QStringLiteral("shaoguan")) * image.devicePixelRatio();
    const double r =
        (m_map->renderer().sprites().outerRadius(NodeRole::Cluster) + 4) * image.devicePixelRatio();
    bool ring = false;
    for (int dx = -2; dx <= 2 && !ring; ++dx) {
        const QColor c = image.pixelColor(QPoint(int(p.x() - r) + dx, int(p.y())));
        ring = std::abs(c.red() - style::kSelection.red()) < 40 &&
               std::abs(c.green() - style::kSelection.green()) < 40 &&
               std::abs(c.blue() - style::kSelection.blue()) < 40;
    }
    QVERIFY2(ring, "selection ring around the node selected in the table");
    m_table->clearSelection();
    QVERIFY(m_map->frameState().selectedNodes.isEmpty());
}

void tst_NodeMapWidget::filterHidesNodes()
{
    const QPointF national = m_map->nodePosition(QStringLiteral("national"));
    QCOMPARE(m_map->nodeIdAt(national), QStringLiteral("national"));
    m_fx->proxy->setTierFilter(NodeTier::Regional);
    m_fx->feeder->flush();
    QVERIFY(m_map->nodeIdAt(national) != u"national"); // the Beijing hub next to it may answer
    QCOMPARE(m_map->nodeIdAt(m_map->nodePosition(QStringLiteral("wuhu"))), QStringLiteral("wuhu"));
    QVERIFY(!m_map->jumpToNode(QStringLiteral("national")));
}

void tst_NodeMapWidget::jumpToNodeCentresAndSelects()
{
    QVERIFY(m_map->jumpToNode(QStringLiteral("horinger")));
    const QPointF p = m_map->nodePosition(QStringLiteral("horinger"));
    QVERIFY(std::hypot(p.x() - 600, p.y() - 400) < 1e-6);
    QCOMPARE(selectedId(), QStringLiteral("horinger"));
    QVERIFY(!m_map->jumpToNode(QStringLiteral("no-such-node")));
}

// A node that stopped reporting once showed its old figures on the hover card as if current.
void tst_NodeMapWidget::silentNodeShowsLastKnownFiguresWithTheirAge()
{
    const QString id = u"guian"_s;
    const auto hoverText = [this, &id] {
        QVERIFY(m_map->jumpToNode(id));
        const QPointF pos = m_map->nodePosition(id);
        QHelpEvent help(QEvent::ToolTip, pos.toPoint(), m_map->mapToGlobal(pos.toPoint()));
        QApplication::sendEvent(m_map.get(), &help);
    };
    hoverText();
    QVERIFY2(QToolTip::text().contains(u"busy"_s), qPrintable(QToolTip::text()));
    QVERIFY(!QToolTip::text().contains(u"Last known"_s));
    // Everyone else reports for 40 s more; guian falls silent.
    for (int t = 1; t <= 40; ++t) {
        m_fx->clock->advance(1000);
        QList<NodeSample> tick = testing::sampleTick(m_fx->nodes, m_fx->clock->nowMs(), t);
        tick.removeIf([&id](const NodeSample &s) { return s.nodeId == id; });
        m_fx->state->ingestSamples(tick);
    }
    m_fx->state->refresh();
    m_fx->feeder->flush();
    hoverText();
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(u"Status: Offline"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Last known figures, 40 s old"_s), qPrintable(text));
    const QModelIndex cpu = m_fx->model->nodeIndex(id, NodeTableModel::CpuColumn);
    QCOMPARE(cpu.data(NodeTableModel::FiguresCurrentRole).toBool(), false);
}

// A tick's data is composed off the UI thread; the widget repaints by itself when it is ready.
void tst_NodeMapWidget::newDataReachesTheScreenWithoutAnInput()
{
    QTRY_VERIFY(m_map->renderer().linkBuilds() >= 1);
    const int shown = m_map->renderer().linkBuilds();
    m_fx->tick(1);
    QTRY_COMPARE(m_map->renderer().linkBuilds(), shown + 1);
    m_fx->tick(2);
    QTRY_COMPARE(m_map->renderer().linkBuilds(), shown + 2);
}

// A tick's totals arrive while its nodes are composed off the UI thread: the map repaints once for
// both, not once for the totals panel and again for the data.
void tst_NodeMapWidget::totalsAndTheirDataShowInOnePaint()
{
    struct PaintCounter : QObject
    {
        int paints = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            paints += event->type() == QEvent::Paint ? 1 : 0;
            return false;
        }
    } counter;
    QTRY_VERIFY(m_map->renderer().linkBuilds() >= 1);
    m_fx->tick(1); // the first tick the widget hears of is painted at once
    QTRY_VERIFY(!m_map->renderer().isComposing());
    QTest::qWait(100);
    const int shown = m_map->renderer().linkBuilds();
    m_map->installEventFilter(&counter);
    m_fx->tick(2);
    QVERIFY(m_map->renderer().isComposing());
    m_map->setSummary(FederationSummary::compute(*m_fx->state), m_fx->clock->nowMs(), 1000);
    QTRY_COMPARE(m_map->renderer().linkBuilds(), shown + 1);
    QTest::qWait(100);
    QCOMPARE(counter.paints, 1);
    m_map->removeEventFilter(&counter);
}

// A new critical alarm's source blinks: shown at once, then every half second on and off, each time
// repainting only the source's own region; an empty list (acknowledged, silenced) stops it.
void tst_NodeMapWidget::blinkTogglesAtOneHertzUntilStopped()
{
    QVERIFY(!m_map->isBlinking());
    m_map->setBlinking({u"guizhou-hub"_s}, {m_fx->scene->links().constFirst().id});
    QVERIFY(m_map->isBlinking());
    QVERIFY(m_map->frameState().blinkOn);
    const QRect region = m_map->blinkRegion().boundingRect();
    QVERIFY(!region.isEmpty());
    QVERIFY(region.contains(m_map->nodePosition(u"guizhou-hub"_s).toPoint()));
    QVERIFY(m_map->blinkRegion().boundingRect() != m_map->rect());
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY(!m_map->frameState().blinkOn);
    QTRY_VERIFY(m_map->frameState().blinkOn);
    QVERIFY(timer.elapsed() >= 2 * NodeMapWidget::kBlinkHalfPeriodMs - 100);

    m_map->setBlinking({}, {});
    QVERIFY(!m_map->isBlinking());
    QVERIFY(!m_map->frameState().blinkOn);
    QVERIFY(m_map->blinkRegion().isEmpty());
}

QTEST_MAIN(tst_NodeMapWidget)
#include "tst_nodemapwidget.moc"
