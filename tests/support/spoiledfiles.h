#pragma once

// For tests that hand the console damaged or hostile files: spoil a copy in some way, then prove
// that opening it left the file on disk exactly as it was.

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStringList>

#include <sqlite3.h>

#include <functional>

namespace cpn::testing {

// Runs SQL on a database file, as an attacker with write access to it would.
inline bool execOnFile(const QString &file, const char *sqlText)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(file).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *message = nullptr;
    const bool ok = sqlite3_exec(db, sqlText, nullptr, nullptr, &message) == SQLITE_OK;
    if (!ok)
        qWarning("%s", message);
    sqlite3_free(message);
    sqlite3_close(db);
    return ok;
}

inline bool rewriteFile(const QString &file, const std::function<QByteArray(QByteArray)> &change)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = change(f.readAll());
    f.close();
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray randomBytes(qsizetype n)
{
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    return b;
}

// A file's bytes, modification time and the listing of its folder (side files such as -wal).
struct FileState
{
    QByteArray bytes;
    QDateTime modified;
    QStringList directory;
    friend bool operator==(const FileState &, const FileState &) = default;
};

inline FileState fileState(const QString &file)
{
    FileState s;
    QFile f(file);
    if (f.open(QIODevice::ReadOnly))
        s.bytes = f.readAll();
    s.modified = QFileInfo(file).lastModified();
    s.directory = QDir(QFileInfo(file).absolutePath())
                      .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    return s;
}

} // namespace cpn::testing
