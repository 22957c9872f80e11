// The hierarchy as a tree model over the live state: its rows follow the directory's 1+M+N tree, each with
// its subtree's roll-ups; a subtree filters the Nodes table; search finds a node by name or compute
// identifier with its ancestors kept.
#include "domain/clock.h"
#include "itemmodels/hierarchymodel.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace cpn;

class tst_HierarchyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsFollowTheTree();
    void rowsCarryTheirSubtreesFigures();
    void aSubtreeFiltersTheNodesTable();
    void searchKeepsTheAncestors();

private:
    static constexpr qint64 kT0 = 1764064800000;
    ManualClock *m_clock = nullptr;
    FederationState *m_state = nullptr;
    HierarchyModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QList<Node> m_nodes;
};

void tst_HierarchyModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_clock = new ManualClock(kT0);
    m_state = new FederationState(*m_clock);
    m_model = new HierarchyModel(m_state);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_nodes = testing::sampleNodes();
    m_state->setDirectory(m_nodes, testing::sampleLinks(m_nodes));
    m_state->ingestSamples(testing::sampleTick(m_nodes, kT0));
}

void tst_HierarchyModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_state;
    delete m_clock;
}

void tst_HierarchyModel::rowsFollowTheTree()
{
    QCOMPARE(m_model->rowCount(), 1); // the national node
    const QModelIndex national = m_model->index(0, 0);
    QCOMPARE(national.data(HierarchyModel::NodeIdRole).toString(), QStringLiteral("national"));
    // Its children are the hubs.
    QVERIFY(m_model->rowCount(national) >= 2);
    const QModelIndex hub = m_model->indexOf(QStringLiteral("guizhou-hub"));
    QVERIFY(hub.isValid());
    QCOMPARE(hub.parent(), national);
    QCOMPARE(m_model->path(hub).size(), 2);
    QVERIFY(m_model->path(hub).constLast().contains(QStringLiteral("Guizhou")));
    const QModelIndex guian = m_model->indexOf(QStringLiteral("guian"));
    QCOMPARE(guian.parent(), hub);
}

void tst_HierarchyModel::rowsCarryTheirSubtreesFigures()
{
    const QModelIndex hub = m_model->indexOf(QStringLiteral("guizhou-hub"));
    // By hand from the directory: the hub and every node whose parent chain reaches it.
    int nodes = 0, cards = 0;
    for (const Node &n : m_nodes) {
        for (const Node *at = &n; at;) {
            if (at->id == QStringLiteral("guizhou-hub")) {
                ++nodes;
                cards += n.capacity.acceleratorCount();
                break;
            }
            const auto parent = std::find_if(m_nodes.cbegin(), m_nodes.cend(), [&](const Node &p) { return p.id == at->parentId; });
            at = parent == m_nodes.cend() ? nullptr : &*parent;
        }
    }
    const SubtreeFigures f = m_model->figures(hub);
    QCOMPARE(f.nodes, nodes);
    QCOMPARE(f.acceleratorsTotal, cards);
    QCOMPARE(f.reporting, nodes); // every node has a fresh sample
    QCOMPARE(m_model->index(hub.row(), HierarchyModel::ReportingColumn, hub.parent()).data().toString(),
             QStringLiteral("%1 / %1").arg(nodes));
    QCOMPARE(m_model->figures(m_model->index(0, 0)).nodes, int(m_nodes.size()));
    // Alarms roll up too.
    m_model->setAlarmCounts([] { return QHash<QString, int>{{QStringLiteral("guian"), 2}, {QStringLiteral("unknown"), 5}}; });
    QCOMPARE(m_model->figures(hub).openAlarms, 2);
    QCOMPARE(m_model->index(hub.row(), HierarchyModel::AlarmsColumn, hub.parent()).data().toString(), QStringLiteral("2"));
    // A node whose samples stopped is no longer counted as reporting once past the limit.
    m_clock->advance(60'000);
    m_state->refresh();
    QCOMPARE(m_model->figures(hub).reporting, 0);
}

void tst_HierarchyModel::aSubtreeFiltersTheNodesTable()
{
    NodeTableModel table(m_state);
    NodeFilterProxyModel proxy;
    proxy.setSourceModel(&table);
    const QModelIndex hub = m_model->indexOf(QStringLiteral("guizhou-hub"));
    const QSet<QString> ids = m_model->subtreeIds(hub);
    QCOMPARE(ids.size(), m_model->figures(hub).nodes);
    QVERIFY(ids.contains(QStringLiteral("guian")));
    proxy.setSubtreeFilter(ids);
    QCOMPARE(proxy.rowCount(), int(ids.size()));
    proxy.setSubtreeFilter({});
    QCOMPARE(proxy.rowCount(), int(m_nodes.size()));
}

void tst_HierarchyModel::searchKeepsTheAncestors()
{
    QSortFilterProxyModel search;
    search.setSourceModel(m_model);
    search.setRecursiveFilteringEnabled(true);
    search.setFilterRole(HierarchyModel::SearchTextRole);
    const Node *guian = nullptr;
    for (const Node &n : m_nodes)
        if (n.id == QStringLiteral("guian"))
            guian = &n;
    QVERIFY(guian && !guian->computeId.isEmpty());
    search.setFilterFixedString(guian->computeId.toLower());
    QCOMPARE(search.rowCount(), 1); // national
    const QModelIndex national = search.index(0, 0);
    QCOMPARE(search.rowCount(national), 1); // the hub
    const QModelIndex hub = search.index(0, 0, national);
    QCOMPARE(search.rowCount(hub), 1);
    QCOMPARE(search.index(0, 0, hub).data(HierarchyModel::NodeIdRole).toString(), QStringLiteral("guian"));
}

QTEST_GUILESS_MAIN(tst_HierarchyModel)
#include "tst_hierarchymodel.moc"
