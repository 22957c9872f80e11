#include "widgets/map/mapscene.h"

#include "geo/albersprojection.h"
#include "widgets/map/mapstyle.h"

#include "geo/provincelocator.h"

#include <algorithm>
#include <vector>
#include <cmath>
#include <limits>
#include <utility>

namespace cpn::map {

namespace {

QRectF projectedBox(const geo::AlbersProjection &projection, double lon0, double lat0, double lon1, double lat1)
{
    // Conic parallels curve, so the box of a lon/lat rectangle needs more than its corners.
    QRectF box;
    for (int i = 0; i <= 16; ++i) {
        const double lon = lon0 + (lon1 - lon0) * i / 16.0;
        for (double lat : {lat0, lat1}) {
            const QPointF p = projection.project(lon, lat);
            box = box.isNull() ? QRectF(p, QSizeF(1e-6, 1e-6)) : box.united(QRectF(p, QSizeF(1e-6, 1e-6)));
        }
    }
    return box;
}

} // namespace

MapScene::MapScene()
{
    const geo::AlbersProjection projection;
    for (int lon = 70; lon <= 140; lon += 5) {
        QPolygonF meridian;
        for (int lat = 0; lat <= 56; lat += 2)
            meridian << projection.project(lon, lat);
        m_graticule << meridian;
    }
    for (int lat = 0; lat <= 55; lat += 5) {
        QPolygonF parallel;
        for (int lon = 70; lon <= 140; ++lon)
            parallel << projection.project(lon, lat);
        m_graticule << parallel;
    }
    m_countryKm = projectedBox(projection, 73.5, 18.0, 135.1, 53.6);
    m_insetKm = projectedBox(projection, 106.0, 3.0, 123.5, 24.5);
}

MapScene::~MapScene() = default;

void MapScene::setNodes(QList<MapNode> nodes)
{
    m_nodes = std::move(nodes);
    m_nodeIndex.clear();
    m_nodeIndex.reserve(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodeIndex.insert(m_nodes[i].id, i);
    // Each node's province as a slot, so that a second's aggregates are sums into an array.
    m_provinceCodes.clear();
    m_provinceSlotOfNode.clear();
    QHash<QString, int> slots;
    for (const MapNode &node : std::as_const(m_nodes)) {
        int slot = -1;
        if (!node.province.isEmpty()) {
            slot = slots.value(node.province, int(m_provinceCodes.size()));
            if (slot == m_provinceCodes.size()) {
                slots.insert(node.province, slot);
                m_provinceCodes.append(node.province);
            }
        }
        m_provinceSlotOfNode.append(slot);
    }
    applyNodeAlarms();
    attachLinks();
    m_groupsStale = true;
    touchNodes();
    ++m_structureRevision;
    ++m_geometryRevision;
    ++m_linksRevision;
}

void MapScene::touchNodes()
{
    m_groups.refresh(m_nodes, m_links); // the groups' figures follow their members'
    ++m_nodesRevision;
}

void MapScene::touchVisibility()
{
    m_groupsStale = true;
    ++m_nodesRevision;
    ++m_linksRevision;
    ++m_geometryRevision;
}

void MapScene::setLinks(const QList<Link> &links)
{
    m_rawLinks = links;
    attachLinks();
    m_groupsStale = true;
    ++m_geometryRevision;
    ++m_linksRevision;
}

void MapScene::attachLinks()
{
    QHash<QString, MapLink> old;
    for (const MapLink &link : std::as_const(m_links))
        old.insert(link.id, link);
    m_links.clear();
    m_linkIndex.clear();
    m_links.reserve(m_rawLinks.size());
    for (qsizetype row = 0; row < m_rawLinks.size(); ++row) {
        const Link &raw = m_rawLinks.at(row);
        MapLink link;
        link.id = raw.id;
        link.row = int(row);
        link.a = nodeIndex(raw.a);
        link.b = nodeIndex(raw.b);
        if (link.a < 0 || link.b < 0)
            continue; // an endpoint the directory does not list: nothing to draw it between
        link.kind = raw.kind;
        link.capacityGbps = raw.capacityGbps;
        if (const auto it = old.constFind(raw.id); it != old.constEnd()) {
            link.reported = it->reported;
            link.status = it->status;
            link.abGbps = it->abGbps;
            link.baGbps = it->baGbps;
            link.latencyMs = it->latencyMs;
        }
        // A gentle bow, always to the same side of the line from the smaller id to the larger, so two
        // links between neighbours never draw on top of each other's opposite.
        const QPointF pa = m_nodes[link.a].km;
        const QPointF pb = m_nodes[link.b].km;
        const QPointF from = raw.a < raw.b ? pa : pb;
        const QPointF to = raw.a < raw.b ? pb : pa;
        const QPointF d = to - from;
        const double bow = link.kind == LinkKind::Access ? 0.10 : 0.16;
        link.controlKm = (pa + pb) / 2 + QPointF(-d.y(), d.x()) * bow;
        link.alarm =
            m_linkAlarms.contains(link.id) ? std::optional(m_linkAlarms.value(link.id)) : std::nullopt;
        m_linkIndex.insert(link.id, int(m_links.size()));
        m_links.append(link);
    }
}

int MapLink::look() const
{
    if (!reported)
        return 0;
    if (status == LinkStatus::Down)
        return 1;
    const int flow = std::max(abGbps, baGbps) > 0 ? (baGbps > abGbps ? 2 : 1) : 0; // the chevron's way
    return 2 + style::linkColorStep(utilization()) * 3 + flow;
}

void MapScene::setLinkSamples(const LinkSamplesByRow &samples)
{
    bool changed = false;
    for (MapLink &link : m_links) {
        const int before = link.look();
        const std::optional<LinkSample> *it = link.row < samples.size() ? &samples.at(link.row) : nullptr;
        if (!it || !*it) {
            link.reported = false;
        } else {
            link.reported = true;
            link.status = (*it)->status;
            link.abGbps = (*it)->abGbps;
            link.baGbps = (*it)->baGbps;
            link.latencyMs = (*it)->latencyMs;
        }
        changed = changed || link.look() != before;
    }
    if (changed) {
        m_groups.refresh(m_nodes, m_links);
        ++m_linksRevision;
    }
}

void MapScene::setGroupingScale(double pxPerKm)
{
    if (!m_groups.regroup(m_nodes, m_links, pxPerKm, std::exchange(m_groupsStale, false)))
        return;
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodes[i].grouped = m_groups.isGrouped(i);
    ++m_nodesRevision;
    ++m_linksRevision;
    ++m_geometryRevision;
}

void MapScene::setBasemap(QList<MapProvince> provinces, QList<MapBoundaryLine> lines,
                          std::shared_ptr<const geo::ProvinceLocator> locator, const QString &source)
{
    m_provinces = std::move(provinces);
    m_lines = std::move(lines);
    m_locator = std::move(locator);
    m_basemapSource = source;
    m_provinceIndex.clear();
    for (int i = 0; i < m_provinces.size(); ++i)
        m_provinceIndex.insert(m_provinces[i].isoCode, i);
    ++m_basemapRevision;
}

int MapScene::provinceAt(const QPointF &km) const
{
    if (m_locator)
        return m_locator->provinceAt(km);
    // Without a locator (a test scene): the outlines themselves, pre-filtered by their boxes.
    for (int i = 0; i < m_provinces.size(); ++i) {
        if (m_provinces[i].boundsKm.contains(km) && m_provinces[i].pathKm.contains(km))
            return i;
    }
    return -1;
}

void MapScene::setShadingMetric(ShadingMetric metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    recomputeAggregates();
    ++m_shadingRevision;
}

void MapScene::recomputeAggregates()
{
    std::vector<ProvinceAggregate> bySlot(size_t(m_provinceCodes.size()));
    std::vector<double> weightBySlot(size_t(m_provinceCodes.size()));
    std::vector<bool> used(size_t(m_provinceCodes.size()));
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        const MapNode &node = m_nodes.at(i);
        const int slot = m_provinceSlotOfNode.value(i, -1);
        if (!node.visible || slot < 0)
            continue;
        used[size_t(slot)] = true;
        ProvinceAggregate &t = bySlot[size_t(slot)];
        ++t.nodes;
        if (!node.hasSample)
            continue;
        ++t.reporting;
        const double w = std::max(1.0, node.capacityWeight);
        t.utilization += node.utilization * w;
        weightBySlot[size_t(slot)] += w;
        t.acceleratorsTotal += node.acceleratorsTotal;
        t.acceleratorsFree += node.acceleratorsFree;
        if (node.cheapestAcceleratorHour
            && (!t.cheapestAcceleratorHour || *node.cheapestAcceleratorHour < *t.cheapestAcceleratorHour))
            t.cheapestAcceleratorHour = node.cheapestAcceleratorHour;
    }
    QHash<QString, ProvinceAggregate> totals;
    totals.reserve(m_provinceCodes.size());
    for (size_t slot = 0; slot < bySlot.size(); ++slot) {
        if (!used[slot])
            continue;
        if (weightBySlot[slot] > 0)
            bySlot[slot].utilization /= weightBySlot[slot];
        totals.insert(m_provinceCodes.at(qsizetype(slot)), bySlot[slot]);
    }

    // The value each province is shaded by, and the range the legend spans.
    QHash<QString, double> values;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        switch (m_metric) {
        case ShadingMetric::None:
            break;
        case ShadingMetric::Utilization:
            if (it->reporting > 0)
                values.insert(it.key(), it->utilization);
            break;
        case ShadingMetric::FreeAccelerators:
            if (it->reporting > 0)
                values.insert(it.key(), it->acceleratorsFree);
            break;
        case ShadingMetric::Price:
            if (it->cheapestAcceleratorHour)
                values.insert(it.key(), *it->cheapestAcceleratorHour);
            break;
        }
    }
    double lo = 0;
    double hi = 1;
    if (m_metric == ShadingMetric::FreeAccelerators || m_metric == ShadingMetric::Price) {
        lo = std::numeric_limits<double>::max();
        hi = std::numeric_limits<double>::lowest();
        for (double v : std::as_const(values)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (values.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        if (m_metric == ShadingMetric::FreeAccelerators)
            lo = 0;
        if (hi <= lo)
            hi = lo + 1;
    }
    QHash<QString, QColor> fills;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const double t = (*it - lo) / (hi - lo);
        switch (m_metric) {
        case ShadingMetric::None:
            break;
        case ShadingMetric::Utilization:
            fills.insert(it.key(), style::shadeLoad(t));
            break;
        case ShadingMetric::FreeAccelerators:
            // Square root: a few huge hubs would otherwise leave every other province the same dark blue.
            fills.insert(it.key(), style::shadeSupply(std::sqrt(std::clamp(t, 0.0, 1.0))));
            break;
        case ShadingMetric::Price:
            fills.insert(it.key(), style::shadePrice(t));
            break;
        }
    }
    for (QColor &fill : fills)
        fill = QColor(fill.rgb()); // 8-bit channels: tiny drifts must not count as a change
    m_aggregates = std::move(totals);
    m_shadingMin = lo;
    m_shadingMax = hi;
    if (fills != m_fills) {
        m_fills = std::move(fills);
        ++m_shadingRevision;
    }
}

void MapScene::setHighlights(const QStringList &nodeIds, const QStringList &linkIds)
{
    m_highlightNodes = QSet<QString>(nodeIds.cbegin(), nodeIds.cend());
    m_highlightLinks = QSet<QString>(linkIds.cbegin(), linkIds.cend());
}

void MapScene::setAlarmSeverities(const AlarmSeverities &byNode, const AlarmSeverities &byLink)
{
    m_nodeAlarms = byNode;
    m_linkAlarms = byLink;
    if (applyNodeAlarms())
        ++m_nodesRevision;
    if (applyLinkAlarms())
        ++m_linksRevision;
}

namespace {

template <typename Item> bool applyAlarms(QList<Item> &items, const MapScene::AlarmSeverities &severities)
{
    bool changed = false;
    for (Item &item : items) {
        const auto it = severities.constFind(item.id);
        const std::optional<Alarm::Severity> alarm =
            it == severities.constEnd() ? std::nullopt : std::optional(*it);
        changed = changed || alarm != item.alarm;
        item.alarm = alarm;
    }
    return changed;
}

} // namespace

bool MapScene::applyNodeAlarms()
{
    return applyAlarms(m_nodes, m_nodeAlarms);
}

bool MapScene::applyLinkAlarms()
{
    return applyAlarms(m_links, m_linkAlarms);
}

void MapScene::setBlinking(const QStringList &nodeIds, const QStringList &linkIds)
{
    m_blinkNodes = QSet<QString>(nodeIds.cbegin(), nodeIds.cend());
    m_blinkLinks = QSet<QString>(linkIds.cbegin(), linkIds.cend());
}

} // namespace cpn::map
