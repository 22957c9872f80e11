// The 1+M+N tree and its roll-ups: the tree from parentId (roots, order, cycles cut), and every subtree's
// figures equal to sums worked out by hand and to a walk of the subtree.
#include "state/hierarchy.h"
#include "support/samplefederation.h"

#include <QTest>

#include <functional>

using namespace cpn;

class tst_Hierarchy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeFromParents();
    void orphansAndCyclesBecomeRoots();
    void rollupsByHand();
    void rollupsEqualAWalkOfEverySubtree();
};

namespace {

Node node(const QString &id, NodeRole role, const QString &parent, int cards = 0, int cores = 1000)
{
    Node n;
    n.id = id;
    n.name = id;
    n.role = role;
    n.parentId = parent;
    n.capacity.cpuCores = cores;
    if (cards > 0)
        n.capacity.accelerators = {{QStringLiteral("h800"), cards}};
    return n;
}

// national -> hub-a (cluster a1, industry a2), hub-b (cluster b1); listed out of order.
QList<Node> smallFederation()
{
    return {node(QStringLiteral("a2"), NodeRole::Industry, QStringLiteral("hub-a"), 10),
            node(QStringLiteral("hub-b"), NodeRole::Hub, QStringLiteral("national"), 0, 2000),
            node(QStringLiteral("national"), NodeRole::National, QString(), 0, 500),
            node(QStringLiteral("b1"), NodeRole::Cluster, QStringLiteral("hub-b"), 40),
            node(QStringLiteral("hub-a"), NodeRole::Hub, QStringLiteral("national"), 20),
            node(QStringLiteral("a1"), NodeRole::Cluster, QStringLiteral("hub-a"), 100)};
}

} // namespace

void tst_Hierarchy::treeFromParents()
{
    const QList<Node> nodes = smallFederation();
    const Hierarchy tree(nodes);
    const auto id = [&](int row) { return nodes[row].id; };
    QCOMPARE(tree.roots().size(), 1);
    QCOMPARE(id(tree.roots().first()), QStringLiteral("national"));
    QStringList order;
    for (int row : tree.order())
        order << id(row);
    // Depth first; children by role (a cluster before an industry node), then name.
    QCOMPARE(order, (QStringList{QStringLiteral("national"), QStringLiteral("hub-a"), QStringLiteral("a1"),
                                 QStringLiteral("a2"), QStringLiteral("hub-b"), QStringLiteral("b1")}));
    const int hubA = 4, a2 = 0, b1 = 3, national = 2;
    QCOMPARE(tree.subtreeSize(hubA), 3);
    QCOMPARE(tree.subtreeSize(national), 6);
    QVERIFY(tree.contains(hubA, a2));
    QVERIFY(!tree.contains(hubA, b1));
    QVERIFY(tree.contains(a2, a2));
    QCOMPARE(tree.path(a2), (QList<int>{national, hubA, a2}));
}

void tst_Hierarchy::orphansAndCyclesBecomeRoots()
{
    QList<Node> nodes = smallFederation();
    nodes.append(node(QStringLiteral("site"), NodeRole::Industry, QStringLiteral("not-in-the-directory")));
    // A hostile directory: x -> y -> z -> x.
    nodes.append(node(QStringLiteral("x"), NodeRole::Cluster, QStringLiteral("z")));
    nodes.append(node(QStringLiteral("y"), NodeRole::Cluster, QStringLiteral("x")));
    nodes.append(node(QStringLiteral("z"), NodeRole::Cluster, QStringLiteral("y")));
    const Hierarchy tree(nodes);
    QCOMPARE(tree.order().size(), nodes.size()); // every node once
    QCOMPARE(tree.roots().size(), 3);            // national, the site, and one of the cycle
    int inCycle = 0;
    for (int root : tree.roots()) {
        if (nodes[root].id.size() == 1) {
            QCOMPARE(tree.subtreeSize(root), 3);
            ++inCycle;
        }
    }
    QCOMPARE(inCycle, 1);
}

void tst_Hierarchy::rollupsByHand()
{
    const QList<Node> nodes = smallFederation();
    const Hierarchy tree(nodes);
    QList<SubtreeFigures> perNode(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        perNode[i].nodes = 1;
        perNode[i].acceleratorsTotal = nodes[i].capacity.acceleratorCount();
    }
    // a1: 100 cards, 60 busy; a2: 10 cards, 5 busy; hub-a: 20 cards, not reporting; b1: 40 cards, 10 busy;
    // hub-b: CPU only, 2000 cores (weight 20) at 50 %; national: CPU only, 500 cores at 10 %, 2 alarms.
    const auto reporting = [&](int row, double busy, double weight, double busyWeight) {
        perNode[row].reporting = 1;
        perNode[row].acceleratorsBusy = busy;
        perNode[row].weight = weight;
        perNode[row].busyWeight = busyWeight;
    };
    reporting(5, 60, 100, 60);
    reporting(0, 5, 10, 5);
    reporting(3, 10, 40, 10);
    reporting(1, 0, 20, 10);
    reporting(2, 0, 5, 0.5);
    perNode[2].openAlarms = 2;
    perNode[5].openAlarms = 1;
    HierarchyRollup rollup;
    rollup.compute(tree, perNode);
    const SubtreeFigures hubA = rollup.of(4);
    QCOMPARE(hubA.nodes, 3);
    QCOMPARE(hubA.reporting, 2);
    QCOMPARE(hubA.acceleratorsTotal, 130);
    QCOMPARE(hubA.acceleratorsFree(), 65);            // 130 - 60 - 5
    QCOMPARE(hubA.utilization(), 65.0 / 110.0);       // of the reporting nodes' weight
    QCOMPARE(hubA.openAlarms, 1);
    const SubtreeFigures all = rollup.of(2);
    QCOMPARE(all.nodes, 6);
    QCOMPARE(all.reporting, 5);
    QCOMPARE(all.acceleratorsFree(), 170 - 75);
    QCOMPARE(all.openAlarms, 3);
    QCOMPARE(all.utilization(), (60 + 5 + 10 + 10 + 0.5) / (100.0 + 10 + 40 + 20 + 5));
    QCOMPARE(rollup.of(3).nodes, 1); // a leaf is itself
    QCOMPARE(rollup.of(-1).nodes, 0);
}

void tst_Hierarchy::rollupsEqualAWalkOfEverySubtree()
{
    const QList<Node> nodes = testing::sampleNodes();
    const Hierarchy tree(nodes);
    QList<SubtreeFigures> perNode(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        perNode[i].nodes = 1;
        perNode[i].acceleratorsTotal = nodes[i].capacity.acceleratorCount();
        perNode[i].acceleratorsBusy = i % 7;
        perNode[i].openAlarms = i % 3 == 0;
    }
    HierarchyRollup rollup;
    rollup.compute(tree, perNode);
    const std::function<SubtreeFigures(int)> walk = [&](int at) {
        SubtreeFigures sum = perNode[at];
        for (int child : tree.children(at))
            sum += walk(child);
        return sum;
    };
    for (int i = 0; i < nodes.size(); ++i) {
        const SubtreeFigures expected = walk(i), got = rollup.of(i);
        QCOMPARE(got.nodes, expected.nodes);
        QCOMPARE(got.acceleratorsTotal, expected.acceleratorsTotal);
        QCOMPARE(got.acceleratorsBusy, expected.acceleratorsBusy);
        QCOMPARE(got.openAlarms, expected.openAlarms);
    }
    QVERIFY(rollup.of(tree.roots().first()).nodes > 30);
}

QTEST_GUILESS_MAIN(tst_Hierarchy)
#include "tst_hierarchy.moc"
