#include "itemmodels/registrationtablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kT0 = 1764064800000;

Registration registration(const QString &id, const QString &nodeId, RegistrationState state,
                          const QString &computeId = {})
{
    Registration g;
    g.id = id;
    g.parentId = u"guizhou-hub"_s;
    g.applicant.nodeId = nodeId;
    g.applicant.name = u"Node %1"_s.arg(nodeId);
    g.applicant.nameZh = u"节点%1"_s.arg(nodeId);
    g.applicant.tier = NodeTier::Industry;
    g.applicant.role = NodeRole::Industry;
    g.applicant.sector = u"RES"_s;
    g.applicant.province = u"CN-SD"_s;
    g.applicant.contact = u"ops@%1.example.cn"_s.arg(nodeId);
    g.state = state;
    g.computeId = computeId;
    g.history = {{RegistryEvent::Action::Applied, kT0, u"applicant"_s, {}}};
    if (state != RegistrationState::Pending) {
        const auto action = state == RegistrationState::Rejected ? RegistryEvent::Action::Rejected
                                                                  : RegistryEvent::Action::Approved;
        g.history.append({action, kT0 + 60'000, u"registrar"_s, u"checked"_s});
    }
    return g;
}

QList<Registration> three()
{
    return {registration(u"reg-00001"_s, u"qd-marine"_s, RegistrationState::Active, u"CPN-I37-RES-00001-6"_s),
            registration(u"reg-00002"_s, u"jn-bio"_s, RegistrationState::Pending),
            registration(u"reg-00003"_s, u"yt-port"_s, RegistrationState::Rejected)};
}

} // namespace

class tst_RegistrationTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsAndColumns();
    void stateRole();
    void lookups();
    void sameIdsChangeCellsInPlace();
    void unchangedRefreshSignalsNothing();
    void differentIdsReset_data();
    void differentIdsReset();
};

void tst_RegistrationTableModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_RegistrationTableModel::rowsAndColumns()
{
    RegistrationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setRegistrations(three());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(RegistrationTableModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table, not a tree
    QCOMPARE(model.registrations(), three());

    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, RegistrationTableModel::NodeIdColumn), u"qd-marine"_s);
    QCOMPARE(cell(0, RegistrationTableModel::ParentColumn), u"guizhou-hub"_s);
    QCOMPARE(cell(0, RegistrationTableModel::StateColumn), u"Active"_s);
    QCOMPARE(cell(0, RegistrationTableModel::ComputeIdColumn), u"CPN-I37-RES-00001-6"_s);
    QVERIFY2(cell(0, RegistrationTableModel::ProvinceColumn).contains(u"Shandong"_s),
             qPrintable(cell(0, RegistrationTableModel::ProvinceColumn)));
    QVERIFY2(cell(0, RegistrationTableModel::NodeColumn).contains(u"Node qd-marine"_s),
             qPrintable(cell(0, RegistrationTableModel::NodeColumn)));
    QVERIFY(!cell(0, RegistrationTableModel::RoleColumn).isEmpty());
    // The latest step, with who took it.
    const QString last = cell(0, RegistrationTableModel::LastStepColumn);
    QVERIFY2(last.startsWith(u"Approved"_s) && last.endsWith(u"by registrar"_s), qPrintable(last));
    QVERIFY2(cell(2, RegistrationTableModel::LastStepColumn).startsWith(u"Rejected"_s),
             qPrintable(cell(2, RegistrationTableModel::LastStepColumn)));
    // Pending: no identifier yet, said so.
    QCOMPARE(cell(1, RegistrationTableModel::StateColumn), u"Pending"_s);
    QCOMPARE(cell(1, RegistrationTableModel::ComputeIdColumn), u"not assigned"_s);
    QVERIFY2(cell(1, RegistrationTableModel::LastStepColumn).endsWith(u"by applicant"_s),
             qPrintable(cell(1, RegistrationTableModel::LastStepColumn)));
    // The contact in the node's tooltip.
    QCOMPARE(model.index(1, RegistrationTableModel::NodeColumn).data(Qt::ToolTipRole).toString(),
             u"Contact: ops@jn-bio.example.cn"_s);
    // Headers.
    QCOMPARE(model.headerData(RegistrationTableModel::ComputeIdColumn, Qt::Horizontal).toString(),
             u"Compute identifier"_s);
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    // Out of range: nothing.
    QVERIFY(!model.registrationAt(3));
    QVERIFY(!model.registrationAt(-1));
    QCOMPARE(model.registrationAt(2)->id, u"reg-00003"_s);
}

void tst_RegistrationTableModel::stateRole()
{
    RegistrationTableModel model;
    QList<Registration> all = three();
    all.append(registration(u"reg-00004"_s, u"wh-grid"_s, RegistrationState::Suspended, u"CPN-I37-RES-00002-4"_s));
    all.append(registration(u"reg-00005"_s, u"lc-farm"_s, RegistrationState::Revoked, u"CPN-I37-RES-00003-2"_s));
    model.setRegistrations(all);
    const QList<RegistrationState> expected{RegistrationState::Active, RegistrationState::Pending,
                                            RegistrationState::Rejected, RegistrationState::Suspended,
                                            RegistrationState::Revoked};
    for (int row = 0; row < model.rowCount(); ++row) {
        // Every column answers the role (proxies filter on any column).
        for (int column = 0; column < model.columnCount(); ++column)
            QCOMPARE(model.index(row, column).data(RegistrationTableModel::StateRole).toInt(), int(expected[row]));
        QCOMPARE(model.index(row, RegistrationTableModel::StateColumn).data().toString(),
                 RegistrationTableModel::stateName(expected[row]));
    }
    // A filter on the role, as the window's tabs use it.
    QSortFilterProxyModel pending;
    pending.setSourceModel(&model);
    pending.setFilterRole(RegistrationTableModel::StateRole);
    pending.setFilterFixedString(QString::number(int(RegistrationState::Pending)));
    QCOMPARE(pending.rowCount(), 1);
    QCOMPARE(pending.index(0, RegistrationTableModel::NodeIdColumn).data().toString(), u"jn-bio"_s);
}

