#include "api/localsimulator.h"
#include "api/nodeapiclient.h"
#include "domain/computeid.h"
#include "itemmodels/registrationtablemodel.h"
#include "ui/registry/identifiermanagementwindow.h"
#include "domain/clock.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapscenefeeder.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <memory>
#include <optional>

using namespace cpn;
using namespace Qt::StringLiterals;

// Tools > Identifier Management against a real cpn-nodesim: applications filed through the protocol
// client appear as pending, are approved (the registry tab then shows the identifier, the audit trail
// who approved) or rejected with a reason (refused without one), and the identifier field explains a
// typo, an unknown province, and finds a registered identifier's row.
class tst_IdentifierManagement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pendingApplicationsAreListedAndCounted();
    void approveFollowsTheSelection();
    void approvingShowsTheIdentifierAndTheTrail();
    void rejectingNeedsAReasonAndKeepsIt();
    void aMistypedIdentifierIsExplainedAndTheRegisteredOneNamed();
    void anUnknownProvinceIsExplained();
    void aRegisteredIdentifierSelectsItsRow();
    void theApprovedNodeIsOnTheMapAndASuspendedOneSaysSo();

private:
    api::NodeApiClient *client(const QString &path, const QString &token);
    Registration apply(const QString &nodeId);
    // The row of `nodeId` in a tab's view (proxy index), invalid when it is not listed.
    QModelIndex rowIn(QTableView *view, const QString &nodeId) const;
    bool select(int tab, const QString &nodeId);
    QPushButton *button(const QString &text) const;
    // Waits for the answer of a decision and the refresh that follows it.
    bool decideAndWait(const QString &decision, const QString &reason);
    QStringList trail(int column) const;

    api::LocalSimulator m_sim;
    QNetworkAccessManager m_nam;
    api::NodeApiClient *m_registrar = nullptr;
    std::unique_ptr<IdentifierManagementWindow> m_window;
    QString m_approvedId; // the compute identifier approveShows... got
};

api::NodeApiClient *tst_IdentifierManagement::client(const QString &path, const QString &token)
{
    api::ClientOptions options;
    options.token = token;
    options.allowPlainHttp = true;
    QUrl base = m_sim.baseUrl();
    base.setPath(base.path() + path);
    return new api::NodeApiClient(&m_nam, base, options, this);
}

Registration tst_IdentifierManagement::apply(const QString &nodeId)
{
    RegistrationRequest q;
    q.nodeId = nodeId;
    q.name = u"Qingdao Marine %1"_s.arg(nodeId);
    q.nameZh = u"青岛海洋%1"_s.arg(nodeId);
    q.tier = NodeTier::Industry;
    q.role = NodeRole::Industry;
    q.sector = u"RES"_s;
    q.province = u"CN-SD"_s;
    q.city = u"Qingdao"_s;
    q.lat = 36.07;
    q.lon = 120.38;
    q.baseUrl = QUrl(u"https://cpn.%1.example.cn"_s.arg(nodeId));
    q.contact = u"ops@%1.example.cn"_s.arg(nodeId);
    api::NodeApiClient *applicant = client(u"/n/guizhou-hub"_s, u"apply-token"_s);
    std::optional<api::ApiResult<Registration>> result;
    applicant->applyForRegistration(q, [&](const api::ApiResult<Registration> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000) || !result->ok()) {
        qWarning() << "apply failed:" << (result ? result->error().message() : u"no answer"_s);
        return {};
    }
    return result->value();
}

QModelIndex tst_IdentifierManagement::rowIn(QTableView *view, const QString &nodeId) const
{
    const QAbstractItemModel *proxy = view->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex at = proxy->index(row, RegistrationTableModel::NodeIdColumn);
        if (at.data().toString() == nodeId)
            return proxy->index(row, 0);
    }
    return {};
}

bool tst_IdentifierManagement::select(int tab, const QString &nodeId)
{
    m_window->tabs()->setCurrentIndex(tab);
    QTableView *view = tab == 0 ? m_window->applicationsView() : m_window->registryView();
    const QModelIndex at = rowIn(view, nodeId);
    if (!at.isValid())
        return false;
    view->setCurrentIndex(at);
    return m_window->selected() && m_window->selected()->applicant.nodeId == nodeId;
}

