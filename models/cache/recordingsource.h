#pragma once

#include "cache/cachetypes.h"
#include "cache/snapshotformat.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace cpn::cache {

// A recording to review: a .cpnsnap from anywhere (verified by SnapshotReader, in memory) or a
// cache file of this console (a query-only connection). Opening and every stateAt() run on a
// worker thread and answer through signals or callbacks on the caller's thread, so the UI never
// waits on the disk. A refused file changes nothing and leaves the source closed.
class RecordingSource : public QObject
{
    Q_OBJECT

public:
    struct Info
    {
        QString file;
        bool isSnapshot = false;
        snapshot::Manifest manifest; // snapshots only
        ContentSummary summary;      // the recorded range is summary.fromMs .. summary.toMs
    };

    explicit RecordingSource(QObject *parent = nullptr);
    ~RecordingSource() override;

    // Detect: a file whose application id says "cache" is read as one; anything else must pass as
    // a snapshot. Cache: the console's own live cache, read as one whatever its first bytes say (a
    // new cache's header may still be in its write-ahead log, not yet in the file).
    enum class Kind { Detect, Cache };
    // opened() follows.
    void open(const QString &file, Kind kind = Kind::Detect);
    bool isOpen() const { return m_open; }
    const Info &info() const { return m_info; }

    // done(state) on this thread, unless `context` is gone by then. The state carries the alarms
    // listed at atMs (ReplayState::alarms: each with its origin, active or cleared within the hour,
    // acknowledgement and comments as they stood), for the review's own AlarmStore.
    void readStateAt(qint64 atMs, QObject *context, std::function<void(const ReplayState &)> done);
    // Every recorded alarm whose life overlaps [fromMs, toMs], with its history in the range
    // (AlarmHistory::alarmsBetween): alarm periods on the review's charts, a handover report.
    void readAlarmsBetween(qint64 fromMs, qint64 toMs, QObject *context,
                           std::function<void(const QList<AlarmPeriod> &)> done);

    // True when the first bytes name the cache's application id (the console's own cache file).
    static bool looksLikeCache(const QString &file);

Q_SIGNALS:
    void opened(bool ok, const QString &error);

private:
    // Runs query(backend) on the worker, then done(result) here unless `context` is gone.
    template <typename Result, typename Query>
    void run(Query query, QObject *context, std::function<void(const Result &)> done);

    struct Backend;
    QThread m_thread;
    QObject *m_worker;
    Backend *m_backend; // used on the worker thread only
    Info m_info;
    bool m_open = false;
};

} // namespace cpn::cache
