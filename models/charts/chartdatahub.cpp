#include "charts/chartdatahub.h"

#include "domain/metricnames.h"
#include "state/federationstate.h"

#include <algorithm>

namespace cpn::charts {

MetricUnit unitOf(SeriesKey::Kind kind, const QString &metric)
{
    const QString percent = QStringLiteral("%");
    if (kind == SeriesKey::Kind::Link) {
        if (metric == QLatin1String("ab_gbps") || metric == QLatin1String("ba_gbps"))
            return {QStringLiteral("Gbit/s"), 1};
        if (metric == QLatin1String("latency_ms"))
            return {QStringLiteral("ms"), 1};
        if (metric == QLatin1String("loss_pct"))
            return {percent, 1};
        return {QString(), 1};
    }
    if (metric == QLatin1String("power_kw"))
        return {QStringLiteral("kW"), 1};
    if (metric == QLatin1String("cpu") || metric == QLatin1String("memory") ||
        metric == QLatin1String("storage") || metric.startsWith(QLatin1String("accel")))
        return {percent, 100};
    return {QString(), 1};
}

ChartDataHub::ChartDataHub(const FederationState *state, QObject *parent) : QObject(parent), m_state(state)
{
    Q_ASSERT(state);
    connect(state, &FederationState::batchIngested, this, &ChartDataHub::ingest);
    connect(state, &FederationState::tickComputed, this, &ChartDataHub::appendTotals);
    connect(state, &FederationState::directoryChanged, this, &ChartDataHub::onDirectoryChanged);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kUpdateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChartDataHub::onTimer);
}

ChartDataHub::~ChartDataHub() = default;

void ChartDataHub::subscribe(const SeriesKey &key, qsizetype capacity)
{
    Entry &entry = m_entries[key];
    ++entry.refs;
    if (!entry.store) {
        entry.store = std::make_shared<SampleStore>(capacity);
        storesOf(key.kind)[key.entity].append({key.metric, entry.store.get()});
        m_rowsStale = true;
    } else if (entry.store->capacity() < capacity)
        entry.store->growCapacity(capacity); // in place: feeders hold the pointer
}

void ChartDataHub::unsubscribe(const SeriesKey &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    if (--it->refs > 0)
        return;
    const SampleStore *store = it->store.get();
    QHash<QString, EntityStores> &stores = storesOf(key.kind);
    if (const auto entity = stores.find(key.entity); entity != stores.end()) {
        entity->removeIf([store](const auto &metricStore) { return metricStore.second == store; });
        if (entity->isEmpty())
            stores.erase(entity);
    }
    m_entries.erase(it);
    m_rowsStale = true;
}

void ChartDataHub::layOutRows()
{
    if (!m_rowsStale && m_rowsRevision == m_state->directoryRevision())
        return;
    m_nodeStoresByRow.clear();
    m_nodeStoresByRow.reserve(m_state->nodeCount());
    for (const NodeEntry &entry : m_state->entries())
        m_nodeStoresByRow.append(m_nodeStores.value(entry.node.id));
    m_linkStoresByRow.clear();
    m_linkStoresByRow.reserve(m_state->links().size());
    for (const Link &link : m_state->links())
        m_linkStoresByRow.append(m_linkStores.value(link.id));
    m_rowsStale = false;
    m_rowsRevision = m_state->directoryRevision();
}

QHash<QString, ChartDataHub::EntityStores> &ChartDataHub::storesOf(SeriesKey::Kind kind)
{
    switch (kind) {
    case SeriesKey::Kind::Node:
        return m_nodeStores;
    case SeriesKey::Kind::Link:
        return m_linkStores;
    case SeriesKey::Kind::Region:
        break;
    }
    return m_regionStores;
}

const SampleStore *ChartDataHub::store(const SeriesKey &key) const
{
    auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? nullptr : it->store.get();
}

void ChartDataHub::setSparklinesEnabled(bool on)
{
    if (m_sparklines == on)
        return;
    m_sparklines = on;
    if (on)
        ensureSparklineStores();
}

void ChartDataHub::ensureSparklineStores()
{
    for (const NodeEntry &entry : m_state->entries()) {
        const Node &n = entry.node;
        for (const QString &metric : {QStringLiteral("cpu"), sparklineAccelMetric()}) {
            const SeriesKey key{SeriesKey::Kind::Node, n.id, metric};
            if (!m_entries.contains(key))
                subscribe(key, kSparklineCapacity);
        }
    }
}

const Node *ChartDataHub::node(const QString &id) const
{
    return m_state->node(id);
}

const Link *ChartDataHub::link(const QString &id) const
{
    return m_state->link(id);
}

qint64 ChartDataHub::samplingIntervalMs() const
{
    return m_state->intervalMs();
}

bool ChartDataHub::hasDirectory() const
{
    return m_state->nodeCount() > 0 || !m_state->links().isEmpty();
}

