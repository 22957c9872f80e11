#include "domain/clock.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_NodeFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void search_data();
    void search();
    void tierFilter();
    void statusFilterIncludesStale();
    void provinceFilter();
    void combinedFilters();
    void sortsByRawValue();
    void sortFollowsLiveSamples();

private:
    QStringList visibleIds() const;

    static constexpr qint64 kT0 = 1764064800000;
    ManualClock *m_clock = nullptr;
    FederationState *m_state = nullptr;
    NodeTableModel *m_model = nullptr;
    NodeFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QList<Node> m_nodes;
};

void tst_NodeFilterProxyModel::init()
{
    m_clock = new ManualClock(kT0);
    m_state = new FederationState(*m_clock);
    m_model = new NodeTableModel(m_state);
    m_proxy = new NodeFilterProxyModel;
    m_proxy->setSourceModel(m_model);
    m_tester = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_nodes = testing::sampleNodes();
    m_state->setDirectory(m_nodes);
    m_state->ingestSamples(testing::sampleTick(m_nodes, kT0));
}

void tst_NodeFilterProxyModel::cleanup()
{
    delete m_tester;
    delete m_proxy;
    delete m_model;
    delete m_state;
    delete m_clock;
}

QStringList tst_NodeFilterProxyModel::visibleIds() const
{
    QStringList ids;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        ids << m_proxy->index(row, 0).data(NodeTableModel::NodeIdRole).toString();
    return ids;
}

void tst_NodeFilterProxyModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("english name, any case") << u"GUI'AN"_s << QStringList{u"guian"_s};
    QTest::newRow("chinese name") << u"贵安"_s << QStringList{u"guian"_s};
    QTest::newRow("id") << u"sh-finance"_s << QStringList{u"sh-finance"_s};
    QTest::newRow("city") << u"zhongwei"_s << QStringList{u"zhongwei"_s};
    QTest::newRow("province english") << u"ningxia"_s
                                      << QStringList{u"ningxia-hub"_s, u"zhongwei"_s, u"nx-gov"_s};
    QTest::newRow("province chinese") << u"宁夏"_s << QStringList{u"ningxia-hub"_s, u"zhongwei"_s, u"nx-gov"_s};
    QTest::newRow("compute id prefix") << u"cpn-i44"_s
                                       << QStringList{u"sz-manufacturing"_s, u"gd-power"_s};
    QTest::newRow("two words narrow") << u"chongqing auto"_s << QStringList{u"cq-auto"_s};
    QTest::newRow("no match") << u"atlantis"_s << QStringList{};
    QTest::newRow("blank matches all") << u"   "_s << QStringList{};
}

void tst_NodeFilterProxyModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    m_proxy->setSearchText(text);
    if (text.trimmed().isEmpty()) {
        QCOMPARE(m_proxy->rowCount(), 35);
        return;
    }
    QCOMPARE(visibleIds(), expected);
}

void tst_NodeFilterProxyModel::tierFilter()
{
    m_proxy->setTierFilter(NodeTier::Regional);
    QCOMPARE(m_proxy->rowCount(), 18);
    m_proxy->setTierFilter(NodeTier::National);
    QCOMPARE(visibleIds(), QStringList{u"national"_s});
    m_proxy->setTierFilter(std::nullopt);
    QCOMPARE(m_proxy->rowCount(), 35);
}

void tst_NodeFilterProxyModel::statusFilterIncludesStale()
{
    // guian stops reporting, tj-port reports offline.
    m_clock->advance(1000);
    QList<NodeSample> tick = testing::sampleTick(m_nodes, kT0 + 1000, 1);
    tick.removeIf([](const NodeSample &s) { return s.nodeId == u"guian"_s; });
    for (NodeSample &s : tick) {
        if (s.nodeId == u"tj-port"_s)
            s.status = NodeStatus::Offline;
    }
    m_state->ingestSamples(tick);
    m_clock->advance(1500);
    m_state->refresh();

    m_proxy->setStatusFilter({DisplayStatus::Stale});
    QCOMPARE(visibleIds(), QStringList{u"guian"_s});
    m_proxy->setStatusFilter({DisplayStatus::Stale, DisplayStatus::Offline});
    QCOMPARE(visibleIds(), (QStringList{u"guian"_s, u"tj-port"_s}));
    m_proxy->setStatusFilter({DisplayStatus::Online});
    QCOMPARE(m_proxy->rowCount(), 33);
    // The filter follows live changes: guian recovers and leaves the "stale" view.
    m_proxy->setStatusFilter({DisplayStatus::Stale});
    m_state->ingestSamples({testing::sampleFor(m_nodes.at(m_model->nodeIndex(u"guian"_s).row()),
                                              m_clock->nowMs())});
    QCOMPARE(m_proxy->rowCount(), 0);
}

void tst_NodeFilterProxyModel::provinceFilter()
{
    m_proxy->setProvinceFilter(u"CN-GZ"_s);
    QCOMPARE(visibleIds(), (QStringList{u"guizhou-hub"_s, u"guian"_s, u"gy-gov"_s}));
}

void tst_NodeFilterProxyModel::combinedFilters()
{
    m_proxy->setProvinceFilter(u"CN-GD"_s);
    m_proxy->setTierFilter(NodeTier::Industry);
    QCOMPARE(visibleIds(), (QStringList{u"sz-manufacturing"_s, u"gd-power"_s}));
    m_proxy->setSearchText(u"power"_s);
    QCOMPARE(visibleIds(), QStringList{u"gd-power"_s});
}

void tst_NodeFilterProxyModel::sortsByRawValue()
{
    // Power in kW spans 3 to 6 digits: a string sort would put "10000" before "9000".
    m_proxy->sort(NodeTableModel::PowerColumn, Qt::AscendingOrder);
    double previous = -1;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const double value = m_proxy->index(row, NodeTableModel::PowerColumn).data(NodeTableModel::SortRole).toDouble();
        QVERIFY2(value >= previous, qPrintable(u"row %1: %2 < %3"_s.arg(row).arg(value).arg(previous)));
        previous = value;
    }

    // "100 %" after "9 %".
    QList<NodeSample> samples;
    NodeSample nine = testing::sampleFor(m_nodes.at(0), kT0 + 1);
    nine.cpuUtil = 0.09;
    NodeSample hundred = testing::sampleFor(m_nodes.at(1), kT0 + 1);
    hundred.cpuUtil = 1.0;
    m_state->ingestSamples({nine, hundred});
    m_proxy->sort(NodeTableModel::CpuColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, NodeTableModel::CpuColumn).data().toString(), u"100 %"_s);
    m_proxy->sort(NodeTableModel::CpuColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, NodeTableModel::CpuColumn).data().toString(), u"9 %"_s);
}

void tst_NodeFilterProxyModel::sortFollowsLiveSamples()
{
    m_proxy->sort(NodeTableModel::CpuColumn, Qt::DescendingOrder);
    NodeSample hot = testing::sampleFor(m_nodes.at(20), kT0 + 1);
    hot.cpuUtil = 0.999;
    m_state->ingestSamples({hot});
    QCOMPARE(m_proxy->index(0, 0).data(NodeTableModel::NodeIdRole).toString(), m_nodes.at(20).id);
}

QTEST_GUILESS_MAIN(tst_NodeFilterProxyModel)
#include "tst_nodefilterproxymodel.moc"
