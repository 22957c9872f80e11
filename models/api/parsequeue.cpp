#include "api/parsequeue.h"

#include "domain/logging.h"

#include <QMutex>
#include <QQueue>
#include <QThreadPool>

namespace cpn::api {

// What the pool thread and the owner share; the owner is null once the queue is destroyed.
struct ParseQueue::Shared
{
    QMutex mutex;
    ParseQueue *owner = nullptr;
    QQueue<Work> waiting;
    bool draining = false; // a pool thread is working through `waiting`
};

ParseQueue::ParseQueue(qsizetype capacity, QObject *parent)
    : QObject(parent), m_capacity(std::max<qsizetype>(1, capacity)), m_shared(std::make_shared<Shared>())
{
    m_shared->owner = this;
}

ParseQueue::~ParseQueue()
{
    // A job still running finishes on its thread, but its result is no longer delivered: results
    // already posted go with this object's pending events.
    QMutexLocker lock(&m_shared->mutex);
    m_shared->owner = nullptr;
    m_shared->waiting.clear();
}

void ParseQueue::post(Work work, std::function<void()> refused)
{
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->waiting.size() >= m_capacity) {
        lock.unlock();
        ++m_dropped;
        qCWarning(lcApi) << "parse queue full:" << m_dropped << "answers dropped so far";
        QMetaObject::invokeMethod(this, std::move(refused), Qt::QueuedConnection);
        Q_EMIT droppedChanged(m_dropped);
        return;
    }
    m_shared->waiting.enqueue(std::move(work));
    if (m_shared->draining)
        return; // the running drain picks it up, after the jobs before it
    m_shared->draining = true;
    QThreadPool::globalInstance()->start([shared = m_shared] { drain(shared); });
}

void ParseQueue::drain(const std::shared_ptr<Shared> &shared)
{
    for (;;) {
        Work work;
        {
            QMutexLocker lock(&shared->mutex);
            if (shared->waiting.isEmpty() || !shared->owner) {
                shared->draining = false;
                return;
            }
            work = shared->waiting.dequeue();
        }
        std::function<void()> deliver = work();
        QMutexLocker lock(&shared->mutex);
        // Posted under the lock, so the owner cannot be half destroyed meanwhile; events posted to
        // one receiver arrive in the order they were posted.
        if (shared->owner)
            QMetaObject::invokeMethod(shared->owner, std::move(deliver), Qt::QueuedConnection);
    }
}

} // namespace cpn::api
