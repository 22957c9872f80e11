#pragma once

#include "domain/enums.h"

#include <QMetaType>
#include <QString>

namespace cpn {

// What the console shows for a node: the protocol's NodeStatus plus "stale", which the console derives
// from the age of the newest sample it holds. Declared in order of increasing concern, so that sorting
// the status column by this value puts healthy nodes first.
enum class DisplayStatus { Online, Degraded, Stale, Maintenance, Offline };

DisplayStatus toDisplayStatus(NodeStatus status);
QString displayStatusName(DisplayStatus status);
QString tierName(NodeTier tier);
QString roleName(NodeRole role);
// Every value in declaration order (for filter combos and tests).
QList<DisplayStatus> allDisplayStatuses();

class FederationState;
// What people read for a node's or a link's id in this state's directory: the node's name in the
// interface's language, a link's as "A – B" of its ends; the id itself when the directory has neither.
QString displayNameOf(const FederationState &state, const QString &nodeOrLinkId);

} // namespace cpn

Q_DECLARE_METATYPE(cpn::DisplayStatus)
