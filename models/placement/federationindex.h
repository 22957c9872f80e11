#pragma once

#include "placement/federationsnapshot.h"
#include "placement/geodistance.h"

#include <QHash>
#include <QString>

#include <vector>

namespace cpn::placement {

// The snapshot arranged for fast lookups, built once per rank() call: nodes in id order (so results do not
// depend on the order the console listed them in), the link graph as adjacency lists with each
// direction's free capacity, and each node's valid offers.
class FederationIndex
{
public:
    struct Edge
    {
        int to = -1;
        double latencyMs = 0;
        double freeGbps = 0; // in the direction from the owning node to `to`
    };
    struct Offers
    {
        QHash<QString, const Offer *> accelerators; // by model
        const Offer *cpu = nullptr;
        const Offer *memory = nullptr;
        const Offer *storage = nullptr;
    };

    // A congested link still moves data: a direction never counts as having less than this share free.
    static constexpr double kMinFreeShare = 0.05;

    explicit FederationIndex(const FederationSnapshot &snapshot);

    int size() const { return int(m_nodes.size()); }
    int indexOf(const QString &nodeId) const { return m_indexById.value(nodeId, -1); }
    const Node &node(int i) const { return *m_nodes[size_t(i)]; }
    GeoPoint position(int i) const { return {node(i).lat, node(i).lon}; }
    const NodeSample *sample(int i) const { return m_samples[size_t(i)]; }
    const Offers &offers(int i) const { return m_offers[size_t(i)]; }
    const std::vector<Edge> &edges(int i) const { return m_edges[size_t(i)]; }
    const FederationSnapshot &snapshot() const { return m_snapshot; }
    // The node nearest to a point (great circle); ties go to the lower id. -1 when there are no nodes.
    int nearestNode(GeoPoint p) const;

private:
    void indexOffers();
    void indexLinks();

    const FederationSnapshot &m_snapshot;
    std::vector<const Node *> m_nodes;
    QHash<QString, int> m_indexById;
    std::vector<const NodeSample *> m_samples;
    std::vector<Offers> m_offers;
    std::vector<std::vector<Edge>> m_edges;
};

} // namespace cpn::placement
