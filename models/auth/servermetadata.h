#pragma once

#include "api/apierror.h"
#include "api/clientoptions.h"
#include "domain/protocoljson.h"

#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace cpn::auth {

// What an authorization server says about itself (RFC 8414), read strictly: the console signs in
// only where PKCE S256 is offered and every endpoint may be contacted under the transport rules.
struct ServerMetadata
{
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint; // may be empty: sign-out then only forgets
    QStringList scopesSupported;

    // <root>/.well-known/oauth-authorization-server
    static QUrl discoveryUrl(const QUrl &root);
    static protocol::Parsed<ServerMetadata> parse(const QByteArray &body, bool allowPlainHttp = false);

    using Done = std::function<void(const api::ApiResult<ServerMetadata> &)>;
    // GET through the guarded request path (timeouts, no redirects, body cap); `done` runs later on
    // `context`'s thread, never once `context` is gone.
    static void discover(QNetworkAccessManager *nam, const QUrl &root, const api::ClientOptions &options,
                         QObject *context, Done done);
};

} // namespace cpn::auth
