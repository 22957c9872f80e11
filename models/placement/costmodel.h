#pragma once

#include "placement/federationindex.h"

namespace cpn::placement {

// Money, energy and waiting for one share of a job on one node.
namespace costmodel {

// Power drawn at the wall before PUE: an AI accelerator card with its host share, and one CPU core.
inline constexpr double kAcceleratorKw = 0.4;
inline constexpr double kCpuCoreKw = 0.01;
// China's national grid emission factor (kg CO2 per kWh, MEE 2022 figure).
inline constexpr double kGridKgCo2PerKwh = 0.5703;
// Each job already queued at a node delays a new one by this much on average.
inline constexpr double kQueueHoursPerJob = 0.25;

struct Resources
{
    QString acceleratorModel;
    int accelerators = 0;
    int cpuCores = 0;
    double memoryGiB = 0;
    double storageTB = 0;
    double hours = 0;
};

// The offer's price when the node offers the resource, else the node's list price.
double unitPrice(const Offer *offer, double listPrice);
double costCny(const Node &node, const FederationIndex::Offers &offers, const Resources &r);
double energyKwh(const Node &node, const Resources &r);
double kgCo2(const Node &node, const Resources &r);
double queueWaitHours(int queuedJobs);

} // namespace costmodel
} // namespace cpn::placement
