#pragma once

#include "cache/schema.h"

#include <QString>

struct sqlite3;

namespace cpn::cache {

// One connection to the cache file, named and owned by the thread that opens it (QtSql
// connections must not cross threads). The writer connection creates and migrates the schema and
// sets WAL with synchronous=NORMAL; reader connections are query-only and never migrate.
class CacheDatabase
{
public:
    enum class Role { Writer, Reader };

    CacheDatabase() = default;
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    // connectionName must be unique in the process; targetVersion exists for the migration tests.
    bool open(const QString &path, const QString &connectionName, Role role,
              int targetVersion = schema::kCurrentVersion);
    void close();
    bool isOpen() const { return m_handle != nullptr; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    sqlite3 *handle() const { return m_handle; }

    // PRAGMA user_version (mirrored in meta.schema_version); 0 for an empty file.
    int schemaVersion() const;

    // Applies the migration steps after `from` up to `target`, each in its own transaction.
    static bool migrate(sqlite3 *db, int target, QString *error);
    static int userVersion(sqlite3 *db);

    // The default file: <QStandardPaths::CacheLocation>/cache.sqlite.
    static QString defaultPath();
    static QString defaultPathIn(const QString &directory);
    // The file with its -wal and -shm side files, in bytes.
    static qint64 sizeOnDisk(const QString &path);
    // A process-unique connection name with the given prefix ("cpn.cache.writer.3").
    static QString uniqueConnectionName(const QString &prefix);

private:
    bool fail(const QString &message);

    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    QString m_error;
};

} // namespace cpn::cache
