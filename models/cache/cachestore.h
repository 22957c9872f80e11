#pragma once

#include "cache/cachetypes.h"
#include "cache/sampleblock.h"
#include "cache/schema.h"
#include "cache/sqlite.h"
#include "domain/offer.h"
#include "state/federationtotals.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace cpn::cache {

// Ingestion on one open writer connection, synchronous: the writer thread drives it, and tests
// and tools may use it directly. add*() opens a transaction when none is open; commit() ends it,
// so the caller decides how many batches share one (at least ~1,000 rows pays, docs/cache.md).
class CacheStore
{
public:
    // An offer's row is written when its price changes, else at most this often (docs/cache.md).
    static constexpr qint64 kOfferUnitsIntervalMs = 60 * 1000;

    explicit CacheStore(sqlite3 *db);
    ~CacheStore();
    CacheStore(const CacheStore &) = delete;
    CacheStore &operator=(const CacheStore &) = delete;

    // Reads the series ids and the open directory versions; call once after opening.
    bool load();

    bool addDirectory(const QList<Node> &nodes, const QList<Link> &links, qint64 tsMs);
    bool addMetrics(const MetricsBatch &batch);
    // One sample per region series at totals.tsMs: the nation, each province and each subtree.
    bool addTotals(const FederationTotals &totals);
    bool addJobs(const QList<Job> &jobs, qint64 tsMs);
    // Stores an offer when it is new or changed since its last stored row: the list is polled
    // every few seconds and rarely changes.
    bool addOffers(const QList<Offer> &offers, qint64 tsMs);
    bool addEvent(const CacheEvent &event);
    // Records each alarm revision not stored yet for (origin, id), observed at observedAtMs, and
    // keeps the alarm's summary row (AlarmHistory) in step. origin: the root's base URL.
    bool addAlarms(const QString &origin, const QList<Alarm> &alarms, qint64 observedAtMs);

    bool inTransaction() const { return m_transaction != nullptr; }
    qint64 rowsInTransaction() const { return m_rowsInTransaction; }
    bool commit();
    void rollback();

    // Deletes every row but the schema bookkeeping, then compacts the file.
    bool clear();

    // Finds or creates the id of a series (kind, entity, metric).
    qint64 seriesId(schema::SeriesKind kind, const QString &entityId, const QString &metric);

    QString errorString() const { return m_error; }

private:
    struct NodeSeriesIds
    {
        std::array<qint64, 7> fixed{}; // metrics::NodeMetric order; 0 = not created yet
        QHash<QString, qint64> accelerators;
    };
    struct LinkSeriesIds
    {
        std::array<qint64, 5> fixed{};
    };
    using RegionSeriesIds = std::array<qint64, 4>; // metrics::RegionMetric order
    struct OpenVersion
    {
        qint64 validFrom = 0;
        QByteArray body;
    };
    enum class Entity { Node, Link };

    bool ensureTransaction();
    bool fail(const QString &what, const sql::Statement &statement);
    void addSample(qint64 seriesId, qint64 ts, double value);
    bool addRegion(const QString &entity, const RegionTotals &totals, qint64 tsMs);
    bool putVersion(Entity entity, const QString &id, const QString &province, const QByteArray &body,
                    qint64 tsMs);
    bool closeMissing(Entity entity, const QSet<QString> &present, qint64 tsMs);

    sqlite3 *m_db;
    std::unique_ptr<sql::Transaction> m_transaction;
    qint64 m_rowsInTransaction = 0;
    QString m_error;

    QHash<QString, NodeSeriesIds> m_nodeSeries;
    QHash<QString, LinkSeriesIds> m_linkSeries;
    QHash<QString, RegionSeriesIds> m_regionSeries;
    QHash<QString, OpenVersion> m_openNodes;
    QHash<QString, OpenVersion> m_openLinks;

    struct StoredOffer
    {
        qint64 tsMs = 0;
        double pricePerHour = 0;
        QByteArray body;
    };
    QHash<QString, StoredOffer> m_storedOffers; // by offer id: its latest row

    // Samples wait here until commit(), which writes them as one row per tick and block.
    sampleblock::Writer m_samples;
    sql::Statement m_findSeries;
    sql::Statement m_insertSeries;
    sql::Statement m_closeNode, m_insertNode, m_updateNode;
    sql::Statement m_closeLink, m_insertLink, m_updateLink;
    sql::Statement m_upsertJob, m_upsertOffer, m_insertEvent;
    sql::Statement m_insertAlarmRevision;
};

} // namespace cpn::cache
