#include "cache/cachedatabase.h"

#include "cache/cachelogging.h"
#include "cache/sqlite.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStandardPaths>

#include <sqlite3.h>

namespace cpn::cache {

namespace {

int pragmaInt(sqlite3 *db, const char *sql)
{
    sql::Statement s(db, sql);
    return s.step() ? int(s.int64(0)) : -1;
}

} // namespace

CacheDatabase::~CacheDatabase() { close(); }

bool CacheDatabase::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcCache).noquote() << "cache" << m_path << ":" << message;
    close();
    return false;
}

bool CacheDatabase::open(const QString &path, const QString &connectionName, Role role, int targetVersion)
{
    close();
    m_path = path;
    m_connectionName = connectionName;
    m_error.clear();
    if (role == Role::Writer)
        QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        // The UI never waits on these connections, but a reader on a worker should not hang 5 s
        // (the driver's default) behind a checkpoint either.
        db.setConnectOptions(role == Role::Writer ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000")
                                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open())
            return fail(db.lastError().text());
        m_handle = sql::handleOf(db);
    }
    if (!m_handle)
        return fail(QStringLiteral("the Qt SQLite driver gave no handle"));

    const int appId = pragmaInt(m_handle, "PRAGMA application_id");
    const int version = userVersion(m_handle);
    if (version < 0)
        return fail(QStringLiteral("not an SQLite database: %1").arg(sql::lastError(m_handle)));
    if (version > 0 && appId != schema::kApplicationId)
        return fail(QStringLiteral("not a CPN cache (application_id %1)").arg(appId));
    if (version > schema::kCurrentVersion)
        return fail(QStringLiteral("cache schema version %1 is newer than this program's (%2)")
                        .arg(version)
                        .arg(schema::kCurrentVersion));

    QString error;
    // Page caches: 8 MiB for the writer, 16 MiB for each reader. They are the cache's share of
    // the console's memory and fill as pages are written or read (bench_console's RSS run prints
    // SQLite's memory). The writer appends at the end of its tables, which needs few pages; the
    // minute's roll-up reads back that minute's blocks, from the file system's cache.
    if (role == Role::Writer) {
        if (!sql::exec(m_handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                 "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; "
                                 "PRAGMA cache_size=-8192",
                       &error))
            return fail(error);
        if (!migrate(m_handle, targetVersion, &error))
            return fail(error);
    } else {
        if (version != schema::kCurrentVersion)
            return fail(QStringLiteral("cache schema version %1, expected %2 (the writer migrates it)")
                            .arg(version)
                            .arg(schema::kCurrentVersion));
        if (!sql::exec(m_handle, "PRAGMA query_only=ON; PRAGMA cache_size=-16384", &error))
            return fail(error);
    }
    return true;
}

void CacheDatabase::close()
{
    m_handle = nullptr;
    if (m_connectionName.isEmpty() || !QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int CacheDatabase::schemaVersion() const { return m_handle ? userVersion(m_handle) : 0; }

int CacheDatabase::userVersion(sqlite3 *db) { return pragmaInt(db, "PRAGMA user_version"); }

bool CacheDatabase::migrate(sqlite3 *db, int target, QString *error)
{
    const int from = userVersion(db);
    for (const schema::Migration &step : schema::migrations()) {
        if (step.toVersion <= from || step.toVersion > target)
            continue;
        sql::Transaction transaction(db);
        QString stepError;
        const QByteArray bookkeeping =
            QStringLiteral("PRAGMA application_id=%1; PRAGMA user_version=%2; "
                           "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '%2');")
                .arg(schema::kApplicationId)
                .arg(step.toVersion)
                .toUtf8();
        if (!transaction.isActive() || !sql::exec(db, step.sql, &stepError) ||
            (step.convert && !step.convert(db, &stepError)) ||
            !sql::exec(db, bookkeeping.constData(), &stepError) || !transaction.commit(&stepError)) {
            if (error)
                *error = QStringLiteral("migration to schema version %1 failed: %2").arg(step.toVersion).arg(stepError);
            return false;
        }
        qCInfo(lcCache) << "cache schema migrated to version" << step.toVersion;
    }
    return true;
}

QString CacheDatabase::defaultPath()
{
    return defaultPathIn(QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
}

QString CacheDatabase::defaultPathIn(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("cache.sqlite"));
}

qint64 CacheDatabase::sizeOnDisk(const QString &path)
{
    qint64 total = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo info(path + suffix);
        if (info.exists())
            total += info.size();
    }
    return total;
}

QString CacheDatabase::uniqueConnectionName(const QString &prefix)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("%1.%2").arg(prefix).arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace cpn::cache
