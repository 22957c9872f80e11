#include "api/endpointstatus.h"

#include <QCoreApplication>

namespace cpn::api {

QString toDisplayString(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
        return QCoreApplication::translate("cpn::api", "Connecting");
    case ConnectionState::Online:
        return QCoreApplication::translate("cpn::api", "Online");
    case ConnectionState::Stale:
        return QCoreApplication::translate("cpn::api", "Stale");
    case ConnectionState::Offline:
        return QCoreApplication::translate("cpn::api", "Offline");
    }
    return {};
}

} // namespace cpn::api
