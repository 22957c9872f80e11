#pragma once

#include "clock.h"
#include "loadmodel.h"
#include "scenario.h"

#include "domain/job.h"
#include "domain/reservation.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>

namespace cpn::sim {

// Runs the federation's jobs: FIFO per node, a job starts when its node has the accelerators,
// cores and memory free (counting only jobs submitted here: the background tenants of the load
// model are preemptible), progress follows the clock at --job-speedup, and completions are
// processed at their exact finish time so the schedule does not depend on how often update() runs.
class JobEngine
{
public:
    static constexpr double kDefaultSpeedup = 360; // one job-hour in 10 s of wall time
    static constexpr int kMaxJobs = 10000;
    static constexpr int kMaxReservations = 10000;
    // How long reserved units are held for a job that has not been submitted yet (wall-clock time).
    static constexpr qint64 kReservationHoldMs = 10 * 60 * 1000;

    JobEngine(const Scenario &scenario, const server::Clock &clock, double speedup = kDefaultSpeedup);

    struct Result
    {
        int status = 0; // HTTP status: 200, 201, 404, 409, 422, 503
        QString detail; // why, when not 2xx
        Job job;
    };
    // The caller has resolved and checked the node (exists, in scope, not down). A request with a
    // reservationId runs on the units held by that active reservation at the same node (409 otherwise).
    Result submit(const JobRequest &request, const QString &nodeId);
    Result cancel(const QString &jobId);

    struct ReservationResult
    {
        int status = 0; // 201, 200, 404, 409, 503
        QString detail;
        Reservation reservation;
    };
    // The caller has checked that the offer is current and has `count` units available.
    ReservationResult reserve(const Offer &offer, int count, double hours);
    ReservationResult cancelReservation(const QString &reservationId);
    std::optional<Reservation> reservation(const QString &id) const;
    QList<Reservation> reservations() const { return m_reservations; } // oldest first
    // Units held by active reservations at a node (they are not offered to anyone else).
    NodeUsage reserved(const QString &nodeId) const;

    // Brings every job up to the clock; cheap when nothing changed.
    void update();
    // A node went down: its running jobs fail and its queue waits until it is back.
    void setNodeDown(const QString &nodeId, bool down);

    std::optional<Job> job(const QString &id) const;
    QList<Job> jobs() const { return m_jobs; } // oldest first
    NodeUsage usage(const QString &nodeId) const;
    QHash<QString, NodeUsage> usageByNode() const; // only nodes with queued or running jobs

    double speedup() const { return m_speedup; }
    qint64 durationMs(const Job &job) const;
    static double estimatedCost(const Node &node, const JobRequirements &requirements);

private:
    bool fits(const Node &node, const JobRequirements &q, const NodeUsage &used) const;
    void startQueued(const QString &nodeId, qint64 atMs);
    void dropOldEndedJobs();
    void expireReservations(qint64 nowMs);

    const Scenario &m_scenario;
    const server::Clock &m_clock;
    double m_speedup;
    QList<Job> m_jobs;
    QList<Reservation> m_reservations;
    int m_nextReservation = 1;
    QSet<QString> m_downNodes;
    int m_nextSerial = 1;
};

} // namespace cpn::sim
