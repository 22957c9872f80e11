#include "placement/costmodel.h"

namespace cpn::placement::costmodel {

double unitPrice(const Offer *offer, double listPrice) { return offer ? offer->pricePerHour : listPrice; }

double costCny(const Node &node, const FederationIndex::Offers &offers, const Resources &r)
{
    double perHour = 0;
    if (r.accelerators > 0) {
        perHour += r.accelerators * unitPrice(offers.accelerators.value(r.acceleratorModel),
                                              node.prices.acceleratorHour.value(r.acceleratorModel));
    }
    perHour += r.cpuCores * unitPrice(offers.cpu, node.prices.cpuCoreHour);
    perHour += r.memoryGiB * unitPrice(offers.memory, node.prices.memoryGiBHour);
    perHour += r.storageTB * unitPrice(offers.storage, node.prices.storageTBHour);
    return perHour * r.hours;
}

double energyKwh(const Node &node, const Resources &r)
{
    return (r.accelerators * kAcceleratorKw + r.cpuCores * kCpuCoreKw) * r.hours * node.pue;
}

double kgCo2(const Node &node, const Resources &r)
{
    return energyKwh(node, r) * (1.0 - node.greenShare) * kGridKgCo2PerKwh;
}

double queueWaitHours(int queuedJobs) { return std::max(0, queuedJobs) * kQueueHoursPerJob; }

} // namespace cpn::placement::costmodel
