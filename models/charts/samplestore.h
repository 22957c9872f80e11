#pragma once

#include <QtGlobal>

#include <span>
#include <vector>

namespace cpn::charts {

// A bounded, time-ordered buffer of (epoch ms, value) samples for one live series. Storage is kept
// contiguous so downsampling and nearest-sample lookups work on plain spans: samples are appended
// into room for twice the capacity, and when that room is used up the newest `capacity` samples
// move to the front (one memmove per `capacity` appends, amortized O(1)).
class SampleStore
{
public:
    explicit SampleStore(qsizetype capacity = 3600);

    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return qsizetype(m_times.size()) - m_begin; }
    bool isEmpty() const { return size() == 0; }

    // Samples older than the last one are dropped (the charts draw time-ordered lines); one at the
    // same time replaces the last value.
    bool append(qint64 tsMs, double value);
    void clear();
    // Keeps what is stored; never shrinks.
    void growCapacity(qsizetype capacity);

    std::span<const qint64> times() const { return {m_times.data() + m_begin, size_t(size())}; }
    std::span<const double> values() const { return {m_values.data() + m_begin, size_t(size())}; }
    qint64 firstTime() const { return m_times[size_t(m_begin)]; }
    qint64 lastTime() const { return m_times.back(); }
    double lastValue() const { return m_values.back(); }

private:
    qsizetype m_capacity;
    qsizetype m_begin = 0;
    std::vector<qint64> m_times;
    std::vector<double> m_values;
};

} // namespace cpn::charts
