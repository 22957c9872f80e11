#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QtGlobal>

namespace cpn {

// Time is injected so that staleness, data age and backoff can be tested without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock time, Unix epoch milliseconds (compared with sample timestamps).
    virtual qint64 nowMs() const = 0;
    // Milliseconds from an arbitrary origin that never jumps (for intervals and timeouts).
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock() { m_timer.start(); }
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    qint64 monotonicMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

// A clock that only moves when told to; both readings advance together.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 nowMs = 0) : m_nowMs(nowMs) {}
    qint64 nowMs() const override { return m_nowMs; }
    qint64 monotonicMs() const override { return m_monotonicMs; }
    void advance(qint64 ms)
    {
        m_nowMs += ms;
        m_monotonicMs += ms;
    }
    void setNowMs(qint64 ms) { m_nowMs = ms; }

private:
    qint64 m_nowMs = 0;
    qint64 m_monotonicMs = 0;
};

} // namespace cpn
