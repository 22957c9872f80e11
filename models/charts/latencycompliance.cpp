#include "charts/latencycompliance.h"

#include "domain/metricnames.h"

#include <QSet>

#include <cmath>
#include <limits>

namespace cpn::charts {

LatencyCompliance::LatencyCompliance(HistorySource *history, QObject *parent) : QObject(parent), m_history(history)
{
}

void LatencyCompliance::compute(const QList<latency::TargetPair> &pairs, const QList<Link> &links, qint64 fromMs,
                                qint64 toMs)
{
    const quint64 generation = ++m_generation;
    QSet<int> needed;
    for (const latency::TargetPair &pair : pairs) {
        for (int link : pair.links)
            needed.insert(link);
    }
    if (!m_history || needed.isEmpty() || toMs <= fromMs) {
        Q_EMIT computed({}, fromMs, toMs);
        return;
    }
    // Every series is collected, then the shares computed once.
    auto series = std::make_shared<QHash<int, QList<HistoryPoint>>>();
    auto pending = std::make_shared<int>(int(needed.size()));
    const QString metric = metrics::linkMetricNames().at(metrics::LatencyMs);
    for (int link : std::as_const(needed)) {
        const SeriesKey key{SeriesKey::Kind::Link, links.value(link).id, metric};
        m_history->readSeries(key, fromMs, toMs, this,
                              [this, generation, link, series, pending, pairs, fromMs, toMs](const HistorySeries &s) {
                                  if (generation != m_generation)
                                      return;
                                  series->insert(link, s.points);
                                  if (--*pending == 0)
                                      Q_EMIT computed(shares(pairs, *series, fromMs, toMs), fromMs, toMs);
                              });
    }
}

QHash<QString, double> LatencyCompliance::shares(const QList<latency::TargetPair> &pairs,
                                                 const QHash<int, QList<HistoryPoint>> &seriesByLink, qint64 fromMs,
                                                 qint64 toMs)
{
    const double bucketMs = double(toMs - fromMs) / kBuckets;
    // Each link's highest latency per bucket; NaN where it has none.
    QHash<int, QList<double>> buckets;
    for (auto it = seriesByLink.cbegin(); it != seriesByLink.cend(); ++it) {
        QList<double> &b = buckets[it.key()];
        b.fill(std::numeric_limits<double>::quiet_NaN(), kBuckets);
        for (const HistoryPoint &p : it.value()) {
            if (p.tsMs < fromMs || p.tsMs > toMs)
                continue;
            const int i = std::min(kBuckets - 1, int((p.tsMs - fromMs) / bucketMs));
            b[i] = std::isnan(b[i]) ? p.max : std::max(b[i], p.max);
        }
    }
    QHash<QString, double> result;
    for (const latency::TargetPair &pair : pairs) {
        if (pair.links.isEmpty())
            continue;
        QList<const QList<double> *> path;
        for (int link : pair.links) {
            const auto it = buckets.constFind(link);
            path.append(it == buckets.cend() ? nullptr : &*it);
        }
        int known = 0;
        int within = 0;
        for (int i = 0; i < kBuckets; ++i) {
            double total = 0;
            for (const QList<double> *b : path)
                total += b ? b->at(i) : std::numeric_limits<double>::quiet_NaN();
            if (std::isnan(total))
                continue;
            ++known;
            within += total <= pair.targetMs() ? 1 : 0;
        }
        if (known > 0)
            result.insert(pairKey(pair), double(within) / known);
    }
    return result;
}

} // namespace cpn::charts
