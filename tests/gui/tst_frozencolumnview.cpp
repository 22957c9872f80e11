// The Nodes table's first column stays in view when the table is scrolled right: the frozen view shows
// that column alone, over the table's rows, and acts on the table's selection.
#include "widgets/frozencolumnview.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace cpn;

class TestFrozenColumnView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesStayInViewWhenScrolledRight();
};

void TestFrozenColumnView::namesStayInViewWhenScrolledRight()
{
    QStandardItemModel model(200, 12);
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.setItem(row, column, new QStandardItem(QStringLiteral("r%1c%2").arg(row).arg(column)));
    }
    FrozenColumnView view;
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setModel(&model);
    for (int column = 0; column < model.columnCount(); ++column)
        view.setColumnWidth(column, 120);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTableView *frozen = view.frozenView();
    QVERIFY(!frozen->isVisible()); // the column is in view by itself

    view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
    view.verticalScrollBar()->setValue(50);
    QTRY_VERIFY(frozen->isVisible());
    for (int column = 1; column < model.columnCount(); ++column)
        QVERIFY(frozen->isColumnHidden(column));
    QVERIFY(!frozen->isColumnHidden(0));
    // Row for row beside the table: the same row at the same height.
    const QModelIndex top = view.indexAt(QPoint(5, 5));
    QCOMPARE(frozen->indexAt(QPoint(5, 5)).row(), top.row());
    QCOMPARE(frozen->indexAt(QPoint(5, 5)).column(), 0);

    // A click on a name selects its row in the table, and reads as the table's click.
    QSignalSpy clicked(&view, &QAbstractItemView::clicked);
    const QModelIndex name = frozen->indexAt(QPoint(5, 40));
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {}, frozen->visualRect(name).center());
    QVERIFY(view.selectionModel()->isRowSelected(name.row(), {}));
    QCOMPARE(clicked.size(), 1);

    view.horizontalScrollBar()->setValue(0);
    QTRY_VERIFY(!frozen->isVisible());
}

QTEST_MAIN(TestFrozenColumnView)
#include "tst_frozencolumnview.moc"
