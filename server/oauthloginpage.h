#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cpn::server {

// The authorization server's HTML: the sign-in form and the page shown when a request cannot
// be sent back to its client. Every value that came from a request is HTML-escaped.
struct OAuthLoginPage
{
    // A form, headed "Sign in to <serviceName>", posting username, password and the hidden request_id
    // to /oauth/authorize.
    static QByteArray login(const QString &serviceName, const QString &requestId, const QString &clientId,
                            const QStringList &scopes, const QString &error = {});
    static QByteArray error(const QString &message);
};

} // namespace cpn::server
