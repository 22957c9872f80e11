#pragma once

#include "domain/link.h"
#include "domain/metrics.h"
#include "state/federationtotals.h"
#include "state/freshness.h"
#include "state/nodeentry.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace cpn {

class Clock;

// The one owner of what the console knows about the federation now: the merged directory of every
// root, the newest sample of each node and link, each node's freshness and the totals, computed once
// per tick. The node table, the map, the overview, the charts and planning read it; the live console
// feeds one instance from its federation clients, an offline review its own from the recording.
//
// Merge rule: the newest sample by sample time wins, and a late sample never replaces a newer one.
// A batch that carries several ticks (after a slow answer) is applied tick by tick, and each tick's
// totals are computed from the nodes' samples at that tick, never by adding up several ticks.
class FederationState : public QObject
{
    Q_OBJECT

public:
    explicit FederationState(const Clock &clock, QObject *parent = nullptr);

    // --- directory ---
    // A root's nodes and links; roots merge in order, a node or link listed by two is the first one's.
    // position: where a new root goes among the roots (-1: last); an existing root keeps its place.
    void setRootDirectory(const QString &rootId, const QList<Node> &nodes, const QList<Link> &links,
                          qsizetype position = -1);
    void removeRoot(const QString &rootId);
    // One directory replacing every root's (a recording, tests). listedSinceMs: when each node was
    // listed, by id (a recording knows it); a node missing there is listed from now, as live.
    void setDirectory(const QList<Node> &nodes, const QList<Link> &links = {},
                      const QHash<QString, qint64> &listedSinceMs = {});
    // Forgets the directory and every sample.
    void clear();

    const QList<NodeEntry> &entries() const { return m_entries; }
    qsizetype nodeCount() const { return m_entries.size(); }
    const NodeEntry &entryAt(qsizetype row) const { return m_entries.at(row); }
    int rowOf(const QString &nodeId) const { return m_rowById.value(nodeId, -1); }
    const Node *node(const QString &nodeId) const;
    QList<Node> nodes() const;
    const QList<Link> &links() const { return m_links; }
    const Link *link(const QString &linkId) const;
    int linkRowOf(const QString &linkId) const { return m_linkById.value(linkId, -1); }
    // rowOf() and linkRowOf() for a batch's samples: a tick lists them in the directory's order, so
    // `guess` (the row after the previous sample's) is tried before the index.
    int rowOfSample(const QString &nodeId, int guess) const;
    int linkRowOfSample(const QString &linkId, int guess) const;
    // Rows of a link's ends (-1: an end the directory does not list).
    std::pair<int, int> linkEndsAt(qsizetype linkRow) const { return m_linkEnds.at(linkRow); }
    // Bumped whenever the directory is applied: row numbers kept by a reader may have changed meaning.
    quint64 directoryRevision() const { return m_directoryRevision; }

    // --- samples ---
    void ingest(const cpn::MetricsBatch &batch);
    void ingestSamples(const QList<NodeSample> &nodes, const QList<LinkSample> &links = {});
    // The newest sample of each link, by its row in links().
    const LinkSamplesByRow &linkSamples() const { return m_linkSamples; }
    // By row in links(), the newest samples that can be shown as current: fresh enough, both ends
    // reporting; none for the others. Computed once per tick (after a batch, a refresh() or a
    // directory change), not per reader; the same shared list while nothing moved.
    const LinkSamplesByRow &currentLinkSamples() const;
    // The current sample of one link, or null.
    const LinkSample *currentLinkSample(const QString &linkId) const;
    qint64 newestSampleMs() const { return m_newestTickMs; }
    // Totals at the newest tick (tsMs 0 before any).
    const FederationTotals &totals() const { return m_totals; }

    // --- freshness ---
    int intervalMs() const { return m_rule.intervalMs; }
    void setIntervalMs(int intervalMs);
    const FreshnessRule &freshnessRule() const { return m_rule; }
    void setNotReportingAfterMs(qint64 ms);
    // Age of the node's newest sample against the clock; -1 without one.
    qint64 ageMsAt(qsizetype row) const;
    Freshness freshnessAt(qsizetype row) const;
    // Recomputes every node's status against the clock. Each batch does so once applied, so ages move
    // with the ticks (one repaint a tick); the console calls it once a second when no batch came.
    void refresh();
    // Clock time of the last refresh that came with a batch (0: none yet).
    qint64 refreshedWithBatchAtMs() const { return m_refreshedWithBatchAtMs; }

