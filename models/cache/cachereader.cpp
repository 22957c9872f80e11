#include "cache/cachereader.h"

#include "cache/alarmhistory.h"
#include "cache/cachedatabase.h"
#include "cache/seriesreader.h"

namespace cpn::cache {

struct CacheReader::Connection
{
    CacheDatabase database;
    QString error;
    bool ensureOpen(const QString &path)
    {
        if (database.isOpen())
            return true;
        if (database.open(path, CacheDatabase::uniqueConnectionName(QStringLiteral("cpn.cache.reader")),
                          CacheDatabase::Role::Reader))
            return true;
        error = database.errorString();
        return false;
    }
};

CacheReader::CacheReader(const QString &cachePath, QObject *parent)
    : QObject(parent), m_path(cachePath), m_worker(new QObject), m_connection(new Connection)
{
    m_thread.setObjectName(QStringLiteral("cpn.cache.reader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CacheReader::~CacheReader()
{
    // The connection belongs to the worker thread: close it there.
    Connection *connection = m_connection;
    QMetaObject::invokeMethod(m_worker, [connection] { delete connection; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename Result>
void CacheReader::run(std::function<Result(SeriesReader &)> query, QObject *context,
                      std::function<void(const Result &)> done)
{
    QPointer<QObject> guard(context);
    Connection *connection = m_connection;
    const QString path = m_path;
    QMetaObject::invokeMethod(
        m_worker,
        [this, connection, path, query = std::move(query), guard, done = std::move(done)] {
            Result result{};
            const bool open = connection->ensureOpen(path);
            if (open) {
                SeriesReader reader(connection->database.handle());
                result = query(reader);
            }
            const QString error = open ? QString() : connection->error;
            // Back on this object's thread, where `guard` may be checked safely.
            QMetaObject::invokeMethod(
                this,
                [this, guard, done, result, error] {
                    if (!error.isEmpty())
                        Q_EMIT failed(error);
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void CacheReader::readNodeSeries(const QString &nodeId, const QString &metric, qint64 fromMs, qint64 toMs,
                                 QObject *context, std::function<void(const Series &)> done)
{
    run<Series>([=](SeriesReader &r) { return r.readNodeSeries(nodeId, metric, fromMs, toMs); }, context,
                std::move(done));
}

void CacheReader::readLinkSeries(const QString &linkId, const QString &metric, qint64 fromMs, qint64 toMs,
                                 QObject *context, std::function<void(const Series &)> done)
{
    run<Series>([=](SeriesReader &r) { return r.readLinkSeries(linkId, metric, fromMs, toMs); }, context,
                std::move(done));
}

void CacheReader::readRegionSeries(const QString &region, const QString &metric, qint64 fromMs, qint64 toMs,
                                   QObject *context, std::function<void(const Series &)> done)
{
    run<Series>([=](SeriesReader &r) { return r.readRegionSeries(region, metric, fromMs, toMs); }, context,
                std::move(done));
}

void CacheReader::readStateAt(qint64 atMs, QObject *context, std::function<void(const ReplayState &)> done)
{
    run<ReplayState>([=](SeriesReader &r) { return r.stateAt(atMs); }, context, std::move(done));
}

void CacheReader::readAlarmsAt(qint64 atMs, QObject *context,
                               std::function<void(const QList<RecordedAlarm> &)> done)
{
    run<QList<RecordedAlarm>>([=](SeriesReader &r) { return AlarmHistory(r.handle()).alarmsAt(atMs); },
                              context, std::move(done));
}

void CacheReader::readAlarmsBetween(qint64 fromMs, qint64 toMs, QObject *context,
                                    std::function<void(const QList<AlarmPeriod> &)> done)
{
    run<QList<AlarmPeriod>>(
        [=](SeriesReader &r) { return AlarmHistory(r.handle()).alarmsBetween(fromMs, toMs); }, context,
        std::move(done));
}

void CacheReader::readSummary(QObject *context, std::function<void(const ContentSummary &, qint64)> done)
{
    const QString path = m_path;
    using Answer = std::pair<ContentSummary, qint64>;
    run<Answer>([path](SeriesReader &r) { return Answer{r.summary(), CacheDatabase::sizeOnDisk(path)}; }, context,
                [done = std::move(done)](const Answer &a) { done(a.first, a.second); });
}

} // namespace cpn::cache
