#pragma once

#include "domain/enums.h"

#include <QString>

namespace cpn {

struct Link
{
    QString id;
    QString a; // node ids; throughput "ab" flows from a to b
    QString b;
    LinkKind kind = LinkKind::Backbone;
    double capacityGbps = 0;
    double distanceKm = 0;
    double baseLatencyMs = 0;
    friend bool operator==(const Link &, const Link &) = default;
};

} // namespace cpn
