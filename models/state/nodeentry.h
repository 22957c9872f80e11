#pragma once

#include "domain/metrics.h"
#include "domain/node.h"
#include "state/displaystatus.h"

#include <algorithm>
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
    // Cards in use by the newest sample (each pool's utilization times its cards), worked out once
    // when the sample or the node changes (setSample, setNode): the totals and the table read it.
    double busyAccelerators = 0;

    void setSample(const NodeSample &newest)
    {
        sample = newest;
        busyAccelerators = busyAcceleratorsOf(node, newest);
    }
    void setNode(const Node &listed)
    {
        node = listed;
        busyAccelerators = sample ? busyAcceleratorsOf(node, *sample) : 0;
    }

    static double busyAcceleratorsOf(const Node &node, const NodeSample &sample)
    {
        double busy = 0;
        for (const AcceleratorPool &pool : node.capacity.accelerators)
            busy += pool.count * std::clamp(sample.acceleratorUtil.value(pool.model, 0.0), 0.0, 1.0);
        return busy;
    }
};

} // namespace cpn
