#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cpn::placement {

// One part of a candidate's score: `score` in [0, 1], higher is better, normalized across the candidates
// of one rank() call; `raw` in the part's own unit (see ScoreParts).
struct ScorePart
{
    double score = 0;
    double raw = 0;
    friend bool operator==(const ScorePart &, const ScorePart &) = default;
};

struct ScoreParts
{
    ScorePart cost;     // raw: CNY for the whole job
    ScorePart transfer; // raw: hours to move the data to the node(s)
    ScorePart latency;  // raw: ms from the users to the node (worst share)
    ScorePart headroom; // raw: utilization of the chosen accelerators (else CPU) after placing, 0..1
    ScorePart energy;   // raw: kg CO2 from non-renewable power
    friend bool operator==(const ScoreParts &, const ScoreParts &) = default;
};

// The part of a job one node takes.
struct Share
{
    QString nodeId;
    QString acceleratorModel; // empty for CPU-only jobs
    int accelerators = 0;
    double fraction = 1; // of the job's work and data
    friend bool operator==(const Share &, const Share &) = default;
};

struct Candidate
{
    QList<Share> shares; // one for a single-node placement, sorted by node id for a split
    double totalScore = 0; // 0..1; shown as points out of 100 (scorePoints)
    ScoreParts parts;
    double estimatedCostCny = 0;
    double queueWaitHours = 0;
    double greenShare = 0; // accelerator-weighted over the shares
    qint64 estimatedStartMs = 0;
    qint64 estimatedFinishMs = 0;

    bool isSplit() const { return shares.size() > 1; }
    QString nodeId() const { return shares.isEmpty() ? QString() : shares.first().nodeId; }
    // "a" or "a+b+c": the tie-breaking key.
    QString key() const;
    friend bool operator==(const Candidate &, const Candidate &) = default;
};

enum class RejectionReason {
    NodeUnavailable,       // offline or in maintenance
    NodeStale,             // no sample newer than staleAfterMs
    OutsideResidency,      // the node's province is outside the residency region
    ModelMissing,          // none of the accepted models at the node
    NotEnoughAccelerators, // the model is there, but too few cards are free
    NotEnoughCpu,
    NotEnoughMemory,
    NotEnoughStorage,
    LatencyTooHigh, // users to node over maxLatencyMs
    OverBudget,
    DeadlineUnreachable,
    NotTheHeldNode, // the job runs on units held at another node
    IdentifierSuspended, // the registry suspended the node's compute identifier
};

struct Rejection
{
    QString nodeId;
    RejectionReason reason = RejectionReason::NodeUnavailable;
    QString message; // translated, context "cpn::placement"
    friend bool operator==(const Rejection &, const Rejection &) = default;
};

struct PlacementResult
{
    QList<Candidate> ranked;   // best first; ties by key()
    QList<Rejection> rejected; // by node id; one per node that has no single-node placement
    friend bool operator==(const PlacementResult &, const PlacementResult &) = default;
};

// A score (0..1) as people read it everywhere: whole points out of 100.
inline int scorePoints(double score)
{
    return int(score * 100 + 0.5);
}

} // namespace cpn::placement
