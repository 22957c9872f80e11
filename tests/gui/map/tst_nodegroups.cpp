// Node groups at national zoom: a big federation's clusters and industry nodes that would pile on each
// other are one symbol with their count and their statuses, their links merged; hubs stay themselves;
// zooming in opens the groups; a small federation is never grouped.
#include "widgets/map/mapscene.h"
#include "widgets/map/nodemapwidget.h"

#include <QTest>

using namespace cpn;
using namespace cpn::map;

class tst_NodeGroups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSmallFederationIsNeverGrouped();
    void nationalZoomGroupsNeighboursButNeverHubs();
    void zoomingInOpensTheGroups();
    void groupFiguresFollowTheirMembers();
    void linksToAGroupAreMergedAndInsideItHidden();
    void filteredOutNodesAreNotGrouped();
    void aClickOnAGroupZoomsInUntilItOpens();

private:
    // `hubs` hubs 1,000 km apart, each with `perHub` members around it within 40 km, 8 km apart at least.
    static void build(MapScene &scene, int hubs, int perHub, bool withLinks = false);
    static constexpr double kNationalScale = 0.3; // px/km: about what "fit country" shows
};

void tst_NodeGroups::build(MapScene &scene, int hubs, int perHub, bool withLinks)
{
    QList<MapNode> nodes;
    QList<Link> links;
    for (int h = 0; h < hubs; ++h) {
        MapNode hub;
        hub.id = QStringLiteral("hub-%1").arg(h);
        hub.role = NodeRole::Hub;
        hub.km = QPointF(h * 1000.0, 0);
        hub.capacityWeight = 1000;
        nodes.append(hub);
        for (int m = 0; m < perHub; ++m) {
            MapNode member;
            member.id = QStringLiteral("n-%1-%2").arg(h).arg(m);
            member.role = m % 3 == 0 ? NodeRole::Cluster : NodeRole::Industry;
            member.km = hub.km + QPointF(8.0 * (m % 5) - 16, 8.0 * (m / 5 % 5) - 16);
            member.capacityWeight = 100 - m;
            member.hasSample = true;
            member.utilization = 0.5;
            member.acceleratorsTotal = 10;
            member.acceleratorsFree = 4;
            nodes.append(member);
            if (withLinks) {
                Link up{QStringLiteral("up-%1-%2").arg(h).arg(m), hub.id, member.id, LinkKind::Access, 100, 0, 0};
                links.append(up);
                if (m > 0)
                    links.append({QStringLiteral("in-%1-%2").arg(h).arg(m), QStringLiteral("n-%1-0").arg(h), member.id,
                                  LinkKind::Backbone, 10, 0, 0});
            }
        }
    }
    scene.setNodes(nodes);
    scene.setLinks(links);
}

void tst_NodeGroups::aSmallFederationIsNeverGrouped()
{
    MapScene scene;
    build(scene, 4, 24); // 100 nodes, piled up as much as the big one below
    scene.setGroupingScale(kNationalScale);
    QVERIFY(!scene.groups().isActive());
    for (const MapNode &node : scene.nodes())
        QVERIFY(node.shown());
}

void tst_NodeGroups::nationalZoomGroupsNeighboursButNeverHubs()
{
    MapScene scene;
    build(scene, 16, 24); // 400 nodes
    const quint64 before = scene.nodesRevision();
    scene.setGroupingScale(kNationalScale);
    QVERIFY(scene.nodesRevision() > before); // the renderer and the hit index learn of it
    const QList<NodeGroup> &groups = scene.groups().groups();
    QCOMPARE(groups.size(), 16); // each hub's 24 neighbours, 40 km across, are 12 px at this scale: one group
    int grouped = 0;
    for (const NodeGroup &group : groups) {
        QCOMPARE(group.count(), 24);
        QCOMPARE(group.byStatus[size_t(DisplayStatus::Online)], 24);
        QCOMPARE(group.acceleratorsTotal, 240);
        // The biggest member first.
        QCOMPARE(scene.nodes().at(group.members.constFirst()).capacityWeight, 100.0);
        grouped += group.count();
    }
    QCOMPARE(grouped, 16 * 24);
    for (const MapNode &node : scene.nodes())
        QCOMPARE(node.grouped, node.role != NodeRole::Hub);
    // A small zoom keeps the grouping as it was (and so the picture).
    const quint64 grouping = scene.nodesRevision();
    scene.setGroupingScale(kNationalScale * 1.05);
    QCOMPARE(scene.nodesRevision(), grouping);
}

