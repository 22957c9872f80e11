#include "api/endpointsetting.h"

#include "api/guardedrequest.h"

#include <QCoreApplication>
#include <QSettings>

namespace cpn::api {

namespace {
const QString kEndpointsArray = QStringLiteral("connection/endpoints");
const QString kUrlKey = QStringLiteral("url");
const QString kAllowPlainHttpKey = QStringLiteral("allowPlainHttp");
const QString kCaFileKey = QStringLiteral("caFile");
const QString kCommandLineTokenKey = QStringLiteral("commandLineToken");
} // namespace

QString EndpointSetting::problem() const
{
    // Credentials in a URL end up in settings and logs; the console signs in instead.
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("cpn::api", "Leave the user name and password out of the URL; "
                                                       "sign in after connecting instead.");
    if (const QString refusal = transportRefusal(url, allowPlainHttp); !refusal.isEmpty())
        return refusal;
    if (!caFile.isEmpty()) {
        QString error;
        if (!sslConfigurationFor(caFile, &error))
            return error;
    }
    return {};
}

ClientOptions EndpointSetting::applyTo(ClientOptions base) const
{
    base.allowPlainHttp = allowPlainHttp;
    base.caFile = caFile;
    return base;
}

QList<EndpointSetting> loadEndpoints(QSettings &settings)
{
    QList<EndpointSetting> endpoints;
    const int count = settings.beginReadArray(kEndpointsArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        EndpointSetting endpoint;
        endpoint.url = QUrl(settings.value(kUrlKey).toString(), QUrl::StrictMode);
        endpoint.allowPlainHttp = settings.value(kAllowPlainHttpKey, false).toBool();
        endpoint.caFile = settings.value(kCaFileKey).toString();
        endpoint.commandLineToken = settings.value(kCommandLineTokenKey, false).toBool();
        if (endpoint.url.isValid() && !endpoint.url.host().isEmpty())
            endpoints.append(endpoint);
    }
    settings.endArray();
    return endpoints;
}

void saveEndpoints(QSettings &settings, const QList<EndpointSetting> &endpoints)
{
    settings.remove(kEndpointsArray); // a shorter list must not keep the old tail
    settings.beginWriteArray(kEndpointsArray, int(endpoints.size()));
    for (int i = 0; i < endpoints.size(); ++i) {
        settings.setArrayIndex(i);
        const EndpointSetting &endpoint = endpoints.at(i);
        settings.setValue(kUrlKey, endpoint.url.toString());
        settings.setValue(kAllowPlainHttpKey, endpoint.allowPlainHttp);
        settings.setValue(kCaFileKey, endpoint.caFile);
        settings.setValue(kCommandLineTokenKey, endpoint.commandLineToken);
    }
    settings.endArray();
}

} // namespace cpn::api
