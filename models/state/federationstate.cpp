#include "state/federationstate.h"

#include "domain/clock.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <limits>
#include <vector>

namespace cpn {

namespace {

// Freeing the replaced samples (each with its own map of accelerator loads) was about half of
// applying them on the UI thread at 2,000 nodes (perf: setSample 9.0 % -> 4.5 % of its samples once
// a pool thread frees them).
void releaseOnPool(QList<NodeSample> &&samples)
{
    if (!samples.isEmpty())
        QThreadPool::globalInstance()->start([released = std::move(samples)]() mutable { released.clear(); });
}

} // namespace

FederationState::FederationState(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock) {}

void FederationState::setRootDirectory(const QString &rootId, const QList<Node> &nodes,
                                       const QList<Link> &links, qsizetype position)
{
    auto it =
        std::find_if(m_roots.begin(), m_roots.end(), [&rootId](const Root &r) { return r.id == rootId; });
    if (it != m_roots.end()) {
        it->nodes = nodes;
        it->links = links;
    } else {
        if (position < 0 || position > m_roots.size())
            position = m_roots.size();
        m_roots.insert(position, Root{rootId, nodes, links, {}});
    }
    applyDirectory();
}

void FederationState::removeRoot(const QString &rootId)
{
    const auto removed = m_roots.removeIf([&rootId](const Root &r) { return r.id == rootId; });
    if (removed > 0)
        applyDirectory();
}

void FederationState::setDirectory(const QList<Node> &nodes, const QList<Link> &links,
                                   const QHash<QString, qint64> &listedSinceMs)
{
    m_roots = {Root{QString(), nodes, links, listedSinceMs}};
    applyDirectory();
}

void FederationState::clear()
{
    m_roots.clear();
    m_linkSamples.clear();
    m_newestTickMs = 0;
    m_totals = {};
    applyDirectory();
}

const Node *FederationState::node(const QString &nodeId) const
{
    const int row = rowOf(nodeId);
    return row < 0 ? nullptr : &m_entries.at(row).node;
}

QList<Node> FederationState::nodes() const
{
    QList<Node> nodes;
    nodes.reserve(m_entries.size());
    for (const NodeEntry &entry : m_entries)
        nodes.append(entry.node);
    return nodes;
}

const Link *FederationState::link(const QString &linkId) const
{
    const auto it = m_linkById.constFind(linkId);
    return it == m_linkById.constEnd() ? nullptr : &m_links.at(*it);
}

void FederationState::applyDirectory()
{
    // Every root's nodes and links together, in root order; the first root listing an id wins.
    QList<Node> nodes;
    QList<const Root *> rootOfNode;
    QList<Link> links;
    QSet<QString> nodeIds;
    QSet<QString> linkIds;
    for (const Root &root : std::as_const(m_roots)) {
        for (const Node &node : root.nodes) {
            if (!nodeIds.contains(node.id)) {
                nodeIds.insert(node.id);
                nodes.append(node);
                rootOfNode.append(&root);
            }
        }
        for (const Link &link : root.links) {
            if (!linkIds.contains(link.id)) {
                linkIds.insert(link.id);
                links.append(link);
            }
        }
    }
    const bool rowsChange = nodes.size() != m_entries.size() ||
                            !std::equal(nodes.cbegin(), nodes.cend(), m_entries.cbegin(),
                                        [](const Node &n, const NodeEntry &e) { return n.id == e.node.id; });
    Q_EMIT directoryAboutToChange(rowsChange);

    const qint64 now = m_clock.nowMs();
    QList<std::pair<QString, DisplayStatus>> before;
    QList<NodeEntry> entries;
    entries.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const Node &node = nodes.at(i);
        const Root &root = *rootOfNode.at(i);
        NodeEntry entry;
        entry.rootId = root.id;
        entry.listedSinceMs = now;
        if (const int old = rowOf(node.id); old >= 0) {
            entry.sample = m_entries.at(old).sample;
            // Listed as it is since then: a changed entry (a new status) is the directory's word now.
            if (m_entries.at(old).node == node)
                entry.listedSinceMs = m_entries.at(old).listedSinceMs;
            before.append({node.id, m_entries.at(old).status});
        }
        entry.listedSinceMs = root.listedSinceMs.value(node.id, entry.listedSinceMs);
        entry.setNode(node);
        entry.status = statusOf(entry);
        entries.append(std::move(entry));
    }
    m_entries = std::move(entries);
    m_rowById.clear();
    m_rowById.reserve(m_entries.size());
    for (int i = 0; i < m_entries.size(); ++i)
        m_rowById.insert(m_entries.at(i).node.id, i);