    // Live, a node just listed is given the fresh period to send its first sample. A recording holds
    // every sample there was: there, a node without one at the moment shown has no data (stale, or
    // offline past the not-reporting limit), never online.
    enum class Feed { Live, Recording };
    void setFeed(Feed feed)
    {
        m_feed = feed;
        m_currentLinkSamples.reset();
    }
    Feed feed() const { return m_feed; }

    const Clock &clock() const { return m_clock; }

    // Keeping up: a batch whose ticks take longer than this to apply one by one (a console fallen
    // behind, handed many ticks at once) shows its newest tick and skips the totals of the ones
    // before it (ticksSkipped). Every sample is still applied and handed on in batchIngested.
    void setCatchUpBudgetMs(qint64 ms) { m_catchUpBudgetMs = ms; }
    qint64 skippedTicks() const { return m_ticksSkipped; }

Q_SIGNALS:
    // Around a change of the directory; rowsChange: the node rows are not the same ids in the same order.
    void directoryAboutToChange(bool rowsChange);
    void directoryChanged(bool rowsChanged);
    // Rows whose sample or status changed (ascending, unique).
    void nodesUpdated(const QList<int> &rows);
    void linkSamplesUpdated();
    // After a batch is applied: every sample it carried, the late ones too (history for the charts).
    void batchIngested(const cpn::MetricsBatch &batch);
    // Once per tick shown, in tick order.
    void tickComputed(const cpn::FederationTotals &totals);
    // A batch's older ticks were not shown to keep up: `skipped` of them, `total` so far.
    void ticksSkipped(int skipped, qint64 total, qint64 newestTickMs);
    // A node's displayed status moved (net change per batch or refresh).
    void nodeStatusChanged(const QString &nodeId, cpn::DisplayStatus oldStatus, cpn::DisplayStatus newStatus);
    // After refresh(): every age moved; `rows` changed status.
    void refreshed(const QList<int> &rows);

private:
    struct Root
    {
        QString id;
        QList<Node> nodes;
        QList<Link> links;
        QHash<QString, qint64> listedSinceMs;
    };
    void applyDirectory();
    // refresh(), but for the rows `current` marks (their status was just worked out).
    void refreshStatuses(const std::vector<char> *current);
    Freshness freshnessOf(const NodeEntry &entry) const;
    LinkSamplesByRow computeCurrentLinkSamples() const;

    DisplayStatus statusOf(const NodeEntry &entry) const;
    // A batch's sample of a listed node, with the node's row.
    using RowSample = std::pair<int, const NodeSample *>;
    using LinkRowSample = std::pair<int, const LinkSample *>;
    // The status of each row a batch changes, as it was before the batch.
    struct StatusesBefore
    {
        std::vector<char> kept; // by row
        QList<std::pair<int, DisplayStatus>> statuses;
        void keep(int row, DisplayStatus status)
        {
            if (std::exchange(kept[size_t(row)], 1) == 0)
                statuses.append({row, status});
        }
    };
    void applyTick(const QList<RowSample> &nodes, const QList<LinkRowSample> &links, QList<int> &changedRows,
                   QList<NodeSample> &replaced,
                   StatusesBefore &before);

    const Clock &m_clock;
    QList<Root> m_roots;
    QList<NodeEntry> m_entries;
    QHash<QString, int> m_rowById;
    QList<Link> m_links;
    QHash<QString, int> m_linkById;
    QList<std::pair<int, int>> m_linkEnds; // rows of each link's ends, -1 when not listed
    quint64 m_directoryRevision = 0;
    LinkSamplesByRow m_linkSamples; // by link row
    mutable std::optional<LinkSamplesByRow> m_currentLinkSamples; // empty: to compute
    mutable LinkSamplesByRow m_previousLinkSamples;
    mutable qint64 m_linksComputedAtMs = 0;  // clock time of that computation
    mutable qint64 m_linksValidUntilMs = 0;  // until then, time alone changes none of them
    FreshnessRule m_rule;
    TotalsLayout m_totalsLayout;
    // By row, the id instance the row's last sample carried (rowOfSample's shortcut).
    mutable QStringList m_sampleNodeIds;
    mutable QStringList m_sampleLinkIds;
    FederationTotals m_totals;
    qint64 m_newestTickMs = 0;
    Feed m_feed = Feed::Live;
    qint64 m_catchUpBudgetMs = 250;
    qint64 m_ticksSkipped = 0;
    qint64 m_refreshedWithBatchAtMs = 0;
};

} // namespace cpn
