#include "ui/nodedragsource.h"

#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace cpn;

// The Nodes table's drag source. A press on an unselected row is the view's own (it selects, a drag
// extends the selection); the source must never reach into a view that is being destroyed: the
// viewport still sends it events then (UBSan caught a cast of the half-destroyed view at every
// shutdown; the sanitized run of this test is where a regression shows).
class tst_NodeDragSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPressOnAnUnselectedRowIsTheViews();
    void destroyingTheViewTouchesNothingOfIt();

private:
    static std::unique_ptr<QTableView> table(QStandardItemModel &model);
};

std::unique_ptr<QTableView> tst_NodeDragSource::table(QStandardItemModel &model)
{
    for (const char *id : {"guian", "gy-gov", "shaoguan"})
        model.appendRow(new QStandardItem(QString::fromLatin1(id)));
    auto view = std::make_unique<QTableView>();
    view->setModel(&model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    new NodeDragSource(view.get(), Qt::DisplayRole, QStringLiteral("application/x-cpn-node-ids"));
    view->resize(300, 200);
    view->show();
    return view;
}

void tst_NodeDragSource::aPressOnAnUnselectedRowIsTheViews()
{
    QStandardItemModel model;
    auto view = table(model);
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    // Press on row 0 and drag down to row 2: no drag starts (nothing was selected), the selection grows.
    const QPoint first = view->visualRect(model.index(0, 0)).center();
    const QPoint last = view->visualRect(model.index(2, 0)).center();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, first);
    QMouseEvent move(QEvent::MouseMove, last, view->viewport()->mapToGlobal(last), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, last);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 3);
}

void tst_NodeDragSource::destroyingTheViewTouchesNothingOfIt()
{
    QStandardItemModel model;
    auto view = table(model);
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    view->selectRow(1);
    QTest::mouseMove(view->viewport(), view->visualRect(model.index(1, 0)).center());
    QPointer<QObject> viewport = view->viewport();
    view.reset(); // the viewport's last events reach the source while the view is half destroyed
    QVERIFY(viewport.isNull());
}

QTEST_MAIN(tst_NodeDragSource)
#include "tst_nodedragsource.moc"
