#include "widgets/layoutfence.h"

#include <QLabel>
#include <QTest>
#include <QVBoxLayout>

using namespace cpn;
using namespace Qt::StringLiterals;

// Counts the layout requests a window receives: each one lays out the whole window again.
class LayoutRequests : public QObject
{
public:
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        count += event->type() == QEvent::LayoutRequest;
        return false;
    }
};

class tst_LayoutFence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSizeStaysInside();
    void newSizeReachesTheLayout();
};

namespace {
struct Window
{
    QWidget window;
    QLabel *figure = new QLabel(u"12:00:00"_s);
    LayoutFence *fence = new LayoutFence(figure);
    QLabel *below = new QLabel(u"below"_s);
    LayoutRequests requests;

    Window()
    {
        figure->setFont(QFont(u"DejaVu Sans Mono"_s));
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(fence);
        layout->addWidget(below);
        window.show();
        window.installEventFilter(&requests);
    }
};
} // namespace

void tst_LayoutFence::sameSizeStaysInside()
{
    Window w;
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QTest::qWait(50); // settled: the first layout is done
    w.requests.count = 0;
    for (const QString &time : {u"12:00:01"_s, u"12:00:02"_s, u"12:00:03"_s}) {
        w.figure->setText(time);
        QCoreApplication::processEvents();
    }
    QCOMPARE(w.requests.count, 0);
    QCOMPARE(w.figure->geometry(), w.fence->rect()); // the content still fills the fence
    // Without the fence, the same labels lay out the window on each change.
    auto *bare = new QLabel(u"12:00:00"_s);
    bare->setFont(w.figure->font());
    w.window.layout()->addWidget(bare);
    QTest::qWait(50);
    w.requests.count = 0;
    bare->setText(u"12:00:01"_s);
    QCoreApplication::processEvents();
    QVERIFY(w.requests.count > 0);
}

void tst_LayoutFence::newSizeReachesTheLayout()
{
    Window w;
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QCoreApplication::processEvents();
    const int before = w.fence->height();
    w.figure->setText(u"12:00:00\nsecond line\nthird line"_s);
    QTRY_VERIFY(w.fence->height() > before);
    QCOMPARE(w.fence->sizeHint(), w.figure->sizeHint());
    QCOMPARE(w.figure->geometry(), w.fence->rect());
    QVERIFY(w.below->y() >= w.fence->geometry().bottom());
}

QTEST_MAIN(tst_LayoutFence)
#include "tst_layoutfence.moc"
