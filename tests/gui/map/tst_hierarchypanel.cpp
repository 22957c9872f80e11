// The Hierarchy dock in the window: choosing a hub narrows the Nodes table and the map to its subtree and
// fits the map to it, the breadcrumb says where and goes back up, search finds a node by its compute
// identifier, and Whole Federation lifts it all.
#include "domain/clock.h"
#include "gui/map/mapfixture.h"
#include "itemmodels/hierarchymodel.h"
#include "ui/hierarchypanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace cpn;

class tst_HierarchyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooseNarrowsAndTheBreadcrumbGoesBackUp();
    void searchFindsAComputeIdentifier();
};

void tst_HierarchyPanel::chooseNarrowsAndTheBreadcrumbGoesBackUp()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    testing::MapFixture fx;
    HierarchyModel model(fx.state.get());
    HierarchyPanel panel(&model);
    panel.resize(600, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy chosen(&panel, &HierarchyPanel::subtreeChosen);
    QSignalSpy whole(&panel, &HierarchyPanel::wholeFederationChosen);
    QVERIFY(!panel.wholeButton()->isEnabled());

    QVERIFY(panel.choose(QStringLiteral("guian")));
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.last().at(0).toString(), QStringLiteral("guian"));
    QCOMPARE(chosen.last().at(1).value<QSet<QString>>(), QSet<QString>{QStringLiteral("guian")});
    // National › Guizhou hub › Gui'an cluster, the ancestors as links.
    const QString crumb = panel.breadcrumb()->text();
    QVERIFY2(crumb.contains(QStringLiteral("href=\"guizhou-hub\"")), qPrintable(crumb));
    QVERIFY2(crumb.contains(QStringLiteral("href=\"national\"")), qPrintable(crumb));
    // Back up to the hub through its crumb: its whole subtree.
    Q_EMIT panel.breadcrumb()->linkActivated(QStringLiteral("guizhou-hub"));
    QCOMPARE(chosen.last().at(0).toString(), QStringLiteral("guizhou-hub"));
    const QSet<QString> hub = chosen.last().at(1).value<QSet<QString>>();
    QVERIFY(hub.size() > 1 && hub.contains(QStringLiteral("guian")));
    QCOMPARE(hub.size(), model.figures(model.indexOf(QStringLiteral("guizhou-hub"))).nodes);
    // Pin Chart asks for the chosen subtree's chart.
    QSignalSpy pin(&panel, &HierarchyPanel::pinRequested);
    QVERIFY(panel.pinButton()->isEnabled());
    panel.pinButton()->click();
    QCOMPARE(pin.count(), 1);
    QCOMPARE(pin.last().at(0).toString(), QStringLiteral("guizhou-hub"));
    QVERIFY(panel.wholeButton()->isEnabled());
    panel.wholeButton()->click();
    QCOMPARE(whole.count(), 1);
    QVERIFY(panel.chosen().isEmpty());
    QVERIFY(!panel.pinButton()->isEnabled()); // nothing chosen: nothing to pin
}

void tst_HierarchyPanel::searchFindsAComputeIdentifier()
{
    testing::MapFixture fx;
    HierarchyModel model(fx.state.get());
    HierarchyPanel panel(&model);
    panel.show();
    const Node *guian = fx.state->node(QStringLiteral("guian"));
    QVERIFY(guian);
    panel.searchEdit()->setText(guian->computeId);
    QTreeView *view = panel.view();
    // One path down to it: the national node, the hub, the cluster.
    QModelIndex at = view->model()->index(0, 0);
    QCOMPARE(view->model()->rowCount(), 1);
    at = view->model()->index(0, 0, at);
    QCOMPARE(at.data(HierarchyModel::NodeIdRole).toString(), QStringLiteral("guizhou-hub"));
    QCOMPARE(view->model()->rowCount(at), 1);
    QCOMPARE(view->model()->index(0, 0, at).data(HierarchyModel::NodeIdRole).toString(), QStringLiteral("guian"));
}

QTEST_MAIN(tst_HierarchyPanel)
#include "tst_hierarchypanel.moc"
