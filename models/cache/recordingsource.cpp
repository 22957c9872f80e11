#include "cache/recordingsource.h"

#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/schema.h"
#include "cache/seriesreader.h"
#include "cache/snapshotreader.h"

#include <QFile>
#include <QPointer>
#include <QtEndian>

#include <memory>

namespace cpn::cache {

struct RecordingSource::Backend
{
    std::unique_ptr<SnapshotReader> snapshot;
    std::unique_ptr<CacheDatabase> cache;

    void close()
    {
        snapshot.reset();
        cache.reset();
    }
    // The open recording's connection (a snapshot re-arms its query deadline); nullptr when closed.
    sqlite3 *handle() { return snapshot ? snapshot->handle() : cache ? cache->handle() : nullptr; }
    ReplayState stateAt(qint64 atMs)
    {
        sqlite3 *db = handle();
        return db ? SeriesReader(db).stateAt(atMs) : ReplayState{};
    }
    QList<AlarmPeriod> alarmsBetween(qint64 fromMs, qint64 toMs)
    {
        sqlite3 *db = handle();
        return db ? AlarmHistory(db).alarmsBetween(fromMs, toMs) : QList<AlarmPeriod>{};
    }
};

RecordingSource::RecordingSource(QObject *parent)
    : QObject(parent), m_worker(new QObject), m_backend(new Backend)
{
    m_thread.setObjectName(QStringLiteral("cpn.cache.recording"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

RecordingSource::~RecordingSource()
{
    // The connections belong to the worker thread: close them there.
    Backend *backend = m_backend;
    QMetaObject::invokeMethod(
        m_worker, [backend] { delete backend; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool RecordingSource::looksLikeCache(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return false;
    return qFromBigEndian<qint32>(header.constData() + 68) == schema::kApplicationId;
}

void RecordingSource::open(const QString &file, Kind kind)
{
    m_open = false;
    Backend *backend = m_backend;
    QPointer<RecordingSource> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [self, backend, file, kind] {
            backend->close();
            Info info;
            info.file = file;
            QString error;
            if (kind == Kind::Cache || looksLikeCache(file)) {
                backend->cache = std::make_unique<CacheDatabase>();
                if (backend->cache->open(
                        file, CacheDatabase::uniqueConnectionName(QStringLiteral("cpn.cache.review")),
                        CacheDatabase::Role::Reader)) {
                    info.summary = SeriesReader(backend->cache->handle()).summary();
                } else {
                    error = backend->cache->errorString();
                    backend->close();
                }
            } else {
                backend->snapshot = std::make_unique<SnapshotReader>();
                if (backend->snapshot->open(file)) {
                    info.isSnapshot = true;
                    info.manifest = backend->snapshot->manifest();
                    info.summary = backend->snapshot->summary();
                } else {
                    error = backend->snapshot->errorString();
                    backend->close();
                }
            }
            if (error.isEmpty() && info.summary.toMs <= 0)
                error = QStringLiteral("the recording holds no samples");
            QMetaObject::invokeMethod(
                self.data(),
                [self, info, error] {
                    if (!self)
                        return;
                    self->m_info = info;
                    self->m_open = error.isEmpty();
                    Q_EMIT self->opened(self->m_open, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

template <typename Result, typename Query>
void RecordingSource::run(Query query, QObject *context, std::function<void(const Result &)> done)
{
    Backend *backend = m_backend;
    QPointer<QObject> guard(context);
    QPointer<RecordingSource> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [self, backend, query = std::move(query), guard, done = std::move(done)] {
            const Result result = query(*backend);
            QMetaObject::invokeMethod(
                self.data(),
                [guard, done, result] {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void RecordingSource::readStateAt(qint64 atMs, QObject *context,
                                  std::function<void(const ReplayState &)> done)
{
    run<ReplayState>([atMs](Backend &b) { return b.stateAt(atMs); }, context, std::move(done));
}

void RecordingSource::readAlarmsBetween(qint64 fromMs, qint64 toMs, QObject *context,
                                        std::function<void(const QList<AlarmPeriod> &)> done)
{
    run<QList<AlarmPeriod>>([fromMs, toMs](Backend &b) { return b.alarmsBetween(fromMs, toMs); }, context,
                            std::move(done));
}

} // namespace cpn::cache
