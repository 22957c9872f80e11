#pragma once

#include "protocolbackend.h"
#include "registry.h"
#include "simulator.h"

namespace cpn::sim {

// The simulated federation as a protocol backend: what ApiRouter serves comes from the
// simulator's scenario, load model, jobs, metrics ring and alarm book.
class SimulatorBackend final : public server::ProtocolBackend
{
public:
    explicit SimulatorBackend(Simulator &simulator) : m_sim(simulator), m_registry(simulator.clock()) {}

    const Node &root() const override { return m_sim.scenario().national(); }
    const Node *node(const QString &id) const override { return m_sim.scenario().node(id); }
    bool hasLink(const QString &id) const override { return m_sim.scenario().link(id) != nullptr; }
    QList<const Node *> directory(const QString &scope) const override;
    QList<const Link *> links(const QString &scope) const override;
    bool inDirectory(const QString &scope, const QString &nodeId) const override
    {
        return m_sim.scenario().inDirectory(scope, nodeId);
    }
    NodeStatus status(const QString &nodeId) const override { return m_sim.statusOf(nodeId); }
    bool isDown(const QString &nodeId) const override { return m_sim.faults().isNodeDown(nodeId); }
    qint64 directoryVersion() const override { return qint64(m_sim.faultRevision()); }
    qint64 nowMs() const override { return m_sim.clock().nowMs(); }

    qint64 metricsVersion(const QString &cursor, int limit) const override;
    QByteArray metricsBody(const QString &scope, const QString &cursor, int limit, MetricsEncoding encoding,
                           bool delta) override;

    OffersVersion offersVersion() override;
    QList<Offer> offers(const QString &scope, const QString &model, qint64 pricedAtMs) override;

    QList<Job> jobs(const QString &scope) override;
    std::optional<Job> job(const QString &scope, const QString &jobId) override;
    Result<Job> submitJob(const JobRequest &request, const QString &nodeId) override;
    Result<Job> cancelJob(const QString &jobId) override;

    QList<Reservation> reservations(const QString &scope) override;
    std::optional<Reservation> reservation(const QString &scope, const QString &reservationId) override;
    Result<Reservation> reserve(const Offer &offer, int count, double hours) override;
    Result<Reservation> cancelReservation(const QString &reservationId) override;

    qint64 alarmsVersion() override;
    AlarmBatch alarmsSince(const QString &scope, const QString &cursor, int limit) override;
    bool hasAlarm(const QString &scope, const QString &alarmId) override;
    Result<Alarm> acknowledge(const QString &alarmId, const QString &by, const AckRequest &request) override;
    Result<Alarm> unacknowledge(const QString &alarmId) override;
    Result<Alarm> comment(const QString &alarmId, const QString &by, const QString &text) override;
    bool oversees(const QString &scope, const AlarmSource &source) const override;
    QList<Silence> silences(const QString &scope) override;
    void addSilence(const QString &by, const SilenceRequest &request,
                    std::function<void(Result<Silence>)> done) override;
    void removeSilence(const QString &scope, const QString &silenceId,
                       std::function<void(Result<QList<Silence>>)> done) override;
    // Within the ticks it remembers (about ten minutes), what it served then; before them, what its
    // load model gives for other tenants' load alone (its own jobs of then are forgotten).
    void history(const HistoryQuery &query, std::function<void(HistoryResult)> done) override;
    // The national node's registry: every scenario node as registered before it started, then what
    // is applied for, admitted (--member) and decided.
    server::Registry *registry() override;

private:
    HistoryResult historyNow(const HistoryQuery &query) const;

    Simulator &m_sim;
    server::Registry m_registry;
    bool m_registrySeeded = false; // on first use, once the scenario's base URLs are known
};

} // namespace cpn::sim
