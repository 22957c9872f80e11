#include "cachehistorysource.h"

#include "cache/cachereader.h"

namespace cpn::console {
namespace {

charts::HistorySeries toHistory(const cache::Series &series)
{
    charts::HistorySeries history;
    history.rolledUp = series.resolution != cache::Resolution::Raw;
    history.points.reserve(series.points.size());
    for (const cache::SeriesPoint &p : series.points)
        history.points.append({p.tsMs, p.min, p.max, p.mean});
    return history;
}

} // namespace

CacheHistorySource::CacheHistorySource(cache::CacheReader *reader, QObject *parent)
    : charts::HistorySource(parent), m_reader(reader)
{
}

void CacheHistorySource::readSeries(const charts::SeriesKey &key, qint64 fromMs, qint64 toMs,
                                    QObject *context, Done done)
{
    if (!m_reader)
        return;
    auto answer = [done = std::move(done)](const cache::Series &series) { done(toHistory(series)); };
    switch (key.kind) {
    case charts::SeriesKey::Kind::Node:
        m_reader->readNodeSeries(key.entity, key.metric, fromMs, toMs, context, answer);
        break;
    case charts::SeriesKey::Kind::Link:
        m_reader->readLinkSeries(key.entity, key.metric, fromMs, toMs, context, answer);
        break;
    case charts::SeriesKey::Kind::Region:
        m_reader->readRegionSeries(key.entity, key.metric, fromMs, toMs, context, answer);
        break;
    }
}

void CacheHistorySource::readAlarms(qint64 fromMs, qint64 toMs, QObject *context, AlarmsDone done)
{
    if (!m_reader)
        return;
    m_reader->readAlarmsBetween(fromMs, toMs, context,
                                [done = std::move(done)](const QList<cache::AlarmPeriod> &periods) {
                                    QList<charts::ChartAlarm> alarms;
                                    alarms.reserve(periods.size());
                                    for (const cache::AlarmPeriod &p : periods)
                                        alarms.append({p.last.origin, p.last.alarm});
                                    done(alarms);
                                });
}

} // namespace cpn::console
