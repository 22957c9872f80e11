#include "samplehistory.h"

#include "protocolbackend.h"

namespace cpn::gateway {

SampleHistory::SampleHistory(qint64 firstSeq, int capacity) : m_nextSeq(firstSeq), m_capacity(capacity) {}

void SampleHistory::append(const NodeSample &sample, const QList<LinkSample> &links)
{
    if (!m_entries.isEmpty() && sample.tsMs <= m_entries.last().sample.tsMs)
        return; // the protocol's timestamps strictly increase
    m_entries.append({m_nextSeq++, sample, links});
    while (m_entries.size() > m_capacity)
        m_entries.removeFirst();
}

bool SampleHistory::holds(const QString &cursor, qint64 *seq) const
{
    bool ok = false;
    *seq = cursor.toLongLong(&ok);
    return ok && !m_entries.isEmpty() && *seq >= m_entries.first().seq && *seq <= m_entries.last().seq;
}

const SampleHistory::Entry *SampleHistory::find(qint64 seq) const
{
    if (m_entries.isEmpty() || seq < m_entries.first().seq || seq > m_entries.last().seq)
        return nullptr;
    return &m_entries[seq - m_entries.first().seq]; // sequence numbers are contiguous
}

SampleHistory::Slice SampleHistory::since(const QString &cursor, int limit) const
{
    Slice slice;
    if (m_entries.isEmpty()) {
        slice.cursor = QString::number(m_nextSeq - 1);
        slice.reset = true;
        return slice;
    }
    limit = std::clamp(limit, 1, server::ProtocolBackend::kMaxMetricsLimit);
    qint64 after = 0;
    if (!holds(cursor, &after)) {
        slice.entries.append(m_entries.last());
        slice.cursor = QString::number(m_entries.last().seq);
        slice.reset = true;
        return slice;
    }
    for (qsizetype i = after - m_entries.first().seq + 1;
         i < m_entries.size() && slice.entries.size() < limit; ++i)
        slice.entries.append(m_entries[i]);
    slice.cursor = slice.entries.isEmpty() ? cursor : QString::number(slice.entries.last().seq);
    return slice;
}

qint64 SampleHistory::version(const QString &cursor, int limit) const
{
    const qint64 latest = m_entries.isEmpty() ? m_nextSeq - 1 : m_entries.last().seq;
    qint64 after = 0;
    return holds(cursor, &after) ? 2 * std::min(latest, after + limit) : 2 * latest + 1;
}

} // namespace cpn::gateway
