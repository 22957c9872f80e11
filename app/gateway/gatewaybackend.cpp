#include "gatewaybackend.h"

#include "domain/metricscodec.h"
#include "domain/protocoljson.h"

#include <QLoggingCategory>

namespace cpn::gateway {
namespace {

Q_LOGGING_CATEGORY(lcGateway, "cpn.gateway", QtInfoMsg)

// Offers are priced afresh every 10 s, as the simulator does.
constexpr qint64 kOfferEpochMs = 10'000;
constexpr qsizetype kMaxMetricsBytes = 8 * 1024 * 1024;

template <typename T> server::ProtocolBackend::Result<T> notFound(const QString &what)
{
    return {404, what, {}};
}

} // namespace

GatewayBackend::GatewayBackend(const GatewayConfig &config, const server::Clock &clock)
    : m_config(config), m_clock(clock), m_startMs(clock.nowMs()), m_site(config.site), m_history(m_startMs),
      m_rangeQueries(config),
      m_alarms(config, clock), m_lastSampleAtMs(m_startMs)
{
}

bool GatewayBackend::connectWorkloadManager(QString *error)
{
    if (m_config.slurm.url.isEmpty())
        return true;
    m_slurm = SlurmSite::create(m_config, error);
    return m_slurm != nullptr;
}

void GatewayBackend::sampleTaken(NodeSample sample, const NodeCapacity &capacity, const QList<LinkSample> &links)
{
    if (m_slurm) {
        // the jobs placed through the gateway, as Slurm last reported them
        for (const Job &job : m_slurm->jobs().jobs()) {
            sample.queuedJobs += job.state == JobState::Queued ? 1 : 0;
            sample.runningJobs += job.state == JobState::Running ? 1 : 0;
        }
    }
    if (!m_reason.isEmpty())
        qCInfo(lcGateway).noquote() << "Prometheus answers again; the site reports";
    m_reason.clear();
    m_lastSampleAtMs = m_clock.nowMs();
    if (capacity != m_site.capacity) {
        m_site.capacity = capacity;
        ++m_capacityRevision;
    }
    m_history.append(sample, links);
}

bool GatewayBackend::hasLink(const QString &id) const
{
    return std::any_of(m_config.links.cbegin(), m_config.links.cend(),
                       [&](const GatewayConfig::SiteLink &l) { return l.link.id == id; });
}

QList<const Link *> GatewayBackend::links(const QString &scope) const
{
    QList<const Link *> links;
    if (scope == m_site.id) {
        for (const GatewayConfig::SiteLink &l : m_config.links)
            links.append(&l.link);
    }
    return links;
}

void GatewayBackend::pollFailed(const QString &reason)
{
    if (reason != m_reason)
        qCWarning(lcGateway).noquote() << "no sample:" << reason;
    m_reason = reason;
}

bool GatewayBackend::offline() const
{
    return m_clock.nowMs() - m_lastSampleAtMs > m_config.prometheus.offlineAfterMs;
}

const Node &GatewayBackend::root() const
{
    m_site.status = offline() ? NodeStatus::Offline : NodeStatus::Online;
    return m_site;
}

QList<const Node *> GatewayBackend::directory(const QString &scope) const
{
    if (scope != m_site.id)
        return {};
    return {&root()};
}

NodeStatus GatewayBackend::status(const QString &) const
{
    return root().status;
}

qint64 GatewayBackend::directoryVersion() const
{
    return 2 * m_capacityRevision + (offline() ? 1 : 0);
}

qint64 GatewayBackend::metricsVersion(const QString &cursor, int limit) const
{
    return m_history.version(cursor, limit);
}

QByteArray GatewayBackend::metricsBody(const QString &scope, const QString &cursor, int limit,
                                       MetricsEncoding encoding, bool delta)
{
    const SampleHistory::Slice slice = m_history.since(cursor, limit);
    const bool inScope = scope == m_site.id;
    MetricsBatch envelope;
    envelope.cursor = slice.cursor;
    envelope.serverTimeMs = m_clock.nowMs();
    envelope.intervalMs = m_config.prometheus.intervalMs;
    envelope.reset = slice.reset;
    if (encoding == MetricsEncoding::Json) {
        if (inScope) {
            for (const auto &entry : slice.entries) {
                envelope.nodes.append(entry.sample);
                envelope.links.append(entry.links);
            }
        }
        return protocol::toBody(protocol::toJson(envelope));
    }
    // Compact: a delta against the tick the client holds, or a keyframe first.
    const auto tickOf = [&](const SampleHistory::Entry &entry) {
        protocol::CompactTick tick;
        tick.tsMs = entry.sample.tsMs;
        if (inScope) {
            tick.nodes.append(protocol::compact(entry.sample));
            for (const LinkSample &link : entry.links)
                tick.links.append(protocol::compact(link));
        }
        return tick;
    };
    bool ok = false;
    const SampleHistory::Entry *held =
        delta && !slice.reset ? m_history.find(cursor.toLongLong(&ok)) : nullptr;
    const QString base = held && ok ? cursor : QString();
    std::optional<protocol::CompactTick> previous;
    if (!base.isEmpty())
        previous = tickOf(*held);
    QList<QByteArray> ticks;
    qsizetype bytes = 0;
    for (const auto &entry : slice.entries) {
        const protocol::CompactTick tick = tickOf(entry);
        QByteArray encoded = protocol::encodeTick(tick, previous ? &*previous : nullptr);
        if (!ticks.isEmpty() && bytes + encoded.size() > kMaxMetricsBytes)
            break;
        bytes += encoded.size();
        ticks.append(std::move(encoded));
        envelope.cursor = QString::number(entry.seq);
        previous = tick;
    }
    return protocol::encodeMetrics(envelope, base, ticks);
}

server::ProtocolBackend::OffersVersion GatewayBackend::offersVersion()
{
    if (m_slurm)
        return {m_slurm->offers().pricedAtMs(), m_slurm->offers().version()};
    const qint64 now = m_clock.nowMs();
    const qint64 epochMs = now - now % kOfferEpochMs;
    return {epochMs, epochMs};
}

QList<Offer> GatewayBackend::offers(const QString &scope, const QString &model, qint64)
{
    if (!m_slurm || scope != m_site.id)
        return {};
    QList<Offer> offers = m_slurm->offers().offers();
    if (!model.isEmpty())
        offers.removeIf([&](const Offer &o) { return o.model != model; });
    return offers;
}

QList<Job> GatewayBackend::jobs(const QString &scope)
{
    if (!m_slurm || scope != m_site.id)
        return {};
    return m_slurm->jobs().jobs();
}

std::optional<Job> GatewayBackend::job(const QString &scope, const QString &jobId)
{
    if (!m_slurm || scope != m_site.id)
        return std::nullopt;
    return m_slurm->jobs().job(jobId);
}

server::ProtocolBackend::Result<Job> GatewayBackend::submitJob(const JobRequest &request, const QString &)
{
    if (!m_slurm)
        return {503, kNoWorkloadManager, {}};
    return m_slurm->submit(request);
}

server::ProtocolBackend::Result<Job> GatewayBackend::cancelJob(const QString &jobId)
{
    if (!m_slurm)
        return notFound<Job>(QStringLiteral("No such job"));
    return m_slurm->cancel(jobId);
}

AlarmBatch GatewayBackend::alarmsSince(const QString &, const QString &cursor, int limit)
{
    m_alarms.book().update();
    return m_alarms.book().since(cursor, [](const Alarm &) { return true; }, limit);
}

server::ProtocolBackend::Result<Alarm> GatewayBackend::acknowledge(const QString &alarmId, const QString &by,
                                                                   const AckRequest &request)
{
    return m_alarms.book().acknowledge(alarmId, by, request).asAlarmResult();
}

server::ProtocolBackend::Result<Alarm> GatewayBackend::unacknowledge(const QString &alarmId)
{
    return m_alarms.book().unacknowledge(alarmId).asAlarmResult();
}

server::ProtocolBackend::Result<Alarm> GatewayBackend::comment(const QString &alarmId, const QString &by,
                                                               const QString &text)
{
    return m_alarms.book().comment(alarmId, by, text).asAlarmResult();
}

bool GatewayBackend::oversees(const QString &scope, const AlarmSource &source) const
{
    return scope == m_site.id && source.id == m_site.id &&
           (source.kind == AlarmSource::Kind::Node || source.kind == AlarmSource::Kind::Subtree ||
            source.kind == AlarmSource::Kind::Endpoint);
}

} // namespace cpn::gateway
