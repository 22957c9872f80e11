#include "metricshistory.h"

#include <algorithm>

namespace cpn::sim {

MetricsHistory::MetricsHistory(qint64 firstSeq, int capacity) : m_nextSeq(firstSeq), m_capacity(capacity) {}

const TickRecord &MetricsHistory::append(TickRecord record)
{
    record.seq = m_nextSeq++;
    if (!m_ticks.isEmpty() && record.tsMs <= m_ticks.last().tsMs)
        record.tsMs = m_ticks.last().tsMs + 1; // timestamps strictly increase, whatever the clock did
    m_ticks.append(std::move(record));
    while (m_ticks.size() > m_capacity)
        m_ticks.removeFirst();
    return m_ticks.last();
}

const TickRecord *MetricsHistory::find(qint64 seq) const
{
    if (m_ticks.isEmpty() || seq < oldest().seq || seq > latest().seq)
        return nullptr;
    return &m_ticks[seq - oldest().seq]; // sequence numbers are contiguous
}

MetricsHistory::Slice MetricsHistory::since(const QString &cursor, int limit) const
{
    Slice slice;
    if (m_ticks.isEmpty()) {
        slice.cursor = QString::number(m_nextSeq - 1);
        slice.reset = true;
        return slice;
    }
    limit = std::clamp(limit, 1, kMaxLimit);
    bool ok = false;
    const qint64 after = cursor.toLongLong(&ok);
    if (!ok || after < oldest().seq || after > latest().seq) {
        slice.ticks.append(latest());
        slice.cursor = QString::number(latest().seq);
        slice.reset = true;
        return slice;
    }
    // Sequence numbers are contiguous, so the position follows from the number.
    for (qsizetype i = after - oldest().seq + 1; i < m_ticks.size() && slice.ticks.size() < limit; ++i)
        slice.ticks.append(m_ticks[i]);
    slice.cursor = slice.ticks.isEmpty() ? cursor : QString::number(slice.ticks.last().seq);
    return slice;
}

const TickRecord *MetricsHistory::at(qint64 tsMs) const
{
    // Ticks are kept in time order.
    const auto after = std::upper_bound(m_ticks.cbegin(), m_ticks.cend(), tsMs,
                                        [](qint64 ts, const TickRecord &t) { return ts < t.tsMs; });
    return after == m_ticks.cbegin() ? nullptr : &*std::prev(after);
}

} // namespace cpn::sim
