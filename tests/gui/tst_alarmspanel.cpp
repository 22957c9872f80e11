#include "alarms/alarmfilterproxymodel.h"
#include "alarms/alarmstore.h"
#include "alarms/alarmtablemodel.h"
#include "domain/clock.h"
#include "state/federationstate.h"
#include "ui/accounts/scopegate.h"
#include "ui/alarms/alarmdirectory.h"
#include "ui/alarms/alarmspanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace cpn;
using namespace cpn::alarms;
using namespace Qt::StringLiterals;

// The Alarms dock over a hand-made store and directory: names from the directory, the detail pane's
// affected nodes, thread and history, the filter bar, "Show on map", and the actions gated on
// alarms:write with the scope named.
class tst_AlarmsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsNamesAndTheSelectedAlarmsThreadAndHistory();
    void filterBarNarrowsTheRows();
    void doubleClickAsksTheMapToShowTheSource();
    void actionsNeedAlarmsWrite();
    void actionWithoutItsRootSaysSo();
    void silencesThatCoverASource();

private:
    ManualClock m_clock{10'000'000};
    std::unique_ptr<FederationState> m_state;
    std::unique_ptr<AlarmDirectory> m_directory;
    std::unique_ptr<AlarmStore> m_store;
    std::unique_ptr<AlarmsPanel> m_panel;
};

namespace {
const QString kOrigin = u"http://127.0.0.1:1"_s;

Node node(const QString &id, const QString &name, const QString &parent, const QString &province)
{
    Node n;
    n.id = id;
    n.name = name;
    n.parentId = parent;
    n.province = province;
    return n;
}
} // namespace

void tst_AlarmsPanel::init()
{
    m_state = std::make_unique<FederationState>(m_clock);
    Link link;
    link.id = u"bj--gz-hub"_s;
    link.a = u"national"_s;
    link.b = u"gz-hub"_s;
    m_state->setDirectory({node(u"national"_s, u"National hub"_s, {}, u"CN-BJ"_s),
                           node(u"gz-hub"_s, u"Guizhou hub"_s, u"national"_s, u"CN-GZ"_s),
                           node(u"guian"_s, u"Gui'an cluster"_s, u"gz-hub"_s, u"CN-GZ"_s)},
                          {link});
    m_directory = std::make_unique<AlarmDirectory>(m_state.get());
    m_store = std::make_unique<AlarmStore>();

    Alarm down;
    down.id = u"alm-1"_s;
    down.source = {AlarmSource::Kind::Subtree, u"gz-hub"_s};
    down.kind = Alarm::Kind::NodeDown;
    down.severity = Alarm::Severity::Critical;
    down.summary = u"Node gz-hub is down"_s;
    down.affected = {u"gz-hub"_s, u"guian"_s};
    down.raisedAtMs = 9'000'000;
    down.revision = 1;
    down.ack = AlarmAck{u"operator"_s, 9'100'000, u"Power work, crew on site"_s, 0};
    down.comments = {{u"operator"_s, 9'200'000, u"Crew arrives 14:00"_s}};
    Alarm linkDown;
    linkDown.id = u"alm-2"_s;
    linkDown.source = {AlarmSource::Kind::Link, u"bj--gz-hub"_s};
    linkDown.kind = Alarm::Kind::LinkDown;
    linkDown.severity = Alarm::Severity::Major;
    linkDown.affected = {u"gz-hub"_s};
    linkDown.raisedAtMs = 9'500'000;
    linkDown.revision = 1;
    AlarmBatch batch;
    batch.reset = true;
    batch.serverTimeMs = 10'000'000;
    batch.clearedWindowMs = 3'600'000;
    batch.alarms = {down, linkDown};
    m_store->applyBatch(kOrigin, batch);
    m_panel = std::make_unique<AlarmsPanel>(
        m_store.get(), [](const QString &) { return nullptr; }, m_directory.get(), m_clock);
    m_panel->resize(1200, 400);
    m_panel->show();
}

void tst_AlarmsPanel::cleanup()
{
    m_panel.reset();
    m_store.reset();
    m_directory.reset();
    m_state.reset();
}

void tst_AlarmsPanel::showsNamesAndTheSelectedAlarmsThreadAndHistory()
{
    QTableView *view = m_panel->view();
    QCOMPARE(view->model()->rowCount(), 2);
    // Sorted most severe first; sources by name.
    QCOMPARE(view->model()->index(0, AlarmTableModel::SourceColumn).data().toString(), u"Guizhou hub"_s);
    QCOMPARE(view->model()->index(1, AlarmTableModel::SourceColumn).data().toString(),
             u"National hub – Guizhou hub"_s);
    QVERIFY(m_panel->selectAlarm({kOrigin, u"alm-1"_s}));
    const QString detail = m_panel->detailView()->toPlainText();
    QVERIFY2(detail.contains(u"Gui'an cluster"_s), qPrintable(detail)); // affected nodes by name
    QVERIFY(detail.contains(u"Crew arrives 14:00"_s));
    QVERIFY(detail.contains(u"Acknowledged by operator: Power work, crew on site"_s));
    QVERIFY(detail.contains(u"Raised"_s));
    QVERIFY(!detail.contains(u"Node gz-hub is down"_s)); // never the server's English summary
    QVERIFY(m_panel->unacknowledgeButton()->isEnabled());
}

