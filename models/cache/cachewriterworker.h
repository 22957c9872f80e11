#pragma once

#include "cache/cachedatabase.h"
#include "cache/cachestore.h"
#include "cache/cachewriter.h"
#include "domain/clock.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace cpn::cache {

// Lives on CacheWriter's thread and does its work there; CacheWriter is its only user.
class CacheWriterWorker : public QObject
{
    Q_OBJECT

public:
    explicit CacheWriterWorker(const CacheWriter::Options &options);

    void open();
    void shutdown();
    bool isOpen() const { return m_store != nullptr; }
    qint64 committedId() const { return m_committedId; }

    // Each ingestion adds to the open transaction and makes sure a commit follows.
    void ingest(qint64 id, const std::function<bool(CacheStore &)> &work);
    bool commitPending();
    RetentionReport runRetention();
    bool clear();
    bool importSnapshot(const QString &file, QString *message);

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void committed(qint64 lastBatchId);
    // `lostBatches`: the batches of the transaction that could not be written.
    void failed(const QString &message, qint64 lostBatches);

private:
    void scheduleCommit();

    CacheWriter::Options m_options;
    SystemClock m_systemClock;
    const Clock *m_clock;
    CacheDatabase m_database;
    std::unique_ptr<CacheStore> m_store;
    Retention m_retention;
    QTimer *m_retentionTimer = nullptr;
    bool m_commitScheduled = false;
    qint64 m_pendingId = 0;   // newest batch id in the open transaction
    qint64 m_committedId = 0; // newest batch id on disk
    bool m_broken = false;    // open failed: batches are dropped, once reported
};

} // namespace cpn::cache