    // Each link keeps its newest sample under its new row.
    LinkSamplesByRow linkSamples(links.size());
    for (int i = 0; i < links.size(); ++i) {
        if (const int old = linkRowOf(links.at(i).id); old >= 0 && old < m_linkSamples.size())
            linkSamples[i] = m_linkSamples.at(old);
    }
    m_linkSamples = std::move(linkSamples);
    m_links = std::move(links);
    m_linkById.clear();
    m_linkEnds.clear();
    m_linkEnds.reserve(m_links.size());
    for (int i = 0; i < m_links.size(); ++i) {
        m_linkById.insert(m_links.at(i).id, i);
        m_linkEnds.append({rowOf(m_links.at(i).a), rowOf(m_links.at(i).b)});
    }
    m_totalsLayout = TotalsLayout::of(m_entries, m_rowById);
    m_sampleNodeIds.clear();
    m_sampleLinkIds.clear();
    ++m_directoryRevision;

    m_currentLinkSamples.reset();
    if (m_newestTickMs > 0)
        m_totals = FederationTotals::compute(m_entries, m_totalsLayout, m_newestTickMs, m_rule);
    Q_EMIT directoryChanged(rowsChange);
    for (const auto &[id, old] : before) {
        const DisplayStatus now = m_entries.at(rowOf(id)).status;
        if (now != old)
            Q_EMIT nodeStatusChanged(id, old, now);
    }
}

Freshness FederationState::freshnessOf(const NodeEntry &entry) const
{
    if (entry.sample)
        return m_rule.of(m_clock.nowMs() - entry.sample->tsMs);
    // A node that never reported is aged from its listing; a recording has no first sample on its way.
    const Freshness listed = m_rule.of(m_clock.nowMs() - entry.listedSinceMs);
    return m_feed == Feed::Recording && listed == Freshness::Fresh ? Freshness::Stale : listed;
}

DisplayStatus FederationState::statusOf(const NodeEntry &entry) const
{
    // The newer word on the node's status: its newest sample, or the directory listing it as it is
    // since later (a node that went down after its last sample is listed offline).
    const bool directoryIsNewer = !entry.sample || entry.listedSinceMs > entry.sample->tsMs;
    const DisplayStatus reported =
        toDisplayStatus(directoryIsNewer ? entry.node.status : entry.sample->status);
    // Offline and maintenance are already "not live"; only a claim of being up can go stale.
    if (reported != DisplayStatus::Online && reported != DisplayStatus::Degraded)
        return reported;
    switch (freshnessOf(entry)) {
    case Freshness::NotReporting:
        return DisplayStatus::Offline;
    case Freshness::Stale:
        return DisplayStatus::Stale;
    case Freshness::Fresh:
        break;
    }
    return reported;
}

void FederationState::ingestSamples(const QList<NodeSample> &nodes, const QList<LinkSample> &links)
{
    MetricsBatch batch;
    batch.intervalMs = m_rule.intervalMs;
    batch.nodes = nodes;
    batch.links = links;
    ingest(batch);
}

