#pragma once

#include "domain/link.h"
#include "domain/metrics.h"
#include "domain/node.h"
#include "domain/offer.h"

#include <QHash>
#include <QList>

namespace cpn::placement {

// The federation as the console's models see it at one moment: plain data, copied in, so the engine
// never touches a model or the network and tests build one in a few lines.
struct FederationSnapshot
{
    qint64 nowMs = 0;
    // A node whose newest sample is older than this is stale and not placed on.
    qint64 staleAfterMs = 10'000;
    // Without samples every node counts as fresh and idle (planning on directory data alone).
    bool requireSamples = true;
    QList<Node> nodes;
    QList<Link> links;
    QList<Offer> offers;
    QHash<QString, NodeSample> nodeSamples; // newest per node id
    QHash<QString, LinkSample> linkSamples; // newest per link id
};

} // namespace cpn::placement
