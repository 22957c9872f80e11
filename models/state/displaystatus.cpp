#include "state/displaystatus.h"

#include "domain/nodenames.h"
#include "state/federationstate.h"

#include <QCoreApplication>

namespace cpn {

DisplayStatus toDisplayStatus(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Online:
        return DisplayStatus::Online;
    case NodeStatus::Degraded:
        return DisplayStatus::Degraded;
    case NodeStatus::Offline:
        return DisplayStatus::Offline;
    case NodeStatus::Maintenance:
        return DisplayStatus::Maintenance;
    }
    return DisplayStatus::Offline;
}

QString displayStatusName(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Online:
        return QCoreApplication::translate("cpn::DisplayStatus", "Online");
    case DisplayStatus::Degraded:
        return QCoreApplication::translate("cpn::DisplayStatus", "Degraded");
    case DisplayStatus::Stale:
        return QCoreApplication::translate("cpn::DisplayStatus", "Stale");
    case DisplayStatus::Maintenance:
        return QCoreApplication::translate("cpn::DisplayStatus", "Maintenance");
    case DisplayStatus::Offline:
        return QCoreApplication::translate("cpn::DisplayStatus", "Offline");
    }
    return {};
}

QString tierName(NodeTier tier)
{
    switch (tier) {
    case NodeTier::National:
        return QCoreApplication::translate("cpn::NodeTier", "National");
    case NodeTier::Regional:
        return QCoreApplication::translate("cpn::NodeTier", "Regional");
    case NodeTier::Industry:
        return QCoreApplication::translate("cpn::NodeTier", "Industry");
    }
    return {};
}

QString roleName(NodeRole role)
{
    switch (role) {
    case NodeRole::National:
        return QCoreApplication::translate("cpn::NodeRole", "National node");
    case NodeRole::Hub:
        return QCoreApplication::translate("cpn::NodeRole", "Hub");
    case NodeRole::Cluster:
        return QCoreApplication::translate("cpn::NodeRole", "Cluster");
    case NodeRole::Industry:
        return QCoreApplication::translate("cpn::NodeRole", "Industry node");
    }
    return {};
}

QList<DisplayStatus> allDisplayStatuses()
{
    return {DisplayStatus::Online, DisplayStatus::Degraded, DisplayStatus::Stale, DisplayStatus::Maintenance,
            DisplayStatus::Offline};
}

QString displayNameOf(const FederationState &state, const QString &nodeOrLinkId)
{
    const auto nodeName = [&state](const QString &id) {
        const Node *node = state.node(id);
        return node ? localizedName(*node) : id;
    };
    if (state.node(nodeOrLinkId))
        return nodeName(nodeOrLinkId);
    if (const Link *link = state.link(nodeOrLinkId))
        return QCoreApplication::translate("cpn::DisplayStatus", "%1 – %2").arg(nodeName(link->a), nodeName(link->b));
    return nodeOrLinkId;
}

} // namespace cpn
