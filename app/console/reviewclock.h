#pragma once

#include "domain/clock.h"

namespace cpn::console {

// The clock the window and its models read. Live, it is the system's; while a recording is
// reviewed it is pinned to the replayed moment, so staleness, data ages and the status bar's
// time are those of the recording, not of today (a replayed node is never "stale for 3 hours").
class ReviewClock final : public Clock
{
public:
    explicit ReviewClock(const Clock &live) : m_live(live) {}
    qint64 nowMs() const override { return m_pinnedMs >= 0 ? m_pinnedMs : m_live.nowMs(); }
    qint64 monotonicMs() const override { return m_live.monotonicMs(); }
    void pin(qint64 atMs) { m_pinnedMs = atMs; }
    void unpin() { m_pinnedMs = -1; }
    bool isPinned() const { return m_pinnedMs >= 0; }

private:
    const Clock &m_live;
    qint64 m_pinnedMs = -1;
};

} // namespace cpn::console
