#pragma once

#include "domain/nodenames.h"
#include "cache/cachetypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cpn::cache {

// What changed between two moments (of the cache or of two snapshots), for the UI's compare
// view and `cpn-snapshot diff` alike; both only format it.
struct DiffResult
{
    qint64 fromMs = 0; // the earlier state's time
    qint64 toMs = 0;

    struct StatusChange
    {
        QString nodeId;
        QString name;
        NodeStatus before = NodeStatus::Online;
        NodeStatus after = NodeStatus::Online;
        // A node that reports in one state and not in the other (it stopped or started sending
        // samples) changed too: "no data" is what an operator sees on the live map.
        bool reportedBefore = true;
        bool reportedAfter = true;
    };
    // Utilization of a link (the busier direction over its capacity) or a province (mean CPU
    // utilization of its nodes), both fractions.
    struct UtilizationChange
    {
        QString id;    // link id or ISO 3166-2:CN province code
        QString label; // "a - b" for links; empty for provinces
        double before = 0;
        double after = 0;
        double delta() const { return after - before; }
    };

    // A link whose reported status moved (up, congested, down): a link that went down is that,
    // not a fall in utilization, so it is listed here and not among linkChanges.
    struct LinkStatusChange
    {
        QString id;
        QString label; // "a - b"
        LinkStatus before = LinkStatus::Up;
        LinkStatus after = LinkStatus::Up;
    };

    QList<StatusChange> statusChanges;        // by node id; status from samples, else the directory
    QList<LinkStatusChange> linkStatusChanges; // in directory order
    QList<UtilizationChange> linkChanges;     // largest |delta| first, at most `top`
    QList<UtilizationChange> regionChanges;   // largest |delta| first, at most `top`
    QStringList nodesAdded;
    QStringList nodesRemoved;
    // An alarm raised, cleared, acknowledged or unacknowledged between the two moments, from the
    // alarms each state lists (AlarmHistory::alarmsAt): raised when its raisedAt is after the earlier
    // moment; cleared when the later state shows it cleared since, or no longer lists an alarm the
    // earlier one had active (cleared over an hour before the later moment); its acknowledgement
    // when that differs between the two. An alarm raised and cleared between them more than an hour
    // before the later moment is in neither state (AlarmHistory::alarmsBetween lists it).
    struct AlarmChange
    {
        enum class What { Raised, Cleared, Acknowledged, Unacknowledged };
        What what = What::Raised;
        QString origin;
        Alarm alarm;        // as the later state lists it, else as the earlier one did
        QString sourceName; // its node's name or its link's "a - b" in the directory; empty: unknown
        qint64 atMs = 0;    // when: raisedAt, clearedAt, the acknowledgement's time; 0: unknown
    };

    QList<Job> jobsStarted;  // started in (fromMs, toMs]
    QList<Job> jobsFinished; // ended in (fromMs, toMs]
    // Every node of either state (the later one's description where both have it): names for the ids above.
    NodeNames names;
    QList<AlarmChange> alarmChanges; // most severe first, then by time
};

class SnapshotDiff
{
public:
    // Compares the earlier state `before` with `after`; only changes of at least minDelta count.
    static DiffResult compare(const ReplayState &before, const ReplayState &after, int top = 10,
                              double minDelta = 0.005);

    // Utilization as the diff defines it; nullopt-like -1 when there is no sample or capacity.
    static double linkUtilization(const Link &link, const LinkSample &sample);
};

} // namespace cpn::cache