void FederationState::ingest(const MetricsBatch &batch)
{
    if (batch.intervalMs > 0)
        setIntervalMs(batch.intervalMs);
    // Tick by tick, in time order, whatever order the samples came in; samples of nodes and links
    // the directory does not list make no tick.
    QMap<qint64, std::pair<QList<RowSample>, QList<LinkRowSample>>> ticks;
    int row = -1;
    for (const NodeSample &sample : batch.nodes) {
        if ((row = rowOfSample(sample.nodeId, row + 1)) < 0)
            continue;
        QList<RowSample> &tick = ticks[sample.tsMs].first;
        if (tick.isEmpty())
            tick.reserve(batch.nodes.size()); // a batch is mostly one tick
        tick.append({row, &sample});
    }
    row = -1;
    for (const LinkSample &sample : batch.links) {
        if ((row = linkRowOfSample(sample.linkId, row + 1)) < 0)
            continue;
        QList<LinkRowSample> &tick = ticks[sample.tsMs].second;
        if (tick.isEmpty())
            tick.reserve(batch.links.size());
        tick.append({row, &sample});
    }

    QList<int> changedRows;
    changedRows.reserve(batch.nodes.size());
    QList<NodeSample> replaced;
    replaced.reserve(batch.nodes.size());
    StatusesBefore before;
    before.kept.resize(size_t(m_entries.size()));
    bool linksChanged = false;
    int skipped = 0;
    QElapsedTimer applying;
    applying.start();
    for (auto tick = ticks.cbegin(); tick != ticks.cend(); ++tick) {
        applyTick(tick->first, tick->second, changedRows, replaced, before);
        linksChanged = linksChanged || !tick->second.isEmpty();
        // A tick older than the one shown is history: it is recorded, but the present stays.
        if (tick.key() < m_newestTickMs)
            continue;
        m_newestTickMs = tick.key();
        // Past the budget, only the newest tick's totals are worth the time.
        if (std::next(tick) != ticks.cend() && applying.elapsed() >= m_catchUpBudgetMs) {
            ++skipped;
            continue;
        }
        m_totals = FederationTotals::compute(m_entries, m_totalsLayout, tick.key(), m_rule);
        Q_EMIT tickComputed(m_totals);
    }
    if (skipped > 0) {
        m_ticksSkipped += skipped;
        Q_EMIT ticksSkipped(skipped, m_ticksSkipped, m_newestTickMs);
    }
    releaseOnPool(std::move(replaced));
    std::sort(changedRows.begin(), changedRows.end());
    changedRows.erase(std::unique(changedRows.begin(), changedRows.end()), changedRows.end());
    m_currentLinkSamples.reset();
    if (!changedRows.isEmpty())
        Q_EMIT nodesUpdated(changedRows);
    if (linksChanged)
        Q_EMIT linkSamplesUpdated();
    Q_EMIT batchIngested(batch);
    for (const auto &[row, old] : before.statuses) {
        const NodeEntry &entry = m_entries.at(row);
        // A node may move twice within one batch (A -> B -> A); only net changes are reported.
        if (entry.status != old)
            Q_EMIT nodeStatusChanged(entry.node.id, old, entry.status);
    }
    // The nodes without a sample in it aged too (those with one were judged as it was applied): the
    // views show both in one repaint.
    refreshStatuses(&before.kept);
    m_refreshedWithBatchAtMs = m_clock.nowMs();
}

namespace {

// A row by its id: `guess` first, by the id instance its last sample carried (a decoder keeps its ids
// from tick to tick, and comparing a string with itself costs no character), then by the listed id,
// then through the index.
template <typename IdAt, typename Lookup>
int rowOfId(const QString &id, int guess, QStringList &seen, qsizetype rows, IdAt idAt, Lookup lookup)
{
    if (seen.size() != rows)
        seen = QStringList(rows);
    if (guess >= 0 && guess < rows) {
        if (seen.at(guess) == id)
            return guess;
        if (idAt(guess) == id) {
            seen[guess] = id;
            return guess;
        }
    }
    const int row = lookup(id);
    if (row >= 0 && row < rows)
        seen[row] = id;
    return row;
}

} // namespace

int FederationState::rowOfSample(const QString &nodeId, int guess) const
{
    return rowOfId(
        nodeId, guess, m_sampleNodeIds, m_entries.size(), [this](int row) -> const QString & {
            return m_entries.at(row).node.id;
        },
        [this](const QString &id) { return rowOf(id); });
}

int FederationState::linkRowOfSample(const QString &linkId, int guess) const
{
    return rowOfId(
        linkId, guess, m_sampleLinkIds, m_links.size(),
        [this](int row) -> const QString & { return m_links.at(row).id; },
        [this](const QString &id) { return linkRowOf(id); });
}

void FederationState::applyTick(const QList<RowSample> &nodes, const QList<LinkRowSample> &links,
                                QList<int> &changedRows,
                                QList<NodeSample> &replaced, StatusesBefore &before)
{
    for (const auto &[row, sample] : nodes) {
        NodeEntry &entry = m_entries[row];
        if (entry.sample && entry.sample->tsMs > sample->tsMs)
            continue; // a late sample never replaces a newer one
        if (entry.sample)
            replaced.append(std::move(*entry.sample));
        entry.setSample(*sample);
        before.keep(row, entry.status);
        entry.status = statusOf(entry);
        changedRows.append(row);
    }
    for (const auto &[row, sample] : links) {
        std::optional<LinkSample> &newest = m_linkSamples[row];
        if (!newest || sample->tsMs >= newest->tsMs)
            newest = *sample;
    }
}