void tst_AlarmsPanel::filterBarNarrowsTheRows()
{
    QAbstractItemModel *rows = m_panel->view()->model();
    m_panel->acknowledgedCombo()->setCurrentIndex(
        m_panel->acknowledgedCombo()->findData(int(AlarmFilterProxyModel::Acknowledged::No)));
    QCOMPARE(rows->rowCount(), 1);
    m_panel->acknowledgedCombo()->setCurrentIndex(0);
    m_panel->severityCombo()->setCurrentIndex(
        m_panel->severityCombo()->findData(int(Alarm::Severity::Critical)));
    QCOMPARE(rows->rowCount(), 1);
    m_panel->severityCombo()->setCurrentIndex(0);
    // The subtree under the Guizhou hub: its own alarm and its uplink's.
    const int gz = m_panel->subtreeCombo()->findData(u"gz-hub"_s);
    QVERIFY(gz > 0);
    m_panel->subtreeCombo()->setCurrentIndex(gz);
    QCOMPARE(rows->rowCount(), 2);
    m_panel->subtreeCombo()->setCurrentIndex(m_panel->subtreeCombo()->findData(u"national"_s));
    QCOMPARE(rows->rowCount(), 2);
    m_panel->subtreeCombo()->setCurrentIndex(0);
    m_panel->regionCombo()->setCurrentIndex(m_panel->regionCombo()->findData(u"CN-BJ"_s));
    QCOMPARE(rows->rowCount(), 1); // the link ends in Beijing
    m_panel->regionCombo()->setCurrentIndex(0);
    m_panel->searchEdit()->setText(u"crew"_s);
    QCOMPARE(rows->rowCount(), 1);
}

void tst_AlarmsPanel::doubleClickAsksTheMapToShowTheSource()
{
    QSignalSpy show(m_panel.get(), &AlarmsPanel::showSourceRequested);
    QVERIFY(m_panel->selectAlarm({kOrigin, u"alm-2"_s}));
    const QModelIndex index = m_panel->view()->selectionModel()->selectedRows().constFirst();
    Q_EMIT m_panel->view()->doubleClicked(index);
    QCOMPARE(show.size(), 1);
    const auto source = show.at(0).at(0).value<AlarmSource>();
    QCOMPARE(source.id, u"bj--gz-hub"_s);
    QCOMPARE(m_directory->nodeToShow(source), u"national"_s);
}

void tst_AlarmsPanel::actionsNeedAlarmsWrite()
{
    QVERIFY(m_panel->selectAlarm({kOrigin, u"alm-2"_s}));
    ScopeGate gate;
    auth::Account planner;
    planner.signedIn = true;
    planner.user = u"planner"_s;
    planner.scopes = {u"node:read"_s, u"metrics:read"_s, u"alarms:read"_s, u"jobs:write"_s};
    gate.setAccount(planner);
    for (QPushButton *b :
         {m_panel->acknowledgeButton(), m_panel->commentButton(), m_panel->silenceButton()}) {
        QVERIFY(!b->isEnabled());
        QVERIFY2(b->toolTip().contains(u"alarms:write"_s), qPrintable(b->toolTip()));
    }
    auth::Account op = planner;
    op.user = u"operator"_s;
    op.scopes = {u"node:read"_s, u"alarms:read"_s, u"alarms:write"_s};
    gate.setAccount(op);
    QVERIFY(m_panel->acknowledgeButton()->isEnabled());
    QTRY_VERIFY(!m_panel->unacknowledgeButton()->isEnabled()); // alm-2 is not acknowledged
}

void tst_AlarmsPanel::actionWithoutItsRootSaysSo()
{
    QSignalSpy reported(m_panel.get(), &AlarmsPanel::actionReported);
    QVERIFY(m_panel->selectAlarm({kOrigin, u"alm-2"_s}));
    m_panel->acknowledgeSelected(u"seen"_s, 0);
    QCOMPARE(reported.size(), 1);
    QCOMPARE(reported.at(0).at(1).toBool(), true);
    QVERIFY(m_panel->messageLabel()->text().contains(u"no longer connected"_s));
}

// End Silence ends every window that silences the alarm, as docs/node-api.md says what a target covers.
void tst_AlarmsPanel::silencesThatCoverASource()
{
    using K = AlarmSource::Kind;
    const AlarmSource guian{K::Node, u"guian"_s};
    const AlarmSource link{K::Link, u"bj--gz-hub"_s};
    const AlarmSource hubSubtree{K::Subtree, u"gz-hub"_s};
    // A node's window: the node as node, endpoint or subtree source, and its links.
    QVERIFY(m_directory->silenceCovers({K::Node, u"guian"_s}, guian));
    QVERIFY(m_directory->silenceCovers({K::Node, u"guian"_s}, {K::Endpoint, u"guian"_s}));
    QVERIFY(m_directory->silenceCovers({K::Node, u"gz-hub"_s}, link));
    QVERIFY(!m_directory->silenceCovers({K::Node, u"gz-hub"_s}, guian));
    // A subtree's: every node under it and their links.
    QVERIFY(m_directory->silenceCovers(hubSubtree, guian));
    QVERIFY(m_directory->silenceCovers(hubSubtree, link));
    QVERIFY(m_directory->silenceCovers({K::Subtree, u"national"_s}, guian));
    QVERIFY(!m_directory->silenceCovers({K::Subtree, u"guian"_s}, {K::Node, u"gz-hub"_s}));
    // A link's: that link only.
    QVERIFY(m_directory->silenceCovers(link, link));
    QVERIFY(!m_directory->silenceCovers(link, {K::Node, u"gz-hub"_s}));
    QVERIFY(!m_directory->silenceCovers({K::Link, u"other"_s}, link));
}

QTEST_MAIN(tst_AlarmsPanel)
#include "tst_alarmspanel.moc"