void tst_RegistrationTableModel::lookups()
{
    RegistrationTableModel model;
    model.setRegistrations(three());
    QCOMPARE(model.rowOf(u"reg-00003"_s), 2);
    QCOMPARE(model.rowOf(u"reg-00009"_s), -1);
    QCOMPARE(model.rowOfComputeId(u"CPN-I37-RES-00001-6"_s), 0);
    QCOMPARE(model.rowOfComputeId(u"CPN-I37-RES-00001-7"_s), -1);
    // Pending and rejected rows have no identifier: an empty one matches none of them.
    QCOMPARE(model.rowOfComputeId(QString()), -1);
    QCOMPARE(model.rowOfComputeId(u""_s), -1);
    model.setRegistrations({});
    QCOMPARE(model.rowOfComputeId(u"CPN-I37-RES-00001-6"_s), -1);
}

void tst_RegistrationTableModel::sameIdsChangeCellsInPlace()
{
    RegistrationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegistrations(three());
    // Selected through a sorting proxy, as in the window.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(RegistrationTableModel::NodeIdColumn);
    QItemSelectionModel selection(&proxy);
    const QModelIndex pendingAt = proxy.mapFromSource(model.index(1, 0));
    selection.setCurrentIndex(pendingAt, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(selection.hasSelection());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    // The pending application is approved: same ids, same order, one row different.
    QList<Registration> next = three();
    next[1].state = RegistrationState::Active;
    next[1].computeId = u"CPN-I37-RES-00002-4"_s;
    next[1].history.append({RegistryEvent::Action::Approved, kT0 + 120'000, u"developer"_s, {}});
    model.setRegistrations(next);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(changed.count(), 1); // only the row that changed
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, model.index(1, 0));
    QCOMPARE(bottomRight, model.index(1, RegistrationTableModel::ColumnCount - 1));
    QCOMPARE(model.registrations(), next);
    QCOMPARE(model.index(1, RegistrationTableModel::StateColumn).data().toString(), u"Active"_s);
    QCOMPARE(model.index(1, 0).data(RegistrationTableModel::StateRole).toInt(), int(RegistrationState::Active));
    QCOMPARE(model.rowOfComputeId(u"CPN-I37-RES-00002-4"_s), 1);

    // The selection survived, on the same registration.
    QVERIFY(selection.hasSelection());
    QVERIFY(selection.currentIndex().isValid());
    QCOMPARE(proxy.mapToSource(selection.currentIndex()).row(), 1);
    QCOMPARE(model.registrationAt(proxy.mapToSource(selection.currentIndex()).row())->id, u"reg-00002"_s);
    QCOMPARE(selection.selectedRows().size(), 1);
}

void tst_RegistrationTableModel::unchangedRefreshSignalsNothing()
{
    RegistrationTableModel model;
    model.setRegistrations(three());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRegistrations(three());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
    // Empty to empty: nothing either.
    RegistrationTableModel empty;
    QSignalSpy emptyReset(&empty, &QAbstractItemModel::modelReset);
    empty.setRegistrations({});
    QCOMPARE(emptyReset.count(), 0);
}

void tst_RegistrationTableModel::differentIdsReset_data()
{
    QTest::addColumn<QList<Registration>>("next");
    const QList<Registration> base = three();
    QList<Registration> added = base;
    added.append(registration(u"reg-00004"_s, u"wh-grid"_s, RegistrationState::Pending));
    QList<Registration> fewer = base.mid(0, 2);
    QList<Registration> replaced = base;
    replaced[2] = registration(u"reg-00007"_s, u"yt-port"_s, RegistrationState::Pending);
    QList<Registration> reordered{base[1], base[0], base[2]};
    QTest::newRow("one more") << added;
    QTest::newRow("one fewer") << fewer;
    QTest::newRow("same count, another id") << replaced;
    QTest::newRow("same ids, another order") << reordered;
    QTest::newRow("none") << QList<Registration>{};
}

void tst_RegistrationTableModel::differentIdsReset()
{
    QFETCH(QList<Registration>, next);
    RegistrationTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRegistrations(three());
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRegistrations(next);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowCount(), int(next.size()));
    QCOMPARE(model.registrations(), next);
    for (int row = 0; row < next.size(); ++row)
        QCOMPARE(model.index(row, RegistrationTableModel::NodeIdColumn).data().toString(), next[row].applicant.nodeId);
    QVERIFY(!selection.hasSelection()); // a reset drops the selection: the rows are other rows
}

QTEST_GUILESS_MAIN(tst_RegistrationTableModel)
#include "tst_registrationtablemodel.moc"