const LinkSamplesByRow &FederationState::currentLinkSamples() const
{
    if (!m_currentLinkSamples) {
        LinkSamplesByRow current = computeCurrentLinkSamples();
        // The same as before: readers keep the shared copy and can tell nothing moved.
        m_currentLinkSamples = current == m_previousLinkSamples ? m_previousLinkSamples : std::move(current);
        m_previousLinkSamples = *m_currentLinkSamples;
    }
    return *m_currentLinkSamples;
}

const LinkSample *FederationState::currentLinkSample(const QString &linkId) const
{
    const int row = linkRowOf(linkId);
    const LinkSamplesByRow &current = currentLinkSamples();
    return row >= 0 && current.at(row) ? &*current.at(row) : nullptr;
}

LinkSamplesByRow FederationState::computeCurrentLinkSamples() const
{
    const qint64 now = m_clock.nowMs();
    std::vector<char> reporting(size_t(m_entries.size()));
    for (qsizetype row = 0; row < m_entries.size(); ++row)
        reporting[size_t(row)] = freshnessAt(row) != Freshness::NotReporting;
    const auto ends = [&reporting](int row) { return row >= 0 && reporting[size_t(row)]; };
    // What a node's freshness is aged from.
    const auto reportedAt = [this](int row) {
        const NodeEntry &entry = m_entries.at(row);
        return entry.sample ? entry.sample->tsMs : entry.listedSinceMs;
    };
    LinkSamplesByRow current(m_links.size());
    m_linksComputedAtMs = now;
    m_linksValidUntilMs = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < m_links.size(); ++i) {
        const std::optional<LinkSample> &sample = m_linkSamples.at(i);
        const auto [a, b] = m_linkEnds.at(i);
        // An unknown load is not shown as the last one known.
        if (!sample || m_rule.of(now - sample->tsMs) == Freshness::NotReporting || !ends(a) || !ends(b))
            continue;
        current[i] = sample;
        // Time alone only takes links out, once the oldest of the three stops reporting.
        const qint64 oldest = std::min({sample->tsMs, reportedAt(a), reportedAt(b)});
        m_linksValidUntilMs = std::min(m_linksValidUntilMs, oldest + m_rule.notReportingAfterMs);
    }
    return current;
}

void FederationState::setIntervalMs(int intervalMs)
{
    if (m_rule.intervalMs != std::max(1, intervalMs))
        m_currentLinkSamples.reset();
    m_rule.intervalMs = std::max(1, intervalMs);
}

void FederationState::setNotReportingAfterMs(qint64 ms)
{
    m_rule.notReportingAfterMs = std::max<qint64>(ms, m_rule.staleAfterMs());
    m_currentLinkSamples.reset();
}

qint64 FederationState::ageMsAt(qsizetype row) const
{
    const NodeEntry &entry = m_entries.at(row);
    return entry.sample ? std::max<qint64>(0, m_clock.nowMs() - entry.sample->tsMs) : -1;
}

Freshness FederationState::freshnessAt(qsizetype row) const
{
    return freshnessOf(m_entries.at(row));
}

void FederationState::refresh()
{
    refreshStatuses(nullptr);
}

void FederationState::refreshStatuses(const std::vector<char> *current)
{
    // Ages moved on: the current links change once one of them stops reporting (or the clock went back).
    const qint64 now = m_clock.nowMs();
    if (now < m_linksComputedAtMs || now > m_linksValidUntilMs)
        m_currentLinkSamples.reset();
    QList<int> rows;
    QList<std::pair<int, DisplayStatus>> transitions;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (current && (*current)[size_t(i)])
            continue;
        NodeEntry &entry = m_entries[i];
        const DisplayStatus status = statusOf(entry);
        if (status != entry.status) {
            transitions.append({i, entry.status});
            entry.status = status;
            rows.append(i);
        }
    }
    Q_EMIT refreshed(rows);
    for (const auto &[row, old] : transitions)
        Q_EMIT nodeStatusChanged(m_entries.at(row).node.id, old, m_entries.at(row).status);
}

} // namespace cpn
