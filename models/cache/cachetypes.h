#pragma once

#include "domain/alarm.h"
#include "domain/job.h"
#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

// Plain values the cache hands out; the UI and the command line format them.
namespace cpn::cache {

struct CacheEvent
{
    qint64 tsMs = 0;
    int severity = 0; // EventLogModel::Severity as an int: the cache does not depend on itemmodels
    QString source;
    QString message;
    friend bool operator==(const CacheEvent &, const CacheEvent &) = default;
};

// Raw: the samples as ingested; the others are roll-ups of fixed buckets.
enum class Resolution { Auto, Raw, Minute, Hour };
QString toString(Resolution r);

struct SeriesPoint
{
    qint64 tsMs = 0; // bucket start for roll-ups
    double min = 0;
    double max = 0;
    double mean = 0; // equal to min, max and last for raw samples
    qint64 count = 1;
    double last = 0;
    friend bool operator==(const SeriesPoint &, const SeriesPoint &) = default;
};

struct Series
{
    Resolution resolution = Resolution::Raw;
    QList<SeriesPoint> points; // ascending time
};

// An alarm as the console had seen it by some moment: the root it came from (its base URL,
// QUrl::toString(): two roots may use the same alarm ids), when the console observed this revision,
// and the alarm as of that moment (see AlarmHistory::alarmsAt).
struct RecordedAlarm
{
    QString origin;
    qint64 observedAtMs = 0;
    Alarm alarm;
    friend bool operator==(const RecordedAlarm &, const RecordedAlarm &) = default;
};

// One step in an alarm's life, from its recorded revisions (AlarmHistory::alarmsBetween).
struct AlarmHistoryEntry
{
    enum class Kind { Raised, Acknowledged, AcknowledgementExpired, Unacknowledged, Commented, Cleared };
    Kind kind = Kind::Raised;
    qint64 atMs = 0;
    QString by;         // who acknowledged or commented; empty otherwise
    QString text;       // the acknowledgement's or the comment's text
    qint64 untilMs = 0; // Acknowledged: until when (0: until cleared)
    friend bool operator==(const AlarmHistoryEntry &, const AlarmHistoryEntry &) = default;
};

// An alarm whose life overlapped a time range: its newest revision observed by the range's end and
// what happened to it within the range, oldest first.
struct AlarmPeriod
{
    RecordedAlarm last;
    QList<AlarmHistoryEntry> history;
};

// What the federation looked like at one moment: the directory then and each entity's latest
// sample at or before it (within a look-back), and the jobs as they stood.
struct ReplayState
{
    qint64 atMs = 0;
    QList<Node> nodes;
    QList<Link> links;
    QHash<QString, qint64> listedSinceMs;   // by node id: since when the directory listed it as it is
    QHash<QString, NodeSample> nodeSamples; // by node id
    QHash<QString, LinkSample> linkSamples; // by link id
    QList<Job> jobs;                        // submitted at or before atMs, state as of atMs
    QList<RecordedAlarm> alarms;            // AlarmHistory::alarmsAt(atMs)
};

// Row counts and time span of a cache or snapshot.
struct ContentSummary
{
    qint64 nodeVersions = 0;
    qint64 linkVersions = 0;
    qint64 series = 0;
    qint64 rawSamples = 0;
    qint64 minuteSamples = 0;
    qint64 hourSamples = 0;
    qint64 offers = 0;
    qint64 jobs = 0;
    qint64 events = 0;
    qint64 alarms = 0; // distinct alarms
    qint64 alarmRevisions = 0;
    qint64 fromMs = 0; // 0 when there are no samples
    qint64 toMs = 0;
    qint64 firstListedMs = 0; // when the directory first listed a node; 0 when it never did
};

} // namespace cpn::cache

Q_DECLARE_METATYPE(cpn::cache::CacheEvent)
Q_DECLARE_METATYPE(cpn::cache::Series)
Q_DECLARE_METATYPE(cpn::cache::ReplayState)
Q_DECLARE_METATYPE(cpn::cache::AlarmPeriod)
