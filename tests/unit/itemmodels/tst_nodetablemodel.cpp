#include "domain/clock.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

namespace {
// A spy's dataChanged signals but the one every batch ends with, which moves every age.
QList<QList<QVariant>> sampleChanges(const QSignalSpy &spy)
{
    QList<QList<QVariant>> changes;
    for (const QList<QVariant> &args : spy) {
        const auto from = args.at(0).value<QModelIndex>();
        const auto to = args.at(1).value<QModelIndex>();
        if (from.column() != NodeTableModel::DataAgeColumn || to.column() != NodeTableModel::DataAgeColumn)
            changes.append(args);
    }
    return changes;
}
} // namespace

class tst_NodeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void directoryFillsRows();
    void displayValues_data();
    void displayValues();
    void samplesNewestWins();
    void samplesForUnknownNodesAreIgnored();
    void batchedDataChanged_data();
    void batchedDataChanged();
    void stalenessTransition();
    void sampleStatusTransition();
    void directoryRefreshKeepsSamples();
    void sortRoleIsRaw();
    void nodeIndexLookup();
    void cityInTheInterfaceLanguage();

private:
    static constexpr qint64 kT0 = 1764064800000;
    ManualClock *m_clock = nullptr;
    FederationState *m_state = nullptr;
    NodeTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QList<Node> m_nodes;
};

void tst_NodeTableModel::initTestCase()
{
    // Display strings are locale-formatted; pin the locale so the expectations are stable.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_NodeTableModel::init()
{
    m_clock = new ManualClock(kT0);
    m_state = new FederationState(*m_clock);
    m_model = new NodeTableModel(m_state);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_nodes = testing::sampleNodes();
}

void tst_NodeTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_state;
    delete m_clock;
}

void tst_NodeTableModel::directoryFillsRows()
{
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_state->setDirectory(m_nodes);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 35);
    QCOMPARE(m_model->columnCount(), int(NodeTableModel::ColumnCount));
    QCOMPARE(m_model->nodeAt(0).id, u"national"_s);
    // Without samples nothing is invented.
    QCOMPARE(m_model->index(0, NodeTableModel::CpuColumn).data().toString(), u"\u2014"_s);
    QCOMPARE(m_model->index(0, 0).data(NodeTableModel::DataAgeMsRole).toLongLong(),
             -1);
    QCOMPARE(m_model->statusAt(0), DisplayStatus::Online);
}

void tst_NodeTableModel::displayValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("sort");

    QTest::newRow("name") << int(NodeTableModel::NameColumn) << u"Gui'an cluster  贵安集群"_s
                          << QVariant(u"Gui'an cluster"_s);
    QTest::newRow("tier") << int(NodeTableModel::TierColumn) << u"Regional"_s << QVariant(int(NodeTier::Regional));
    QTest::newRow("role") << int(NodeTableModel::RoleColumn) << u"Cluster"_s << QVariant(int(NodeRole::Cluster));
    QTest::newRow("province") << int(NodeTableModel::ProvinceColumn) << u"Guizhou"_s << QVariant(u"Guizhou"_s);
    QTest::newRow("city") << int(NodeTableModel::CityColumn) << u"Gui'an"_s << QVariant(u"Gui'an"_s);
    QTest::newRow("status") << int(NodeTableModel::StatusColumn) << u"Online"_s
                            << QVariant(int(DisplayStatus::Online));
    QTest::newRow("cpu") << int(NodeTableModel::CpuColumn) << u"53 %"_s << QVariant(0.53);
    // 4096 x 0.80 + 512 x 0.40 = 3481.6 busy of 4608
    QTest::newRow("accelerators") << int(NodeTableModel::AcceleratorsColumn) << u"76 %"_s
                                  << QVariant(3481.6 / 4608);
    QTest::newRow("accelerators free") << int(NodeTableModel::AcceleratorsFreeColumn) << u"1,126 / 4,608"_s
                                       << QVariant(1126);
    QTest::newRow("memory") << int(NodeTableModel::MemoryColumn) << u"41 %"_s << QVariant(0.41);
    QTest::newRow("power") << int(NodeTableModel::PowerColumn) << u"10,450"_s << QVariant(10450.4);
    QTest::newRow("price") << int(NodeTableModel::PriceColumn) << u"\u00a56.00"_s << QVariant(6.0);
    QTest::newRow("pue") << int(NodeTableModel::PueColumn) << u"1.18"_s << QVariant(1.18);
    QTest::newRow("green") << int(NodeTableModel::GreenColumn) << u"62 %"_s << QVariant(0.62);
    QTest::newRow("jobs") << int(NodeTableModel::JobsColumn) << u"14 / 2"_s << QVariant(16);
    QTest::newRow("data age") << int(NodeTableModel::DataAgeColumn) << u"3 s"_s << QVariant(qint64(3400));
}

