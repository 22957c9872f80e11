#pragma once

#include "charts/samplestore.h"
#include "charts/serieskey.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"
#include "state/federationtotals.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace cpn {
class FederationState;
}

namespace cpn::charts {

// Keeps the live samples the charts and sparklines show, in one SampleStore per series, and only
// for series someone asked for (memory stays bounded: kChartCapacity samples per pinned series,
// kSparklineCapacity per sparkline). Values are stored in display units (% for utilizations), so
// what a chart's crosshair reports is exactly what is stored. updated() comes once per batch, after
// its samples and totals are stored, and at most once per kUpdateIntervalMs however fast batches
// arrive, so a burst costs the dashboard one repaint. The interval is below the 1 s tick: a tick a
// little early is shown with its batch's other changes, not in a second repaint after them.
class ChartDataHub : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kChartCapacity = 3600;    // 1 h at 1 s
    static constexpr qsizetype kSparklineCapacity = 300; // 5 min at 1 s
    static constexpr int kUpdateIntervalMs = 500;

    explicit ChartDataHub(const FederationState *state, QObject *parent = nullptr);
    ~ChartDataHub() override;

    // Reference-counted; the store keeps the largest capacity asked for.
    void subscribe(const SeriesKey &key, qsizetype capacity = kChartCapacity);
    void unsubscribe(const SeriesKey &key);
    const SampleStore *store(const SeriesKey &key) const;
    // 0: updated() after every batch (benchmarks and tests step time themselves).
    void setUpdateInterval(int ms);

    // Every node's CPU and mean accelerator utilization for the node table's sparklines.
    void setSparklinesEnabled(bool on);
    bool sparklinesEnabled() const { return m_sparklines; }
    static QString sparklineAccelMetric() { return QStringLiteral("accel"); }

    // The federation's sampling interval (MetricsBatch::intervalMs of the last batch): the charts
    // break a line where samples stopped coming for a few of these.
    qint64 samplingIntervalMs() const;

    const Node *node(const QString &id) const;
    const Link *link(const QString &id) const;
    bool hasDirectory() const;

private Q_SLOTS:
    void ingest(const cpn::MetricsBatch &batch);
    void appendTotals(const cpn::FederationTotals &totals);
    void onDirectoryChanged();

Q_SIGNALS:
    void updated();
    void directoryChanged();

private:
    struct Entry
    {
        std::shared_ptr<SampleStore> store;
        int refs = 0;
    };
    // The stores of one node, link or region, by metric: a sample is looked up by its entity once
    // and its few metrics by a short scan, not hashed series by series (2,000 nodes x 7 metrics a tick).
    using EntityStores = QList<std::pair<QString, SampleStore *>>;
    static void append(const EntityStores &stores, const QString &metric, qint64 tsMs, double value);
    void ensureSparklineStores();
    void scheduleUpdate();
    void onTimer();
    QHash<QString, EntityStores> &storesOf(SeriesKey::Kind kind);


    const FederationState *m_state;
    QHash<SeriesKey, Entry> m_entries;
    QHash<QString, EntityStores> m_nodeStores;
    QHash<QString, EntityStores> m_linkStores;
    QHash<QString, EntityStores> m_regionStores;
    // The same by node and link row of the state's directory, for a batch's samples; laid out again
    // after a subscription or the directory changed.
    void layOutRows();
    QList<EntityStores> m_nodeStoresByRow;
    QList<EntityStores> m_linkStoresByRow;
    bool m_rowsStale = true;
    quint64 m_rowsRevision = 0;
    bool m_sparklines = false;
    bool m_pending = false;
    QTimer m_timer;
};

} // namespace cpn::charts
