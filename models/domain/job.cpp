#include "domain/job.h"

#include <algorithm>

namespace cpn {

qint64 finishByMs(const Job &job, qint64 plannedStartMs, qint64 nowMs)
{
    if (isTerminal(job.state))
        return job.finishedAtMs;
    const qint64 durationMs = qint64(job.requirements.durationHours * 3'600'000);
    if (job.startedAtMs > 0)
        return job.startedAtMs + durationMs;
    return std::max(plannedStartMs, nowMs) + durationMs; // queued: from the planned start, or now once it passed
}

} // namespace cpn
