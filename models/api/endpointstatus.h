#pragma once

#include "domain/connectionstate.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace cpn::api {

using ConnectionState = cpn::ConnectionState;

struct EndpointStatus
{
    QUrl baseUrl;
    QString label;
    ConnectionState state = ConnectionState::Connecting;
    qint64 lastDataMs = 0; // wall epoch ms of the newest good answer, 0 = never
    QString lastError;     // empty after a good answer
    int consecutiveFailures = 0;
    friend bool operator==(const EndpointStatus &, const EndpointStatus &) = default;
};

// Translated name of a state ("Online"), context "cpn::api".
QString toDisplayString(ConnectionState state);

} // namespace cpn::api

Q_DECLARE_METATYPE(cpn::api::EndpointStatus)
