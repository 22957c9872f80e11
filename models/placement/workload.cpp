#include "placement/workload.h"

#include "placement/geodistance.h"

#include <algorithm>

namespace cpn::placement {

Location Location::atNode(const QString &nodeId)
{
    Location l;
    l.kind = Kind::Node;
    l.nodeId = nodeId;
    return l;
}

Location Location::inProvince(const QString &isoCode)
{
    const auto capital = provinceCapital(isoCode);
    if (!capital)
        return {};
    return at(isoCode, capital->lat, capital->lon);
}

Location Location::at(const QString &province, double lat, double lon)
{
    Location l;
    l.kind = Kind::Place;
    l.province = province;
    l.lat = lat;
    l.lon = lon;
    return l;
}

QStringList acceleratorModelsOfClass(AcceleratorClass cls)
{
    // Training needs large-memory cards with fast interconnect; the inference-class cards serve models only.
    QStringList models{QStringLiteral("a800"), QStringLiteral("ascend-910b"), QStringLiteral("h800")};
    if (cls == AcceleratorClass::Inference)
        models << QStringLiteral("hygon-dcu") << QStringLiteral("mlu370");
    models.sort();
    return models;
}

QStringList Workload::acceptedModels() const
{
    if (requirements.accelerators <= 0)
        return {};
    QStringList models = acceleratorModels.isEmpty() ? QStringList{requirements.acceleratorModel} : acceleratorModels;
    models.removeAll(QString());
    models.sort();
    models.removeDuplicates();
    return models;
}

bool Workload::mayBeSplit() const
{
    if (held)
        return false; // the held units are at one node
    const bool kindAllows = kind == JobKind::Inference || kind == JobKind::Batch;
    return splittable && kindAllows && maxSplitNodes >= 2 && requirements.accelerators >= 2;
}

ScoreWeights Workload::effectiveWeights() const
{
    ScoreWeights w = weights;
    w.cost = std::max(0.0, w.cost);
    w.transfer = std::max(0.0, w.transfer);
    w.latency = std::max(0.0, w.latency);
    w.headroom = std::max(0.0, w.headroom);
    w.energy = std::max(0.0, w.energy);
    if (preferGreen)
        w.energy *= 2;
    const double sum = w.sum();
    if (sum <= 0)
        return ScoreWeights{};
    w.cost /= sum;
    w.transfer /= sum;
    w.latency /= sum;
    w.headroom /= sum;
    w.energy /= sum;
    return w;
}

Workload Workload::onReservation(const Reservation &reservation) const
{
    Workload w = *this;
    w.held = reservation;
    w.splittable = false;
    if (reservation.resource == Offer::Resource::Accelerator) {
        w.acceleratorModels.clear();
        w.requirements.acceleratorModel = reservation.model;
        w.requirements.accelerators = reservation.count;
    } else if (reservation.resource == Offer::Resource::Cpu) {
        w.requirements.cpuCores = reservation.count;
    }
    return w;
}

} // namespace cpn::placement
