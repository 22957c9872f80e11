#pragma once

#include "cache/cachetypes.h"
#include "cache/retention.h"
#include "domain/offer.h"

#include <QObject>
#include <QThread>

namespace cpn {
class Clock;
struct FederationTotals;
} // namespace cpn

namespace cpn::cache {

class CacheWriterWorker;

// The console's way into the cache. Every call returns at once: the work is posted to one writer
// thread that owns the only writing connection. Ingestion calls posted back to back share one
// transaction (the worker commits when its queue drains, or after maxRowsPerTransaction rows), so
// a burst of batches costs one commit; committed(id) then reports the newest batch id on disk.
// Retention runs on the same thread every retentionIntervalMs.
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
        const Clock *clock = nullptr; // for retention's "now"; nullptr: the system clock
    };

    explicit CacheWriter(const Options &options, QObject *parent = nullptr);
    // Commits what is pending and closes the connection before returning.
    ~CacheWriter() override;

    QString path() const { return m_options.path; }

    // Each returns the batch id that committed() will report once the batch is on disk.
    qint64 ingestDirectory(const QList<Node> &nodes, const QList<Link> &links, qint64 tsMs);
    qint64 ingestMetrics(const MetricsBatch &batch);
    // The totals of one tick as region series (CacheStore::addTotals).
    qint64 ingestTotals(const FederationTotals &totals);
    qint64 ingestJobs(const QList<Job> &jobs, qint64 tsMs);
    qint64 ingestOffers(const QList<Offer> &offers, qint64 tsMs);
    qint64 ingestEvent(const CacheEvent &event);

    void flush();                // commits what is pending; committed() follows
    void runRetention();         // now, rather than at the next interval; retentionDone() follows
    void clear();                // deletes every row and compacts the file; cleared() follows
    void importSnapshot(const QString &snapshotFile); // verified first; imported() follows

    // Blocking variants for tests, benchmarks and the command line: never call them on the UI thread.
    bool waitUntilOpen();
    bool flushAndWait();
    RetentionReport runRetentionAndWait();
    qint64 lastCommittedId() const { return m_lastCommittedId; }

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void committed(qint64 lastBatchId);
    void failed(const QString &message);
    void retentionDone(bool ok, const QString &error);
    void cleared(bool ok);
    void imported(bool ok, const QString &message);

private:
    template <typename F> void post(F &&function);
    template <typename F> void postBlocking(F &&function);

    Options m_options;
    QThread m_thread;
    CacheWriterWorker *m_worker = nullptr;
    qint64 m_nextId = 0;
    qint64 m_lastCommittedId = 0;
};

} // namespace cpn::cache
