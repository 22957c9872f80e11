#pragma once

#include <QHash>
#include <QString>

namespace cpn::gateway {

// What the site charges, in CNY per unit-hour (the site's configuration gives it).
struct SlurmPrices
{
    double perCoreHour = 0;
    double perGiBHour = 0;
    QHash<QString, double> perAcceleratorHour; // by the protocol's model slug, e.g. "h800"
};

} // namespace cpn::gateway
