#pragma once

#include <QString>
#include <QStringList>
#include <optional>

// Wire names of the protocol's enumerations (docs/node-api.md). Each enum has a
// toWire()/fromWire() pair; fromWire() returns nullopt for anything unknown.
namespace cpn {

enum class NodeTier { National, Regional, Industry };
// Where a node sits within its tier: a regional tier node is a hub region or one of its clusters.
enum class NodeRole { National, Hub, Cluster, Industry };
// 0 for the national node, then hubs, clusters and industry nodes: the order a tree and a map list them in.
int roleRank(NodeRole role);
enum class NodeStatus { Online, Degraded, Offline, Maintenance };
enum class LinkKind { Backbone, Regional, Access };
enum class LinkStatus { Up, Congested, Down };
enum class JobKind { Training, FineTuning, Inference, Batch };
enum class JobState { Queued, Running, Completed, Failed, Cancelled };

QString toWire(NodeTier v);
QString toWire(NodeRole v);
QString toWire(NodeStatus v);
QString toWire(LinkKind v);
QString toWire(LinkStatus v);
QString toWire(JobKind v);
QString toWire(JobState v);

template <typename E> std::optional<E> fromWire(const QString &name);
template <> std::optional<NodeTier> fromWire<NodeTier>(const QString &name);
template <> std::optional<NodeRole> fromWire<NodeRole>(const QString &name);
template <> std::optional<NodeStatus> fromWire<NodeStatus>(const QString &name);
template <> std::optional<LinkKind> fromWire<LinkKind>(const QString &name);
template <> std::optional<LinkStatus> fromWire<LinkStatus>(const QString &name);
template <> std::optional<JobKind> fromWire<JobKind>(const QString &name);
template <> std::optional<JobState> fromWire<JobState>(const QString &name);

// All wire names of an enum, in declaration order (for error messages and combo boxes).
template <typename E> QStringList wireNames();

bool isTerminal(JobState state);
// The tier a role belongs to: hubs and clusters are both regional nodes.
NodeTier tierOf(NodeRole role);

// Accelerator models are an open set on the wire (a lowercase slug); these are the ones the
// network runs today, with their display names.
struct AcceleratorModelInfo
{
    const char *id;
    const char *displayName;
    const char *vendor;
};
const QList<AcceleratorModelInfo> &knownAcceleratorModels();
QString acceleratorDisplayName(const QString &modelId);

} // namespace cpn
