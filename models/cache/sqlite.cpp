#include "cache/sqlite.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace cpn::cache::sql {

sqlite3 *handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QString lastError(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("no database");
}

bool exec(sqlite3 *db, const char *sql, QString *error)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return false;
    }
    return true;
}

Statement::Statement(sqlite3 *db, const QByteArray &sql) : m_db(db)
{
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        m_error = lastError(db);
        m_stmt = nullptr;
    }
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_done(other.m_done),
      m_error(std::move(other.m_error))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_done = other.m_done;
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
void Statement::bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
void Statement::bind(int index, const QString &value) { bindUtf8(index, value.toUtf8()); }
void Statement::bindUtf8(int index, const QByteArray &value)
{
    sqlite3_bind_text64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
}
void Statement::bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
void Statement::bindBlob(int index, const QByteArray &value)
{
    sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT);
}

bool Statement::step()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_done = rc == SQLITE_DONE;
    if (!m_done)
        m_error = lastError(m_db);
    return false;
}

bool Statement::run()
{
    while (step()) {
    }
    const bool ok = m_done;
    reset();
    return ok;
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_done = false;
}

qint64 Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }
QString Statement::text(int column) const { return QString::fromUtf8(utf8(column)); }
QByteArray Statement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}
QByteArray Statement::blob(int column) const
{
    int size = 0;
    const char *data = blobData(column, &size);
    return QByteArray(data, size);
}
const char *Statement::blobData(int column, int *size) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    *size = sqlite3_column_bytes(m_stmt, column);
    return data;
}
bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

Transaction::Transaction(sqlite3 *db) : m_db(db) { m_active = exec(db, "BEGIN IMMEDIATE"); }

Transaction::~Transaction()
{
    if (m_active)
        exec(m_db, "ROLLBACK");
}

bool Transaction::commit(QString *error)
{
    if (!m_active)
        return false;
    m_active = false;
    if (exec(m_db, "COMMIT", error))
        return true;
    exec(m_db, "ROLLBACK");
    return false;
}

} // namespace cpn::cache::sql
