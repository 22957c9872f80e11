// The Latency Targets dock over the sample federation and the national map: the rings from the selected
// node carry the latencies of its paths (the sums of the links' samples along the tree), unchecking clears
// them, a pair pushed above its target is told as an event naming both hubs, and the map paints a node in
// the 5 ms band in that band's colour.
#include "gui/map/mapfixture.h"
#include "itemmodels/latencymatrixmodel.h"
#include "ui/latencypanel.h"
#include "widgets/map/maplatencylayer.h"
#include "widgets/map/mapoverlay.h"
#include "widgets/map/nodemapwidget.h"

#include <QCheckBox>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>
#include <numbers>

using namespace cpn;
using namespace Qt::StringLiterals;

class tst_LatencyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ringsCarryThePathLatenciesFromTheSelectedNode();
    void aPairAboveItsTargetIsToldNamingBothHubs();
    void theMapPaintsTheRingsInTheirBandsColour();

private:
    // A tick one second on: every node reports, every link its sample latency (base + 0.2 ms) but for
    // those given; those in `down` are down.
    void tick(const QHash<QString, double> &ms, const QSet<QString> &down = {});
    // The latency from gansu-hub to a node by hand: the sample federation is a tree (national, hubs, their
    // regions), so the path climbs from the node to the national node and down to gansu-hub.
    double byHand(const QString &nodeId, const QHash<QString, double> &ms) const;
    // Pixels of the circle of radius r around p within 20 of each channel of `color`, out of 90.
    static int ringPixels(const QImage &image, QPointF p, double r, const QColor &color);

    // The latencies of the test, by link: gansu-hub's own region, its way to the national node, and
    // Guizhou's.
    static QHash<QString, double> ringLatencies()
    {
        return {{u"l-gansu-hub-qingyang"_s, 0.6},
                {u"l-gansu-hub-xa-education"_s, 4.0},
                {u"l-national-gansu-hub"_s, 3.5},
                {u"l-national-guizhou-hub"_s, 2.0},
                {u"l-guizhou-hub-guian"_s, 0.25}};
    }

    std::unique_ptr<testing::MapFixture> m_fx;
    std::unique_ptr<map::NodeMapWidget> m_map;
    std::unique_ptr<LatencyPanel> m_panel;
};

void tst_LatencyPanel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_fx = std::make_unique<testing::MapFixture>();
    m_map = std::make_unique<map::NodeMapWidget>(m_fx->scene.get(), m_fx->model.get());
    connect(m_fx->feeder.get(), &map::MapSceneFeeder::sceneChanged, m_map.get(),
            &map::NodeMapWidget::sceneChanged);
    m_panel = std::make_unique<LatencyPanel>(m_map.get(), nullptr, *m_fx->clock);
    m_panel->model()->setBreachHold(1);
    m_panel->setState(m_fx->state.get());
}

void tst_LatencyPanel::cleanup()
{
    m_panel.reset();
    m_map.reset();
    m_fx.reset();
}

void tst_LatencyPanel::tick(const QHash<QString, double> &ms, const QSet<QString> &down)
{
    m_fx->clock->advance(1000);
    const qint64 now = m_fx->clock->nowMs();
    QList<LinkSample> links = testing::sampleLinkTick(m_fx->links, now);
    LinkSamplesByRow rows;
    for (LinkSample &s : links) {
        s.latencyMs = ms.value(s.linkId, s.latencyMs);
        if (down.contains(s.linkId))
            s.status = LinkStatus::Down;
        rows.append(s);
    }
    m_fx->state->ingestSamples(testing::sampleTick(m_fx->nodes, now), links);
    m_fx->feeder->setLinkSamples(rows);
    m_fx->feeder->flush();
}

double tst_LatencyPanel::byHand(const QString &nodeId, const QHash<QString, double> &ms) const
{
    const auto parentOf = [this](const QString &id) {
        for (const Node &n : m_fx->nodes) {
            if (n.id == id)
                return n.parentId;
        }
        return QString();
    };
    const auto linkMs = [&ms](const QString &parent, const QString &child) {
        return ms.value(u"l-%1-%2"_s.arg(parent, child), 3.2); // base 3 ms + 0.2 in the samples
    };
    if (nodeId == u"gansu-hub")
        return 0;
    // gansu-hub's own region.
    if (parentOf(nodeId) == u"gansu-hub")
        return linkMs(u"gansu-hub"_s, nodeId);
    double total = linkMs(u"national"_s, u"gansu-hub"_s);
    for (QString at = nodeId; !parentOf(at).isEmpty(); at = parentOf(at))
        total += linkMs(parentOf(at), at);
    return total;
}

