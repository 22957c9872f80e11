#pragma once

#include "jobs/workloadqueue.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cpn::jobs {

// The workload queue file (docs/examples/workload-queue.json): a versioned JSON object
//   {"format": "cpn-workload-queue", "version": 1, "workloads": [{...}, ...]}
// read strictly: every field is checked (type, range, known names, no unknown keys) and the first bad
// one is reported with its path ("workloads[2].requirements.durationHours: ..."). A workload that was
// on its way to a node when saved comes back queued: whether the node took it is not known here.
namespace workloadjson {

constexpr int kVersion = 1;
constexpr qsizetype kMaxFileBytes = 4 * 1024 * 1024;

struct ReadResult
{
    std::optional<QList<QueuedWorkload>> workloads; // nullopt on any error
    QString error;                                  // "path: what is wrong"
};

ReadResult read(const QByteArray &json);
QByteArray write(const QList<QueuedWorkload> &workloads);

// Reads a file (size-capped before reading); the error names the file's problem.
ReadResult readFile(const QString &path);
// Writes atomically (QSaveFile); false with the reason.
bool writeFile(const QString &path, const QList<QueuedWorkload> &workloads, QString *error);

// What the file would refuse in this workload ("requirements.durationHours: expected more than 0"), or
// empty: a workload made in the editor is checked by the very rules a loaded one is.
QString problemWith(const QueuedWorkload &workload);

// Replaces the queue with the file's workloads; on any error the queue is left as it was.
bool loadInto(WorkloadQueue &queue, const QString &path, QString *error);

} // namespace workloadjson
} // namespace cpn::jobs
