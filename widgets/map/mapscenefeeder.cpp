#include "widgets/map/mapscenefeeder.h"

#include "domain/nodenames.h"
#include "domain/provinces.h"
#include "itemmodels/nodetablemodel.h"
#include "widgets/map/mapscene.h"

#include <QAbstractProxyModel>
#include <QTimer>

namespace cpn::map {

MapSceneFeeder::MapSceneFeeder(MapScene *scene, const NodeTableModel *nodes, QObject *parent)
    : QObject(parent), m_scene(scene), m_nodes(nodes), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(40);
    connect(m_timer, &QTimer::timeout, this, &MapSceneFeeder::flush);
    const auto rebuild = [this] { mark(NodesDirty); };
    connect(m_nodes, &QAbstractItemModel::modelReset, this, rebuild);
    connect(m_nodes, &QAbstractItemModel::rowsInserted, this, rebuild);
    connect(m_nodes, &QAbstractItemModel::rowsRemoved, this, rebuild);
    connect(m_nodes, &QAbstractItemModel::rowsMoved, this, rebuild);
    connect(m_nodes, &QAbstractItemModel::layoutChanged, this, rebuild);
    // The ages move every second; the map draws none of them.
    connect(m_nodes, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        if (from.column() != NodeTableModel::DataAgeColumn || to.column() != NodeTableModel::DataAgeColumn)
            mark(StatesDirty);
    });
    mark(NodesDirty);
}

void MapSceneFeeder::setFilter(QAbstractProxyModel *filter)
{
    if (m_filter)
        disconnect(m_filter, nullptr, this, nullptr);
    m_filter = filter;
    if (filter) {
        const auto visibility = [this] { mark(VisibilityDirty); };
        connect(filter, &QAbstractItemModel::modelReset, this, visibility);
        connect(filter, &QAbstractItemModel::rowsInserted, this, visibility);
        connect(filter, &QAbstractItemModel::rowsRemoved, this, visibility);
        connect(filter, &QAbstractItemModel::layoutChanged, this, visibility);
    }
    mark(VisibilityDirty);
}

void MapSceneFeeder::setLinks(const QList<Link> &links)
{
    m_links = links;
    mark(LinksDirty);
}

void MapSceneFeeder::setLinkSamples(const LinkSamplesByRow &samples)
{
    if (samples.isSharedWith(m_linkSamples))
        return; // the same loads as the last tick's
    m_linkSamples = samples;
    mark(LinkSamplesDirty);
}

void MapSceneFeeder::setCoalesceMs(int ms)
{
    m_timer->setInterval(std::max(0, ms));
}

void MapSceneFeeder::mark(int dirty)
{
    m_dirty |= dirty;
    if (!m_timer->isActive())
        m_timer->start();
}

void MapSceneFeeder::flush()
{
    m_timer->stop();
    const int dirty = std::exchange(m_dirty, 0);
    if (!dirty)
        return;
    if (dirty & NodesDirty)
        rebuildNodes(); // also reattaches links
    else if (dirty & StatesDirty)
        refreshStates();
    if (dirty & (NodesDirty | VisibilityDirty))
        refreshVisibility();
    if (dirty & (NodesDirty | LinksDirty)) {
        m_scene->setLinks(m_links);
        m_scene->setLinkSamples(m_linkSamples);
    } else if (dirty & LinkSamplesDirty) {
        m_scene->setLinkSamples(m_linkSamples);
    }
    if (dirty & (NodesDirty | StatesDirty | VisibilityDirty))
        m_scene->recomputeAggregates();
    if (dirty & (NodesDirty | StatesDirty | VisibilityDirty))
        m_scene->touchNodes();
    if (dirty & VisibilityDirty)
        m_scene->touchVisibility(); // links to hidden nodes are hidden too
    Q_EMIT sceneChanged();
}

void MapSceneFeeder::rebuildNodes()
{
    const bool zhFirst = chineseNamesFirst();
    QList<MapNode> nodes;
    nodes.reserve(m_nodes->rowCount());
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const Node &node = m_nodes->nodeAt(row);
        MapNode n;
        n.id = node.id;
        const bool useZh = zhFirst && !node.nameZh.isEmpty();
        n.name = useZh ? node.nameZh : node.name;
        n.altName = useZh ? node.name : node.nameZh;
        n.tier = node.tier;
        n.role = node.role;
        n.province = node.province;
        n.city = localizedCity(node);
        n.km = m_projection.project(node.lon, node.lat);
        const int accelerators = node.capacity.acceleratorCount();
        n.capacityWeight = accelerators > 0 ? accelerators : node.capacity.cpuCores / 100.0;
        nodes.append(n);
    }
    m_scene->setNodes(std::move(nodes));
    refreshStates();
}

void MapSceneFeeder::refreshStates()
{
    QList<MapNode> &nodes = m_scene->mutableNodes();
    for (int row = 0; row < nodes.size() && row < m_nodes->rowCount(); ++row) {
        MapNode &n = nodes[row];
        const NodeTableModel::Figures f = m_nodes->figuresAt(row);
        n.status = m_nodes->statusAt(row);
        n.hasSample = f.hasSample;
        n.utilization = f.acceleratorsTotal > 0 ? f.acceleratorUtil : f.cpuUtil;
        n.acceleratorsTotal = f.acceleratorsTotal;
        n.acceleratorsFree = f.acceleratorsFree;
        n.cheapestAcceleratorHour = f.cheapestAcceleratorHour;
    }
}

void MapSceneFeeder::refreshVisibility()
{
    QList<MapNode> &nodes = m_scene->mutableNodes();
    if (!m_filter || m_filter->sourceModel() != m_nodes) {
        for (MapNode &n : nodes)
            n.visible = true;
        return;
    }
    for (int row = 0; row < nodes.size(); ++row)
        nodes[row].visible = m_filter->mapFromSource(m_nodes->index(row, 0)).isValid();
}

} // namespace cpn::map