QPushButton *tst_IdentifierManagement::button(const QString &text) const
{
    for (QPushButton *b : m_window->findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

bool tst_IdentifierManagement::decideAndWait(const QString &decision, const QString &reason)
{
    QSignalSpy decided(m_window.get(), &IdentifierManagementWindow::decided);
    QSignalSpy failed(m_window.get(), &IdentifierManagementWindow::failed);
    QSignalSpy refreshed(m_window.get(), &IdentifierManagementWindow::refreshed);
    m_window->decide(decision, reason);
    if (!QTest::qWaitFor([&] { return !decided.isEmpty() || !failed.isEmpty(); }, 15000) || decided.isEmpty())
        return false;
    // The refresh the decision asks for is answered after it.
    const qsizetype before = refreshed.size();
    return QTest::qWaitFor([&] { return refreshed.size() > before; }, 15000);
}

QStringList tst_IdentifierManagement::trail(int column) const
{
    QStringList texts;
    for (int i = 0; i < m_window->historyView()->topLevelItemCount(); ++i)
        texts << m_window->historyView()->topLevelItem(i)->text(column);
    return texts;
}

void tst_IdentifierManagement::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    api::LocalSimulator::Options options;
    options.devToken = u"dev-token"_s;
    options.extraArguments = {u"--apply-token"_s, u"apply-token"_s};
    m_sim.start(options);
    QVERIFY2(m_sim.waitForStarted(15000), qPrintable(m_sim.errorString()));

    QCOMPARE(apply(u"gui-marine"_s).state, RegistrationState::Pending);
    QCOMPARE(apply(u"gui-lab"_s).state, RegistrationState::Pending);

    m_registrar = client({}, u"dev-token"_s);
    QPointer<api::NodeApiClient> registrar = m_registrar;
    m_window = std::make_unique<IdentifierManagementWindow>(
        [registrar] { return QList<IdentifierManagementWindow::Root>{{u"National node"_s, registrar}}; });
    QSignalSpy refreshed(m_window.get(), &IdentifierManagementWindow::refreshed);
    m_window->show();
    QVERIFY(refreshed.wait(15000));
    QVERIFY2(!m_window->statusLabel()->text().contains(u"did not answer"_s),
             qPrintable(m_window->statusLabel()->text()));
}

void tst_IdentifierManagement::cleanupTestCase()
{
    m_window.reset();
}

void tst_IdentifierManagement::pendingApplicationsAreListedAndCounted()
{
    QVERIFY(rowIn(m_window->applicationsView(), u"gui-marine"_s).isValid());
    QVERIFY(rowIn(m_window->applicationsView(), u"gui-lab"_s).isValid());
    // The pending tab lists only pending applications, and its title counts them.
    const QAbstractItemModel *pending = m_window->applicationsView()->model();
    for (int row = 0; row < pending->rowCount(); ++row)
        QCOMPARE(pending->index(row, 0).data(RegistrationTableModel::StateRole).toInt(), int(RegistrationState::Pending));
    QVERIFY(pending->rowCount() >= 2);
    QCOMPARE(m_window->tabs()->tabText(0), u"Pending Applications (%1)"_s.arg(pending->rowCount()));
    const QModelIndex marine = rowIn(m_window->applicationsView(), u"gui-marine"_s);
    QCOMPARE(pending->index(marine.row(), RegistrationTableModel::ParentColumn).data().toString(), u"guizhou-hub"_s);
    QCOMPARE(pending->index(marine.row(), RegistrationTableModel::ComputeIdColumn).data().toString(), u"not assigned"_s);
    // The registry tab holds the seeded nodes, never a pending one.
    const QAbstractItemModel *registry = m_window->registryView()->model();
    QVERIFY(registry->rowCount() > 0);
    QVERIFY(!rowIn(m_window->registryView(), u"gui-marine"_s).isValid());
}

void tst_IdentifierManagement::approveFollowsTheSelection()
{
    QPushButton *approve = button(u"&Approve…"_s);
    QPushButton *reject = button(u"Re&ject…"_s);
    QPushButton *suspend = button(u"&Suspend…"_s);
    QVERIFY(approve && reject && suspend);

    QVERIFY(select(0, u"gui-marine"_s));
    QVERIFY(approve->isEnabled());
    QVERIFY(reject->isEnabled());
    QVERIFY(!suspend->isEnabled());
    // The trail of the selected application: applied, by the applicant.
    QCOMPARE(trail(1), QStringList{u"Applied"_s});
    QCOMPARE(trail(2), QStringList{u"applicant"_s});

    // An active registration selected (in the registry tab): no approving or rejecting it.
    const QAbstractItemModel *registry = m_window->registryView()->model();
    int active = -1;
    for (int row = 0; row < registry->rowCount() && active < 0; ++row) {
        if (registry->index(row, 0).data(RegistrationTableModel::StateRole).toInt() == int(RegistrationState::Active))
            active = row;
    }
    QVERIFY(active >= 0);
    m_window->tabs()->setCurrentIndex(1);
    m_window->registryView()->setCurrentIndex(registry->index(active, 0));
    QVERIFY(m_window->selected());
    QCOMPARE(m_window->selected()->state, RegistrationState::Active);
    QVERIFY(!approve->isEnabled());
    QVERIFY(!reject->isEnabled());
    QVERIFY(suspend->isEnabled());
    // Back on the pending tab with its selection: approvable again.
    m_window->tabs()->setCurrentIndex(0);
    QCOMPARE(m_window->selected()->applicant.nodeId, u"gui-marine"_s);
    QVERIFY(approve->isEnabled());
}

void tst_IdentifierManagement::approvingShowsTheIdentifierAndTheTrail()
{
    QVERIFY(select(0, u"gui-marine"_s));
    QVERIFY(decideAndWait(u"approve"_s, {}));
    // No longer pending: gone from the first tab, counted no more.
    QTRY_VERIFY(!rowIn(m_window->applicationsView(), u"gui-marine"_s).isValid());
    const int pending = m_window->applicationsView()->model()->rowCount();
    QCOMPARE(m_window->tabs()->tabText(0), u"Pending Applications (%1)"_s.arg(pending));
    QVERIFY(rowIn(m_window->applicationsView(), u"gui-lab"_s).isValid());

    // In the registry, active, with a valid identifier for an industry research node of Shandong.
    QVERIFY(select(1, u"gui-marine"_s));
    const Registration *g = m_window->selected();
    QCOMPARE(g->state, RegistrationState::Active);
    QString why;
    QVERIFY2(computeid::isValid(g->computeId, &why), qPrintable(g->computeId + u": "_s + why));
    QVERIFY2(g->computeId.startsWith(u"CPN-I37-RES-"_s), qPrintable(g->computeId));
    m_approvedId = g->computeId;
    const QAbstractItemModel *registry = m_window->registryView()->model();
    const int row = m_window->registryView()->currentIndex().row();
    QCOMPARE(registry->index(row, RegistrationTableModel::StateColumn).data().toString(), u"Active"_s);
    QCOMPARE(registry->index(row, RegistrationTableModel::ComputeIdColumn).data().toString(), m_approvedId);
    // The audit trail: applied by the applicant, then approved by the dev token's user.
    QCOMPARE(trail(1), (QStringList{u"Applied"_s, u"Approved"_s}));
    QCOMPARE(trail(2), (QStringList{u"applicant"_s, u"developer"_s}));
}

void tst_IdentifierManagement::rejectingNeedsAReasonAndKeepsIt()
{
    QVERIFY(select(0, u"gui-lab"_s));
    // Without a reason the registry refuses; the window says so and nothing changes.
    QSignalSpy failed(m_window.get(), &IdentifierManagementWindow::failed);
    QVERIFY(!decideAndWait(u"reject"_s, {}));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(u"was not changed"_s), qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(rowIn(m_window->applicationsView(), u"gui-lab"_s).isValid());
    QVERIFY(button(u"Re&ject…"_s)->isEnabled()); // not left busy

    const QString reason = u"Duplicate of an existing research node"_s;
    QVERIFY(select(0, u"gui-lab"_s));
    QVERIFY(decideAndWait(u"reject"_s, reason));
    QTRY_VERIFY(!rowIn(m_window->applicationsView(), u"gui-lab"_s).isValid());
    // "All decided" lists the rejected, with no identifier and the reason in the trail.
    QVERIFY(select(1, u"gui-lab"_s));
    QCOMPARE(m_window->selected()->state, RegistrationState::Rejected);
    QVERIFY(m_window->selected()->computeId.isEmpty());
    QCOMPARE(trail(1), (QStringList{u"Applied"_s, u"Rejected"_s}));
    QCOMPARE(trail(2), (QStringList{u"applicant"_s, u"developer"_s}));
    QCOMPARE(trail(3), (QStringList{QString(), reason}));
}

void tst_IdentifierManagement::aMistypedIdentifierIsExplainedAndTheRegisteredOneNamed()
{
    QVERIFY(!m_approvedId.isEmpty());
    QLineEdit *field = m_window->identifierField();
    QLabel *verdict = m_window->identifierVerdict();

    // The check character mistyped (typed in lower case, as people do).
    QString typo = m_approvedId;
    const QChar right = m_approvedId.back();
    const QChar wrong = right == u'7' ? u'8' : u'7';
    typo[typo.size() - 1] = wrong;
    field->clear();
    QTest::keyClicks(field, typo.toLower());
    QString text = verdict->text();
    QVERIFY2(text.contains(u"check character should be %1, not %2"_s.arg(right).arg(wrong)), qPrintable(text));
    QVERIFY2(text.contains(u"Did you mean %1?"_s.arg(m_approvedId)), qPrintable(text));
    QCOMPARE(verdict->property("problem").toBool(), true);

    // A digit of the serial mistyped: the check character the typed serial calls for, and the registered one.
    typo = m_approvedId;
    typo[16] = typo[16] == u'9' ? u'8' : QChar(typo[16].unicode() + 1);
    computeid::Parts typed = *computeid::parse(m_approvedId);
    typed.serial = typo.mid(12, 5).toInt();
    const QChar expected = computeid::make(typed).back();
    field->setText(typo);
    text = verdict->text();
    QVERIFY2(text.contains(u"check character should be %1, not %2"_s.arg(expected).arg(right)), qPrintable(text));
    QVERIFY2(text.contains(m_approvedId), qPrintable(text));
    QVERIFY2(text.contains(u"Did you mean"_s), qPrintable(text));

    // Two neighbours swapped in the serial (when they differ): also one slip away.
    typo = m_approvedId;
    std::swap(typo[15], typo[16]);
    if (typo != m_approvedId) {
        field->setText(typo);
        QVERIFY2(verdict->text().contains(u"Did you mean %1?"_s.arg(m_approvedId)), qPrintable(verdict->text()));
    }

    // Two slips: explained, but no registered identifier is named for it.
    typo = m_approvedId;
    typo[16] = typo[16] == u'9' ? u'8' : QChar(typo[16].unicode() + 1);
    typo[typo.size() - 1] = typo.back() == u'Z' ? u'Y' : QChar(typo.back().unicode() + 1);
    if (computeid::diagnose(typo).problem == computeid::Diagnosis::Problem::CheckCharacter) {
        field->setText(typo);
        QVERIFY2(verdict->text().contains(u"check character"_s), qPrintable(verdict->text()));
        QVERIFY2(!verdict->text().contains(m_approvedId), qPrintable(verdict->text()));
    }
}

void tst_IdentifierManagement::anUnknownProvinceIsExplained()
{
    QLineEdit *field = m_window->identifierField();
    field->setText(u"CPN-I99-RES-00001-0"_s);
    const QString text = m_window->identifierVerdict()->text();
    QVERIFY2(text.contains(u"99 is not a province code"_s), qPrintable(text));
    QCOMPARE(m_window->identifierVerdict()->property("problem").toBool(), true);
    // An unknown sector too, listing the sectors.
    field->setText(u"CPN-I37-XYZ-00001-0"_s);
    QVERIFY2(m_window->identifierVerdict()->text().contains(u"XYZ is not a sector code"_s),
             qPrintable(m_window->identifierVerdict()->text()));
    QVERIFY(m_window->identifierVerdict()->text().contains(u"FIN"_s));
    // Not an identifier at all: the form is explained.
    field->setText(u"guizhou-hub"_s);
    QVERIFY2(m_window->identifierVerdict()->text().startsWith(u"Not of the form"_s),
             qPrintable(m_window->identifierVerdict()->text()));
    field->clear();
    QVERIFY(m_window->identifierVerdict()->text().isEmpty());
}

void tst_IdentifierManagement::aRegisteredIdentifierSelectsItsRow()
{
    QVERIFY(!m_approvedId.isEmpty());
    // From the pending tab, with the registry showing only rejected registrations.
    m_window->tabs()->setCurrentIndex(0);
    auto *stateFilter = m_window->registryView()->parentWidget()->findChild<QComboBox *>();
    QVERIFY(stateFilter);
    stateFilter->setCurrentIndex(stateFilter->findText(u"Rejected"_s));
    QVERIFY(!rowIn(m_window->registryView(), u"gui-marine"_s).isValid());

    m_window->identifierField()->setText(m_approvedId);
    const QString text = m_window->identifierVerdict()->text();
    QVERIFY2(text.contains(u"Qingdao Marine gui-marine"_s) && text.contains(u"Active"_s), qPrintable(text));
    QCOMPARE(m_window->identifierVerdict()->property("problem").toBool(), false);
    QCOMPARE(m_window->tabs()->currentIndex(), 1);
    QVERIFY(m_window->selected());
    QCOMPARE(m_window->selected()->computeId, m_approvedId);
    QCOMPARE(m_window->selected()->applicant.nodeId, u"gui-marine"_s);
    QCOMPARE(trail(1), (QStringList{u"Applied"_s, u"Approved"_s}));

    // A valid identifier nobody holds: said so, nothing selected for it.
    computeid::Parts parts = *computeid::parse(m_approvedId);
    parts.serial = computeid::kMaxSerial;
    m_window->identifierField()->setText(computeid::make(parts));
    QVERIFY2(m_window->identifierVerdict()->text().contains(u"not in this registry"_s),
             qPrintable(m_window->identifierVerdict()->text()));
}

void tst_IdentifierManagement::theApprovedNodeIsOnTheMapAndASuspendedOneSaysSo()
{
    QVERIFY(!m_approvedId.isEmpty());
    // The Guizhou hub's identifier suspended, as a registrar would from the registry tab.
    QVERIFY(select(1, u"guizhou-hub"_s));
    QVERIFY(decideAndWait(u"suspend"_s, u"audit of its access network"_s));
    QCOMPARE(m_window->selected()->state, RegistrationState::Suspended);

    // The directory as the console gets it, fed to the map the way the console feeds it.
    std::optional<api::ApiResult<protocol::NodeDirectory>> listed;
    m_registrar->fetchDirectory([&](const api::ApiResult<protocol::NodeDirectory> &r) { listed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 15000);
    QVERIFY2(listed->ok(), qPrintable(listed->error().message()));
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    FederationState state(clock);
    NodeTableModel nodes(&state);
    map::MapScene scene;
    map::MapSceneFeeder feeder(&scene, &nodes);
    state.setDirectory(listed->value().nodes, {});
    feeder.flush();
    const int marine = scene.nodeIndex(u"gui-marine"_s);
    QVERIFY2(marine >= 0, "the approved node is not on the map");
    QVERIFY(scene.nodes().at(marine).shown());
    // Placed at its own coordinates: Qingdao is east of Guiyang and north of it.
    const int guiyang = scene.nodeIndex(u"guizhou-hub"_s);
    QVERIFY(scene.nodes().at(marine).km.x() > scene.nodes().at(guiyang).km.x());
    QVERIFY(scene.nodes().at(marine).km.y() > scene.nodes().at(guiyang).km.y());
    // The suspended hub: listed, and its status says so.
    const QModelIndex hubStatus = nodes.nodeIndex(u"guizhou-hub"_s, NodeTableModel::StatusColumn);
    QVERIFY2(hubStatus.data().toString().endsWith(u", suspended"_s), qPrintable(hubStatus.data().toString()));
    QVERIFY(!nodes.nodeIndex(u"gui-marine"_s, NodeTableModel::StatusColumn).data().toString().contains(u"suspended"_s));

    QVERIFY(decideAndWait(u"reinstate"_s, u"audit passed"_s));
}

QTEST_MAIN(tst_IdentifierManagement)
#include "tst_identifiermanagement.moc"
