#pragma once

#include "cache/snapshotexporter.h"
#include "cachetestdata.h"

namespace cpn::cache::testing {

// Records the sample federation into <dir>/cache.sqlite and exports all of it to <dir>/<name>.
inline QString makeSnapshot(const QString &dir, const QString &name = QStringLiteral("good.cpnsnap"))
{
    const QString cache = dir + QStringLiteral("/cache.sqlite");
    if (!QFile::exists(cache) && !recordSampleFederation(cache))
        return {};
    SnapshotRequest request;
    request.name = QStringLiteral("sample");
    request.note = QStringLiteral("guian goes into maintenance");
    request.fromMs = kT0;
    request.toMs = kT0 + 9000;
    request.endpoints = {QStringLiteral("http://user:secret@127.0.0.1:8080/?token=abc#x")};
    request.createdBy = QStringLiteral("tst");
    const QString file = dir + QLatin1Char('/') + name;
    QString error;
    if (!SnapshotExporter::exportRange(cache, file, request, &error))
        qWarning("export failed: %s", qPrintable(error));
    return file;
}

} // namespace cpn::cache::testing
