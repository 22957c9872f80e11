#include "cache/schema.h"

#include "cache/sampleblock.h"
#include "cache/sqlite.h"

namespace cpn::cache::schema {

namespace {

// Directory entries are stored as versions [valid_from, valid_to) so a replay at T finds the
// directory as it was then; bodies are the protocol's JSON (protocol::toJson), re-validated on read.
// Samples live in one WITHOUT ROWID table keyed (series_id, ts): the fastest layout measured for
// both appending and reading one series (docs/cache.md).
const char *const kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE node_versions(node_id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    province TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY(node_id, valid_from)) WITHOUT ROWID;
CREATE TABLE link_versions(link_id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    body TEXT NOT NULL, PRIMARY KEY(link_id, valid_from)) WITHOUT ROWID;
CREATE TABLE series(series_id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, entity_id TEXT NOT NULL,
    metric TEXT NOT NULL, UNIQUE(kind, entity_id, metric));
CREATE TABLE samples(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL,
    PRIMARY KEY(series_id, ts)) WITHOUT ROWID;
CREATE TABLE offers(ts INTEGER NOT NULL, offer_id TEXT NOT NULL, node_id TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY(ts, offer_id)) WITHOUT ROWID;
CREATE TABLE jobs(job_id TEXT PRIMARY KEY NOT NULL, node_id TEXT NOT NULL, updated_at INTEGER NOT NULL,
    body TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events(event_id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, severity INTEGER NOT NULL,
    source TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX events_ts ON events(ts);
)sql";

// Roll-ups keep min/max/mean/count per bucket, and the last value so that a replay at a time
// whose raw samples are gone still shows a state.
const char *const kVersion2 = R"sql(
CREATE TABLE samples_1m(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(series_id, ts)) WITHOUT ROWID;
CREATE TABLE samples_1h(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(series_id, ts)) WITHOUT ROWID;
)sql";

// Raw samples by time: one row per tick and block of series (sampleblock.h), so a tick is an append;
// sample_ticks lists the ticks with their sample counts (a small index: a series is read with one key
// seek per tick, never a scan of the other blocks). The roll-ups are keyed by time first for the
// same reason: a minute rolled up is one append of all series. The samples move over in C++
// (sampleblock::convertRowSamples), then their table goes.
const char *const kVersion3 = R"sql(
CREATE TABLE sample_blocks(ts INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY(ts, block)) WITHOUT ROWID;
CREATE TABLE sample_ticks(ts INTEGER PRIMARY KEY, samples INTEGER NOT NULL);
CREATE TABLE rollup_1m(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(ts, series_id)) WITHOUT ROWID;
INSERT INTO rollup_1m SELECT series_id, ts, min, max, mean, count, last FROM samples_1m ORDER BY ts, series_id;
DROP TABLE samples_1m;
ALTER TABLE rollup_1m RENAME TO samples_1m;
CREATE TABLE rollup_1h(series_id INTEGER NOT NULL, ts INTEGER NOT NULL, min REAL NOT NULL,
    max REAL NOT NULL, mean REAL NOT NULL, count INTEGER NOT NULL, last REAL NOT NULL,
    PRIMARY KEY(ts, series_id)) WITHOUT ROWID;
INSERT INTO rollup_1h SELECT series_id, ts, min, max, mean, count, last FROM samples_1h ORDER BY ts, series_id;
DROP TABLE samples_1h;
ALTER TABLE rollup_1h RENAME TO samples_1h;
)sql";

// Alarms (docs/cache.md, "Alarms"): every revision the console saw, keyed by the root it came from
// (its base URL), the alarm's id and its revision, with the time the console observed it and the
// alarm as the protocol's JSON (alarmjson.h). `alarms` sums each alarm up so a moment's query
// touches only the alarms it can list: listed_until is the first moment at which it is no longer
// listed (an open alarm: never), first_seen its first observation.
const char *const kVersion4 = R"sql(
CREATE TABLE alarm_revisions(origin TEXT NOT NULL, alarm_id TEXT NOT NULL, revision INTEGER NOT NULL,
    observed_at INTEGER NOT NULL, raised_at INTEGER NOT NULL, cleared_at INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY(origin, alarm_id, revision)) WITHOUT ROWID;
CREATE TABLE alarms(origin TEXT NOT NULL, alarm_id TEXT NOT NULL, first_seen INTEGER NOT NULL,
    listed_until INTEGER NOT NULL, PRIMARY KEY(origin, alarm_id)) WITHOUT ROWID;
CREATE INDEX alarms_listed_until ON alarms(listed_until);
)sql";

bool convertSamples(sqlite3 *db, QString *error)
{
    return sampleblock::convertRowSamples(db, error) && sql::exec(db, "DROP TABLE samples", error);
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> steps = {{1, kVersion1, nullptr},
                                           {2, kVersion2, nullptr},
                                           {3, kVersion3, convertSamples},
                                           {4, kVersion4, nullptr}};
    return steps;
}

} // namespace cpn::cache::schema