void tst_NodeTableModel::displayValues()
{
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QVariant, sort);

    m_state->setDirectory(m_nodes);
    NodeSample s;
    s.nodeId = u"guian"_s;
    s.tsMs = kT0;
    s.cpuUtil = 0.53;
    s.memoryUtil = 0.41;
    s.acceleratorUtil = {{u"ascend-910b"_s, 0.80}, {u"h800"_s, 0.40}};
    s.powerKw = 10450.4;
    s.runningJobs = 14;
    s.queuedJobs = 2;
    m_state->ingestSamples({s});
    m_clock->advance(3400);

    const QModelIndex index = m_model->nodeIndex(u"guian"_s, column);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), display);
    const QVariant raw = index.data(NodeTableModel::SortRole);
    if (sort.typeId() == QMetaType::Double)
        QVERIFY2(qFuzzyCompare(raw.toDouble(), sort.toDouble()), qPrintable(raw.toString()));
    else
        QCOMPARE(raw, sort);
}

void tst_NodeTableModel::samplesNewestWins()
{
    m_state->setDirectory(m_nodes);
    NodeSample older = testing::sampleFor(m_nodes.at(1), kT0 - 1000);
    older.cpuUtil = 0.10;
    NodeSample newer = older;
    newer.tsMs = kT0;
    newer.cpuUtil = 0.90;
    // Within one batch and across batches, order of arrival does not matter.
    m_state->ingestSamples({newer, older});
    QCOMPARE(m_model->sampleAt(1)->cpuUtil, 0.90);
    m_state->ingestSamples({older});
    QCOMPARE(m_model->sampleAt(1)->cpuUtil, 0.90);
    QCOMPARE(m_model->newestSampleMs(), kT0);
}

void tst_NodeTableModel::samplesForUnknownNodesAreIgnored()
{
    m_state->setDirectory(m_nodes);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    NodeSample s;
    s.nodeId = u"not-in-directory"_s;
    s.tsMs = kT0;
    m_state->ingestSamples({s});
    QCOMPARE(sampleChanges(changed).count(), 0);
}

void tst_NodeTableModel::batchedDataChanged_data()
{
    QTest::addColumn<QList<int>>("rows");
    QTest::addColumn<int>("signals");

    QTest::newRow("all rows, one range") << [] {
        QList<int> all;
        for (int i = 0; i < 35; ++i)
            all << i;
        return all;
    }() << 1;
    QTest::newRow("one row") << QList<int>{7} << 1;
    QTest::newRow("two runs") << QList<int>{0, 1, 2, 10, 11} << 2;
    QTest::newRow("unsorted, three runs") << QList<int>{30, 4, 3, 20} << 3;
}

void tst_NodeTableModel::batchedDataChanged()
{
    QFETCH(QList<int>, rows);
    QFETCH(int, signals);

    m_state->setDirectory(m_nodes);
    QList<NodeSample> batch;
    for (int row : rows)
        batch << testing::sampleFor(m_nodes.at(row), kT0);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_state->ingestSamples(batch);
    const QList<QList<QVariant>> changes = sampleChanges(changed);
    QCOMPARE(changes.count(), signals);
    for (const auto &args : changes) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.column(), int(NodeTableModel::StatusColumn));
        QCOMPARE(bottomRight.column(), int(NodeTableModel::DataAgeColumn));
        for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
            QVERIFY(rows.contains(r));
    }
}

void tst_NodeTableModel::stalenessTransition()
{
    m_state->setIntervalMs(1000);
    m_state->setDirectory(m_nodes);
    m_state->ingestSamples(testing::sampleTick(m_nodes, kT0));
    QSignalSpy transitions(m_state, &FederationState::nodeStatusChanged);

    // Exactly twice the interval is still fresh.
    m_clock->advance(2000);
    m_state->refresh();
    QCOMPARE(transitions.count(), 0);

    // Everyone but guian keeps reporting; guian goes stale.
    QList<NodeSample> tick = testing::sampleTick(m_nodes, kT0 + 2000, 2);
    tick.removeIf([](const NodeSample &s) { return s.nodeId == u"guian"_s; });
    m_state->ingestSamples(tick);
    m_clock->advance(1);
    m_state->refresh();
    QCOMPARE(transitions.count(), 1);
    QCOMPARE(transitions.at(0).at(0).toString(), u"guian"_s);
    QCOMPARE(transitions.at(0).at(1).value<DisplayStatus>(), DisplayStatus::Online);
    QCOMPARE(transitions.at(0).at(2).value<DisplayStatus>(), DisplayStatus::Stale);
    const QModelIndex status = m_model->nodeIndex(u"guian"_s, NodeTableModel::StatusColumn);
    QCOMPARE(status.data().toString(), u"Stale"_s);
    QCOMPARE(status.data(NodeTableModel::StatusRole).toInt(), int(DisplayStatus::Stale));

    // No repeated signal while it stays stale (the others keep reporting).
    m_clock->advance(900);
    tick = testing::sampleTick(m_nodes, m_clock->nowMs(), 3);
    tick.removeIf([](const NodeSample &s) { return s.nodeId == u"guian"_s; });
    m_state->ingestSamples(tick);
    m_state->refresh();
    QCOMPARE(transitions.count(), 1);

    // A fresh sample recovers it.
    m_state->ingestSamples({testing::sampleFor(m_nodes.at(status.row()), m_clock->nowMs())});
    QCOMPARE(transitions.count(), 2);
    QCOMPARE(transitions.at(1).at(2).value<DisplayStatus>(), DisplayStatus::Online);

    // A longer interval makes the same age fresh.
    m_clock->advance(3000);
    m_state->setIntervalMs(5000);
    m_state->refresh();
    QCOMPARE(m_model->statusAt(status.row()), DisplayStatus::Online);
}

