#pragma once

#include <QString>

namespace cpn {

// Capacity a node offers now, of one resource class.
struct Offer
{
    enum class Resource { Accelerator, Cpu, Memory, Storage };
    QString id;
    QString nodeId;
    Resource resource = Resource::Cpu;
    QString model;    // accelerator model slug; empty for other resources
    double available = 0; // cards, cores, GiB or TB
    double pricePerHour = 0; // CNY per unit-hour
    qint64 validUntilMs = 0;
    friend bool operator==(const Offer &, const Offer &) = default;
};

QString toWire(Offer::Resource r);

} // namespace cpn
