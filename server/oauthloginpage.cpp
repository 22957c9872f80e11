#include "oauthloginpage.h"

namespace cpn::server {
namespace {

QString page(const QString &title, const QString &body)
{
    return QStringLiteral(R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%1</title>
<style>
body { font-family: sans-serif; background: #f3f5f8; color: #1d2430; margin: 0; }
main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px;
       box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
h1 { font-size: 1.3rem; margin-top: 0; }
label { display: block; margin-top: 0.8rem; font-weight: bold; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 0.45rem; font-size: 1rem; }
button { margin-top: 1.2rem; padding: 0.5rem 1.4rem; font-size: 1rem; }
.error { color: #b00020; font-weight: bold; }
.scopes { color: #4a5568; font-size: 0.9rem; }
</style>
</head>
<body>
<main>
%2
</main>
</body>
</html>
)")
        .arg(title.toHtmlEscaped(), body);
}

} // namespace

QByteArray OAuthLoginPage::login(const QString &serviceName, const QString &requestId,
                                 const QString &clientId, const QStringList &scopes, const QString &error)
{
    QString body = QStringLiteral("<h1>Sign in to %1</h1>\n").arg(serviceName.toHtmlEscaped());
    body += QStringLiteral("<p><b>%1</b> asks for access.</p>\n").arg(clientId.toHtmlEscaped());
    body += QStringLiteral("<p class=\"scopes\">Requested scopes: %1</p>\n").arg(scopes.join(u' ').toHtmlEscaped());
    if (!error.isEmpty())
        body += QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>\n").arg(error.toHtmlEscaped());
    body += QStringLiteral(R"(<form method="post" action="/oauth/authorize">
<input type="hidden" name="request_id" value="%1">
<label for="username">User name</label>
<input type="text" id="username" name="username" autocomplete="username" autofocus required>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
)")
                .arg(requestId.toHtmlEscaped());
    return page(QStringLiteral("Sign in"), body).toUtf8();
}

QByteArray OAuthLoginPage::error(const QString &message)
{
    const QString body = QStringLiteral("<h1>Sign-in request refused</h1>\n<p class=\"error\">%1</p>\n"
                                        "<p>Start the sign-in again from the console.</p>\n")
                             .arg(message.toHtmlEscaped());
    return page(QStringLiteral("Sign-in request refused"), body).toUtf8();
}

} // namespace cpn::server
