#include "charts/chartdatahub.h"

#include "cache/metricnames.h"

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

ChartDataHub::ChartDataHub(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kUpdateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChartDataHub::onTimer);
}

ChartDataHub::~ChartDataHub() = default;

void ChartDataHub::subscribe(const SeriesKey &key, qsizetype capacity)
{
    Entry &entry = m_entries[key];
    ++entry.refs;
    if (!entry.store)
        entry.store = std::make_shared<SampleStore>(capacity);
    else if (entry.store->capacity() < capacity)
        entry.store->growCapacity(capacity); // in place: feeders hold the pointer
    if (key.kind == SeriesKey::Kind::Region)
        m_hasRegionKeys = true;
}

void ChartDataHub::unsubscribe(const SeriesKey &key)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    if (--it->refs <= 0)
        m_entries.erase(it);
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
    for (const Node &n : std::as_const(m_nodeList)) {
        for (const QString &metric : {QStringLiteral("cpu"), sparklineAccelMetric()}) {
            const SeriesKey key{SeriesKey::Kind::Node, n.id, metric};
            if (!m_entries.contains(key))
                subscribe(key, kSparklineCapacity);
        }
    }
}

const Node *ChartDataHub::node(const QString &id) const
{
    const qsizetype i = m_nodeIndex.value(id, -1);
    return i < 0 ? nullptr : &m_nodeList.at(i);
}

const Link *ChartDataHub::link(const QString &id) const
{
    const qsizetype i = m_linkIndex.value(id, -1);
    return i < 0 ? nullptr : &m_linkList.at(i);
}

void ChartDataHub::setDirectory(const QList<Node> &nodes, const QList<Link> &links)
{
    m_nodeList = nodes;
    m_linkList = links;
    m_nodeIndex.clear();
    m_linkIndex.clear();
    for (qsizetype i = 0; i < nodes.size(); ++i)
        m_nodeIndex.insert(nodes.at(i).id, i);
    for (qsizetype i = 0; i < links.size(); ++i)
        m_linkIndex.insert(links.at(i).id, i);
    if (m_sparklines)
        ensureSparklineStores();
    Q_EMIT directoryChanged();
}

void ChartDataHub::append(const SeriesKey &key, qint64 tsMs, double value)
{
    auto it = m_entries.find(key);
    if (it != m_entries.end())
        it->store->append(tsMs, value);
}

void ChartDataHub::ingest(const MetricsBatch &batch)
{
    using Kind = SeriesKey::Kind;
    if (batch.intervalMs > 0)
        m_samplingIntervalMs = batch.intervalMs;
    struct Totals
    {
        double cpu = 0, accel = 0, memory = 0, power = 0;
        int n = 0, accelN = 0;
    };
    QHash<QString, Totals> regions; // "" = national
    for (const NodeSample &s : batch.nodes) {
        double accelSum = 0;
        for (auto a = s.acceleratorUtil.cbegin(); a != s.acceleratorUtil.cend(); ++a) {
            append({Kind::Node, s.nodeId, cache::metrics::acceleratorMetric(a.key())}, s.tsMs,
                   a.value() * 100);
            accelSum += a.value();
        }
        const double accelMean =
            s.acceleratorUtil.isEmpty() ? 0 : accelSum / double(s.acceleratorUtil.size());
        append({Kind::Node, s.nodeId, QStringLiteral("cpu")}, s.tsMs, s.cpuUtil * 100);
        append({Kind::Node, s.nodeId, QStringLiteral("memory")}, s.tsMs, s.memoryUtil * 100);
        append({Kind::Node, s.nodeId, QStringLiteral("storage")}, s.tsMs, s.storageUtil * 100);
        append({Kind::Node, s.nodeId, QStringLiteral("power_kw")}, s.tsMs, s.powerKw);
        if (!s.acceleratorUtil.isEmpty())
            append({Kind::Node, s.nodeId, sparklineAccelMetric()}, s.tsMs, accelMean * 100);
        if (!m_hasRegionKeys)
            continue;
        const Node *n = node(s.nodeId);
        QStringList targets{QString()};
        if (n && !n->province.isEmpty())
            targets << n->province;
        for (const QString &region : std::as_const(targets)) {
            Totals &t = regions[region];
            t.cpu += s.cpuUtil;
            t.memory += s.memoryUtil;
            t.power += s.powerKw;
            ++t.n;
            if (!s.acceleratorUtil.isEmpty()) {
                t.accel += accelMean;
                ++t.accelN;
            }
        }
    }
    const qint64 ts = batch.serverTimeMs > 0 ? batch.serverTimeMs
                                             : (batch.nodes.isEmpty() ? 0 : batch.nodes.constLast().tsMs);
    for (auto r = regions.cbegin(); r != regions.cend(); ++r) {
        const Totals &t = r.value();
        if (t.n == 0)
            continue;
        append({Kind::Region, r.key(), regionmetrics::cpu()}, ts, 100 * t.cpu / t.n);
        append({Kind::Region, r.key(), regionmetrics::memory()}, ts, 100 * t.memory / t.n);
        append({Kind::Region, r.key(), regionmetrics::powerKw()}, ts, t.power);
        if (t.accelN > 0)
            append({Kind::Region, r.key(), regionmetrics::accelerators()}, ts, 100 * t.accel / t.accelN);
    }
    for (const LinkSample &s : batch.links) {
        append({Kind::Link, s.linkId, QStringLiteral("ab_gbps")}, s.tsMs, s.abGbps);
        append({Kind::Link, s.linkId, QStringLiteral("ba_gbps")}, s.tsMs, s.baGbps);
        append({Kind::Link, s.linkId, QStringLiteral("latency_ms")}, s.tsMs, s.latencyMs);
        append({Kind::Link, s.linkId, QStringLiteral("loss_pct")}, s.tsMs, s.lossPct);
    }
    scheduleUpdate();
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
