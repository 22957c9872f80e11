#pragma once

#include "charts/alarmperiods.h"
#include "charts/serieskey.h"

#include <QList>
#include <QObject>

#include <functional>

namespace cpn::charts {

// One stored point of a series: a raw sample (min, max and mean equal) or a roll-up bucket.
struct HistoryPoint
{
    qint64 tsMs = 0; // bucket start for roll-ups
    double min = 0;
    double max = 0;
    double mean = 0;
};

struct HistorySeries
{
    bool rolledUp = false;      // buckets of several samples: draw through their min and max
    QList<HistoryPoint> points; // ascending time
};

// Where the charts read what came before their live samples. The charts depend on this alone; the
// composition root implements it over the cache (app/console/cachehistorysource.h), so no widget
// links SQLite.
class HistorySource : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const HistorySeries &)>;

    using QObject::QObject;

    // Reads the series of `key` (a node's, a link's or a region's metric) between the two times,
    // without blocking; `done` runs later on the caller's thread, and not at all once `context` is gone.
    virtual void readSeries(const SeriesKey &key, qint64 fromMs, qint64 toMs, QObject *context,
                            Done done) = 0;

    using AlarmsDone = std::function<void(const QList<ChartAlarm> &)>;
    // Reads the recorded alarms whose life overlaps [fromMs, toMs], each as it stood at toMs, the
    // same way: for the alarm periods the charts mark on their time axis.
    virtual void readAlarms(qint64 fromMs, qint64 toMs, QObject *context, AlarmsDone done) = 0;
};

} // namespace cpn::charts
