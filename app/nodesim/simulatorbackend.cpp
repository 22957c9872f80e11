#include "simulatorbackend.h"

#include "domain/metricnames.h"

namespace cpn::sim {
namespace {

constexpr qint64 kOfferValidityMs = 30'000;
// Offers are priced afresh every 10 s (or when a job, reservation or fault changes them), so
// consoles polling every few seconds mostly get a 304.
constexpr qint64 kOfferEpochMs = 10'000;

server::ProtocolBackend::Result<Job> resultOf(const JobEngine::Result &r)
{
    return {r.status, r.detail, r.job};
}

server::ProtocolBackend::Result<Reservation> resultOf(const JobEngine::ReservationResult &r)
{
    return {r.status, r.detail, r.reservation};
}

} // namespace

QList<const Node *> SimulatorBackend::directory(const QString &scope) const
{
    QList<const Node *> nodes;
    for (int i : m_sim.scenario().directory(scope))
        nodes.append(&m_sim.scenario().nodes()[i]);
    return nodes;
}

server::Registry *SimulatorBackend::registry()
{
    if (!m_registrySeeded) {
        m_registrySeeded = true;
        for (const Node &n : m_sim.scenario().nodes())
            m_registry.addExisting(n, QStringLiteral("national registry"));
    }
    return &m_registry;
}

QList<const Link *> SimulatorBackend::links(const QString &scope) const
{
    QList<const Link *> links;
    for (int i : m_sim.scenario().linksAmong(scope))
        links.append(&m_sim.scenario().links()[i]);
    return links;
}

qint64 SimulatorBackend::metricsVersion(const QString &cursor, int limit) const
{
    // The answer changes with the ticks it holds: up to cursor + limit for a cursor the history
    // holds, the latest tick otherwise (a reset).
    const MetricsHistory &history = m_sim.history();
    bool numeric = false;
    const qint64 after = cursor.toLongLong(&numeric);
    const bool known =
        numeric && !history.isEmpty() && after >= history.oldest().seq && after <= history.latest().seq;
    const qint64 latest = history.isEmpty() ? -1 : history.latest().seq;
    return known ? 2 * std::min(latest, after + limit) : 2 * latest + 1;
}

QByteArray SimulatorBackend::metricsBody(const QString &scope, const QString &cursor, int limit,
                                         MetricsEncoding encoding, bool delta)
{
    return m_sim.metricsBody(scope, cursor, limit, Simulator::kMaxMetricsBytes,
                             encoding == MetricsEncoding::Compact ? Simulator::Encoding::Compact
                                                                  : Simulator::Encoding::Json,
                             delta);
}

server::ProtocolBackend::OffersVersion SimulatorBackend::offersVersion()
{
    m_sim.jobs().update();
    const qint64 now = m_sim.clock().nowMs();
    const qint64 epochMs = now - now % kOfferEpochMs;
    // What the offers depend on besides the time: jobs, reservations and faults.
    size_t version = qHashMulti(0, epochMs, m_sim.faultRevision());
    for (const Job &job : m_sim.jobs().jobs())
        version = qHashMulti(version, job.id, int(job.state));
    for (const Reservation &reservation : m_sim.jobs().reservations())
        version = qHashMulti(version, reservation.id, int(reservation.state));
    return {qint64(version), epochMs};
}

QList<Offer> SimulatorBackend::offers(const QString &scope, const QString &model, qint64 pricedAtMs)
{
    const qint64 now = pricedAtMs;
    m_sim.jobs().update();
    QList<Offer> offers;
    for (int i : m_sim.scenario().directory(scope)) {
        const Node &n = m_sim.scenario().nodes()[i];
        if (m_sim.faults().isNodeDown(n.id))
            continue; // a down node sells nothing
        // Available = capacity minus what other tenants and our jobs use now, and what is reserved.
        const BackgroundLoad load = m_sim.loadModel().background(n, now);
        const NodeUsage used = m_sim.jobs().usage(n.id);
        const NodeUsage held = m_sim.jobs().reserved(n.id);
        const auto add = [&](Offer::Resource resource, const QString &suffix, const QString &slug,
                             double capacity, double fraction, double jobs, double price) {
            Offer o;
            o.id = n.id + u'.' + suffix;
            o.nodeId = n.id;
            o.resource = resource;
            o.model = slug;
            o.available = std::max(0.0, std::floor(capacity * (1 - fraction) - jobs));
            o.pricePerHour = price;
            o.validUntilMs = now + kOfferValidityMs;
            offers.append(o);
        };
        for (const auto &pool : n.capacity.accelerators) {
            if (model.isEmpty() || pool.model == model)
                add(Offer::Resource::Accelerator, pool.model, pool.model, pool.count,
                    load.accelerators.value(pool.model),
                    used.accelerators.value(pool.model) + held.accelerators.value(pool.model),
                    n.prices.acceleratorHour.value(pool.model));
        }
        if (!model.isEmpty())
            continue;
        add(Offer::Resource::Cpu, QStringLiteral("cpu"), {}, n.capacity.cpuCores, load.cpu,
            used.cpuCores + held.cpuCores, n.prices.cpuCoreHour);
        add(Offer::Resource::Memory, QStringLiteral("memory"), {}, n.capacity.memoryTiB * 1024, load.memory,
            used.memoryGiB + held.memoryGiB, n.prices.memoryGiBHour);
        add(Offer::Resource::Storage, QStringLiteral("storage"), {}, n.capacity.storagePB * 1000,
            load.storage, used.storageTB + held.storageTB, n.prices.storageTBHour);
    }
    return offers;
}

QList<Job> SimulatorBackend::jobs(const QString &scope)
{
    m_sim.jobs().update();
    const QList<Job> all = m_sim.jobs().jobs();
    QList<Job> jobs;
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // newest first
        if (m_sim.scenario().inDirectory(scope, it->nodeId))
            jobs.append(*it);
    }
    return jobs;
}

