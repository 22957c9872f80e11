#include "cache/snapshotimporter.h"

#include "cache/alarmhistory.h"
#include "cache/sampleblock.h"
#include "cache/snapshotreader.h"
#include "cache/sqlite.h"

#include <QHash>

#include <sqlite3.h>

namespace cpn::cache {

namespace {

struct Copy
{
    const char *select;   // from the snapshot
    const char *insert;   // into the cache, same column order
    int seriesColumn;     // column holding a series id to map, or -1
};

// Events have no natural key: an event already present (same time, source and message) is skipped.
const Copy kCopies[] = {
    {"SELECT node_id, valid_from, valid_to, province, body FROM node_versions",
     "INSERT OR IGNORE INTO node_versions(node_id, valid_from, valid_to, province, body) VALUES (?, ?, ?, ?, "
     "?)",
     -1},
    {"SELECT link_id, valid_from, valid_to, body FROM link_versions",
     "INSERT OR IGNORE INTO link_versions(link_id, valid_from, valid_to, body) VALUES (?, ?, ?, ?)", -1},
    {"SELECT series_id, ts, min, max, mean, count, last FROM samples_1m",
     "INSERT OR IGNORE INTO samples_1m(series_id, ts, min, max, mean, count, last) VALUES (?, ?, ?, ?, ?, ?, "
     "?)",
     0},
    {"SELECT series_id, ts, min, max, mean, count, last FROM samples_1h",
     "INSERT OR IGNORE INTO samples_1h(series_id, ts, min, max, mean, count, last) VALUES (?, ?, ?, ?, ?, ?, "
     "?)",
     0},
    {"SELECT ts, offer_id, node_id, body FROM offers",
     "INSERT OR IGNORE INTO offers(ts, offer_id, node_id, body) VALUES (?, ?, ?, ?)", -1},
    {"SELECT job_id, node_id, updated_at, body FROM jobs",
     "INSERT OR IGNORE INTO jobs(job_id, node_id, updated_at, body) VALUES (?, ?, ?, ?)", -1},
    {"SELECT ts, severity, source, message FROM events",
     "INSERT INTO events(ts, severity, source, message) SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS "
     "(SELECT 1 FROM events WHERE ts = ?1 AND source = ?3 AND message = ?4)",
     -1},
    {"SELECT origin, alarm_id, revision, observed_at, raised_at, cleared_at, body FROM alarm_revisions",
     "INSERT OR IGNORE INTO alarm_revisions(origin, alarm_id, revision, observed_at, raised_at, cleared_at, "
     "body) VALUES (?, ?, ?, ?, ?, ?, ?)",
     -1},
};

} // namespace

bool SnapshotImporter::importInto(SnapshotReader &snapshot, sqlite3 *cache, QString *error)
{
    sqlite3 *source = snapshot.handle();
    if (!source) {
        *error = QStringLiteral("the snapshot is not open");
        return false;
    }
    sql::Transaction transaction(cache);
    if (!transaction.isActive()) {
        *error = QStringLiteral("cannot begin a transaction: %1").arg(sql::lastError(cache));
        return false;
    }

    QHash<qint64, qint64> seriesMap; // snapshot id -> cache id
    {
        sql::Statement read(source, "SELECT series_id, kind, entity_id, metric FROM series");
        sql::Statement insert(cache, "INSERT OR IGNORE INTO series(kind, entity_id, metric) VALUES (?, ?, ?)");
        sql::Statement find(cache, "SELECT series_id FROM series WHERE kind = ? AND entity_id = ? AND metric = ?");
        while (read.step()) {
            for (sql::Statement *s : {&insert, &find}) {
                s->bind(1, read.int64(1));
                s->bind(2, read.text(2));
                s->bind(3, read.text(3));
            }
            insert.run();
            if (!find.step()) {
                *error = QStringLiteral("mapping series: %1").arg(sql::lastError(cache));
                return false;
            }
            seriesMap.insert(read.int64(0), find.int64(0));
            find.reset();
        }
        if (!read.done()) {
            *error = QStringLiteral("reading the snapshot's series: %1").arg(read.error());
            return false;
        }
    }

    // Blocks hold series by id, and ids differ between the snapshot and the cache: each sample
    // goes into the cache's block of its mapped id.
    {
        sampleblock::Writer samples(cache);
        sql::Statement read(source, "SELECT ts, block, data FROM sample_blocks ORDER BY ts, block");
        sampleblock::Values values;
        while (read.step()) {
            int size = 0;
            const char *data = read.blobData(2, &size);
            values.present.reset();
            if (!sampleblock::decode(data, size, &values))
                continue;
            for (int slot = 0; slot < sampleblock::kSeriesPerBlock; ++slot) {
                const qint64 id = seriesMap.value(sampleblock::seriesIdOf(read.int64(1), slot));
                if (values.present[size_t(slot)] && id)
                    samples.add(id, read.int64(0), values.value[size_t(slot)]);
            }
            if (samples.pendingSamples() >= 1'000'000 && !samples.flush(error))
                return false;
        }
        if (!read.done() || !samples.flush(error)) {
            if (error->isEmpty())
                *error = QStringLiteral("reading the snapshot: %1").arg(read.error());
            return false;
        }
    }

    for (const Copy &copy : kCopies) {
        sql::Statement read(source, copy.select);
        sql::Statement insert(cache, copy.insert);
        while (read.step()) {
            for (int c = 0; c < read.columnCount(); ++c) {
                if (c == copy.seriesColumn)
                    insert.bind(c + 1, seriesMap.value(read.int64(c)));
                else
                    sqlite3_bind_value(insert.raw(), c + 1, sqlite3_column_value(read.raw(), c));
            }
            if (!insert.run()) {
                *error = QStringLiteral("copying: %1").arg(insert.error());
                return false;
            }
        }
        if (!read.done()) {
            *error = QStringLiteral("reading the snapshot: %1").arg(read.error());
            return false;
        }
    }
    // Each imported alarm's summary from all its revisions, the cache's and the snapshot's.
    {
        sql::Statement alarms(source, "SELECT DISTINCT origin, alarm_id FROM alarm_revisions");
        while (alarms.step()) {
            if (!AlarmHistory::updateSummary(cache, alarms.text(0), alarms.text(1), error))
                return false;
        }
        if (!alarms.done()) {
            *error = QStringLiteral("reading the snapshot: %1").arg(alarms.error());
            return false;
        }
    }
    return transaction.commit(error);
}

} // namespace cpn::cache
