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
    qint64 listedSinceMs = 0; // when the directory first listed it: ages a node that never reported
    QString rootId;           // the root whose directory it came from
};

} // namespace cpn
