#include "domain/enums.h"

#include <array>
#include <utility>

namespace cpn {
namespace {

template <typename E, std::size_t N>
using WireTable = std::array<std::pair<E, const char *>, N>;

constexpr WireTable<NodeTier, 3> kTiers{{{NodeTier::National, "national"},
                                         {NodeTier::Regional, "regional"},
                                         {NodeTier::Industry, "industry"}}};
constexpr WireTable<NodeRole, 4> kRoles{{{NodeRole::National, "national"},
                                         {NodeRole::Hub, "hub"},
                                         {NodeRole::Cluster, "cluster"},
                                         {NodeRole::Industry, "industry"}}};
constexpr WireTable<NodeStatus, 4> kNodeStatuses{{{NodeStatus::Online, "online"},
                                                  {NodeStatus::Degraded, "degraded"},
                                                  {NodeStatus::Offline, "offline"},
                                                  {NodeStatus::Maintenance, "maintenance"}}};
constexpr WireTable<LinkKind, 3> kLinkKinds{{{LinkKind::Backbone, "backbone"},
                                             {LinkKind::Regional, "regional"},
                                             {LinkKind::Access, "access"}}};
constexpr WireTable<LinkStatus, 3> kLinkStatuses{{{LinkStatus::Up, "up"},
                                                  {LinkStatus::Congested, "congested"},
                                                  {LinkStatus::Down, "down"}}};
constexpr WireTable<JobKind, 4> kJobKinds{{{JobKind::Training, "training"},
                                           {JobKind::FineTuning, "fine-tuning"},
                                           {JobKind::Inference, "inference"},
                                           {JobKind::Batch, "batch"}}};
constexpr WireTable<JobState, 5> kJobStates{{{JobState::Queued, "queued"},
                                             {JobState::Running, "running"},
                                             {JobState::Completed, "completed"},
                                             {JobState::Failed, "failed"},
                                             {JobState::Cancelled, "cancelled"}}};

template <typename E, std::size_t N> QString nameOf(const WireTable<E, N> &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const WireTable<E, N> &table, const QString &name)
{
    for (const auto &[v, wire] : table) {
        if (name == QLatin1String(wire))
            return v;
    }
    return std::nullopt;
}

template <typename E, std::size_t N> QStringList namesOf(const WireTable<E, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromLatin1(entry.second);
    return names;
}

} // namespace

QString toWire(NodeTier v) { return nameOf(kTiers, v); }
QString toWire(NodeRole v) { return nameOf(kRoles, v); }
QString toWire(NodeStatus v) { return nameOf(kNodeStatuses, v); }
QString toWire(LinkKind v) { return nameOf(kLinkKinds, v); }
QString toWire(LinkStatus v) { return nameOf(kLinkStatuses, v); }
QString toWire(JobKind v) { return nameOf(kJobKinds, v); }
QString toWire(JobState v) { return nameOf(kJobStates, v); }

template <> std::optional<NodeTier> fromWire<NodeTier>(const QString &n) { return valueOf(kTiers, n); }
template <> std::optional<NodeRole> fromWire<NodeRole>(const QString &n) { return valueOf(kRoles, n); }
template <> std::optional<NodeStatus> fromWire<NodeStatus>(const QString &n)
{
    return valueOf(kNodeStatuses, n);
}
template <> std::optional<LinkKind> fromWire<LinkKind>(const QString &n) { return valueOf(kLinkKinds, n); }
template <> std::optional<LinkStatus> fromWire<LinkStatus>(const QString &n)
{
    return valueOf(kLinkStatuses, n);
}
template <> std::optional<JobKind> fromWire<JobKind>(const QString &n) { return valueOf(kJobKinds, n); }
template <> std::optional<JobState> fromWire<JobState>(const QString &n) { return valueOf(kJobStates, n); }

template <> QStringList wireNames<NodeTier>() { return namesOf(kTiers); }
template <> QStringList wireNames<NodeRole>() { return namesOf(kRoles); }
template <> QStringList wireNames<NodeStatus>() { return namesOf(kNodeStatuses); }
template <> QStringList wireNames<LinkKind>() { return namesOf(kLinkKinds); }
template <> QStringList wireNames<LinkStatus>() { return namesOf(kLinkStatuses); }
template <> QStringList wireNames<JobKind>() { return namesOf(kJobKinds); }
template <> QStringList wireNames<JobState>() { return namesOf(kJobStates); }

bool isTerminal(JobState state)
{
    return state == JobState::Completed || state == JobState::Failed || state == JobState::Cancelled;
}

NodeTier tierOf(NodeRole role)
{
    switch (role) {
    case NodeRole::National:
        return NodeTier::National;
    case NodeRole::Hub:
    case NodeRole::Cluster:
        return NodeTier::Regional;
    case NodeRole::Industry:
        return NodeTier::Industry;
    }
    return NodeTier::Industry;
}

const QList<AcceleratorModelInfo> &knownAcceleratorModels()
{
    static const QList<AcceleratorModelInfo> models{
        {"ascend-910b", "Ascend 910B", "Huawei"},
        {"h800", "H800", "NVIDIA"},
        {"a800", "A800", "NVIDIA"},
        {"hygon-dcu", "Hygon DCU Z100", "Hygon"},
        {"mlu370", "MLU370-X8", "Cambricon"},
    };
    return models;
}

QString acceleratorDisplayName(const QString &modelId)
{
    for (const auto &model : knownAcceleratorModels()) {
        if (modelId == QLatin1String(model.id))
            return QString::fromLatin1(model.displayName);
    }
    return modelId;
}

int roleRank(NodeRole role)
{
    switch (role) {
    case NodeRole::National:
        return 0;
    case NodeRole::Hub:
        return 1;
    case NodeRole::Cluster:
        return 2;
    case NodeRole::Industry:
        return 3;
    }
    return 3;
}

} // namespace cpn
