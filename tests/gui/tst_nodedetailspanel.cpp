#include "domain/clock.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"
#include "ui/nodedetailspanel.h"

#include <QLabel>
#include <QTest>

using namespace cpn;

class tst_NodeDetailsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsItsNode();
    void restylesOnlyWhenTheStatusMoves();
};

namespace {
constexpr qint64 kT0 = 1764064800000;

// The sample federation with its first tick, and the node table over it.
struct Federation
{
    ManualClock clock{kT0};
    FederationState state{clock};
    NodeTableModel model{&state};
    QList<Node> nodes = testing::sampleNodes();

    Federation()
    {
        state.setDirectory(nodes);
        state.ingestSamples(testing::sampleTick(nodes, kT0));
    }
};

struct StyleChanges : QObject
{
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        count += event->type() == QEvent::StyleChange ? 1 : 0;
        return false;
    }
};
} // namespace

void tst_NodeDetailsPanel::followsItsNode()
{
    Federation fx;
    auto &[clock, state, model, nodes] = fx;
    NodeDetailsPanel panel(&model);
    panel.showNode(nodes.at(1).id);
    QCOMPARE(panel.title(), nodes.at(1).name);
    // The name is the title's alone: no stray label paints it again over the form's first row.
    int showingTheName = 0;
    for (const QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->text() == nodes.at(1).name)
            ++showingTheName;
    }
    QCOMPARE(showingTheName, 1);
    QList<NodeSample> tick = testing::sampleTick(nodes, kT0 + 1000, 1);
    tick[1].cpuUtil = 0.42;
    clock.advance(1000);
    state.ingestSamples(tick);
    QCOMPARE(panel.valueText(NodeTableModel::CpuColumn), model.index(1, NodeTableModel::CpuColumn).data().toString());
    QVERIFY(panel.valueText(NodeTableModel::CpuColumn).startsWith(QLatin1String("42")));
}

void tst_NodeDetailsPanel::restylesOnlyWhenTheStatusMoves()
{
    Federation fx;
    auto &[clock, state, model, nodes] = fx;
    NodeDetailsPanel panel(&model);
    panel.showNode(nodes.at(0).id);
    StyleChanges changes;
    for (QLabel *label : panel.findChildren<QLabel *>())
        label->installEventFilter(&changes);
    // Ticks that leave the node online restyle nothing; node 0 falling silent turns it stale, once.
    for (int t = 1; t <= 5; ++t) {
        clock.advance(1000);
        QList<NodeSample> tick = testing::sampleTick(nodes, clock.nowMs(), t);
        if (t >= 3)
            tick.removeFirst();
        state.ingestSamples(tick);
        QCOMPARE(changes.count, t < 5 ? 0 : 1);
    }
    QCOMPARE(panel.valueText(NodeTableModel::StatusColumn), model.index(0, NodeTableModel::StatusColumn).data().toString());
}

QTEST_MAIN(tst_NodeDetailsPanel)
#include "tst_nodedetailspanel.moc"