void tst_NodeGroups::zoomingInOpensTheGroups()
{
    MapScene scene;
    build(scene, 16, 24);
    scene.setGroupingScale(kNationalScale);
    QVERIFY(scene.groups().isActive());
    scene.setGroupingScale(8.0); // 8 km apart are 64 px: every node stands alone
    QVERIFY(!scene.groups().isActive());
    for (const MapNode &node : scene.nodes())
        QVERIFY(node.shown());
}

void tst_NodeGroups::groupFiguresFollowTheirMembers()
{
    MapScene scene;
    build(scene, 16, 24);
    scene.setGroupingScale(kNationalScale);
    const int member = scene.groups().groups().at(3).members.at(5);
    scene.mutableNodes()[member].status = DisplayStatus::Offline;
    scene.touchNodes();
    const NodeGroup &group = scene.groups().groups().at(3);
    QCOMPARE(group.byStatus[size_t(DisplayStatus::Offline)], 1);
    QCOMPARE(group.byStatus[size_t(DisplayStatus::Online)], 23);
    QCOMPARE(group.worst, DisplayStatus::Offline);
}

void tst_NodeGroups::linksToAGroupAreMergedAndInsideItHidden()
{
    MapScene scene;
    build(scene, 16, 24, true);
    scene.setGroupingScale(kNationalScale);
    // Per hub: 24 access links to its group become one line; the 23 links inside the group none.
    const QList<GroupLink> &links = scene.groups().links();
    QCOMPARE(links.size(), 16);
    for (const GroupLink &link : links) {
        QCOMPARE(link.links, 24);
        QCOMPARE(link.capacityGbps, 2400.0);
    }
}

void tst_NodeGroups::filteredOutNodesAreNotGrouped()
{
    MapScene scene;
    build(scene, 16, 24);
    for (MapNode &node : scene.mutableNodes())
        node.visible = !node.id.startsWith(QLatin1String("n-0-"));
    scene.touchVisibility();
    scene.setGroupingScale(kNationalScale);
    QCOMPARE(scene.groups().groups().size(), 15);
    for (const MapNode &node : scene.nodes()) {
        if (node.id.startsWith(QLatin1String("n-0-")))
            QVERIFY(!node.grouped);
    }
}

void tst_NodeGroups::aClickOnAGroupZoomsInUntilItOpens()
{
    MapScene scene;
    build(scene, 16, 24);
    NodeMapWidget widget(&scene, nullptr);
    widget.resize(1200, 700);
    geo::MapViewport view = widget.viewport();
    view.setSize(widget.size());
    view.setScale(kNationalScale);
    view.setCentreKm(QPointF(7500, 0));
    widget.setViewport(view);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    const QPointF at = widget.viewport().toScreen(QPointF(5000, 0)); // the sixth hub's neighbours
    const int group = widget.groupAt(at + QPointF(0, -3));
    QVERIFY(group >= 0);
    QCOMPARE(widget.nodeAt(at + QPointF(0, -3)), -1); // its members are not hit one by one
    QTest::mouseClick(&widget, Qt::LeftButton, {}, (at + QPointF(0, -3)).toPoint());
    QVERIFY(widget.viewport().scale() >= 2 * kNationalScale);
    // Opened again while a member is still in a group: a few times at most, then every member is itself.
    const int member = scene.nodeIndex(QStringLiteral("n-5-7"));
    for (int i = 0; i < 5; ++i) {
        widget.groupAt(QPointF()); // regroups at the view's scale, as painting does
        if (!scene.groups().isGrouped(member))
            break;
        QVERIFY(widget.openGroup(scene.groups().groupOf(member)));
    }
    QVERIFY(scene.nodes().at(member).shown());
    QVERIFY(widget.viewport().scale() <= kNationalScale * 8 * 8 * 8);
}

QTEST_MAIN(tst_NodeGroups)
#include "tst_nodegroups.moc"
