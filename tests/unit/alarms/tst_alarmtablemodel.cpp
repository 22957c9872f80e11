#include "alarmfixtures.h"
#include "alarms/alarmfilterproxymodel.h"
#include "alarms/alarmstore.h"
#include "alarms/alarmtablemodel.h"
#include "alarms/alarmtext.h"
#include "domain/clock.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace cpn;
using namespace cpn::alarms;
using namespace Qt::StringLiterals;

// The Alarms dock's rows: names (not ids) from the injected namer, kinds in the user's language
// (never the server's English summary), and every filter of the filter bar.
class tst_AlarmTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void showsNamesAndTranslatedKinds();
    void kindsFollowTheTranslation();
    void filtersBySeverityAcknowledgementRegionSubtreeAndText();
    void sortsMostSevereFirst();
    void followsTheStoreItIsGiven();
    void silentRootsRowsReadAsUnconfirmed();

private:
    AlarmStore m_store;
};

namespace {
const QString kOrigin = u"http://127.0.0.1:1"_s;

QString nameOf(const AlarmSource &source)
{
    static const QHash<QString, QString> names{{u"gz-hub"_s, u"Guizhou hub"_s},
                                               {u"guian"_s, u"Gui'an cluster"_s},
                                               {u"bj"_s, u"Beijing"_s},
                                               {u"l1"_s, u"Beijing – Guizhou hub"_s}};
    return names.value(source.id);
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(model.index(row, column).data().toString());
    return texts;
}
} // namespace

void tst_AlarmTableModel::init()
{
    m_store.clear();
    Alarm hub = makeAlarm(u"alm-1"_s, Alarm::Kind::NodeDown, Alarm::Severity::Critical,
                          AlarmSource::Kind::Subtree, u"gz-hub"_s, {u"gz-hub"_s, u"guian"_s});
    Alarm busy = makeAlarm(u"alm-2"_s, Alarm::Kind::UtilizationHigh, Alarm::Severity::Warning,
                           AlarmSource::Kind::Node, u"bj"_s);
    busy.ack = AlarmAck{u"operator"_s, 1'100'000, u"Known batch run"_s, 0};
    busy.comments = {{u"operator"_s, 1'200'000, u"ends at noon"_s}};
    Alarm link = makeAlarm(u"alm-3"_s, Alarm::Kind::LinkDown, Alarm::Severity::Major, AlarmSource::Kind::Link,
                           u"l1"_s, {u"gz-hub"_s});
    link.silenced = true;
    m_store.applyBatch(kOrigin, makeBatch({hub, busy, link}, true));
}

