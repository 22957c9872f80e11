#include "roothistorysource.h"

#include "api/nodeapiclient.h"
#include "domain/logging.h"

#include <algorithm>

namespace cpn::console {

RootHistorySource::RootHistorySource(charts::HistorySource *cache, ClientFor clientFor, QObject *parent)
    : charts::HistorySource(parent), m_cache(cache), m_clientFor(std::move(clientFor))
{
}

void RootHistorySource::readSeries(const charts::SeriesKey &key, qint64 fromMs, qint64 toMs, QObject *context,
                                   Done done)
{
    if (!m_cache)
        return;
    QPointer<RootHistorySource> self(this);
    QPointer<QObject> guard(context);
    m_cache->readSeries(key, fromMs, toMs, context, [=](const charts::HistorySeries &cached) {
        const qint64 stepMs = std::max<qint64>(1000, (toMs - fromMs) / kRootPoints);
        const qint64 cachedFrom = cached.points.isEmpty() ? toMs : cached.points.constFirst().tsMs;
        api::NodeApiClient *client =
            self && key.kind != charts::SeriesKey::Kind::Region ? self->m_clientFor(key) : nullptr;
        // The cache holds (nearly) all of the window, or no root can tell: the cache's answer.
        if (!client || cachedFrom - fromMs < 2 * stepMs) {
            done(cached);
            return;
        }
        const QString series = (key.kind == charts::SeriesKey::Kind::Node ? QStringLiteral("node:%1:%2")
                                                                          : QStringLiteral("link:%1:%2"))
                                   .arg(key.entity, key.metric);
        // Up to the cache's first point, and never past the root's now (clocks differ by a little).
        const qint64 rootToMs = std::min(cachedFrom - stepMs, toMs - 2000);
        if (rootToMs < fromMs) {
            done(cached);
            return;
        }
        client->fetchHistory(series, fromMs, rootToMs, stepMs,
                             [guard, cached, done, series](const api::ApiResult<protocol::HistoryAnswer> &answer) {
                                 if (!guard)
                                     return;
                                 if (!answer.ok()) {
                                     qCInfo(lcApi).noquote() << "no history of" << series << "from the root:"
                                                             << answer.error().message();
                                     done(cached); // what the cache has; the rest stays a gap
                                     return;
                                 }
                                 charts::HistorySeries merged;
                                 merged.rolledUp = cached.rolledUp;
                                 // A point the root has no value for is left out: the chart shows a gap.
                                 for (const auto &[tsMs, value] : answer.value().points) {
                                     if (value)
                                         merged.points.append({tsMs, *value, *value, *value});
                                 }
                                 merged.points += cached.points;
                                 done(merged);
                             });
    });
}

void RootHistorySource::readAlarms(qint64 fromMs, qint64 toMs, QObject *context, AlarmsDone done)
{
    if (m_cache)
        m_cache->readAlarms(fromMs, toMs, context, std::move(done));
}

} // namespace cpn::console