std::optional<Job> SimulatorBackend::job(const QString &scope, const QString &jobId)
{
    m_sim.jobs().update();
    const auto job = m_sim.jobs().job(jobId);
    if (!job || !m_sim.scenario().inDirectory(scope, job->nodeId))
        return std::nullopt;
    return job;
}

server::ProtocolBackend::Result<Job> SimulatorBackend::submitJob(const JobRequest &request,
                                                                 const QString &nodeId)
{
    return resultOf(m_sim.jobs().submit(request, nodeId));
}

server::ProtocolBackend::Result<Job> SimulatorBackend::cancelJob(const QString &jobId)
{
    return resultOf(m_sim.jobs().cancel(jobId));
}

QList<Reservation> SimulatorBackend::reservations(const QString &scope)
{
    m_sim.jobs().update();
    const QList<Reservation> all = m_sim.jobs().reservations();
    QList<Reservation> reservations;
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // newest first
        if (m_sim.scenario().inDirectory(scope, it->nodeId))
            reservations.append(*it);
    }
    return reservations;
}

std::optional<Reservation> SimulatorBackend::reservation(const QString &scope, const QString &reservationId)
{
    m_sim.jobs().update();
    const auto reservation = m_sim.jobs().reservation(reservationId);
    if (!reservation || !m_sim.scenario().inDirectory(scope, reservation->nodeId))
        return std::nullopt;
    return reservation;
}

server::ProtocolBackend::Result<Reservation> SimulatorBackend::reserve(const Offer &offer, int count,
                                                                       double hours)
{
    return resultOf(m_sim.jobs().reserve(offer, count, hours));
}

server::ProtocolBackend::Result<Reservation> SimulatorBackend::cancelReservation(const QString &reservationId)
{
    return resultOf(m_sim.jobs().cancelReservation(reservationId));
}

qint64 SimulatorBackend::alarmsVersion()
{
    m_sim.alarms().update();
    return m_sim.alarms().version();
}

AlarmBatch SimulatorBackend::alarmsSince(const QString &scope, const QString &cursor, int limit)
{
    return m_sim.alarms().since(
        cursor, [&](const Alarm &a) { return oversees(scope, a.source); }, limit);
}

bool SimulatorBackend::hasAlarm(const QString &scope, const QString &alarmId)
{
    m_sim.alarms().update();
    const Alarm *alarm = m_sim.alarms().alarm(alarmId);
    return alarm && oversees(scope, alarm->source);
}

server::ProtocolBackend::Result<Alarm>
SimulatorBackend::acknowledge(const QString &alarmId, const QString &by, const AckRequest &request)
{
    return m_sim.alarms().acknowledge(alarmId, by, request).asAlarmResult();
}

server::ProtocolBackend::Result<Alarm> SimulatorBackend::unacknowledge(const QString &alarmId)
{
    return m_sim.alarms().unacknowledge(alarmId).asAlarmResult();
}

server::ProtocolBackend::Result<Alarm> SimulatorBackend::comment(const QString &alarmId, const QString &by,
                                                                 const QString &text)
{
    return m_sim.alarms().comment(alarmId, by, text).asAlarmResult();
}

