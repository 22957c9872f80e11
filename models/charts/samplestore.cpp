#include "charts/samplestore.h"

#include <algorithm>

namespace cpn::charts {

SampleStore::SampleStore(qsizetype capacity) : m_capacity(std::max<qsizetype>(1, capacity))
{
    m_times.reserve(size_t(2 * m_capacity));
    m_values.reserve(size_t(2 * m_capacity));
}

bool SampleStore::append(qint64 tsMs, double value)
{
    if (!isEmpty() && tsMs < lastTime())
        return false;
    if (!isEmpty() && tsMs == lastTime()) {
        m_values.back() = value; // the same moment told again (a second root's view of a tick) replaces it
        return true;
    }
    if (qsizetype(m_times.size()) == 2 * m_capacity) {
        // Compact: keep the newest capacity - 1 samples, so with the new one there are `capacity`.
        const auto keepFrom = m_times.size() - size_t(m_capacity - 1);
        m_times.erase(m_times.begin(), m_times.begin() + qsizetype(keepFrom));
        m_values.erase(m_values.begin(), m_values.begin() + qsizetype(keepFrom));
        m_begin = 0;
    }
    m_times.push_back(tsMs);
    m_values.push_back(value);
    if (size() > m_capacity)
        ++m_begin;
    return true;
}

void SampleStore::clear()
{
    m_times.clear();
    m_values.clear();
    m_begin = 0;
}

} // namespace cpn::charts

namespace cpn::charts {

void SampleStore::growCapacity(qsizetype capacity)
{
    if (capacity <= m_capacity)
        return;
    m_capacity = capacity;
    m_times.reserve(size_t(2 * m_capacity));
    m_values.reserve(size_t(2 * m_capacity));
}

} // namespace cpn::charts
