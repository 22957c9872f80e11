#include "simulator.h"

#include "domain/logging.h"
#include "domain/protocoljson.h"

namespace cpn::sim {
namespace {
constexpr int kJsonCacheSize = 8;
constexpr int kCompactCacheSize = 8;
}

Simulator::Simulator(Scenario scenario, const Config &config, const server::Clock &clock, QObject *parent)
    : QObject(parent), m_scenario(std::move(scenario)), m_config(config), m_clock(clock),
      m_loadModel(config.seed), m_faults(m_scenario), m_jobs(m_scenario, clock, config.jobSpeedup),
      m_history(clock.nowMs(), config.historyTicks), m_alarms(clock),
      m_detector(m_scenario, config.alarmHoldMs)
{
    m_alarms.setCoverage(
        [this](const AlarmSource &target, const AlarmSource &source) { return covers(target, source); });
    m_timer.setInterval(m_config.intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Simulator::tick);
}

void Simulator::start(int backfillTicks)
{
    const qint64 now = m_clock.nowMs();
    const qint64 aligned = now - now % m_config.intervalMs;
    for (int i = backfillTicks; i > 0; --i)
        recordTick(aligned - qint64(i) * m_config.intervalMs, false);
    tick();
    m_timer.start();
}

void Simulator::tick() { recordTick(m_clock.nowMs(), true); }

void Simulator::recordTick(qint64 tsMs, bool withCurrentState)
{
    TickRecord record;
    record.tsMs = tsMs;
    if (withCurrentState) {
        m_jobs.update();
        record.downNodes = m_faults.downNodes();
        record.congestedLinks = m_faults.congestedLinks();
        record.addedLatencyMs = m_faults.addedLatency();
        record.downLinks = m_faults.downLinks();
        record.usage = m_jobs.usageByNode();
    }
    const TickRecord &recorded = m_history.append(std::move(record));
    if (withCurrentState)
        detectAlarms(recorded);
}

void Simulator::detectAlarms(const TickRecord &tick)
{
    const QString national = m_scenario.national().id;
    AlarmInputs inputs;
    inputs.tsMs = tick.tsMs;
    inputs.downNodes = tick.downNodes;
    inputs.downLinks = tick.downLinks;
    inputs.slowEndpoints = m_faults.slowTargets();
    // The national scope's compact tick: built once here and reused by every client that polls it.
    const protocol::CompactTick &state = tickCompact(national, tick).state;
    const QList<int> &directory = m_scenario.directory(national);
    const QList<int> &links = m_scenario.linksAmong(national);
    constexpr int kNodeCpu = 1, kNodeFirstModel = 7;                           // value positions of a node
    constexpr int kLinkStatus = 0, kLinkAb = 1, kLinkBa = 2, kLinkLatency = 3; // and of a link
    inputs.nodes.reserve(state.nodes.size());
    for (qsizetype i = 0; i < state.nodes.size(); ++i) {
        const protocol::CompactEntity &e = state.nodes[i];
        if (!e.present)
            continue; // down: no sample
        qint64 busiest = e.values.value(kNodeCpu);
        for (qsizetype v = kNodeFirstModel; v < e.values.size(); ++v)
            busiest = std::max(busiest, e.values[v]);
        inputs.nodes.append({m_scenario.nodes()[directory[i]].id, double(busiest) / 10000});
    }
    inputs.links.reserve(state.links.size());
    for (qsizetype i = 0; i < state.links.size(); ++i) {
        const protocol::CompactEntity &e = state.links[i];
        const Link &link = m_scenario.links()[links[i]];
        const double gbps = double(std::max(e.values.value(kLinkAb), e.values.value(kLinkBa))) / 10;
        inputs.links.append({link.id, e.values.value(kLinkStatus) == int(LinkStatus::Down),
                             link.capacityGbps > 0 ? gbps / link.capacityGbps : 0,
                             double(e.values.value(kLinkLatency)) / 100});
    }
    m_alarms.apply(m_detector.evaluate(inputs));
    m_alarms.update();
}

bool Simulator::covers(const AlarmSource &target, const AlarmSource &source) const
{
    if (target.kind == AlarmSource::Kind::Link)
        return source.kind == AlarmSource::Kind::Link && source.id == target.id;
    // The nodes a source is about: a link's two ends, else its node.
    QStringList nodes{source.id};
    if (source.kind == AlarmSource::Kind::Link) {
        const Link *link = m_scenario.link(source.id);
        nodes = link ? QStringList{link->a, link->b} : QStringList{};
    }
    return std::any_of(nodes.begin(), nodes.end(), [&](const QString &node) {
        return target.kind == AlarmSource::Kind::Subtree ? m_scenario.inDirectory(target.id, node)
                                                         : node == target.id;
    });
}

bool Simulator::addFault(const Fault &fault, QString *error)
{
    if (!m_faults.add(fault, error))
        return false;
    ++m_faultRevision;
    qCInfo(lcSim) << "fault added:" << Fault::kindName(fault.kind) << fault.target;
    if (fault.kind == Fault::Kind::NodeDown)
        m_jobs.setNodeDown(fault.target, true);
    return true;
}

bool Simulator::removeFault(Fault::Kind kind, const QString &target)
{
    if (!m_faults.remove(kind, target))
        return false;
    ++m_faultRevision;
    qCInfo(lcSim) << "fault cleared:" << Fault::kindName(kind) << target;
    if (kind == Fault::Kind::NodeDown)
        m_jobs.setNodeDown(target, false);
    return true;
}

void Simulator::clearFaults()
{
    const QSet<QString> down = m_faults.downNodes();
    m_faults.clear();
    ++m_faultRevision;
    for (const auto &id : down)
        m_jobs.setNodeDown(id, false);
    qCInfo(lcSim) << "all faults cleared";
}

NodeStatus Simulator::statusOf(const QString &nodeId) const
{
    return m_faults.isNodeDown(nodeId) ? NodeStatus::Offline : NodeStatus::Online;
}

QList<NodeSample> Simulator::nodeSamples(const TickRecord &tick, const QList<int> &directory) const
{
    QList<NodeSample> samples;
    samples.reserve(directory.size());
    for (int i : directory) {
        const Node &n = m_scenario.nodes()[i];
        if (tick.downNodes.contains(n.id))
            continue; // a down node has no sample for this tick
        samples.append(m_loadModel.nodeSample(n, tick.tsMs, tick.usage.value(n.id)));
    }
    return samples;
}

QList<LinkSample> Simulator::linkSamples(const TickRecord &tick, const QList<int> &links) const
{
    QList<LinkSample> samples;
    samples.reserve(links.size());
    for (int i : links) {
        const Link &l = m_scenario.links()[i];
        const Node *a = m_scenario.node(l.a);
        const Node *b = m_scenario.node(l.b);
        const bool down =
            tick.downNodes.contains(l.a) || tick.downNodes.contains(l.b) || tick.downLinks.contains(l.id);
        samples.append(m_loadModel.linkSample(l, *a, *b, tick.tsMs, tick.congestedLinks.contains(l.id), down,
                                               tick.addedLatencyMs.value(l.id)));
    }
    return samples;
}

const Simulator::TickJson &Simulator::tickJson(const QString &scope, const TickRecord &tick)
{
    for (const auto &cached : m_jsonCache) {
        if (cached.seq == tick.seq && cached.scope == scope)
            return cached;
    }
    TickJson json{scope, tick.seq, {}, {}};
    for (const auto &s : nodeSamples(tick, m_scenario.directory(scope))) {
        if (!json.nodes.isEmpty())
            json.nodes += ',';
        json.nodes += protocol::toBody(protocol::toJson(s));
    }
    for (const auto &s : linkSamples(tick, m_scenario.linksAmong(scope))) {
        if (!json.links.isEmpty())
            json.links += ',';
        json.links += protocol::toBody(protocol::toJson(s));
    }
    if (m_jsonCache.size() >= kJsonCacheSize)
        m_jsonCache.removeFirst();
    m_jsonCache.append(std::move(json));
    return m_jsonCache.last();
}

Simulator::TickCompact &Simulator::tickCompact(const QString &scope, const TickRecord &tick)
{
    for (auto &cached : m_compactCache) {
        if (cached.seq == tick.seq && cached.scope == scope)
            return cached;
    }
    TickCompact compact{scope, tick.seq, {}, 0, {}, {}};
    compact.state.tsMs = tick.tsMs;
    const QList<int> &directory = m_scenario.directory(scope);
    compact.state.nodes.resize(directory.size());
    for (qsizetype i = 0; i < directory.size(); ++i) {
        const Node &n = m_scenario.nodes()[directory[i]];
        if (tick.downNodes.contains(n.id))
            continue; // a down node has no sample for this tick
        compact.state.nodes[i] =
            protocol::compact(m_loadModel.nodeSample(n, tick.tsMs, tick.usage.value(n.id)));
        ++compact.samples;
    }
    for (const LinkSample &s : linkSamples(tick, m_scenario.linksAmong(scope)))
        compact.state.links.append(protocol::compact(s));
    compact.samples += compact.state.links.size();
    if (m_compactCache.size() >= kCompactCacheSize)
        m_compactCache.removeFirst();
    m_compactCache.append(std::move(compact));
    return m_compactCache.last();
}

QByteArray Simulator::metricsBody(const QString &scopeNodeId, const QString &cursor, int limit,
                                  qsizetype maxBytes, Encoding encoding, bool delta)
{
    const MetricsHistory::Slice slice = m_history.since(cursor, limit);
    return encoding == Encoding::Compact ? compactMetricsBody(scopeNodeId, cursor, slice, maxBytes, delta)
                                         : jsonMetricsBody(scopeNodeId, slice, maxBytes);
}

QByteArray Simulator::compactMetricsBody(const QString &scope, const QString &cursor,
                                         const MetricsHistory::Slice &slice, qsizetype maxBytes, bool delta)
{
    // A delta needs the tick the client holds; without it (or after a reset) the answer starts
    // with a keyframe.
    bool ok = false;
    const TickRecord *held = delta && !slice.reset ? m_history.find(cursor.toLongLong(&ok)) : nullptr;
    const QString base = held && ok ? cursor : QString();
    QList<QByteArray> ticks;
    qsizetype bytes = 0;
    qsizetype samples = 0;
    QString lastCursor = slice.cursor;
    const auto keyframeOf = [&](const TickRecord &tick) {
        TickCompact &c = tickCompact(scope, tick);
        if (c.keyframe.isEmpty())
            c.keyframe = protocol::encodeTick(c.state, nullptr);
        return c.keyframe;
    };
    const auto deltaOf = [&](const TickRecord &tick) {
        if (const TickCompact &c = tickCompact(scope, tick); !c.delta.isEmpty())
            return c.delta;
        // The tick before is built first: building it may push this one out of the cache.
        const TickRecord *before = m_history.find(tick.seq - 1);
        const protocol::CompactTick previous =
            before ? tickCompact(scope, *before).state : protocol::CompactTick{};
        TickCompact &c = tickCompact(scope, tick);
        c.delta = protocol::encodeTick(c.state, before ? &previous : nullptr);
        return c.delta;
    };
    for (const auto &tick : slice.ticks) {
        const bool first = ticks.isEmpty();
        const qsizetype tickSamples = tickCompact(scope, tick).samples;
        QByteArray encoded = first && base.isEmpty() ? keyframeOf(tick) : deltaOf(tick);
        if (!first &&
            (bytes + encoded.size() > maxBytes || samples + tickSamples > protocol::kMaxDecodedSamples))
            break; // cut: the client asks again from lastCursor
        bytes += encoded.size();
        samples += tickSamples;
        ticks.append(std::move(encoded));
        lastCursor = QString::number(tick.seq);
    }
    MetricsBatch envelope;
    envelope.cursor = lastCursor;
    envelope.serverTimeMs = m_clock.nowMs();
    envelope.intervalMs = m_config.intervalMs;
    envelope.reset = slice.reset;
    return protocol::encodeMetrics(envelope, base, ticks);
}

QByteArray Simulator::jsonMetricsBody(const QString &scopeNodeId, const MetricsHistory::Slice &slice,
                                      qsizetype maxBytes)
{
    QByteArray nodes;
    QByteArray links;
    QString lastCursor = slice.cursor;
    int included = 0;
    for (const auto &tick : slice.ticks) {
        const TickJson &json = tickJson(scopeNodeId, tick);
        if (included > 0 && nodes.size() + links.size() + json.nodes.size() + json.links.size() > maxBytes)
            break; // cut: the client asks again from lastCursor
        if (!nodes.isEmpty() && !json.nodes.isEmpty())
            nodes += ',';
        nodes += json.nodes;
        if (!links.isEmpty() && !json.links.isEmpty())
            links += ',';
        links += json.links;
        lastCursor = QString::number(tick.seq);
        ++included;
    }
    // The envelope comes from the protocol writer so its shape matches the parser; the sample
    // arrays, serialized once per tick, are spliced into its empty arrays.
    MetricsBatch envelope;
    envelope.cursor = lastCursor;
    envelope.serverTimeMs = m_clock.nowMs();
    envelope.intervalMs = m_config.intervalMs;
    envelope.reset = slice.reset;
    QByteArray body = protocol::toBody(protocol::toJson(envelope));
    body.replace(QByteArrayLiteral("\"nodes\":[]"), QByteArrayLiteral("\"nodes\":[") + nodes + ']');
    body.replace(QByteArrayLiteral("\"links\":[]"), QByteArrayLiteral("\"links\":[") + links + ']');
    return body;
}

} // namespace cpn::sim