void ChartDataHub::onDirectoryChanged()
{
    if (m_sparklines)
        ensureSparklineStores();
    Q_EMIT directoryChanged();
}

void ChartDataHub::append(const EntityStores &stores, const QString &metric, qint64 tsMs, double value)
{
    for (const auto &[name, store] : stores) {
        if (name == metric)
            store->append(tsMs, value);
    }
}

void ChartDataHub::ingest(const MetricsBatch &batch)
{
    const QString cpu = QStringLiteral("cpu");
    const QString memory = QStringLiteral("memory");
    const QString storage = QStringLiteral("storage");
    const QString power = QStringLiteral("power_kw");
    const QString accel = sparklineAccelMetric();
    layOutRows();
    int row = -1;
    for (const NodeSample &s : batch.nodes) {
        row = m_state->rowOfSample(s.nodeId, row + 1);
        // A node the directory does not list (yet) is charted all the same.
        const EntityStores &stores = row >= 0 ? m_nodeStoresByRow.at(row) : m_nodeStores.value(s.nodeId);
        if (stores.isEmpty())
            continue;
        // Each subscribed series takes its value (a node has one or two: the sparklines).
        for (const auto &[metric, store] : stores) {
            double value = 0;
            QString model;
            if (metric == cpu) {
                value = s.cpuUtil * 100;
            } else if (metric == accel) {
                if (s.acceleratorUtil.isEmpty())
                    continue;
                for (const double util : s.acceleratorUtil)
                    value += util;
                value = 100 * value / double(s.acceleratorUtil.size());
            } else if (metric == memory) {
                value = s.memoryUtil * 100;
            } else if (metric == storage) {
                value = s.storageUtil * 100;
            } else if (metric == power) {
                value = s.powerKw;
            } else if (metrics::isAcceleratorMetric(metric, &model)) {
                const auto util = s.acceleratorUtil.constFind(model);
                if (util == s.acceleratorUtil.cend())
                    continue;
                value = *util * 100;
            } else {
                continue;
            }
            store->append(s.tsMs, value);
        }
    }
    const QString ab = QStringLiteral("ab_gbps");
    const QString ba = QStringLiteral("ba_gbps");
    const QString latency = QStringLiteral("latency_ms");
    const QString loss = QStringLiteral("loss_pct");
    row = -1;
    for (const LinkSample &s : batch.links) {
        row = m_state->linkRowOfSample(s.linkId, row + 1);
        const EntityStores &stores = row >= 0 ? m_linkStoresByRow.at(row) : m_linkStores.value(s.linkId);
        if (stores.isEmpty())
            continue;
        append(stores, ab, s.tsMs, s.abGbps);
        append(stores, ba, s.tsMs, s.baGbps);
        append(stores, latency, s.tsMs, s.latencyMs);
        append(stores, loss, s.tsMs, s.lossPct);
    }
    scheduleUpdate();
}

void ChartDataHub::appendTotals(const FederationTotals &totals)
{
    const auto appendRegion = [this, &totals](const QString &region, const RegionTotals &t) {
        const auto entity = m_regionStores.constFind(region);
        if (t.reporting == 0 || entity == m_regionStores.constEnd())
            return; // nothing reported: a gap, not a zero
        append(*entity, regionmetrics::cpu(), totals.tsMs, 100 * t.cpuUtil);
        append(*entity, regionmetrics::memory(), totals.tsMs, 100 * t.memoryUtil);
        append(*entity, regionmetrics::powerKw(), totals.tsMs, t.powerKw);
        if (t.acceleratorsReporting > 0)
            append(*entity, regionmetrics::accelerators(), totals.tsMs, 100 * t.acceleratorUtil());
    };
    appendRegion(QString(), totals.national);
    for (auto it = totals.byProvince.cbegin(); it != totals.byProvince.cend(); ++it)
        appendRegion(it.key(), it.value());
    for (auto it = totals.bySubtree.cbegin(); it != totals.bySubtree.cend(); ++it)
        appendRegion(metrics::subtreeRegion(it.key()), it.value());
    // No update of its own: the batch whose tick this is comes next (batchIngested) and updates once.
}

void ChartDataHub::setUpdateInterval(int ms)
{
    m_timer.setInterval(ms);
}

void ChartDataHub::scheduleUpdate()
{
    if (m_timer.interval() <= 0) {
        Q_EMIT updated();
        return;
    }
    // Leading edge: the first batch after a quiet second shows at once; later ones within the
    // second are folded into one trailing update.
    if (m_timer.isActive()) {
        m_pending = true;
        return;
    }
    m_timer.start();
    Q_EMIT updated();
}

void ChartDataHub::onTimer()
{
    if (!m_pending)
        return;
    m_pending = false;
    m_timer.start();
    Q_EMIT updated();
}

} // namespace cpn::charts
