#pragma once

#include <QObject>

#include <functional>
#include <memory>

namespace cpn::api {

// Runs one client's parse jobs on the thread pool, one at a time and in the order they were posted,
// and hands each result back on the thread of the queue's owner, in the same order. Parsers may keep
// state from one answer to the next (a delta decoder), which is why the jobs of one queue never
// overlap. A result is delivered later, never inside post(), and never after the queue is destroyed.
//
// The queue is bounded: a job posted while `capacity` jobs wait is refused (its `refused` runs later
// on the owner's thread instead) and counted in dropped().
class ParseQueue : public QObject
{
    Q_OBJECT

public:
    // Runs on a pool thread; returns what to run back on the owner's thread.
    using Work = std::function<std::function<void()>()>;

    explicit ParseQueue(qsizetype capacity = 64, QObject *parent = nullptr);
    ~ParseQueue() override;

    void post(Work work, std::function<void()> refused);
    qsizetype capacity() const { return m_capacity; }
    // Jobs refused because the queue was full, since the queue was made.
    qint64 dropped() const { return m_dropped; }

Q_SIGNALS:
    void droppedChanged(qint64 dropped);

private:
    struct Shared;
    static void drain(const std::shared_ptr<Shared> &shared);

    qsizetype m_capacity;
    qint64 m_dropped = 0;
    std::shared_ptr<Shared> m_shared;
};

} // namespace cpn::api