bool SimulatorBackend::oversees(const QString &scope, const AlarmSource &source) const
{
    return m_sim.covers({AlarmSource::Kind::Subtree, scope}, source);
}

QList<Silence> SimulatorBackend::silences(const QString &scope)
{
    m_sim.alarms().update();
    QList<Silence> silences;
    for (const Silence &s : m_sim.alarms().silences()) {
        if (oversees(scope, s.target))
            silences.append(s);
    }
    return silences;
}

void SimulatorBackend::addSilence(const QString &by, const SilenceRequest &request,
                                  std::function<void(Result<Silence>)> done)
{
    AlarmBook &book = m_sim.alarms();
    book.update();
    const AlarmBook::Result result = book.addSilence(by, request);
    done({result.status, result.detail, result.silence});
}

void SimulatorBackend::removeSilence(const QString &scope, const QString &silenceId,
                                     std::function<void(Result<QList<Silence>>)> done)
{
    AlarmBook &book = m_sim.alarms();
    book.update();
    const auto &all = book.silences();
    const auto it = std::find_if(all.begin(), all.end(), [&](const Silence &s) { return s.id == silenceId; });
    if (it == all.end() || !oversees(scope, it->target) || !book.removeSilence(silenceId)) {
        done({404, QStringLiteral("No silence '%1' at this node").arg(silenceId.left(64)), {}});
        return;
    }
    done({200, {}, silences(scope)});
}

void SimulatorBackend::history(const HistoryQuery &query, std::function<void(HistoryResult)> done)
{
    done(historyNow(query));
}

server::ProtocolBackend::HistoryResult SimulatorBackend::historyNow(const HistoryQuery &query) const
{
    const Scenario &scenario = m_sim.scenario();
    const bool isNode = query.entity == HistoryQuery::Entity::Node;
    const Node *node = isNode ? scenario.node(query.id) : nullptr;
    const auto link = std::find_if(scenario.links().cbegin(), scenario.links().cend(),
                                   [&](const Link &l) { return l.id == query.id; });
    if (isNode ? !node : link == scenario.links().cend())
        return {404, QStringLiteral("No such %1").arg(isNode ? u"node" : u"link"), {}};
    const Node *a = isNode ? nullptr : scenario.node(link->a);
    const Node *b = isNode ? nullptr : scenario.node(link->b);
    const MetricsHistory &kept = m_sim.history();
    QString model;
    const bool accelerator = isNode && metrics::isAcceleratorMetric(query.metric, &model);
    const int fixed = int((isNode ? metrics::nodeMetricNames() : metrics::linkMetricNames()).indexOf(query.metric));

    QList<std::optional<double>> points;
    points.reserve(qsizetype((query.toMs - query.fromMs) / query.stepMs + 1));
    for (qint64 t = query.fromMs; t <= query.toMs; t += query.stepMs) {
        // A remembered tick within one interval of t: its sample as served; before them, the model.
        const TickRecord *tick = kept.at(t);
        if (tick && t - tick->tsMs > 2 * m_sim.intervalMs())
            tick = nullptr;
        const bool remembered = tick != nullptr || (!kept.isEmpty() && t >= kept.oldest().tsMs);
        const qint64 ts = tick ? tick->tsMs : t;
        if (isNode) {
            if (remembered && (!tick || tick->downNodes.contains(node->id))) {
                points.append(std::nullopt); // down then, or a gap in the ticks: no sample
                continue;
            }
            const NodeSample s = m_sim.loadModel().nodeSample(*node, ts, tick ? tick->usage.value(node->id) : NodeUsage());
            if (accelerator) {
                const auto util = s.acceleratorUtil.constFind(model);
                points.append(util == s.acceleratorUtil.cend() ? std::nullopt : std::optional(*util));
            } else {
                points.append(metrics::nodeValue(s, metrics::NodeMetric(fixed)));
            }
        } else {
            if (remembered && !tick) {
                points.append(std::nullopt);
                continue;
            }
            const bool down = tick && (tick->downNodes.contains(link->a) || tick->downNodes.contains(link->b) ||
                                       tick->downLinks.contains(link->id));
            const bool congested = tick && tick->congestedLinks.contains(link->id);
            const LinkSample s = m_sim.loadModel().linkSample(*link, *a, *b, ts, congested, down,
                                                              tick ? tick->addedLatencyMs.value(link->id) : 0);
            points.append(metrics::linkValue(s, metrics::LinkMetric(fixed)));
        }
    }
    return {200, {}, points};
}

} // namespace cpn::sim
