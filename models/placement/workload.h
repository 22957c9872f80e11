#pragma once

#include "domain/enums.h"
#include "domain/job.h"
#include "domain/reservation.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace cpn::placement {

// Where a job's data or its users are: at a node, or at a place (a province's capital, or a city given by
// its coordinates). A place reaches the network through its nearest node (docs/placement.md, "Locations").
struct Location
{
    enum class Kind { None, Node, Place };
    Kind kind = Kind::None;
    QString nodeId;
    QString province; // ISO 3166-2:CN of a place
    double lat = 0;
    double lon = 0;

    static Location none() { return {}; }
    static Location atNode(const QString &nodeId);
    // The province's capital; an unknown code gives none().
    static Location inProvince(const QString &isoCode);
    static Location at(const QString &province, double lat, double lon);
    bool isSet() const { return kind != Kind::None; }
    friend bool operator==(const Location &, const Location &) = default;
};

// Weights of the five score parts; the engine divides them by their sum, so only ratios matter.
struct ScoreWeights
{
    double cost = 0.35;
    double transfer = 0.15;
    double latency = 0.15;
    double headroom = 0.20;
    double energy = 0.15;
    double sum() const { return cost + transfer + latency + headroom + energy; }
    friend bool operator==(const ScoreWeights &, const ScoreWeights &) = default;
};

// Classes of accelerator a planner may ask for instead of one model.
enum class AcceleratorClass { Training, Inference };
// The known models of a class, sorted: training-class cards also serve inference.
QStringList acceleratorModelsOfClass(AcceleratorClass cls);

// Everything the engine needs to know about a job: what it needs, where it may and must run, and
// what the planner prefers. Zero means "no limit" for budget, deadline and latency.
struct Workload
{
    QString name;
    JobKind kind = JobKind::Batch;
    // Resources per job; requirements.acceleratorModel is ignored when acceptedModels is set.
    JobRequirements requirements;
    // Any one of these models will do (e.g. acceleratorModelsOfClass(Training)); empty: the one in
    // requirements.acceleratorModel.
    QStringList acceleratorModels;

    Location dataLocation;
    double dataTB = 0;
    Location usersLocation;
    double maxLatencyMs = 0;
    QSet<QString> residencyProvinces; // empty: anywhere
    qint64 deadlineMs = 0;            // Unix epoch ms; 0: none
    double budgetCny = 0;             // 0: none

    bool preferGreen = false; // doubles the energy weight
    ScoreWeights weights;

    // Units a node already holds for the job (a reservation, docs/node-api.md): the job runs at that node,
    // on them, so they count as free there although the node's offer no longer lists them; never split.
    std::optional<Reservation> held;

    // Inference and batch jobs may be split across up to maxSplitNodes nodes; training never is.
    bool splittable = false;
    int maxSplitNodes = 1;

    // The models that satisfy the job, sorted; empty when it needs no accelerators.
    QStringList acceptedModels() const;
    bool mayBeSplit() const;
    // The weights after the green preference, summing to 1.
    ScoreWeights effectiveWeights() const;
    // This workload run on a reservation's units: pinned to its node, needing what it holds.
    Workload onReservation(const Reservation &reservation) const;
    friend bool operator==(const Workload &, const Workload &) = default;
};

} // namespace cpn::placement
