#include "cache/seriesreader.h"

#include "cache/alarmhistory.h"
#include "cache/cachelogging.h"
#include "cache/retention.h"
#include "cache/sampleblock.h"
#include "cache/sqlite.h"
#include "domain/metricnames.h"
#include "domain/protocoljson.h"

#include <QHash>
#include <QSet>

#include <unordered_map>
#include <vector>

namespace cpn::cache {

namespace {

// A raw sample's second, or a roll-up bucket's length.
qint64 stepMs(Resolution resolution)
{
    return resolution == Resolution::Raw      ? 1000
           : resolution == Resolution::Minute ? Retention::kMinuteMs
                                              : Retention::kHourMs;
}

// read(r) at the resolution asked for; for Auto, at the finest one for the range that holds points
// (raw samples already purged, say), else the coarsest.
template <typename Read> Series readAtResolution(qint64 fromMs, qint64 toMs, Resolution resolution, Read read)
{
    if (resolution != Resolution::Auto)
        return read(resolution);
    for (Resolution r = SeriesReader::chooseResolution(fromMs, toMs);; r = Resolution(int(r) + 1)) {
        Series series = read(r);
        if (!series.points.isEmpty() || r == Resolution::Hour)
            return series;
    }
}

} // namespace

QString toString(Resolution r)
{
    switch (r) {
    case Resolution::Auto:
        return QStringLiteral("auto");
    case Resolution::Raw:
        return QStringLiteral("raw");
    case Resolution::Minute:
        return QStringLiteral("1m");
    case Resolution::Hour:
        return QStringLiteral("1h");
    }
    return {};
}

Resolution SeriesReader::chooseResolution(qint64 fromMs, qint64 toMs)
{
    const qint64 span = toMs - fromMs;
    if (span <= 26LL * Retention::kHourMs)
        return Resolution::Raw;
    if (span <= 31LL * 24 * Retention::kHourMs)
        return Resolution::Minute;
    return Resolution::Hour;
}

qint64 SeriesReader::findSeries(schema::SeriesKind kind, const QString &entityId, const QString &metric) const
{
    sql::Statement s(m_db, "SELECT series_id FROM series WHERE kind = ? AND entity_id = ? AND metric = ?");
    s.bind(1, int(kind));
    s.bind(2, entityId);
    s.bind(3, metric);
    return s.step() ? s.int64(0) : 0;
}

Series SeriesReader::readResolution(qint64 seriesId, qint64 fromMs, qint64 toMs, Resolution resolution) const
{
    Series series;
    series.resolution = resolution;
    if (resolution == Resolution::Raw) {
        // One key seek per tick into the series' block (sampleblock.h), never a scan of the others;
        // with a few blocks a tick, reading past the others costs less than seeking.
        sql::Statement s(
            m_db, blocksPerTick() <= 4
                      ? "SELECT ts, data FROM sample_blocks WHERE block = ?1 AND ts >= ?2 AND ts <= ?3 "
                        "ORDER BY ts"
                      : "SELECT t.ts, b.data FROM sample_ticks t CROSS JOIN sample_blocks b "
                        "ON b.ts = t.ts AND b.block = ?1 WHERE t.ts >= ?2 AND t.ts <= ?3 ORDER BY t.ts");
        s.bind(1, sampleblock::blockOf(seriesId));
        s.bind(2, fromMs);
        s.bind(3, toMs);
        const int slot = sampleblock::slotOf(seriesId);
        while (s.step()) {
            int size = 0;
            const char *data = s.blobData(1, &size);
            double v = 0;
            if (sampleblock::valueAt(data, size, slot, &v))
                series.points.append({s.int64(0), v, v, v, 1, v});
        }
        return series;
    }
    // A bucket belongs to the range when any of it overlaps [from, to]. Roll-ups are keyed by time
    // first, so the reader seeks each bucket of the range (within what the tier holds).
    const qint64 step = stepMs(resolution);
    const char *table = resolution == Resolution::Minute ? "samples_1m" : "samples_1h";
    sql::Statement held(m_db, QByteArray("SELECT min(ts), max(ts) FROM ") + table);
    if (!held.step() || held.isNull(0))
        return series;
    const qint64 first = qMax(Retention::floorTo(fromMs - step, step) + step, held.int64(0));
    const qint64 last = qMin(toMs, held.int64(1));
    if (first > last)
        return series;
    sql::Statement s(m_db,
                     QByteArray("WITH RECURSIVE b(ts) AS (SELECT ?2 UNION ALL SELECT ts + ?4 FROM b "
                                "WHERE ts + ?4 <= ?3) SELECT s.ts, s.min, s.max, s.mean, s.count, s.last "
                                "FROM b CROSS JOIN ") +
                         table + " s ON s.ts = b.ts AND s.series_id = ?1 ORDER BY s.ts");
    s.bind(1, seriesId);
    s.bind(2, first);
    s.bind(3, last);
    s.bind(4, step);
    while (s.step())
        series.points.append({s.int64(0), s.real(1), s.real(2), s.real(3), s.int64(4), s.real(5)});
    return series;
}

qint64 SeriesReader::blocksPerTick() const
{
    if (m_blocksPerTick < 0) {
        sql::Statement s(m_db, "SELECT ifnull(max(series_id), 0) FROM series");
        m_blocksPerTick = s.step() ? sampleblock::blockOf(s.int64(0)) + 1 : 1;
    }
    return m_blocksPerTick;
}

Series SeriesReader::readSeries(schema::SeriesKind kind, const QString &entityId, const QString &metric,
                                qint64 fromMs, qint64 toMs, Resolution resolution) const
{
    const qint64 id = findSeries(kind, entityId, metric);
    if (!id) {
        Series none;
        none.resolution = resolution == Resolution::Auto ? chooseResolution(fromMs, toMs) : resolution;
        return none;
    }
    return readAtResolution(fromMs, toMs, resolution,
                            [&](Resolution r) { return readResolution(id, fromMs, toMs, r); });
}

Series SeriesReader::readRegionSeries(const QString &region, const QString &metric, qint64 fromMs,
                                      qint64 toMs, Resolution resolution) const
{
    const qint64 id = findSeries(schema::SeriesKind::Region, region, metric);
    return readAtResolution(fromMs, toMs, resolution, [&](Resolution r) {
        return readRegionResolution(id, region, metric, fromMs, toMs, r);
    });
}

Series SeriesReader::readRegionResolution(qint64 seriesId, const QString &region, const QString &metric,
                                          qint64 fromMs, qint64 toMs, Resolution resolution) const
{
    Series series;
    series.resolution = resolution;
    if (seriesId)
        series = readResolution(seriesId, fromMs, toMs, resolution);
    if (region.startsWith(schema::subtreeEntity(QString())))
        return series; // recorded only as region series
    // Does the stored series start late? Raw samples come once a tick, roll-up buckets on the step.
    const qint64 step = stepMs(resolution);
    const qint64 firstMs = series.points.isEmpty() ? toMs + 1 : series.points.constFirst().tsMs;
    const qint64 coveredFromMs = resolution == Resolution::Raw ? fromMs + step : fromMs / step * step;
    if (firstMs <= coveredFromMs || !hasNodeSamples(metric, fromMs, firstMs - 1, resolution))
        return series;
    Series earlier = computeRegionResolution(region, metric, fromMs, firstMs - 1, resolution);
    earlier.points.append(series.points);
    return earlier;
}

bool SeriesReader::hasNodeSamples(const QString &metric, qint64 fromMs, qint64 toMs,
                                  Resolution resolution) const
{
    const bool accelerators = metric == u"accel";
    if (resolution == Resolution::Raw)
        return hasRawNodeSamples(accelerators ? QString() : metric, fromMs - 1, toMs);
    const char *table = resolution == Resolution::Minute ? "samples_1m" : "samples_1h";
    // Roll-ups are keyed by time: walk the range, each row's series by its id (node series have the
    // lowest ids, so a range that holds any is answered in its first rows).
    const QByteArray sql = QByteArray("SELECT EXISTS (SELECT 1 FROM ") + table +
                           " s CROSS JOIN series r ON r.series_id = s.series_id WHERE r.kind = 0 AND " +
                           (accelerators ? "r.metric LIKE 'accel:%'" : "r.metric = ?3") +
                           " AND s.ts > ?1 AND s.ts <= ?2)";
    sql::Statement s(m_db, sql);
    s.bind(1, fromMs - stepMs(resolution));
    s.bind(2, toMs);
    if (!accelerators)
        s.bind(3, metric);
    return s.step() && s.int64(0) != 0;
}

bool SeriesReader::hasRawNodeSamples(const QString &metric, qint64 afterMs, qint64 toMs) const
{
    // A chart whose window starts before the recording asks this each time: no tick there, no
    // further look.
    sql::Statement ticks(m_db, "SELECT 1 FROM sample_ticks WHERE ts > ?1 AND ts <= ?2 LIMIT 1");
    ticks.bind(1, afterMs);
    ticks.bind(2, toMs);
    if (!ticks.step())
        return false;
    sql::Statement members(m_db, metric.isEmpty()
                                     ? "SELECT series_id FROM series WHERE kind = 0 AND metric LIKE 'accel:%'"
                                     : "SELECT series_id FROM series WHERE kind = 0 AND metric = ?1");
    if (!metric.isEmpty())
        members.bind(1, metric);
    QHash<qint64, QList<int>> slotsByBlock;
    while (members.step())
        slotsByBlock[sampleblock::blockOf(members.int64(0))].append(sampleblock::slotOf(members.int64(0)));
    sql::Statement rows(m_db, "SELECT b.data FROM sample_ticks t CROSS JOIN sample_blocks b "
                              "ON b.ts = t.ts AND b.block = ?3 WHERE t.ts > ?1 AND t.ts <= ?2");
    for (auto it = slotsByBlock.cbegin(); it != slotsByBlock.cend(); ++it) {
        rows.bind(1, afterMs);
        rows.bind(2, toMs);
        rows.bind(3, it.key());
        while (rows.step()) {
            int size = 0;
            const char *data = rows.blobData(0, &size);
            double v = 0;
            for (int slot : it.value()) {
                if (sampleblock::valueAt(data, size, slot, &v))
                    return true;
            }
        }
        rows.reset();
    }
    return false;
}

Series SeriesReader::computeRegionSeries(const QString &province, const QString &metric, qint64 fromMs,
                                         qint64 toMs, Resolution resolution) const
{
    return readAtResolution(fromMs, toMs, resolution, [&](Resolution r) {
        return computeRegionResolution(province, metric, fromMs, toMs, r);
    });
}

namespace {
// Ten years of minutes: more than any chart or report asks for at one resolution.
constexpr qint64 kMaxRegionSlots = 10LL * 366 * 24 * 60;
} // namespace

Series SeriesReader::computeRegionResolution(const QString &province, const QString &metric, qint64 fromMs,
                                             qint64 toMs, Resolution resolution) const
{
    Series series;
    series.resolution = resolution;
    const bool accelerators = metric == u"accel";
    if (!accelerators && metric != u"cpu" && metric != u"memory" && metric != u"power_kw")
        return series;
    const bool sum = metric == u"power_kw";

    // The region's node series, by node.
    QByteArray sql = accelerators ? "SELECT series_id, entity_id FROM series WHERE kind = 0 AND metric LIKE 'accel:%'"
                                  : "SELECT series_id, entity_id FROM series WHERE kind = 0 AND metric = ?1";
    if (!province.isEmpty())
        sql += " AND entity_id IN (SELECT node_id FROM node_versions WHERE province = ?2)";
    sql::Statement members(m_db, sql);
    if (!accelerators)
        members.bind(1, metric);
    if (!province.isEmpty())
        members.bind(2, province);
    QHash<QString, QList<qint64>> seriesOfNode;
    while (members.step())
        seriesOfNode[members.text(1)].append(members.int64(0));

    // Read series by series and combine here, in slots of the resolution's step: one query per
    // series on its primary key is several times faster than grouping the region's samples in SQL
    // (bench_cache).
    const qint64 step = stepMs(resolution);
    // A window outside what the cache can hold (a hostile file's times) would overflow the slots.
    if (fromMs < 0 || toMs < fromMs || toMs > protocol::kMaxEpochMs || (toMs - fromMs) / step > kMaxRegionSlots)
        return series;
    const qint64 base = (fromMs / step - 1) * step; // roll-up buckets may start up to a step before
    const size_t slots = size_t((toMs - base) / step + 1);
    struct Sum
    {
        double lo = 0;
        double hi = 0;
        double mean = 0;
        qint64 n = 0;
        void add(double l, double h, double m)
        {
            lo += l;
            hi += h;
            mean += m;
            ++n;
        }
    };
    std::vector<Sum> region(slots);
    std::vector<Sum> node; // a node's accelerator models, averaged before they count for the region
    auto slotOf = [&](qint64 tsMs) {
        const qint64 slot = (tsMs - base) / step;
        return slot >= 0 && size_t(slot) < slots ? size_t(slot) : slots;
    };
    for (const QList<qint64> &ids : std::as_const(seriesOfNode)) {
        if (ids.size() == 1) {
            for (const SeriesPoint &p : readResolution(ids.constFirst(), fromMs, toMs, resolution).points) {
                if (const size_t i = slotOf(p.tsMs); i < slots)
                    region[i].add(p.min, p.max, p.mean);
            }
            continue;
        }
        node.assign(slots, Sum());
        for (qint64 id : ids) {
            for (const SeriesPoint &p : readResolution(id, fromMs, toMs, resolution).points) {
                if (const size_t i = slotOf(p.tsMs); i < slots)
                    node[i].add(p.min, p.max, p.mean);
            }
        }
        for (size_t i = 0; i < slots; ++i) {
            if (const Sum &v = node[i]; v.n > 0)
                region[i].add(v.lo / v.n, v.hi / v.n, v.mean / v.n);
        }
    }
    for (size_t i = 0; i < slots; ++i) {
        const Sum &v = region[i];
        if (v.n == 0)
            continue;
        const double divisor = sum ? 1 : double(v.n);
        const double mean = v.mean / divisor;
        series.points.append({base + qint64(i) * step, v.lo / divisor, v.hi / divisor, mean, v.n, mean});
    }
    return series;
}

Series SeriesReader::readNodeSeries(const QString &nodeId, const QString &metric, qint64 fromMs, qint64 toMs,
                                    Resolution resolution) const
{
    return readSeries(schema::SeriesKind::Node, nodeId, metric, fromMs, toMs, resolution);
}

Series SeriesReader::readLinkSeries(const QString &linkId, const QString &metric, qint64 fromMs, qint64 toMs,
                                    Resolution resolution) const
{
    return readSeries(schema::SeriesKind::Link, linkId, metric, fromMs, toMs, resolution);
}

ReplayState SeriesReader::stateAt(qint64 atMs, qint64 lookbackMs) const
{
    ReplayState state;
    state.atMs = atMs;

    sql::Statement nodes(m_db, "SELECT valid_from, body FROM node_versions WHERE valid_from <= ?1 "
                               "AND (valid_to IS NULL OR valid_to > ?1) ORDER BY node_id");
    nodes.bind(1, atMs);
    if (m_parsedNodes.size() > kParsedVersionsKept)
        m_parsedNodes.clear();
    while (nodes.step()) {
        const QByteArray body = nodes.utf8(1);
        auto known = m_parsedNodes.constFind(body);
        if (known == m_parsedNodes.cend()) {
            auto parsed = protocol::parseNode(body);
            if (!parsed.ok()) {
                qCWarning(lcCache).noquote() << "skipping a stored node:" << parsed.error();
                continue;
            }
            known = m_parsedNodes.insert(body, parsed.value());
        }
        state.nodes.append(*known);
        state.listedSinceMs.insert(known->id, nodes.int64(0));
    }
    sql::Statement links(m_db, "SELECT body FROM link_versions WHERE valid_from <= ?1 "
                               "AND (valid_to IS NULL OR valid_to > ?1) ORDER BY link_id");
    links.bind(1, atMs);
    if (m_parsedLinks.size() > kParsedVersionsKept)
        m_parsedLinks.clear();
    while (links.step()) {
        const QByteArray body = links.utf8(0);
        auto known = m_parsedLinks.constFind(body);
        if (known == m_parsedLinks.cend()) {
            auto parsed = protocol::parseLinks("{\"links\":[" + body + "]}");
            if (!parsed.ok() || parsed.value().size() != 1) {
                qCWarning(lcCache).noquote() << "skipping a stored link:" << parsed.error();
                continue;
            }
            known = m_parsedLinks.insert(body, parsed.value().constFirst());
        }
        state.links.append(*known);
    }

    // Each series' latest value at or before atMs within the look-back: the raw ticks newest first
    // (all blocks of a tick at once), then the last values of the roll-up buckets.
    struct Latest
    {
        qint64 ts;
        double value;
    };
    std::unordered_map<qint64, Latest> latest; // emplace keeps the first (newest)
    sql::Statement raw(m_db, "SELECT b.ts, b.block, b.data FROM sample_ticks t CROSS JOIN sample_blocks b "
                             "ON b.ts = t.ts WHERE t.ts <= ?1 AND t.ts >= ?2 ORDER BY t.ts DESC");
    raw.bind(1, atMs);
    raw.bind(2, atMs - lookbackMs);
    while (raw.step()) {
        int size = 0;
        const char *data = raw.blobData(2, &size);
        sampleblock::Values values;
        if (!sampleblock::decode(data, size, &values))
            continue;
        const qint64 ts = raw.int64(0);
        const qint64 block = raw.int64(1);
        for (int slot = 0; slot < sampleblock::kSeriesPerBlock; ++slot) {
            if (values.present[size_t(slot)])
                latest.emplace(sampleblock::seriesIdOf(block, slot), Latest{ts, values.value[size_t(slot)]});
        }
    }
    const std::pair<const char *, qint64> rollups[] = {
        {"SELECT series_id, ts, last FROM samples_1m WHERE ts <= ?1 AND ts >= ?2 ORDER BY ts DESC",
         Retention::kMinuteMs},
        {"SELECT series_id, ts, last FROM samples_1h WHERE ts <= ?1 AND ts >= ?2 ORDER BY ts DESC",
         Retention::kHourMs}};
    sql::Statement allSeries(m_db, "SELECT count(*) FROM series");
    const bool allFound = allSeries.step() && qint64(latest.size()) >= allSeries.int64(0);
    for (const auto &[sqlText, bucketMs] : rollups) {
        if (allFound)
            break; // every series has a raw sample: the roll-ups would add nothing
        sql::Statement rollup(m_db, sqlText);
        rollup.bind(1, atMs);
        rollup.bind(2, atMs - qMax(lookbackMs, bucketMs));
        while (rollup.step())
            latest.emplace(rollup.int64(0), Latest{rollup.int64(1), rollup.real(2)});
    }

    // Region totals are not part of a state.
    sql::Statement series(m_db, "SELECT series_id, kind, entity_id, metric FROM series WHERE kind IN (0, 1)");
    while (series.step()) {
        const auto found = latest.find(series.int64(0));
        if (found == latest.end())
            continue;
        const qint64 ts = found->second.ts;
        const double value = found->second.value;
        const QString entity = series.text(2);
        const QString metric = series.text(3);
        const auto kind = schema::SeriesKind(series.int64(1));
        if (kind == schema::SeriesKind::Node) {
            NodeSample &sample = state.nodeSamples[entity];
            sample.nodeId = entity;
            sample.tsMs = qMax(sample.tsMs, ts);
            metrics::setNodeValue(sample, metric, value);
        } else if (kind == schema::SeriesKind::Link) {
            LinkSample &sample = state.linkSamples[entity];
            sample.linkId = entity;
            sample.tsMs = qMax(sample.tsMs, ts);
            metrics::setLinkValue(sample, metric, value);
        }
    }

    // Samples of entities that had left the directory by then are not part of that moment.
    if (!state.nodes.isEmpty()) {
        QSet<QString> ids;
        for (const Node &node : std::as_const(state.nodes))
            ids.insert(node.id);
        state.nodeSamples.removeIf([&ids](const auto &it) { return !ids.contains(it.key()); });
    }
    if (!state.links.isEmpty()) {
        QSet<QString> ids;
        for (const Link &link : std::as_const(state.links))
            ids.insert(link.id);
        state.linkSamples.removeIf([&ids](const auto &it) { return !ids.contains(it.key()); });
    }

    // Jobs are stored in their latest known state; their timestamps tell what they were at atMs.
    sql::Statement jobs(m_db, "SELECT body FROM jobs ORDER BY job_id");
    while (jobs.step()) {
        auto parsed = protocol::parseJob(jobs.utf8(0));
        if (!parsed.ok())
            continue;
        Job job = parsed.value();
        if (job.submittedAtMs > atMs)
            continue;
        if (job.finishedAtMs > 0 && job.finishedAtMs <= atMs) {
            // ended by then: as stored
        } else if (job.startedAtMs > 0 && job.startedAtMs <= atMs) {
            if (job.finishedAtMs > job.startedAtMs)
                job.progress = double(atMs - job.startedAtMs) / double(job.finishedAtMs - job.startedAtMs);
            job.state = JobState::Running;
            job.finishedAtMs = 0;
        } else {
            job.state = JobState::Queued;
            job.progress = 0;
            job.startedAtMs = 0;
            job.finishedAtMs = 0;
        }
        state.jobs.append(job);
    }
    state.alarms = AlarmHistory(m_db).alarmsAt(atMs);
    return state;
}

ContentSummary SeriesReader::summary() const
{
    ContentSummary c;
    auto count = [this](const char *sqlText) {
        sql::Statement s(m_db, sqlText);
        return s.step() ? s.int64(0) : 0;
    };
    c.nodeVersions = count("SELECT count(*) FROM node_versions");
    c.linkVersions = count("SELECT count(*) FROM link_versions");
    c.series = count("SELECT count(*) FROM series");
    c.rawSamples = count("SELECT ifnull(sum(samples), 0) FROM sample_ticks");
    c.minuteSamples = count("SELECT count(*) FROM samples_1m");
    c.hourSamples = count("SELECT count(*) FROM samples_1h");
    c.offers = count("SELECT count(*) FROM offers");
    c.jobs = count("SELECT count(*) FROM jobs");
    c.events = count("SELECT count(*) FROM events");
    c.alarms = count("SELECT count(*) FROM alarms");
    c.alarmRevisions = count("SELECT count(*) FROM alarm_revisions");
    // Every sample table is keyed by time first: its first and last rows are one seek each.
    sql::Statement span(m_db,
                        "SELECT min(f), max(l) FROM (SELECT min(ts) AS f, max(ts) AS l FROM sample_ticks "
                        "UNION ALL SELECT min(ts), max(ts) FROM samples_1m "
                        "UNION ALL SELECT min(ts), max(ts) FROM samples_1h)");
    if (span.step() && !span.isNull(0)) {
        c.fromMs = span.int64(0);
        c.toMs = span.int64(1);
    }
    c.firstListedMs = count("SELECT ifnull(min(valid_from), 0) FROM node_versions");
    return c;
}

} // namespace cpn::cache