void tst_NodeTableModel::sampleStatusTransition()
{
    m_state->setDirectory(m_nodes);
    m_state->ingestSamples(testing::sampleTick(m_nodes, kT0));
    QSignalSpy transitions(m_state, &FederationState::nodeStatusChanged);
    NodeSample down = testing::sampleFor(m_nodes.at(5), kT0 + 1000);
    down.status = NodeStatus::Offline;
    m_state->ingestSamples({down});
    QCOMPARE(transitions.count(), 1);
    QCOMPARE(transitions.at(0).at(2).value<DisplayStatus>(), DisplayStatus::Offline);
    // Offline does not turn into stale as time passes: it is already "not live".
    m_clock->advance(60000);
    m_state->refresh();
    QCOMPARE(m_model->statusAt(5), DisplayStatus::Offline);
}

void tst_NodeTableModel::directoryRefreshKeepsSamples()
{
    m_state->setDirectory(m_nodes);
    m_state->ingestSamples(testing::sampleTick(m_nodes, kT0));
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    // Same ids in the same order: updated in place, no reset.
    QList<Node> renamed = m_nodes;
    renamed[3].name = u"Renamed hub"_s;
    m_state->setDirectory(renamed);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->nodeAt(3).name, u"Renamed hub"_s);

    // A node leaves: reset, but the others keep their samples.
    QList<Node> fewer = m_nodes;
    fewer.removeAt(0);
    m_state->setDirectory(fewer);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 34);
    QVERIFY(m_model->sampleAt(0).has_value());
    QCOMPARE(m_model->nodeIndex(u"national"_s), QModelIndex());
}

void tst_NodeTableModel::sortRoleIsRaw()
{
    m_state->setDirectory(m_nodes);
    m_state->ingestSamples(testing::sampleTick(m_nodes, kT0));
    const QVariant v = m_model->index(0, NodeTableModel::PowerColumn).data(NodeTableModel::SortRole);
    QCOMPARE(v.typeId(), QMetaType::Double);
    const QVariant u = m_model->index(0, NodeTableModel::CpuColumn).data(NodeTableModel::UtilizationRole);
    QVERIFY(u.toDouble() > 0 && u.toDouble() <= 1);
    QVERIFY(!m_model->index(0, NodeTableModel::PowerColumn).data(NodeTableModel::UtilizationRole).isValid());
}

void tst_NodeTableModel::nodeIndexLookup()
{
    m_state->setDirectory(m_nodes);
    const QModelIndex index = m_model->nodeIndex(u"sh-finance"_s, NodeTableModel::CityColumn);
    QVERIFY(index.isValid());
    QCOMPARE(index.column(), int(NodeTableModel::CityColumn));
    QCOMPARE(index.data(NodeTableModel::NodeIdRole).toString(), u"sh-finance"_s);
    QVERIFY(!m_model->nodeIndex(u"nope"_s).isValid());
}

void tst_NodeTableModel::cityInTheInterfaceLanguage()
{
    m_nodes[0].city = u"Guiyang"_s;
    m_nodes[0].cityZh = u"贵阳"_s;
    m_nodes[1].city = u"Karamay"_s;
    m_nodes[1].cityZh.clear(); // a node that gives no Chinese name keeps its own
    m_state->setDirectory(m_nodes);
    QCOMPARE(m_model->index(0, NodeTableModel::CityColumn).data().toString(), u"Guiyang"_s);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(m_model->index(0, NodeTableModel::CityColumn).data().toString(), u"贵阳"_s);
    QCOMPARE(m_model->index(1, NodeTableModel::CityColumn).data().toString(), u"Karamay"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QTEST_GUILESS_MAIN(tst_NodeTableModel)
#include "tst_nodetablemodel.moc"
