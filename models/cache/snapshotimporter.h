#pragma once

#include <QString>

struct sqlite3;

namespace cpn::cache {

class SnapshotReader;

// Copies a verified snapshot into the cache, in one transaction on the writer connection. Series
// ids are the cache's own: the snapshot's are mapped through (kind, entity, metric). Rows the cache
// already holds (same key) are kept; a snapshot imported twice adds nothing the second time.
class SnapshotImporter
{
public:
    static bool importInto(SnapshotReader &snapshot, sqlite3 *cache, QString *error);
};

} // namespace cpn::cache
