#pragma once

#include "cache/cachetypes.h"
#include "domain/alarm.h"
#include "domain/job.h"

#include <QHash>
#include <QList>
#include <QString>

// What a shift handover report says (File > Handover Report…): plain values, filled by
// HandoverBuilder from the cache, the alarms by the caller; HandoverReportWriter lays them out.
namespace cpn::report {

// The federation as a whole at one moment, from the cache's state then (SeriesReader::stateAt).
struct NationalFigures
{
    qint64 atMs = 0;
    bool recorded = false; // false: the cache holds no samples for that moment
    int nodesListed = 0;
    int nodesOnline = 0;       // reporting online or degraded
    int nodesDown = 0;         // reporting offline, or not reporting at all (maintenance is neither)
    int acceleratorsTotal = 0; // installed on the listed nodes
    double acceleratorsBusy = 0;
    double cpuUtil = 0; // 0..1, weighted by CPU cores over the reporting nodes
    double powerKw = 0;
    int links = 0;
    int linksCongested = 0; // reported congested, or above 90 % of capacity in either direction
    int linksDown = 0;
};

// A node or link that was down or silent, from consecutive moments of the timeline.
struct Outage
{
    enum class Kind { NodeDown, NodeNotReporting, LinkDown };
    Kind kind = Kind::NodeDown;
    QString entityId;
    qint64 startMs = 0; // the first moment it was seen so (the range's start when beganBefore)
    qint64 endMs = 0;   // the first moment it was seen back; 0: still so at the range's end
    bool beganBefore = false;

    qint64 durationMs(qint64 rangeEndMs) const { return (endMs > 0 ? endMs : rangeEndMs) - startMs; }
    friend bool operator==(const Outage &, const Outage &) = default;
};

// A node's or link's names as the directory gives them (links: their two nodes' names).
struct EntityNames
{
    QString name;
    QString nameZh; // empty where the directory has none
};

struct HandoverData
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 generatedAtMs = 0;
    QString federation; // what the operators call the federation(s) (the roots' labels)
    QString author;     // the signed-in account; empty when nobody is signed in

    // Alarms whose life overlaps the range, with their acknowledgement and comments; given by the
    // caller (the cache's alarm history). alarmsAvailable false: the report says there is none.
    bool alarmsAvailable = false;
    QList<Alarm> alarms;

    bool recorded = false;           // the cache holds samples within the range
    qint64 timelineStepMs = 0;       // outages and the timeline are seen at this step
    QList<NationalFigures> timeline; // from fromMs to toMs, timelineStepMs apart (the last at toMs)
    NationalFigures atStart;
    NationalFigures atEnd;
    // The nation's totals as the console recorded them every tick (region series ""), for the charts.
    cache::Series cpuSeries;
    cache::Series acceleratorSeries;
    cache::Series powerSeries;

    QList<Outage> outages; // longest first
    // Jobs the console followed (those submitted from it) that failed within the range.
    bool jobsRecorded = false; // the cache holds any job at all
    QList<Job> failedJobs;

    QHash<QString, EntityNames> names; // node and link ids of the directory over the range
};

} // namespace cpn::report
