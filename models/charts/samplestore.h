#pragma once

#include <QtGlobal>

#include <span>
#include <vector>

namespace cpn::charts {

// A bounded, time-ordered buffer of (epoch ms, value) samples for one live series. Storage is kept
// contiguous so downsampling and nearest-sample lookups work on plain spans: samples are appended
// into a room of `capacity + kSlack` samples, and when the room is used up the newest samples move
// to its front (one memmove per kSlack appends). The room is allocated and written when the store
// is made or grows, never as samples arrive: a store's memory is what it will hold, from the start
// (the node table's sparklines keep 4,000 stores at 2,000 nodes).
class SampleStore
{
public:
    // A minute at 1 Hz between compactions.
    static constexpr qsizetype kSlack = 60;

    explicit SampleStore(qsizetype capacity = 3600);

    qsizetype capacity() const { return m_capacity; }
    qsizetype allocatedSamples() const { return qsizetype(m_times.size()); }
    qsizetype size() const { return m_end - m_begin; }
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
    qint64 lastTime() const { return m_times[size_t(m_end - 1)]; }
    double lastValue() const { return m_values[size_t(m_end - 1)]; }

private:
    qsizetype m_capacity;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    std::vector<qint64> m_times; // the room, written once: zeros until samples arrive
    std::vector<double> m_values;
};

} // namespace cpn::charts
