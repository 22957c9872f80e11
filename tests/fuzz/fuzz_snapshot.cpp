// A snapshot file: SQLite bytes, their manifest and everything SnapshotReader checks before trusting it.
#include "cache/snapshotreader.h"

#include <QTemporaryFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryFile file; // one file, rewritten: the reader takes a path
    if (!file.isOpen() && !file.open())
        return 0;
    file.resize(0);
    file.seek(0);
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.flush();
    cpn::cache::SnapshotReader reader;
    cpn::cache::SnapshotReader::Options options;
    options.deadlineMs = 2000;
    if (reader.open(file.fileName(), options))
        reader.summary();
    return 0;
}
