#pragma once

#include "domain/metrics.h"
#include "domain/node.h"
#include "state/displaystatus.h"

#include <optional>

namespace cpn {

// One node of the merged directory with the newest sample the console holds for it.
struct NodeEntry
{
    Node node;
    std::optional<NodeSample> sample;
    DisplayStatus status = DisplayStatus::Online;
    // Since when the directory lists it as it is: ages a node that never reported, and its status is
    // the directory's while that is newer than the newest sample.
    qint64 listedSinceMs = 0;
    QString rootId;           // the root whose directory it came from
};

} // namespace cpn
