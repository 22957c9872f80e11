#include "cache/cachestore.h"

#include "cache/alarmhistory.h"
#include "cache/cachelogging.h"
#include "domain/alarmjson.h"
#include "domain/metricnames.h"
#include "domain/protocoljson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sqlite3.h>

namespace cpn::cache {

CacheStore::CacheStore(sqlite3 *db)
    : m_db(db), m_samples(db),
      m_findSeries(db, "SELECT series_id FROM series WHERE kind = ? AND entity_id = ? AND metric = ?"),
      m_insertSeries(db, "INSERT INTO series(kind, entity_id, metric) VALUES (?, ?, ?)"),
      m_closeNode(db, "UPDATE node_versions SET valid_to = ? WHERE node_id = ? AND valid_from = ?"),
      m_insertNode(db, "INSERT OR REPLACE INTO node_versions(node_id, valid_from, valid_to, province, body) "
                       "VALUES (?, ?, NULL, ?, ?)"),
      m_updateNode(db,
                   "UPDATE node_versions SET body = ?, province = ? WHERE node_id = ? AND valid_from = ?"),
      m_closeLink(db, "UPDATE link_versions SET valid_to = ? WHERE link_id = ? AND valid_from = ?"),
      m_insertLink(db, "INSERT OR REPLACE INTO link_versions(link_id, valid_from, valid_to, body) "
                       "VALUES (?, ?, NULL, ?)"),
      m_updateLink(db, "UPDATE link_versions SET body = ? WHERE link_id = ? AND valid_from = ?"),
      m_upsertJob(db, "INSERT OR REPLACE INTO jobs(job_id, node_id, updated_at, body) VALUES (?, ?, ?, ?)"),
      m_upsertOffer(db, "INSERT OR REPLACE INTO offers(ts, offer_id, node_id, body) VALUES (?, ?, ?, ?)"),
      m_insertEvent(db, "INSERT INTO events(ts, severity, source, message) VALUES (?, ?, ?, ?)"),
      m_insertAlarmRevision(db,
                            "INSERT OR IGNORE INTO alarm_revisions(origin, alarm_id, revision, observed_at, "
                            "raised_at, cleared_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)")
{
}

CacheStore::~CacheStore() { rollback(); }

bool CacheStore::fail(const QString &what, const sql::Statement &statement)
{
    m_error = QStringLiteral("%1: %2").arg(what, statement.error().isEmpty() ? sql::lastError(m_db)
                                                                              : statement.error());
    // Debug only: CacheWriter logs an episode of failed writes once, not each of a full disk's batches.
    qCDebug(lcCache).noquote() << m_error;
    return false;
}

bool CacheStore::load()
{
    if (!m_findSeries.isValid())
        return fail(QStringLiteral("preparing the series lookup"), m_findSeries);
    m_nodeSeries.clear();
    m_linkSeries.clear();
    m_regionSeries.clear();
    m_openNodes.clear();
    m_openLinks.clear();
    sql::Statement series(m_db, "SELECT series_id, kind, entity_id, metric FROM series");
    while (series.step()) {
        const qint64 id = series.int64(0);
        const QString entity = series.text(2);
        const QString metric = series.text(3);
        const auto kind = schema::SeriesKind(series.int64(1));
        if (kind == schema::SeriesKind::Node) {
            NodeSeriesIds &ids = m_nodeSeries[entity];
            const int index = metrics::nodeMetricNames().indexOf(metric);
            QString model;
            if (index >= 0)
                ids.fixed[size_t(index)] = id;
            else if (metrics::isAcceleratorMetric(metric, &model))
                ids.accelerators.insert(model, id);
        } else if (kind == schema::SeriesKind::Link) {
            const int index = metrics::linkMetricNames().indexOf(metric);
            if (index >= 0)
                m_linkSeries[entity].fixed[size_t(index)] = id;
        } else if (kind == schema::SeriesKind::Region) {
            const int index = metrics::regionMetricNames().indexOf(metric);
            if (index >= 0)
                m_regionSeries[entity][size_t(index)] = id;
        }
    }
    sql::Statement nodes(m_db, "SELECT node_id, valid_from, body FROM node_versions WHERE valid_to IS NULL");
    while (nodes.step())
        m_openNodes.insert(nodes.text(0), {nodes.int64(1), nodes.utf8(2)});
    sql::Statement links(m_db, "SELECT link_id, valid_from, body FROM link_versions WHERE valid_to IS NULL");
    while (links.step())
        m_openLinks.insert(links.text(0), {links.int64(1), links.utf8(2)});
    m_storedOffers.clear();
    // The newest row of each offer: one scan (SQLite takes the bare columns from the max(ts) row).
    sql::Statement offers(m_db, "SELECT offer_id, body, max(ts) FROM offers GROUP BY offer_id");
    while (offers.step()) {
        const QByteArray body = offers.utf8(1);
        const double price = QJsonDocument::fromJson(body).object().value(u"pricePerHour").toDouble(-1);
        m_storedOffers.insert(offers.text(0), {offers.int64(2), price, body});
    }
    return series.done() && nodes.done() && links.done() && offers.done();
}

bool CacheStore::ensureTransaction()
{
    if (m_transaction)
        return true;
    m_transaction = std::make_unique<sql::Transaction>(m_db);
    if (!m_transaction->isActive()) {
        m_transaction.reset();
        m_error = QStringLiteral("cannot begin a transaction: %1").arg(sql::lastError(m_db));
        return false;
    }
    m_rowsInTransaction = 0;
    return true;
}

bool CacheStore::commit()
{
    if (!m_transaction)
        return true;
    const bool flushed = m_samples.flush(&m_error);
    auto transaction = std::move(m_transaction);
    if (!flushed) {
        m_samples.clear();
        return false; // the transaction's destructor rolls back
    }
    QString error;
    if (!transaction->commit(&error)) {
        m_error = QStringLiteral("commit failed: %1").arg(error);
        return false;
    }
    return true;
}

void CacheStore::rollback()
{
    m_samples.clear();
    if (!m_transaction)
        return;
    m_transaction.reset();
    load(); // what the store remembers of rows rolled back (series ids, offers) went with them
}

qint64 CacheStore::seriesId(schema::SeriesKind kind, const QString &entityId, const QString &metric)
{
    m_findSeries.bind(1, int(kind));
    m_findSeries.bind(2, entityId);
    m_findSeries.bind(3, metric);
    qint64 id = m_findSeries.step() ? m_findSeries.int64(0) : 0;
    m_findSeries.reset();
    if (id)
        return id;
    m_insertSeries.bind(1, int(kind));
    m_insertSeries.bind(2, entityId);
    m_insertSeries.bind(3, metric);
    if (!m_insertSeries.run()) {
        fail(QStringLiteral("creating series %1/%2").arg(entityId, metric), m_insertSeries);
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

void CacheStore::addSample(qint64 seriesId, qint64 ts, double value)
{
    m_samples.add(seriesId, ts, value);
    ++m_rowsInTransaction;
}

bool CacheStore::addMetrics(const MetricsBatch &batch)
{
    if (!ensureTransaction())
        return false;
    using namespace metrics;
    for (const NodeSample &s : batch.nodes) {
        NodeSeriesIds &ids = m_nodeSeries[s.nodeId];
        for (int m = 0; m < NodeMetricCount; ++m) {
            qint64 &id = ids.fixed[size_t(m)];
            if (!id && !(id = seriesId(schema::SeriesKind::Node, s.nodeId, nodeMetricNames().at(m))))
                return false;
            addSample(id, s.tsMs, nodeValue(s, NodeMetric(m)));
        }
        for (auto it = s.acceleratorUtil.cbegin(); it != s.acceleratorUtil.cend(); ++it) {
            qint64 &id = ids.accelerators[it.key()];
            if (!id && !(id = seriesId(schema::SeriesKind::Node, s.nodeId, acceleratorMetric(it.key()))))
                return false;
            addSample(id, s.tsMs, it.value());
        }
    }
    for (const LinkSample &s : batch.links) {
        LinkSeriesIds &ids = m_linkSeries[s.linkId];
        for (int m = 0; m < LinkMetricCount; ++m) {
            qint64 &id = ids.fixed[size_t(m)];
            if (!id && !(id = seriesId(schema::SeriesKind::Link, s.linkId, linkMetricNames().at(m))))
                return false;
            addSample(id, s.tsMs, linkValue(s, LinkMetric(m)));
        }
    }
    return true;
}

bool CacheStore::addTotals(const FederationTotals &totals)
{
    if (!ensureTransaction())
        return false;
    if (!addRegion(QString(), totals.national, totals.tsMs))
        return false;
    for (auto it = totals.byProvince.cbegin(); it != totals.byProvince.cend(); ++it) {
        if (!addRegion(it.key(), it.value(), totals.tsMs))
            return false;
    }
    for (auto it = totals.bySubtree.cbegin(); it != totals.bySubtree.cend(); ++it) {
        if (!addRegion(schema::subtreeEntity(it.key()), it.value(), totals.tsMs))
            return false;
    }
    return true;
}

bool CacheStore::addRegion(const QString &entity, const RegionTotals &totals, qint64 tsMs)
{
    // As the live charts: no reporting node is a gap, not a zero; so is accelerator use without cards.
    if (totals.reporting == 0)
        return true;
    using namespace metrics;
    RegionSeriesIds &ids = m_regionSeries[entity];
    auto add = [&](RegionMetric m, double value) {
        qint64 &id = ids[size_t(m)];
        if (!id && !(id = seriesId(schema::SeriesKind::Region, entity, regionMetricNames().at(m))))
            return false;
        addSample(id, tsMs, value);
        return true;
    };
    return add(RegionCpu, totals.cpuUtil) && add(RegionMemory, totals.memoryUtil) &&
           add(RegionPowerKw, totals.powerKw) &&
           (totals.acceleratorsReporting == 0 || add(RegionAccelerators, totals.acceleratorUtil()));
}

bool CacheStore::putVersion(Entity entity, const QString &id, const QString &province, const QByteArray &body,
                            qint64 tsMs)
{
    const bool isNode = entity == Entity::Node;
    QHash<QString, OpenVersion> &open = isNode ? m_openNodes : m_openLinks;
    auto it = open.find(id);
    if (it != open.end() && it->body == body)
        return true;
    if (it != open.end() && tsMs <= it->validFrom) {
        // Two directories within the same millisecond (or a clock that stepped back): the later
        // answer replaces the version rather than making an empty interval.
        sql::Statement &update = isNode ? m_updateNode : m_updateLink;
        int index = 1;
        update.bindUtf8(index++, body);
        if (isNode)
            update.bind(index++, province);
        update.bind(index++, id);
        update.bind(index++, it->validFrom);
        if (!update.run())
            return fail(QStringLiteral("updating %1").arg(id), update);
        it->body = body;
        return true;
    }
    if (it != open.end()) {
        sql::Statement &close = isNode ? m_closeNode : m_closeLink;
        close.bind(1, tsMs);
        close.bind(2, id);
        close.bind(3, it->validFrom);
        if (!close.run())
            return fail(QStringLiteral("closing %1").arg(id), close);
    }
    sql::Statement &insert = isNode ? m_insertNode : m_insertLink;
    int index = 1;
    insert.bind(index++, id);
    insert.bind(index++, tsMs);
    if (isNode)
        insert.bind(index++, province);
    insert.bindUtf8(index++, body);
    if (!insert.run())
        return fail(QStringLiteral("inserting %1").arg(id), insert);
    open.insert(id, {tsMs, body});
    ++m_rowsInTransaction;
    return true;
}

bool CacheStore::closeMissing(Entity entity, const QSet<QString> &present, qint64 tsMs)
{
    const bool isNode = entity == Entity::Node;
    QHash<QString, OpenVersion> &open = isNode ? m_openNodes : m_openLinks;
    sql::Statement &close = isNode ? m_closeNode : m_closeLink;
    for (auto it = open.begin(); it != open.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        close.bind(1, qMax(tsMs, it->validFrom + 1));
        close.bind(2, it.key());
        close.bind(3, it->validFrom);
        if (!close.run())
            return fail(QStringLiteral("closing %1").arg(it.key()), close);
        it = open.erase(it);
    }
    return true;
}

bool CacheStore::addDirectory(const QList<Node> &nodes, const QList<Link> &links, qint64 tsMs)
{
    if (!ensureTransaction())
        return false;
    QSet<QString> present;
    for (const Node &node : nodes) {
        present.insert(node.id);
        if (!putVersion(Entity::Node, node.id, node.province, protocol::toBody(protocol::toJson(node)), tsMs))
            return false;
    }
    if (!closeMissing(Entity::Node, present, tsMs))
        return false;
    present.clear();
    for (const Link &link : links) {
        present.insert(link.id);
        if (!putVersion(Entity::Link, link.id, {}, protocol::toBody(protocol::toJson(link)), tsMs))
            return false;
    }
    return closeMissing(Entity::Link, present, tsMs);
}

bool CacheStore::addJobs(const QList<Job> &jobs, qint64 tsMs)
{
    if (!ensureTransaction())
        return false;
    for (const Job &job : jobs) {
        m_upsertJob.bind(1, job.id);
        m_upsertJob.bind(2, job.nodeId);
        m_upsertJob.bind(3, tsMs);
        m_upsertJob.bindUtf8(4, protocol::toBody(protocol::toJson(job)));
        if (!m_upsertJob.run())
            return fail(QStringLiteral("storing job %1").arg(job.id), m_upsertJob);
    }
    m_rowsInTransaction += jobs.size();
    return true;
}

bool CacheStore::addOffers(const QList<Offer> &offers, qint64 tsMs)
{
    if (!ensureTransaction())
        return false;
    for (const Offer &offer : offers) {
        const QByteArray body = protocol::toBody(protocol::toJson(offer));
        auto stored = m_storedOffers.find(offer.id);
        if (stored != m_storedOffers.end()) {
            // A node's free units move with every poll: they are kept once a minute, a new price at once.
            const bool samePrice = stored->pricePerHour == offer.pricePerHour;
            if (stored->body == body || (samePrice && tsMs - stored->tsMs < kOfferUnitsIntervalMs))
                continue;
        }
        m_upsertOffer.bind(1, tsMs);
        m_upsertOffer.bind(2, offer.id);
        m_upsertOffer.bind(3, offer.nodeId);
        m_upsertOffer.bindUtf8(4, body);
        if (!m_upsertOffer.run())
            return fail(QStringLiteral("storing offer %1").arg(offer.id), m_upsertOffer);
        m_storedOffers.insert(offer.id, {tsMs, offer.pricePerHour, body});
        ++m_rowsInTransaction;
    }
    return true;
}

bool CacheStore::addEvent(const CacheEvent &event)
{
    if (!ensureTransaction())
        return false;
    m_insertEvent.bind(1, event.tsMs);
    m_insertEvent.bind(2, event.severity);
    m_insertEvent.bind(3, event.source);
    m_insertEvent.bind(4, event.message);
    if (!m_insertEvent.run())
        return fail(QStringLiteral("storing an event"), m_insertEvent);
    ++m_rowsInTransaction;
    return true;
}

bool CacheStore::addAlarms(const QString &origin, const QList<Alarm> &alarms, qint64 observedAtMs)
{
    if (!ensureTransaction())
        return false;
    for (const Alarm &alarm : alarms) {
        m_insertAlarmRevision.bind(1, origin);
        m_insertAlarmRevision.bind(2, alarm.id);
        m_insertAlarmRevision.bind(3, alarm.revision);
        m_insertAlarmRevision.bind(4, observedAtMs);
        m_insertAlarmRevision.bind(5, alarm.raisedAtMs);
        m_insertAlarmRevision.bind(6, alarm.clearedAtMs);
        m_insertAlarmRevision.bindUtf8(7, protocol::toBody(protocol::toJson(alarm)));
        if (!m_insertAlarmRevision.run())
            return fail(QStringLiteral("storing alarm %1").arg(alarm.id), m_insertAlarmRevision);
        if (sqlite3_changes(m_db) == 0)
            continue; // a revision seen before: a feed that started over sends every alarm again
        if (!AlarmHistory::updateSummary(m_db, origin, alarm.id, &m_error))
            return false;
        ++m_rowsInTransaction;
    }
    return true;
}

bool CacheStore::clear()
{
    if (!commit())
        return false;
    QString error;
    const bool ok = sql::exec(
        m_db,
        "BEGIN IMMEDIATE;"
        "DELETE FROM sample_blocks; DELETE FROM sample_ticks; DELETE FROM samples_1m; DELETE FROM samples_1h;"
        "DELETE FROM series; DELETE FROM node_versions; DELETE FROM link_versions;"
        "DELETE FROM offers; DELETE FROM jobs; DELETE FROM events;"
        "DELETE FROM alarm_revisions; DELETE FROM alarms;"
        "DELETE FROM meta WHERE key <> 'schema_version';"
        "COMMIT;",
        &error);
    if (!ok) {
        sql::exec(m_db, "ROLLBACK");
        m_error = QStringLiteral("clearing the cache: %1").arg(error);
        return false;
    }
    // Give the space back: VACUUM rewrites the file, the checkpoint empties the -wal.
    sql::exec(m_db, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE)", &error);
    return load();
}

} // namespace cpn::cache
