#pragma once

#include "cache/snapshotformat.h"

#include <QString>

namespace cpn::cache {

struct SnapshotRequest
{
    QString name;
    QString note;
    qint64 fromMs = 0; // inclusive; a moment T is the range [T - look-back, T]
    qint64 toMs = 0;
    QStringList endpoints; // stored without user info, query or fragment: never a credential
    QString createdBy;     // e.g. "cpn-console 0.1.0"
    qint64 createdAtMs = 0; // 0: now
};

// Saves a range of the cache into a standalone .cpnsnap file. The file is built beside the target
// as "<file>.part" on its own connection (format schema, rollback journal, synchronous=FULL), the
// rows are copied from the cache attached read-only (one read transaction: a consistent view while
// the writer goes on), the checksum and manifest are written, and only then is it renamed over the
// target: a reader never sees half a snapshot.
class SnapshotExporter
{
public:
    // Reads the cache file at cachePath; flush the writer first to include its latest batches.
    static bool exportRange(const QString &cachePath, const QString &file, const SnapshotRequest &request,
                            QString *error, snapshot::Manifest *manifest = nullptr);
    static bool exportMoment(const QString &cachePath, const QString &file, qint64 atMs, SnapshotRequest request,
                             QString *error, snapshot::Manifest *manifest = nullptr);
};

} // namespace cpn::cache
