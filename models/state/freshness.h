#pragma once

#include <QString>
#include <QtGlobal>

namespace cpn {

// How old a node's newest sample may be (docs/node-api.md, "Freshness"): fresh up to two sampling
// intervals, stale after that, and not reporting (shown offline) after a fixed limit.
enum class Freshness { Fresh, Stale, NotReporting };

struct FreshnessRule
{
    static constexpr qint64 kDefaultNotReportingAfterMs = 30'000;

    int intervalMs = 1000;
    qint64 notReportingAfterMs = kDefaultNotReportingAfterMs;

    qint64 staleAfterMs() const { return 2 * qint64(intervalMs); }
    // ageMs < 0: no sample at all, judged by how long the node has been listed (listedForMs).
    Freshness of(qint64 ageMs) const;
};

// How long something lasted or how old it is, for people: "45 s", "2 min 5 s", "1 h 3 min", "2 d 4 h".
QString durationText(qint64 ms);

} // namespace cpn
