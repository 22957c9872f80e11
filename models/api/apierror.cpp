#include "api/apierror.h"

#include <QCoreApplication>

namespace cpn::api {
namespace {

// "Prefix: detail", or just "Prefix" when there is no detail.
QString withDetail(const QString &prefix, const QString &detail)
{
    return detail.isEmpty() ? prefix : QCoreApplication::translate("cpn::api", "%1: %2").arg(prefix, detail);
}
} // namespace

QString ApiError::message() const
{
    switch (kind) {
    case Kind::Network:
        return withDetail(QCoreApplication::translate("cpn::api", "Network error"), detail);
    case Kind::Timeout:
        return withDetail(QCoreApplication::translate("cpn::api", "Timed out"), detail);
    case Kind::Http: {
        QString text = title.isEmpty()
                           ? QCoreApplication::translate("cpn::api", "HTTP %1").arg(httpStatus)
                           : QCoreApplication::translate("cpn::api", "HTTP %1 %2").arg(httpStatus).arg(title);
        text = withDetail(text, detail);
        if (retryAfterSeconds >= 0)
            text = QCoreApplication::translate("cpn::api", "%1 (retry after %2 s)")
                       .arg(text)
                       .arg(retryAfterSeconds);
        return text;
    }
    case Kind::Protocol:
        return withDetail(QCoreApplication::translate("cpn::api", "Invalid answer"), detail);
    case Kind::TooLarge:
        return withDetail(QCoreApplication::translate("cpn::api", "Answer too large"), detail);
    case Kind::Refused:
        return withDetail(QCoreApplication::translate("cpn::api", "Request refused"), detail);
    case Kind::Tls:
        // The detail is already a whole sentence about the certificate.
        return detail.isEmpty() ? QCoreApplication::translate("cpn::api", "The secure connection failed") : detail;
    }
    return detail;
}

} // namespace cpn::api
