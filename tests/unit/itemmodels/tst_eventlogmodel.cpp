#include "itemmodels/eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_EventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendInsertsAtBottom();
    void columns_data();
    void columns();
    void boundedDropsOldest();
    void defaultCapacity();
    void clear();
    void sourcesByName();
};

void tst_EventLogModel::appendInsertsAtBottom()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(1000, EventLogModel::Severity::Info, u"national"_s, u"connected"_s);
    model.append(2000, EventLogModel::Severity::Error, u"guian"_s, u"went offline"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1);
    QCOMPARE(model.index(1, EventLogModel::MessageColumn).data().toString(), u"went offline"_s);
}

void tst_EventLogModel::columns_data()
{
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("name");
    QTest::newRow("info") << int(EventLogModel::Severity::Info) << u"Info"_s;
    QTest::newRow("warning") << int(EventLogModel::Severity::Warning) << u"Warning"_s;
    QTest::newRow("error") << int(EventLogModel::Severity::Error) << u"Error"_s;
}

void tst_EventLogModel::columns()
{
    QFETCH(int, severity);
    QFETCH(QString, name);
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 t = 1764064800000;
    model.append(t, EventLogModel::Severity(severity), u"bth-hub"_s, u"message"_s);
    QCOMPARE(model.index(0, EventLogModel::SeverityColumn).data().toString(), name);
    QCOMPARE(model.index(0, EventLogModel::SourceColumn).data().toString(), u"bth-hub"_s);
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data(EventLogModel::SeverityRole).toInt(), severity);
    QCOMPARE(model.index(0, 0).data(EventLogModel::TimeMsRole).toLongLong(), t);
    QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(),
             QDateTime::fromMSecsSinceEpoch(t).toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

void tst_EventLogModel::boundedDropsOldest()
{
    EventLogModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 5; ++i)
        model.append(i, EventLogModel::Severity::Info, u"src"_s, u"event %1"_s.arg(i));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(model.eventAt(0).message, u"event 2"_s);
    QCOMPARE(model.eventAt(2).message, u"event 4"_s);
}

void tst_EventLogModel::defaultCapacity()
{
    EventLogModel model;
    QCOMPARE(model.capacity(), 5000);
    for (int i = 0; i < 5100; ++i)
        model.append(i, EventLogModel::Severity::Info, u"src"_s, u"e"_s);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.eventAt(0).timeMs, qint64(100));
}

void tst_EventLogModel::clear()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(1, EventLogModel::Severity::Warning, u"a"_s, u"b"_s);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 1);
}

// The Source column names what the source id stands for; the id stays in the tooltip.
void tst_EventLogModel::sourcesByName()
{
    EventLogModel model;
    model.setSourceNamer([](const QString &source) {
        return source == u"guian"_s ? u"Gui'an cluster"_s : source;
    });
    model.append(1000, EventLogModel::Severity::Error, u"guian"_s, u"went offline"_s);
    model.append(2000, EventLogModel::Severity::Info, u"Demo"_s, u"started"_s);
    const QModelIndex first = model.index(0, EventLogModel::SourceColumn);
    QCOMPARE(first.data().toString(), u"Gui'an cluster"_s);
    QCOMPARE(first.data(Qt::ToolTipRole).toString(), u"guian"_s);
    QCOMPARE(model.eventAt(0).source, u"guian"_s); // recorded as given
    QCOMPARE(model.index(1, EventLogModel::SourceColumn).data().toString(), u"Demo"_s);
}

QTEST_GUILESS_MAIN(tst_EventLogModel)
#include "tst_eventlogmodel.moc"
