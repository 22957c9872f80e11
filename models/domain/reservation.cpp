#include "domain/reservation.h"

#include "domain/enums.h"

#include <QCoreApplication>

namespace cpn {

QString heldUnitsText(Offer::Resource resource, const QString &model, int count)
{
    switch (resource) {
    case Offer::Resource::Accelerator:
        return QCoreApplication::translate("cpn::Reservation", "%n %1 card(s)", nullptr, count).arg(acceleratorDisplayName(model));
    case Offer::Resource::Cpu:
        return QCoreApplication::translate("cpn::Reservation", "%n CPU core(s)", nullptr, count);
    case Offer::Resource::Memory:
        return QCoreApplication::translate("cpn::Reservation", "%n GiB of memory", nullptr, count);
    case Offer::Resource::Storage:
        return QCoreApplication::translate("cpn::Reservation", "%n TB of storage", nullptr, count);
    }
    return QString::number(count);
}

} // namespace cpn
