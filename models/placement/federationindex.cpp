#include "placement/federationindex.h"

#include <algorithm>

namespace cpn::placement {

FederationIndex::FederationIndex(const FederationSnapshot &snapshot) : m_snapshot(snapshot)
{
    m_nodes.reserve(size_t(snapshot.nodes.size()));
    for (const Node &n : snapshot.nodes)
        m_nodes.push_back(&n);
    std::stable_sort(m_nodes.begin(), m_nodes.end(), [](const Node *a, const Node *b) { return a->id < b->id; });
    // A duplicated id keeps its first entry.
    m_nodes.erase(std::unique(m_nodes.begin(), m_nodes.end(),
                              [](const Node *a, const Node *b) { return a->id == b->id; }),
                  m_nodes.end());
    m_indexById.reserve(qsizetype(m_nodes.size()));
    m_samples.resize(m_nodes.size(), nullptr);
    for (int i = 0; i < size(); ++i) {
        m_indexById.insert(node(i).id, i);
        const auto it = snapshot.nodeSamples.constFind(node(i).id);
        if (it != snapshot.nodeSamples.constEnd())
            m_samples[size_t(i)] = &*it;
    }
    indexOffers();
    indexLinks();
}

void FederationIndex::indexOffers()
{
    m_offers.resize(m_nodes.size());
    // Of two valid offers for the same thing, the larger one counts (ties: the lower offer id), so the
    // answer does not depend on the order of the list.
    const auto better = [](const Offer *current, const Offer &candidate) {
        if (!current)
            return true;
        if (candidate.available != current->available)
            return candidate.available > current->available;
        return candidate.id < current->id;
    };
    for (const Offer &offer : m_snapshot.offers) {
        if (offer.validUntilMs != 0 && offer.validUntilMs < m_snapshot.nowMs)
            continue;
        const int i = indexOf(offer.nodeId);
        if (i < 0)
            continue;
        Offers &o = m_offers[size_t(i)];
        const Offer **slot = nullptr;
        switch (offer.resource) {
        case Offer::Resource::Accelerator: {
            auto it = o.accelerators.find(offer.model);
            if (it == o.accelerators.end())
                it = o.accelerators.insert(offer.model, nullptr);
            slot = &*it;
            break;
        }
        case Offer::Resource::Cpu: slot = &o.cpu; break;
        case Offer::Resource::Memory: slot = &o.memory; break;
        case Offer::Resource::Storage: slot = &o.storage; break;
        }
        if (better(*slot, offer))
            *slot = &offer;
    }
}

void FederationIndex::indexLinks()
{
    m_edges.resize(m_nodes.size());
    for (const Link &link : m_snapshot.links) {
        const int a = indexOf(link.a);
        const int b = indexOf(link.b);
        if (a < 0 || b < 0 || a == b)
            continue;
        double usedAb = 0;
        double usedBa = 0;
        const auto it = m_snapshot.linkSamples.constFind(link.id);
        if (it != m_snapshot.linkSamples.constEnd()) {
            if (it->status == LinkStatus::Down)
                continue;
            usedAb = it->abGbps;
            usedBa = it->baGbps;
        }
        const double floor = link.capacityGbps * kMinFreeShare;
        const double freeAb = std::max(floor, link.capacityGbps - usedAb);
        const double freeBa = std::max(floor, link.capacityGbps - usedBa);
        m_edges[size_t(a)].push_back({b, link.baseLatencyMs, freeAb});
        m_edges[size_t(b)].push_back({a, link.baseLatencyMs, freeBa});
    }
}

int FederationIndex::nearestNode(GeoPoint p) const
{
    int best = -1;
    double bestKm = 0;
    for (int i = 0; i < size(); ++i) {
        const double km = greatCircleKm(p, position(i));
        if (best < 0 || km < bestKm) {
            best = i;
            bestKm = km;
        }
    }
    return best;
}

} // namespace cpn::placement
