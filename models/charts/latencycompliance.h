#pragma once

#include "charts/historysource.h"
#include "domain/latencytargets.h"
#include "domain/link.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace cpn::charts {

// How much of a time window each pair of the latency targets met its target, from what the cache holds:
// the window is cut into kBuckets; in a bucket a pair's latency is the sum of its links' latencies there
// (the highest a roll-up kept, so a short peak is not averaged away), and the pair met its target in the
// buckets where that sum is within it. Buckets where a link has no data count for neither side.
class LatencyCompliance : public QObject
{
    Q_OBJECT

public:
    static constexpr int kBuckets = 240;

    explicit LatencyCompliance(HistorySource *history, QObject *parent = nullptr);

    // Reads the pairs' links over [fromMs, toMs]; computed() follows once every series has come. A new
    // call drops the answers of the one before.
    void compute(const QList<latency::TargetPair> &pairs, const QList<Link> &links, qint64 fromMs, qint64 toMs);

    static QString pairKey(const latency::TargetPair &pair) { return pair.a + u'|' + pair.b; }
    // The share of buckets within target by pair key; a pair without data in any bucket is absent.
    static QHash<QString, double> shares(const QList<latency::TargetPair> &pairs,
                                         const QHash<int, QList<HistoryPoint>> &seriesByLink, qint64 fromMs,
                                         qint64 toMs);

Q_SIGNALS:
    void computed(const QHash<QString, double> &shareByPair, qint64 fromMs, qint64 toMs);

private:
    QPointer<HistorySource> m_history;
    quint64 m_generation = 0;
};

} // namespace cpn::charts
