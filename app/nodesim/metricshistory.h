#pragma once

#include "loadmodel.h"
#include "protocolbackend.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace cpn::sim {

// What the simulator knew at one tick. Samples themselves are not stored: they are a pure
// function of the load model and this record, so ten minutes of a 2,000-node federation cost
// kilobytes, not gigabytes. Only nodes with jobs appear in `usage`.
struct TickRecord
{
    qint64 seq = 0;
    qint64 tsMs = 0;
    QSet<QString> downNodes;
    QSet<QString> congestedLinks;
    QSet<QString> downLinks;
    QHash<QString, int> addedLatencyMs; // link id -> ms a fault adds
    QHash<QString, NodeUsage> usage;
};

// The ring of recent ticks behind GET /metrics?since=<cursor>&limit=<n>. Cursors are tick
// sequence numbers; the first one is the start time in ms, so a cursor from an earlier run of the
// simulator is always older than anything this run remembers and yields a reset.
class MetricsHistory
{
public:
    static constexpr int kDefaultCapacity = 660; // > 10 minutes at 1 Hz
    static constexpr int kDefaultLimit = server::ProtocolBackend::kDefaultMetricsLimit;
    static constexpr int kMaxLimit = server::ProtocolBackend::kMaxMetricsLimit;

    explicit MetricsHistory(qint64 firstSeq, int capacity = kDefaultCapacity);

    // Stamps the record with the next sequence number and a timestamp after the previous one.
    const TickRecord &append(TickRecord record);

    struct Slice
    {
        QList<TickRecord> ticks; // oldest first
        QString cursor;
        bool reset = false;
    };
    Slice since(const QString &cursor, int limit) const;

    bool isEmpty() const { return m_ticks.isEmpty(); }
    int size() const { return int(m_ticks.size()); }
    const TickRecord &latest() const { return m_ticks.last(); }
    const TickRecord &oldest() const { return m_ticks.first(); }
    // The tick with this sequence number, or nullptr when it is not (or no longer) kept.
    const TickRecord *find(qint64 seq) const;
    // The newest tick at or before tsMs, or nullptr when tsMs is before the oldest one kept.
    const TickRecord *at(qint64 tsMs) const;

private:
    QList<TickRecord> m_ticks;
    qint64 m_nextSeq;
    int m_capacity;
};

} // namespace cpn::sim
