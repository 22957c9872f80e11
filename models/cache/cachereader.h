#pragma once

#include "cache/cachetypes.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace cpn::cache {

class SeriesReader;

// Reads for the UI, off the UI thread: a reader connection on a worker thread runs the
// SeriesReader query and the answer comes back through a callback on the caller's thread (dropped
// when `context` is gone by then). The connection opens on the first request.
class CacheReader : public QObject
{
    Q_OBJECT

public:
    explicit CacheReader(const QString &cachePath, QObject *parent = nullptr);
    ~CacheReader() override;

    void readNodeSeries(const QString &nodeId, const QString &metric, qint64 fromMs, qint64 toMs,
                        QObject *context, std::function<void(const Series &)> done);
    void readLinkSeries(const QString &linkId, const QString &metric, qint64 fromMs, qint64 toMs,
                        QObject *context, std::function<void(const Series &)> done);
    // A region's totals (SeriesReader::readRegionSeries); region empty: the whole country.
    void readRegionSeries(const QString &region, const QString &metric, qint64 fromMs, qint64 toMs,
                          QObject *context, std::function<void(const Series &)> done);
    void readStateAt(qint64 atMs, QObject *context, std::function<void(const ReplayState &)> done);
    // The recorded alarms (AlarmHistory): listed at a moment, or whose life overlaps a range.
    void readAlarmsAt(qint64 atMs, QObject *context, std::function<void(const QList<RecordedAlarm> &)> done);
    void readAlarmsBetween(qint64 fromMs, qint64 toMs, QObject *context,
                           std::function<void(const QList<AlarmPeriod> &)> done);
    // The content and the file's size on disk (with its side files).
    void readSummary(QObject *context, std::function<void(const ContentSummary &, qint64 bytes)> done);

Q_SIGNALS:
    void failed(const QString &message); // the cache could not be opened for reading

private:
    // Runs query(reader) on the worker, then done(result) here if context still exists.
    template <typename Result>
    void run(std::function<Result(SeriesReader &)> query, QObject *context, std::function<void(const Result &)> done);

    QString m_path;
    QThread m_thread;
    QObject *m_worker;
    struct Connection;
    Connection *m_connection; // used on the worker thread only
};

} // namespace cpn::cache
