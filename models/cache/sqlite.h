#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

// A thin layer over the SQLite C API. The cache opens its connections through QtSql (named
// connections, one per thread), but runs its statements through the C API on the same handle:
// multi-row INSERTs and series reads are 2-3x faster that way (docs/cache.md).
namespace cpn::cache::sql {

// The sqlite3* behind a QSQLITE connection; nullptr when it is not open or not SQLite.
sqlite3 *handleOf(const QSqlDatabase &db);

// Runs one or more statements without results; false with *error set on failure.
bool exec(sqlite3 *db, const char *sql, QString *error = nullptr);
QString lastError(sqlite3 *db);

// A prepared statement; reset() makes it reusable with new bindings. Bind indexes start at 1.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, const QByteArray &sql);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value);
    void bind(int index, const QString &value);
    void bindUtf8(int index, const QByteArray &value);
    void bindNull(int index);
    void bindBlob(int index, const QByteArray &value);

    // true while rows come; done() tells a finished statement from an error.
    bool step();
    bool done() const { return m_done; }
    // Runs to completion (for statements without rows); false on error.
    bool run();
    void reset();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    QByteArray blob(int column) const;
    // The column's bytes in place: valid until the next step(), reset() or column call.
    const char *blobData(int column, int *size) const;
    bool isNull(int column) const;
    int columnCount() const;
    sqlite3_stmt *raw() const { return m_stmt; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_done = false;
    QString m_error;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() was called.
class Transaction
{
public:
    explicit Transaction(sqlite3 *db);
    ~Transaction();
    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);

private:
    sqlite3 *m_db;
    bool m_active = false;
};

} // namespace cpn::cache::sql
