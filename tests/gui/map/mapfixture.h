#pragma once

// The sample federation (35 real nodes) wired into a map scene the way the console wires it: node
// model, filter proxy, feeder and the built-in basemap. Header-only, for the map's tests.

#include "domain/clock.h"
#include "geo/basemap.h"
#include "itemmodels/nodefilterproxymodel.h"
#include "itemmodels/nodetablemodel.h"
#include "state/federationstate.h"
#include "support/samplefederation.h"
#include "widgets/map/basemapscene.h"
#include "widgets/map/mapscene.h"
#include "widgets/map/mapscenefeeder.h"

#include <QHash>
#include <QTest>

#include <memory>

namespace cpn::testing {

struct MapFixture
{
    static constexpr qint64 kT0 = 1764064800000;

    explicit MapFixture(bool withBasemap = true)
    {
        clock = std::make_unique<ManualClock>(kT0);
        state = std::make_unique<FederationState>(*clock);
        model = std::make_unique<NodeTableModel>(state.get());
        proxy = std::make_unique<NodeFilterProxyModel>();
        proxy->setSourceModel(model.get());
        scene = std::make_unique<map::MapScene>();
        if (withBasemap) {
            QString error;
            if (!map::loadSceneBasemap(*scene, geo::defaultBasemapPath(), &error))
                qWarning("basemap: %s", qPrintable(error));
        }
        feeder = std::make_unique<map::MapSceneFeeder>(scene.get(), model.get());
        feeder->setFilter(proxy.get());
        nodes = sampleNodes();
        links = sampleLinks(nodes);
        state->setDirectory(nodes, links);
        feeder->setLinks(links);
        tick(0);
    }

    void tick(qint64 n)
    {
        clock->advance(n == 0 ? 0 : 1000);
        state->ingestSamples(sampleTick(nodes, clock->nowMs(), n));
        feeder->setLinkSamples(sampleLinkRows(links, clock->nowMs(), n));
        feeder->flush();
    }

    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<FederationState> state;
    std::unique_ptr<NodeTableModel> model;
    std::unique_ptr<NodeFilterProxyModel> proxy;
    std::unique_ptr<map::MapScene> scene;
    std::unique_ptr<map::MapSceneFeeder> feeder;
    QList<Node> nodes;
    QList<Link> links;
};

} // namespace cpn::testing