void tst_AlarmTableModel::showsNamesAndTranslatedKinds()
{
    ManualClock clock(1'000'000 + 125'000);
    AlarmTableModel model(&m_store, clock, nameOf);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(column(model, AlarmTableModel::SourceColumn),
             (QStringList{u"Guizhou hub"_s, u"Beijing"_s, u"Beijing – Guizhou hub"_s}));
    QCOMPARE(column(model, AlarmTableModel::KindColumn),
             (QStringList{kindName(Alarm::Kind::NodeDown), kindName(Alarm::Kind::UtilizationHigh),
                          kindName(Alarm::Kind::LinkDown)}));
    QCOMPARE(model.index(0, AlarmTableModel::KindColumn).data().toString(), u"Node down"_s);
    QCOMPARE(model.index(0, AlarmTableModel::SeverityColumn).data().toString(), u"Critical"_s);
    QCOMPARE(model.index(0, AlarmTableModel::AgeColumn).data().toString(), u"2 min"_s);
    QCOMPARE(model.index(1, AlarmTableModel::AcknowledgedColumn).data().toString(),
             u"operator: Known batch run"_s);
    QCOMPARE(model.index(1, AlarmTableModel::CommentsColumn).data().toInt(), 1);
    QCOMPARE(model.index(2, AlarmTableModel::SilencedColumn).data().toString(), u"Silenced"_s);
    QCOMPARE(model.index(0, AlarmTableModel::SourceColumn).data(Qt::ToolTipRole).toString(),
             u"Node down: Guizhou hub, 2 nodes affected"_s);
    for (int c = 0; c < model.columnCount(); ++c) {
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(!model.index(r, c).data().toString().contains(u"English summary"_s));
    }
    // An unknown source falls back to its id rather than showing nothing.
    AlarmTableModel unnamed(&m_store, clock, [](const AlarmSource &) { return QString(); });
    QCOMPARE(unnamed.index(0, AlarmTableModel::SourceColumn).data().toString(), u"gz-hub"_s);
}

// A root that stops answering: its rows say so (state, tooltip, ConfirmedRole for the grey look)
// and change with it, and read as before once it answers again.
void tst_AlarmTableModel::silentRootsRowsReadAsUnconfirmed()
{
    ManualClock clock(1'000'000);
    AlarmTableModel model(&m_store, clock, nameOf);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex state = model.index(0, AlarmTableModel::StateColumn);
    QCOMPARE(state.data(AlarmTableModel::ConfirmedRole).toBool(), true);

    const qint64 lastHeard = QDateTime(QDate(2026, 12, 6), QTime(9, 30, 5)).toMSecsSinceEpoch();
    m_store.setOriginUnconfirmed(kOrigin, lastHeard);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.constFirst().at(1).toModelIndex().row(), 2);
    QCOMPARE(state.data(AlarmTableModel::ConfirmedRole).toBool(), false);
    QCOMPARE(state.data().toString(), u"Active (unconfirmed)"_s);
    QVERIFY2(model.index(1, AlarmTableModel::SeverityColumn).data(Qt::ToolTipRole).toString().contains(u"09:30:05"_s),
             qPrintable(model.index(1, AlarmTableModel::SeverityColumn).data(Qt::ToolTipRole).toString()));
    // The same again changes nothing.
    m_store.setOriginUnconfirmed(kOrigin, lastHeard);
    QCOMPARE(changed.size(), 1);

    m_store.setOriginConfirmed(kOrigin);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(state.data(AlarmTableModel::ConfirmedRole).toBool(), true);
    QCOMPARE(state.data().toString(), u"Active"_s);
    QVERIFY(model.index(1, AlarmTableModel::SeverityColumn).data(Qt::ToolTipRole).isNull());
}

void tst_AlarmTableModel::kindsFollowTheTranslation()
{
    QTranslator translator;
    QVERIFY(translator.load(u"cpn_zh_CN.qm"_s, QStringLiteral(CPN_QM_DIR)));
    QCoreApplication::installTranslator(&translator);
    ManualClock clock(1'000'000);
    AlarmTableModel model(&m_store, clock, nameOf);
    const QString kind = model.index(0, AlarmTableModel::KindColumn).data().toString();
    const QString severity = model.index(0, AlarmTableModel::SeverityColumn).data().toString();
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(!kind.isEmpty() && kind != u"Node down"_s, qPrintable(kind));
    QVERIFY2(severity != u"Critical"_s, qPrintable(severity));
}

