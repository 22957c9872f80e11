#pragma once

#include "cache/cachetypes.h"
#include "cache/retention.h"
#include "domain/offer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace cpn {
class Clock;
struct FederationTotals;
} // namespace cpn

namespace cpn::cache {

class CacheStore;
class CacheWriterWorker;

// The console's way into the cache. Every call returns at once: the work is posted to one writer
// thread that owns the only writing connection. Ingestion calls posted back to back share one
// transaction (the worker commits when its queue drains, or after maxRowsPerTransaction rows), so
// a burst of batches costs one commit; committed(id) then reports the newest batch id on disk.
// Retention runs on the same thread every retentionIntervalMs.
//
// The queue to the writer thread is bounded: past maxBatchesInFlight batches posted but not yet
// taken into a transaction, a metrics, totals or offers batch is dropped (its ingest call returns
// 0), counted in droppedBatches() and announced by batchesDropped(); the log says so once per
// episode. Directory, job, event and alarm batches are small and rare and always queue: a replay
// needs them. A healthy writer keeps one to three batches in flight.
class CacheWriter : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString path; // the cache file; CacheDatabase::defaultPath() in the console
        RetentionPolicy retention;
        int retentionIntervalMs = 60 * 1000; // 0: only when runRetention() is called
        qint64 maxRowsPerTransaction = 200000;
        // About 85 s of the console's batches (three a tick at 1 Hz): a retention run or a snapshot
        // import takes seconds, a writer that falls this far behind will not catch up. At 2,000
        // nodes a metrics batch holds ~1-2 MB, so the bound also caps that memory.
        int maxBatchesInFlight = 256;
        const Clock *clock = nullptr; // for retention's "now"; nullptr: the system clock
        // The file may not grow past this; 0: only the disk limits it. Reaching it is what a full
        // disk does: recording stops, visibly, until retention or a clear frees room.
        qint64 maxBytes = 0;
        // Recording counts as resumed at a commit this long after the last failed write: near a full
        // disk small batches still fit between failing big ones, and that is not recording.
        int resumeAfterQuietMs = 5000;
    };

    explicit CacheWriter(const Options &options, QObject *parent = nullptr);
    // Commits what is pending and closes the connection before returning.
    ~CacheWriter() override;

    QString path() const { return m_options.path; }

    // Each returns the batch id that committed() will report once the batch is on disk, or 0 when
    // the batch was dropped (the queue is full, see above).
    qint64 ingestDirectory(const QList<Node> &nodes, const QList<Link> &links, qint64 tsMs);
    qint64 ingestMetrics(const MetricsBatch &batch);
    // The totals of one tick as region series (CacheStore::addTotals).
    qint64 ingestTotals(const FederationTotals &totals);
    qint64 ingestJobs(const QList<Job> &jobs, qint64 tsMs);
    qint64 ingestOffers(const QList<Offer> &offers, qint64 tsMs);
    qint64 ingestEvent(const CacheEvent &event);
    // Alarm revisions from one root (origin: its base URL, QUrl::toString()), as the console
    // observed them at observedAtMs; a revision already stored is skipped (CacheStore::addAlarms).
    // Always queued, never dropped: the feed sends a revision once, and a replay needs it.
    qint64 ingestAlarms(const QString &origin, const QList<Alarm> &alarms, qint64 observedAtMs);

    void flush();                // commits what is pending; committed() follows
    void runRetention();         // now, rather than at the next interval; retentionDone() follows
    void clear();                // deletes every row and compacts the file; cleared() follows
    void importSnapshot(const QString &snapshotFile); // verified first; imported() follows

    // Blocking variants for tests, benchmarks and the command line: never call them on the UI thread.
    bool waitUntilOpen();
    bool flushAndWait();
    RetentionReport runRetentionAndWait();
    qint64 lastCommittedId() const { return m_lastCommittedId; }
    // Batches dropped because the writer fell behind, since the writer was made.
    qint64 droppedBatches() const { return m_droppedBatches; }
    int batchesInFlight() const { return m_inFlight.load(); }

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void committed(qint64 lastBatchId);
    // A batch was dropped; total is droppedBatches().
    void batchesDropped(qint64 total);
    void failed(const QString &message);
    // The writes started to fail (a full disk, a file that cannot be written): what arrives is not
    // recorded from now on, until recordingResumed(). Once per episode.
    void recordingStopped(const QString &reason);
    // A write succeeded again; `lostBatches` were not recorded in between.
    void recordingResumed(qint64 lostBatches);
    void retentionDone(bool ok, const QString &error);
    void cleared(bool ok);
    void imported(bool ok, const QString &message);

private:
    template <typename F> void post(F &&function);
    // Posts one ingestion; droppable ones are refused (0) while the queue is full.
    qint64 postIngest(bool droppable, std::function<bool(CacheStore &)> work);
    template <typename F> void postBlocking(F &&function);

    Options m_options;
    QThread m_thread;
    CacheWriterWorker *m_worker = nullptr;
    qint64 m_nextId = 0;
    qint64 m_lastCommittedId = 0;
    std::atomic<int> m_inFlight{0}; // posted, not yet taken into a transaction
    qint64 m_droppedBatches = 0;
    bool m_dropping = false; // in an episode of drops: logged at its start
    bool m_failing = false;  // in an episode of failed writes
    QElapsedTimer m_sinceFailure;
    qint64 m_lostBatches = 0; // batches lost in the current episode
};

} // namespace cpn::cache
