#include "charts/samplestore.h"

#include <algorithm>

namespace cpn::charts {

SampleStore::SampleStore(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity)), m_times(size_t(m_capacity + kSlack)),
      m_values(size_t(m_capacity + kSlack))
{
}

bool SampleStore::append(qint64 tsMs, double value)
{
    if (!isEmpty() && tsMs < lastTime())
        return false;
    if (!isEmpty() && tsMs == lastTime()) {
        // The same moment told again (a second root's view of a tick) replaces it.
        m_values[size_t(m_end - 1)] = value;
        return true;
    }
    if (m_end == allocatedSamples()) {
        // Compact: keep the newest capacity - 1 samples, so with the new one there are `capacity`.
        const qsizetype keepFrom = m_end - (m_capacity - 1);
        std::copy(m_times.begin() + keepFrom, m_times.begin() + m_end, m_times.begin());
        std::copy(m_values.begin() + keepFrom, m_values.begin() + m_end, m_values.begin());
        m_begin = 0;
        m_end = m_capacity - 1;
    }
    m_times[size_t(m_end)] = tsMs;
    m_values[size_t(m_end)] = value;
    ++m_end;
    if (size() > m_capacity)
        ++m_begin;
    return true;
}

void SampleStore::clear()
{
    m_begin = 0;
    m_end = 0;
}

void SampleStore::growCapacity(qsizetype capacity)
{
    if (capacity <= m_capacity)
        return;
    m_capacity = capacity;
    m_times.resize(size_t(m_capacity + kSlack));
    m_values.resize(size_t(m_capacity + kSlack));
}

} // namespace cpn::charts
