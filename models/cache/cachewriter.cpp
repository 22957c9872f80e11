#include "cache/cachewriter.h"

#include "cache/cachelogging.h"
#include "cache/cachewriterworker.h"
#include "cache/snapshotimporter.h"
#include "cache/snapshotreader.h"
#include "cache/sqlite.h"

namespace cpn::cache {

CacheWriterWorker::CacheWriterWorker(const CacheWriter::Options &options)
    : m_options(options), m_clock(options.clock ? options.clock : &m_systemClock), m_retention(options.retention)
{
}

void CacheWriterWorker::open()
{
    if (!m_database.open(m_options.path, CacheDatabase::uniqueConnectionName(QStringLiteral("cpn.cache.writer")),
                         CacheDatabase::Role::Writer)) {
        m_broken = true;
        Q_EMIT opened(false, m_database.errorString());
        return;
    }
    if (m_options.maxBytes > 0) {
        // In pages of the file's own size; a cap below what the file holds refuses every write.
        sql::Statement pageSize(m_database.handle(), "PRAGMA page_size");
        const qint64 pages = std::max<qint64>(1, m_options.maxBytes / (pageSize.step() ? pageSize.int64(0) : 4096));
        sql::exec(m_database.handle(), QStringLiteral("PRAGMA max_page_count=%1").arg(pages).toUtf8().constData());
    }
    m_store = std::make_unique<CacheStore>(m_database.handle());
    if (!m_store->load()) {
        m_broken = true;
        const QString error = m_store->errorString();
        m_store.reset();
        Q_EMIT opened(false, error);
        return;
    }
    if (m_options.retentionIntervalMs > 0) {
        m_retentionTimer = new QTimer(this);
        m_retentionTimer->setInterval(m_options.retentionIntervalMs);
        connect(m_retentionTimer, &QTimer::timeout, this, [this] { runRetention(); });
        m_retentionTimer->start();
    }
    qCInfo(lcCache).noquote() << "cache open:" << m_options.path;
    Q_EMIT opened(true, {});
}

void CacheWriterWorker::shutdown()
{
    commitPending();
    delete m_retentionTimer;
    m_retentionTimer = nullptr;
    m_store.reset();
    m_database.close();
}

void CacheWriterWorker::scheduleCommit()
{
    if (m_commitScheduled)
        return;
    m_commitScheduled = true;
    // Queued behind the ingestions already waiting, so they all land in this transaction.
    QMetaObject::invokeMethod(this, [this] { commitPending(); }, Qt::QueuedConnection);
}

void CacheWriterWorker::ingest(qint64 id, const std::function<bool(CacheStore &)> &work)
{
    if (!m_store)
        return; // opening failed and was reported
    if (!work(*m_store)) {
        const QString error = m_store->errorString();
        m_store->rollback();
        const qint64 lost = id - m_committedId;
        m_pendingId = m_committedId = id; // the lost batches are behind us: later ones commit on their own
        Q_EMIT failed(error, lost);
        return;
    }
    m_pendingId = id;
    if (m_store->rowsInTransaction() >= m_options.maxRowsPerTransaction)
        commitPending();
    else
        scheduleCommit();
}

bool CacheWriterWorker::commitPending()
{
    m_commitScheduled = false;
    if (!m_store)
        return !m_broken;
    if (!m_store->inTransaction())
        return true;
    if (!m_store->commit()) {
        const QString error = m_store->errorString();
        m_store->load(); // the failed commit rolled back what the store remembers of its rows
        const qint64 lost = m_pendingId - m_committedId;
        m_committedId = m_pendingId;
        Q_EMIT failed(error, lost);
        return false;
    }
    m_committedId = m_pendingId;
    Q_EMIT committed(m_committedId);
    return true;
}

RetentionReport CacheWriterWorker::runRetention()
{
    if (!m_store || !commitPending())
        return {false, QStringLiteral("the cache is not open"), 0, 0, 0, 0, 0};
    return m_retention.run(m_database.handle(), m_clock->nowMs());
}

bool CacheWriterWorker::clear()
{
    return m_store && commitPending() && m_store->clear();
}

bool CacheWriterWorker::importSnapshot(const QString &file, QString *message)
{
    if (!m_store || !commitPending()) {
        *message = QStringLiteral("the cache is not open");
        return false;
    }
    SnapshotReader snapshot;
    if (!snapshot.open(file)) {
        *message = snapshot.errorString();
        return false;
    }
    QString error;
    const bool ok = SnapshotImporter::importInto(snapshot, m_database.handle(), &error);
    m_store->load(); // the import added series and directory versions the store must know
    *message = ok ? QStringLiteral("imported %1").arg(snapshot.manifest().name) : error;
    return ok;
}

CacheWriter::CacheWriter(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_worker(new CacheWriterWorker(options))
{
    qRegisterMetaType<CacheEvent>();
    m_thread.setObjectName(QStringLiteral("cpn.cache.writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CacheWriterWorker::opened, this, &CacheWriter::opened);
    connect(m_worker, &CacheWriterWorker::failed, this, [this](const QString &message, qint64 lostBatches) {
        m_lostBatches += lostBatches;
        m_sinceFailure.start();
        if (!m_failing) {
            m_failing = true;
            qCWarning(lcCache).noquote() << "the cache cannot write, nothing is recorded until it can:" << message;
            Q_EMIT recordingStopped(message);
        }
        Q_EMIT failed(message);
    });
    connect(m_worker, &CacheWriterWorker::committed, this, [this](qint64 id) {
        m_lastCommittedId = id;
        if (m_failing && m_sinceFailure.elapsed() >= m_options.resumeAfterQuietMs) {
            m_failing = false;
            qCInfo(lcCache).noquote() << "the cache writes again;" << m_lostBatches << "batches were not recorded";
            Q_EMIT recordingResumed(std::exchange(m_lostBatches, 0));
        }
        Q_EMIT committed(id);
    });
    m_thread.start();
    post([](CacheWriterWorker *w) { w->open(); });
}

CacheWriter::~CacheWriter()
{
    postBlocking([](CacheWriterWorker *w) { w->shutdown(); });
    m_thread.quit();
    m_thread.wait();
}

template <typename F> void CacheWriter::post(F &&function)
{
    CacheWriterWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, function = std::forward<F>(function)] { function(worker); },
                              Qt::QueuedConnection);
}

template <typename F> void CacheWriter::postBlocking(F &&function)
{
    CacheWriterWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, &function] { function(worker); }, Qt::BlockingQueuedConnection);
}

