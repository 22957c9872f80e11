#pragma once

#include "domain/metrics.h"

#include <QList>
#include <QString>

namespace cpn::gateway {

// The ring of the site's recent samples behind GET /metrics?since=<cursor>&limit=<n>
// (docs/node-api.md, "Metrics"). Cursors are sequence numbers; the first is the start time in ms,
// so a cursor from an earlier run is older than anything this run holds and yields a reset.
class SampleHistory
{
public:
    static constexpr int kDefaultCapacity = 660; // > 10 minutes at 1 Hz

    explicit SampleHistory(qint64 firstSeq, int capacity = kDefaultCapacity);

    void append(const NodeSample &sample, const QList<LinkSample> &links = {});

    struct Entry
    {
        qint64 seq = 0;
        NodeSample sample;
        QList<LinkSample> links;
    };
    struct Slice
    {
        QList<Entry> entries; // oldest first
        QString cursor;
        bool reset = false;
    };
    Slice since(const QString &cursor, int limit) const;
    // Changes whenever since(cursor, limit) would answer differently.
    qint64 version(const QString &cursor, int limit) const;

    bool isEmpty() const { return m_entries.isEmpty(); }
    const Entry *find(qint64 seq) const;

private:
    bool holds(const QString &cursor, qint64 *seq) const;

    QList<Entry> m_entries;
    qint64 m_nextSeq;
    int m_capacity;
};

} // namespace cpn::gateway
