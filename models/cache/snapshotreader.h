#pragma once

#include "cache/cachetypes.h"
#include "cache/snapshotformat.h"

#include <QElapsedTimer>
#include <QString>

struct sqlite3;

namespace cpn::cache {

// Opens a .cpnsnap from anywhere, as a hostile file (docs/cache.md, "Opening a snapshot from elsewhere"):
// size and "SQLite format 3" header first; never opened in place (a -wal or -journal beside it
// would be read, and replayed into it): the bytes are loaded into memory and handed to
// sqlite3_deserialize read-only; before the first query the connection is made defensive, with
// trusted schema, triggers, views, fts3_tokenizer and extension loading off and a progress-handler
// deadline on every query; then quick_check, the application id, the objects in sqlite_schema
// against the format's own (no triggers, views or anything unknown), the format version (a newer
// one gets its own message), each table's columns and types, and the SHA-256 of the content
// against the manifest, after the alarms' bounds (count, size of each). Nothing on disk changes.
// errorString() is one line.
class SnapshotReader
{
public:
    struct Options
    {
        qint64 maxBytes = 1024LL * 1024 * 1024; // snapshots are loaded into memory
        int deadlineMs = 30000;                 // per operation: verification, then each query batch
        qint64 maxAlarmRevisions = snapshot::kMaxAlarmRevisions;
        qint64 maxAlarmBodyBytes = snapshot::kMaxAlarmBodyBytes;
    };

    SnapshotReader();
    ~SnapshotReader();
    SnapshotReader(const SnapshotReader &) = delete;
    SnapshotReader &operator=(const SnapshotReader &) = delete;

    bool open(const QString &file);
    bool open(const QString &file, const Options &options);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString errorString() const { return m_error; }
    QString fileName() const { return m_file; }

    const snapshot::Manifest &manifest() const { return m_manifest; }
    // The verified snapshot in memory, read-only, for SeriesReader; re-arms the query deadline.
    sqlite3 *handle();
    ContentSummary summary();
    ReplayState stateAt(qint64 atMs);

private:
    bool fail(const QString &message);
    // The file's bytes, read straight into memory SQLite will own (one copy, not two).
    struct SqliteBytes
    {
        unsigned char *data = nullptr;
        qint64 size = 0;
        ~SqliteBytes();
    };
    bool load(SqliteBytes *bytes);
    bool openInMemory(SqliteBytes *bytes);
    bool checkIdentity(); // application_id; no trigger, no view
    bool checkObjects();
    bool upgradeOldFormat(); // gives formats 1 and 2 what format 3 has, in memory
    bool readManifest();
    bool checkColumns();
    bool checkAlarms(); // their count and each one's size (snapshotformat.h)
    bool verifyChecksum();
    static int progress(void *self);

    QString m_file;
    Options m_options;
    sqlite3 *m_db = nullptr;
    QString m_error;
    snapshot::Manifest m_manifest;
    QElapsedTimer m_clock;
    qint64 m_deadlineMs = 0;
};

} // namespace cpn::cache