qint64 CacheWriter::postIngest(bool droppable, std::function<bool(CacheStore &)> work)
{
    if (droppable && m_inFlight.load() >= m_options.maxBatchesInFlight) {
        ++m_droppedBatches;
        if (!m_dropping)
            qCWarning(lcCache).noquote() << "the cache writer is" << m_inFlight.load()
                                         << "batches behind: dropping batches until it catches up";
        m_dropping = true;
        Q_EMIT batchesDropped(m_droppedBatches);
        return 0;
    }
    if (m_dropping && m_inFlight.load() < m_options.maxBatchesInFlight / 2) {
        m_dropping = false;
        qCInfo(lcCache).noquote() << "the cache writer caught up;" << m_droppedBatches
                                  << "batches dropped so far";
    }
    const qint64 id = ++m_nextId;
    ++m_inFlight;
    std::atomic<int> *inFlight = &m_inFlight;
    post([id, inFlight, work = std::move(work)](CacheWriterWorker *w) {
        --*inFlight;
        w->ingest(id, work);
    });
    return id;
}

qint64 CacheWriter::ingestDirectory(const QList<Node> &nodes, const QList<Link> &links, qint64 tsMs)
{
    return postIngest(false, [=](CacheStore &store) { return store.addDirectory(nodes, links, tsMs); });
}

qint64 CacheWriter::ingestMetrics(const MetricsBatch &batch)
{
    return postIngest(true, [=](CacheStore &store) { return store.addMetrics(batch); });
}

qint64 CacheWriter::ingestTotals(const FederationTotals &totals)
{
    return postIngest(true, [=](CacheStore &store) { return store.addTotals(totals); });
}

qint64 CacheWriter::ingestJobs(const QList<Job> &jobs, qint64 tsMs)
{
    return postIngest(false, [=](CacheStore &store) { return store.addJobs(jobs, tsMs); });
}

qint64 CacheWriter::ingestOffers(const QList<Offer> &offers, qint64 tsMs)
{
    return postIngest(true, [=](CacheStore &store) { return store.addOffers(offers, tsMs); });
}

qint64 CacheWriter::ingestEvent(const CacheEvent &event)
{
    return postIngest(false, [=](CacheStore &store) { return store.addEvent(event); });
}

qint64 CacheWriter::ingestAlarms(const QString &origin, const QList<Alarm> &alarms, qint64 observedAtMs)
{
    return postIngest(false,
                      [=](CacheStore &store) { return store.addAlarms(origin, alarms, observedAtMs); });
}

void CacheWriter::flush()
{
    post([](CacheWriterWorker *w) { w->commitPending(); });
}

void CacheWriter::runRetention()
{
    post([this](CacheWriterWorker *w) {
        const RetentionReport report = w->runRetention();
        QMetaObject::invokeMethod(this, [this, report] { Q_EMIT retentionDone(report.ok, report.error); },
                                  Qt::QueuedConnection);
    });
}

void CacheWriter::clear()
{
    post([this](CacheWriterWorker *w) {
        const bool ok = w->clear();
        QMetaObject::invokeMethod(this, [this, ok] { Q_EMIT cleared(ok); }, Qt::QueuedConnection);
    });
}

void CacheWriter::importSnapshot(const QString &snapshotFile)
{
    post([this, snapshotFile](CacheWriterWorker *w) {
        QString message;
        const bool ok = w->importSnapshot(snapshotFile, &message);
        QMetaObject::invokeMethod(this, [this, ok, message] { Q_EMIT imported(ok, message); },
                                  Qt::QueuedConnection);
    });
}

bool CacheWriter::waitUntilOpen()
{
    bool open = false;
    postBlocking([&open](CacheWriterWorker *w) { open = w->isOpen(); });
    return open;
}

bool CacheWriter::flushAndWait()
{
    bool ok = false;
    qint64 committed = 0;
    postBlocking([&](CacheWriterWorker *w) {
        ok = w->commitPending();
        committed = w->committedId();
    });
    m_lastCommittedId = qMax(m_lastCommittedId, committed);
    return ok;
}

RetentionReport CacheWriter::runRetentionAndWait()
{
    RetentionReport report;
    postBlocking([&report](CacheWriterWorker *w) { report = w->runRetention(); });
    return report;
}

} // namespace cpn::cache
