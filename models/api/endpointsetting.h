#pragma once

#include "api/clientoptions.h"

#include <QList>
#include <QUrl>

class QSettings;

namespace cpn::api {

// A federation root the console connects to, with the transport rules chosen for it alone:
// plain http beyond loopback, and a private CA besides the system's. Remembered in the
// settings; a token never is.
struct EndpointSetting
{
    QUrl url;
    bool allowPlainHttp = false;
    QString caFile; // PEM; empty: the system CAs only
    // Connected from the command line: --token or CPN_TOKEN is its token at later starts too. The
    // roots connected in the window never get that token.
    bool commandLineToken = false;

    // Why the console cannot connect to it as it is set, as a sentence; empty when it can.
    QString problem() const;
    // base with this endpoint's transport rules.
    ClientOptions applyTo(ClientOptions base) const;

    bool operator==(const EndpointSetting &other) const = default;
};

// The remembered roots, in the order they were connected. Entries that do not parse are skipped.
QList<EndpointSetting> loadEndpoints(QSettings &settings);
void saveEndpoints(QSettings &settings, const QList<EndpointSetting> &endpoints);

} // namespace cpn::api
