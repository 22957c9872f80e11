#pragma once

#include "alarms/alarmfilterproxymodel.h"
#include "alarms/alarmtext.h"

#include <QList>
#include <QPair>
#include <QString>

namespace cpn {

class FederationState;

// What the Alarms dock asks of the directory a window shows: a source's name, whether it lies in a
// province or under a node, and the nodes that head a subtree. Reads the state at each call, so it
// follows directory changes without copies.
class AlarmDirectory
{
public:
    explicit AlarmDirectory(const FederationState *state) : m_state(state) {}
    // The directory of the state the window shows (a recording's in an offline review).
    void setState(const FederationState *state) { m_state = state; }
    const FederationState *state() const { return m_state; }

    QString nodeName(const QString &nodeId) const; // the id when the node is unknown
    QString sourceName(const AlarmSource &source) const;
    bool inProvince(const AlarmSource &source, const QString &province) const;
    bool inSubtree(const AlarmSource &source, const QString &rootId) const;
    // Whether a silence on `target` covers alarms about `source` (docs/node-api.md, "Silences"): a
    // node's covers it (as node, endpoint or subtree) and its links, a subtree's every node under it
    // and their links, a link's that link.
    bool silenceCovers(const AlarmSource &target, const AlarmSource &source) const;
    // Nodes with nodes under them, as (id, name), in the directory's order.
    QList<QPair<QString, QString>> subtreeRoots() const;
    // The node a map centres on for the source (a link: its first end).
    QString nodeToShow(const AlarmSource &source) const;

    alarms::SourceNamer namer() const;
    alarms::AlarmFilterProxyModel::RegionMatcher regionMatcher() const;
    alarms::AlarmFilterProxyModel::SubtreeMatcher subtreeMatcher() const;

private:
    bool nodeUnder(const QString &nodeId, const QString &rootId) const;
    const FederationState *m_state;
};

} // namespace cpn
