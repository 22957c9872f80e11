#pragma once

#include <QNetworkReply>

namespace cpn::gateway {

// Aborts a reply from a site's service once it has brought more than maxBytes: an answer is
// refused rather than held whole, whatever the service sends.
inline void abortBeyond(QNetworkReply *reply, qint64 maxBytes)
{
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64) {
        if (received > maxBytes)
            reply->abort();
    });
}

} // namespace cpn::gateway