void tst_LatencyPanel::ringsCarryThePathLatenciesFromTheSelectedNode()
{
    const map::MapLatencyLayer &layer = m_map->renderer().latencyLayer();
    const QHash<QString, double> ms = ringLatencies();
    tick(ms);
    // Checked without a selection: nothing to ring from.
    m_panel->ringsBox()->setChecked(true);
    QVERIFY(!layer.isActive());
    m_panel->setSelectedNode(u"gansu-hub"_s);
    QVERIFY(layer.isActive());
    QCOMPARE(layer.sourceId(), u"gansu-hub"_s);

    // Every node is reached; a few by hand.
    const QHash<QString, double> &got = layer.latencies();
    QCOMPARE(got.size(), m_fx->nodes.size());
    QCOMPARE(got.value(u"gansu-hub"_s, -1), 0.0);
    QCOMPARE(got.value(u"qingyang"_s), 0.6);
    QCOMPARE(got.value(u"xa-education"_s), 4.0);
    QCOMPARE(got.value(u"national"_s), 3.5);
    QCOMPARE(got.value(u"guizhou-hub"_s), 3.5 + 2.0);
    QCOMPARE(got.value(u"guian"_s), 3.5 + 2.0 + 0.25);
    QCOMPARE(got.value(u"gy-gov"_s), 3.5 + 2.0 + 3.2);
    QCOMPARE(got.value(u"horinger"_s), 3.5 + 3.2 + 3.2);
    for (const Node &n : std::as_const(m_fx->nodes)) {
        QVERIFY2(got.contains(n.id), qPrintable(n.id));
        QVERIFY2(std::abs(got.value(n.id) - byHand(n.id, ms)) < 1e-9,
                 qPrintable(u"%1: %2, by hand %3"_s.arg(n.id).arg(got.value(n.id)).arg(byHand(n.id, ms))));
    }
    // Bands: qingyang within 1 ms, xa-education within 5, the rest of the country within 20.
    QCOMPARE(map::MapLatencyLayer::bandOf(got.value(u"qingyang"_s)), 0);
    QCOMPARE(map::MapLatencyLayer::bandOf(got.value(u"xa-education"_s)), 1);
    QCOMPARE(map::MapLatencyLayer::bandOf(got.value(u"horinger"_s)), 2);

    // The rings follow the samples: a link down takes the nodes behind it out; a slower link moves its nodes.
    QHash<QString, double> slower = ms;
    slower[u"l-national-guizhou-hub"_s] = 4.5;
    tick(slower, {u"l-nm-hub-horinger"_s});
    QVERIFY(!layer.latencies().contains(u"horinger"_s));
    QCOMPARE(layer.latencies().size(), m_fx->nodes.size() - 1);
    QCOMPARE(layer.latencies().value(u"guian"_s), 3.5 + 4.5 + 0.25);
    QCOMPARE(layer.latencies().value(u"nm-wind"_s), 3.5 + 3.2 + 3.2);

    // Another selection rings from there.
    m_panel->setSelectedNode(u"guian"_s);
    QCOMPARE(layer.sourceId(), u"guian"_s);
    QCOMPARE(layer.latencies().value(u"guizhou-hub"_s), 0.25);
    QCOMPARE(layer.latencies().value(u"qingyang"_s), 0.25 + 4.5 + 3.5 + 0.6);

    // Unchecked: cleared, and not brought back by new samples.
    m_panel->ringsBox()->setChecked(false);
    QVERIFY(!layer.isActive());
    QVERIFY(layer.latencies().isEmpty());
    tick(ms);
    QVERIFY(!layer.isActive());
    // Checked again: back; a selection cleared takes them away.
    m_panel->ringsBox()->setChecked(true);
    QCOMPARE(layer.sourceId(), u"guian"_s);
    m_panel->setSelectedNode({});
    QVERIFY(!layer.isActive());
}

void tst_LatencyPanel::aPairAboveItsTargetIsToldNamingBothHubs()
{
    QSignalSpy events(m_panel.get(), &LatencyPanel::breachEvent);
    tick({});
    tick(ringLatencies());
    QCOMPARE(events.count(), 0); // hub pairs at 6.4 ms or less, regions at 3.2; cities miss 1 ms by design
    QCOMPARE(*m_panel->model()->latencyOf(u"gansu-hub"_s, u"guizhou-hub"_s), 5.5);

    // Gansu - Guizhou over the national node: 10.5 + 10 = 20.5 ms, above 20; every other pair stays within.
    QHash<QString, double> ms = ringLatencies();
    ms[u"l-national-gansu-hub"_s] = 10.5;
    ms[u"l-national-guizhou-hub"_s] = 10;
    tick(ms);
    QCOMPARE(events.count(), 1);
    QCOMPARE(events.at(0).at(0).value<EventLogModel::Severity>(), EventLogModel::Severity::Warning);
    const QString message = events.at(0).at(1).toString();
    QVERIFY2(message.contains(u"Gansu hub"_s) && message.contains(u"Guizhou hub"_s), qPrintable(message));
    QVERIFY2(message.contains(u"20.5 ms"_s), qPrintable(message));
    QVERIFY2(message.contains(u"20 ms target"_s), qPrintable(message));
    QCOMPARE(m_panel->model()->stateOf(u"gansu-hub"_s, u"guizhou-hub"_s),
             LatencyMatrixModel::CellState::Above);
    // Still above: not told again.
    ms[u"l-national-guizhou-hub"_s] = 12;
    tick(ms);
    QCOMPARE(events.count(), 1);

    // Back to 10.5 + 8.5 = 19 ms, 95 % of the target: its end is told.
    ms[u"l-national-guizhou-hub"_s] = 8.5;
    tick(ms);
    QCOMPARE(events.count(), 2);
    QCOMPARE(events.at(1).at(0).value<EventLogModel::Severity>(), EventLogModel::Severity::Info);
    const QString back = events.at(1).at(1).toString();
    QVERIFY2(back.contains(u"Gansu hub"_s) && back.contains(u"Guizhou hub"_s) && back.contains(u"19.0 ms"_s),
             qPrintable(back));
}

