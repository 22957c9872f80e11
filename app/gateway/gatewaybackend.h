#pragma once

#include "gatewayconfig.h"
#include "prometheushistory.h"
#include "protocolbackend.h"
#include "samplehistory.h"
#include "sitealarms.h"
#include "slurmsite.h"

#include "clock.h"

namespace cpn::gateway {

// The site as the protocol serves it: one node (the root of its own directory) whose figures come
// from Prometheus (PrometheusPoller feeds sampleTaken / pollFailed), whose offers and jobs come from
// Slurm when [slurm] is configured (SlurmSite). Without it, offers and jobs are empty and submitting
// answers 503; reservations are not offered yet. Alarms are the site's alerts (SiteAlarms); GET
// /history asks Prometheus.
class GatewayBackend final : public server::ProtocolBackend
{
public:
    static inline const QString kNoWorkloadManager =
        QStringLiteral("this site's workload manager is not connected yet");

    GatewayBackend(const GatewayConfig &config, const server::Clock &clock);

    void setBaseUrl(const QUrl &url) { m_site.baseUrl = url; }
    // Connects the site's Slurm when the config has [slurm]; false with *error when it cannot be set up.
    bool connectWorkloadManager(QString *error);
    // Null without [slurm].
    const SlurmSite *workloadManager() const { return m_slurm.get(); }
    // Starts following the site's alerts (Alertmanager's, else Prometheus').
    void startAlarms() { m_alarms.start(); }
    const SiteAlarms &alarms() const { return m_alarms; }
    // A tick's sample, or why there was none.
    void sampleTaken(NodeSample sample, const NodeCapacity &capacity, const QList<LinkSample> &links = {});
    void pollFailed(const QString &reason);
    // Why the site's figures are missing (empty while Prometheus answers).
    QString reason() const { return m_reason; }

    const Node &root() const override;
    const Node *node(const QString &id) const override { return id == m_site.id ? &root() : nullptr; }
    bool hasLink(const QString &id) const override;
    QList<const Node *> directory(const QString &scope) const override;
    QList<const Link *> links(const QString &scope) const override;
    bool inDirectory(const QString &scope, const QString &nodeId) const override
    {
        return scope == m_site.id && nodeId == m_site.id;
    }
    NodeStatus status(const QString &nodeId) const override;
    bool isDown(const QString &) const override { return false; } // the gateway always answers
    qint64 directoryVersion() const override;
    qint64 nowMs() const override { return m_clock.nowMs(); }

    qint64 metricsVersion(const QString &cursor, int limit) const override;
    QByteArray metricsBody(const QString &scope, const QString &cursor, int limit, MetricsEncoding encoding,
                           bool delta) override;

    OffersVersion offersVersion() override;
    QList<Offer> offers(const QString &scope, const QString &model, qint64 pricedAtMs) override;

    QList<Job> jobs(const QString &scope) override;
    std::optional<Job> job(const QString &scope, const QString &jobId) override;
    Result<Job> submitJob(const JobRequest &request, const QString &nodeId) override;
    Result<Job> cancelJob(const QString &jobId) override;

    QList<Reservation> reservations(const QString &) override { return {}; }
    std::optional<Reservation> reservation(const QString &, const QString &) override { return std::nullopt; }
    Result<Reservation> reserve(const Offer &, int, double) override { return {503, kNoWorkloadManager, {}}; }
    Result<Reservation> cancelReservation(const QString &) override
    {
        return {404, QStringLiteral("No such reservation"), {}};
    }

    qint64 alarmsVersion() override { return m_alarms.book().version(); }
    AlarmBatch alarmsSince(const QString &scope, const QString &cursor, int limit) override;
    bool hasAlarm(const QString &, const QString &alarmId) override { return m_alarms.book().alarm(alarmId); }
    Result<Alarm> acknowledge(const QString &alarmId, const QString &by, const AckRequest &request) override;
    Result<Alarm> unacknowledge(const QString &alarmId) override;
    Result<Alarm> comment(const QString &alarmId, const QString &by, const QString &text) override;
    bool oversees(const QString &scope, const AlarmSource &source) const override;
    QList<Silence> silences(const QString &) override { return m_alarms.book().silences(); }
    void addSilence(const QString &by, const SilenceRequest &request,
                    std::function<void(Result<Silence>)> done) override
    {
        m_alarms.addSilence(by, request, std::move(done));
    }
    void removeSilence(const QString &, const QString &silenceId,
                       std::function<void(Result<QList<Silence>>)> done) override
    {
        m_alarms.removeSilence(silenceId, std::move(done));
    }

    // From Prometheus' query_range (PrometheusHistory).
    void history(const HistoryQuery &query, std::function<void(HistoryResult)> done) override
    {
        m_rangeQueries.fetch(query, std::move(done));
    }

private:
    bool offline() const;

    const GatewayConfig &m_config;
    const server::Clock &m_clock;
    const qint64 m_startMs;
    mutable Node m_site; // status follows the clock
    SampleHistory m_history; // the recent ticks GET /metrics serves
    PrometheusHistory m_rangeQueries;
    SiteAlarms m_alarms;
    qint64 m_lastSampleAtMs; // when the last sample arrived (the start until one does)
    qint64 m_capacityRevision = 0;
    QString m_reason;
    std::unique_ptr<SlurmSite> m_slurm;
};

} // namespace cpn::gateway