void tst_AlarmTableModel::filtersBySeverityAcknowledgementRegionSubtreeAndText()
{
    ManualClock clock(1'000'000);
    AlarmTableModel model(&m_store, clock, nameOf);
    AlarmFilterProxyModel proxy;
    proxy.setModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRegionMatcher([](const AlarmSource &s, const QString &province) {
        return province == (s.id == u"bj"_s || s.id == u"l1"_s ? u"CN-BJ"_s : u"CN-GZ"_s);
    });
    proxy.setSubtreeMatcher(
        [](const AlarmSource &s, const QString &root) { return root == u"gz-hub"_s && s.id != u"bj"_s; });
    QCOMPARE(proxy.rowCount(), 3);

    proxy.setMinimumSeverity(Alarm::Severity::Major);
    QCOMPARE(column(proxy, AlarmTableModel::SourceColumn),
             (QStringList{u"Guizhou hub"_s, u"Beijing – Guizhou hub"_s}));
    proxy.setMinimumSeverity(std::nullopt);

    proxy.setAcknowledged(AlarmFilterProxyModel::Acknowledged::Yes);
    QCOMPARE(column(proxy, AlarmTableModel::SourceColumn), QStringList{u"Beijing"_s});
    proxy.setAcknowledged(AlarmFilterProxyModel::Acknowledged::No);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setAcknowledged(AlarmFilterProxyModel::Acknowledged::Any);

    proxy.setRegion(u"CN-BJ"_s);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setRegion({});
    proxy.setSubtree(u"gz-hub"_s);
    QCOMPARE(column(proxy, AlarmTableModel::SourceColumn),
             (QStringList{u"Guizhou hub"_s, u"Beijing – Guizhou hub"_s}));
    proxy.setSubtree({});

    // The search looks at names, translated kinds and the comments, not at ids only.
    proxy.setSearchText(u"guizhou"_s);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setSearchText(u"NOON"_s);
    QCOMPARE(column(proxy, AlarmTableModel::SourceColumn), QStringList{u"Beijing"_s});
    proxy.setSearchText(u"link down"_s);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearchText({});

    // Cleared alarms stay listed unless "active only".
    Alarm cleared = m_store.at(1).alarm;
    cleared.revision = 9;
    cleared.state = Alarm::State::Cleared;
    cleared.clearedAtMs = 1'500'000;
    m_store.applyAlarm(kOrigin, cleared, 1'500'000);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setActiveOnly(true);
    QCOMPARE(proxy.rowCount(), 2);
}

void tst_AlarmTableModel::sortsMostSevereFirst()
{
    ManualClock clock(1'000'000);
    AlarmTableModel model(&m_store, clock, nameOf);
    AlarmFilterProxyModel proxy;
    proxy.setModel(&model);
    proxy.sort(AlarmTableModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, AlarmTableModel::SeverityColumn),
             (QStringList{u"Critical"_s, u"Major"_s, u"Warning"_s}));
    // A new alarm takes its place in the sorted rows.
    m_store.applyAlarm(kOrigin,
                       makeAlarm(u"alm-4"_s, Alarm::Kind::EndpointSlow, Alarm::Severity::Minor,
                                 AlarmSource::Kind::Endpoint, u"bj"_s),
                       1'000'000);
    QCOMPARE(column(proxy, AlarmTableModel::SeverityColumn),
             (QStringList{u"Critical"_s, u"Major"_s, u"Minor"_s, u"Warning"_s}));
}

// An offline review's store shown instead of the live one, and the live one again: the rows are the
// store's shown, and only its changes reach the model.
void tst_AlarmTableModel::followsTheStoreItIsGiven()
{
    ManualClock clock(1'000'000);
    AlarmTableModel model(&m_store, clock, nameOf);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AlarmStore review;
    review.applyAlarm(kOrigin,
                      makeAlarm(u"alm-9"_s, Alarm::Kind::NodeDown, Alarm::Severity::Critical,
                                AlarmSource::Kind::Node, u"bj"_s),
                      1'000'000);
    model.setStore(&review);
    QCOMPARE(model.store(), &review);
    QCOMPARE(column(model, AlarmTableModel::SourceColumn), QStringList{u"Beijing"_s});
    m_store.applyAlarm(kOrigin,
                       makeAlarm(u"alm-4"_s, Alarm::Kind::NodeDown, Alarm::Severity::Minor,
                                 AlarmSource::Kind::Node, u"bj"_s),
                       1'000'000);
    QCOMPARE(model.rowCount(), 1);
    review.applyAlarm(kOrigin,
                      makeAlarm(u"alm-8"_s, Alarm::Kind::NodeDown, Alarm::Severity::Minor,
                                AlarmSource::Kind::Node, u"guian"_s),
                      1'000'000);
    QCOMPARE(model.rowCount(), 2);
    model.setStore(&m_store);
    QCOMPARE(model.rowCount(), m_store.size());
    review.clear();
    QCOMPARE(model.rowCount(), m_store.size());
}

QTEST_GUILESS_MAIN(tst_AlarmTableModel)
#include "tst_alarmtablemodel.moc"