int tst_LatencyPanel::ringPixels(const QImage &image, QPointF p, double r, const QColor &color)
{
    int count = 0;
    for (int i = 0; i < 90; ++i) {
        const double angle = 2 * std::numbers::pi * i / 90;
        const QPoint at(int(std::lround(p.x() + r * std::cos(angle))),
                        int(std::lround(p.y() + r * std::sin(angle))));
        if (!image.rect().contains(at))
            continue;
        const QColor c = image.pixelColor(at);
        if (std::abs(c.red() - color.red()) < 20 && std::abs(c.green() - color.green()) < 20 &&
            std::abs(c.blue() - color.blue()) < 20)
            ++count;
    }
    return count;
}

void tst_LatencyPanel::theMapPaintsTheRingsInTheirBandsColour()
{
    m_map->resize(1200, 800);
    m_map->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_map.get()));
    tick(ringLatencies());
    // At the country's view, both nodes of gansu-hub's region are drawn as themselves (not in a group).
    for (const QString &id : {u"xa-education"_s, u"qingyang"_s}) {
        const int index = m_fx->scene->nodeIndex(id);
        QVERIFY(index >= 0);
        if (!m_fx->scene->nodes().at(index).shown())
            QSKIP(qPrintable(id + u" is grouped at this view"_s));
    }
    const auto circle = [this](const QImage &image, const QString &id, NodeRole role) {
        const double dpr = image.devicePixelRatio();
        // The halo's outline: the node's outer radius + 6.
        return std::pair(m_map->nodePosition(id) * dpr,
                         (m_map->renderer().sprites().outerRadius(role) + 6) * dpr);
    };
    const QColor region = map::MapLatencyLayer::bandColor(1);
    const QColor city = map::MapLatencyLayer::bandColor(0);

    const QImage before = m_map->grab().toImage();
    const auto [xa, xaR] = circle(before, u"xa-education"_s, NodeRole::Industry);
    const auto [qy, qyR] = circle(before, u"qingyang"_s, NodeRole::Cluster);
    QCOMPARE(ringPixels(before, xa, xaR, region), 0);

    m_panel->setSelectedNode(u"gansu-hub"_s);
    m_panel->ringsBox()->setChecked(true);
    const QImage rings = m_map->grab().toImage();
    // xa-education (4 ms) has the 5 ms band's outline, most of the way round (its label may hide some).
    const int xaRegion = ringPixels(rings, xa, xaR, region);
    QVERIFY2(xaRegion >= 30, qPrintable(u"%1 of 90 pixels in the 5 ms colour"_s.arg(xaRegion)));
    // Of the other bands' colours, at most a stray pixel or two where a link crosses under the halo.
    QVERIFY(ringPixels(rings, xa, xaR, city) <= 3);
    // qingyang (0.6 ms) the 1 ms band's, not the 5 ms one's.
    const int qyCity = ringPixels(rings, qy, qyR, city);
    QVERIFY2(qyCity >= 30, qPrintable(u"%1 of 90 pixels in the 1 ms colour"_s.arg(qyCity)));
    QVERIFY(ringPixels(rings, qy, qyR, region) <= 3);

    // The rings' legend keeps clear of the map's own legend: that one reads as it did without rings.
    const QRectF legend = m_map->renderer().overlay().legendRect(m_map->viewport());
    const QRect legendPixels =
        QRectF(legend.topLeft() * before.devicePixelRatio(), legend.size() * before.devicePixelRatio())
            .toAlignedRect();
    QVERIFY(!legendPixels.isEmpty());
    QVERIFY2(before.copy(legendPixels) == rings.copy(legendPixels),
             "the rings' legend covers the map's legend");

    // Unchecked: gone from the map.
    m_panel->ringsBox()->setChecked(false);
    QCOMPARE(ringPixels(m_map->grab().toImage(), xa, xaR, region), 0);
}

QTEST_MAIN(tst_LatencyPanel)
#include "tst_latencypanel.moc"
