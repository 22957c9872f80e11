#include "api/parsequeue.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <memory>

using namespace cpn::api;

// ParseQueue: one client's parse jobs, in order, off the owner's thread, bounded.
class tst_ParseQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsRunOneAtATimeOffTheOwnersThreadAndDeliverInOrder();
    void nothingIsDeliveredInsideThePost();
    void nothingIsDeliveredAfterTheQueueIsGone();
    void aFullQueueRefusesAndCounts();
};

void tst_ParseQueue::jobsRunOneAtATimeOffTheOwnersThreadAndDeliverInOrder()
{
    ParseQueue queue;
    QAtomicInt running = 0;
    QAtomicInt overlaps = 0;
    QAtomicInt onOwnerThread = 0;
    QList<int> worked;  // written by the jobs one after the other (they never overlap)
    QList<int> delivered;
    QThread *owner = QThread::currentThread();
    const int count = 40;
    for (int i = 0; i < count; ++i) {
        queue.post(
            [&, i]() -> std::function<void()> {
                if (running.fetchAndAddOrdered(1) != 0)
                    overlaps.ref();
                if (QThread::currentThread() == owner)
                    onOwnerThread.ref();
                QThread::usleep(200); // long enough for a second pool thread to join in, if allowed
                worked.append(i);
                running.fetchAndSubOrdered(1);
                return [&, i] { delivered.append(i); };
            },
            [] { QFAIL("refused"); });
    }
    QTRY_COMPARE(delivered.size(), count);
    QCOMPARE(overlaps.loadRelaxed(), 0);
    QCOMPARE(onOwnerThread.loadRelaxed(), 0);
    QList<int> expected;
    for (int i = 0; i < count; ++i)
        expected.append(i);
    QCOMPARE(worked, expected);
    QCOMPARE(delivered, expected);
    QCOMPARE(queue.dropped(), 0);
}

void tst_ParseQueue::nothingIsDeliveredInsideThePost()
{
    ParseQueue queue;
    bool delivered = false;
    queue.post([&]() -> std::function<void()> { return [&] { delivered = true; }; }, [] {});
    QThreadPool::globalInstance()->waitForDone();
    QVERIFY(!delivered); // the result waits for the owner's event loop
    QTRY_VERIFY(delivered);
}

void tst_ParseQueue::nothingIsDeliveredAfterTheQueueIsGone()
{
    auto queue = std::make_unique<ParseQueue>();
    QSemaphore started;
    QSemaphore release;
    int delivered = 0;
    // When the queue goes, the first job's result is posted, the second runs and the third waits.
    queue->post([&]() -> std::function<void()> { return [&] { ++delivered; }; }, [] {});
    queue->post(
        [&]() -> std::function<void()> {
            started.release();
            release.acquire();
            return [&] { ++delivered; };
        },
        [] {});
    queue->post([&]() -> std::function<void()> { return [&] { ++delivered; }; }, [] {});
    started.acquire();
    queue.reset();
    release.release();
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(delivered, 0);
}

void tst_ParseQueue::aFullQueueRefusesAndCounts()
{
    ParseQueue queue(2);
    QSemaphore started;
    QSemaphore release;
    int delivered = 0;
    int refused = 0;
    QList<qint64> counts;
    connect(&queue, &ParseQueue::droppedChanged, this, [&](qint64 total) { counts.append(total); });
    const auto blocking = [&]() -> std::function<void()> {
        started.release();
        release.acquire();
        return [&] { ++delivered; };
    };
    const auto quick = [&]() -> std::function<void()> { return [&] { ++delivered; }; };
    queue.post(blocking, [&] { ++refused; });
    started.acquire(); // running: the two places of the queue are free
    queue.post(quick, [&] { ++refused; });
    queue.post(quick, [&] { ++refused; });
    queue.post(quick, [&] { ++refused; }); // the third waiting one is one too many
    queue.post(quick, [&] { ++refused; });
    QCOMPARE(queue.dropped(), 2);
    QCOMPARE(counts, (QList<qint64>{1, 2}));
    QCOMPARE(refused, 0); // later, like any result
    release.release();
    QTRY_COMPARE(delivered + refused, 5);
    QCOMPARE(delivered, 3);
    QCOMPARE(refused, 2);
}

QTEST_GUILESS_MAIN(tst_ParseQueue)
#include "tst_parsequeue.moc"
