#include "auth/servermetadata.h"

#include "api/guardedrequest.h"
#include "auth/authlogging.h"
#include "domain/jsonreader.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace cpn::auth {
namespace {

constexpr qsizetype kMaxMetadataBytes = 64 * 1024;

QUrl endpoint(JsonReader &reader, const QJsonObject &o, const QString &key, bool required, bool allowPlainHttp)
{
    const QString text = required ? reader.string(o, key, 2048) : reader.optionalString(o, key, 2048);
    if (text.isEmpty() || !reader.ok())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    const QString refusal = api::transportRefusal(url, allowPlainHttp);
    if (!url.isValid() || url.isRelative() || !refusal.isEmpty() || url.hasFragment()) {
        reader.failAt(key, QCoreApplication::translate("cpn::auth", "not a usable URL (%1)")
                               .arg(refusal.isEmpty() ? QStringLiteral("fragment or relative") : refusal));
        return {};
    }
    return url;
}

QStringList stringList(JsonReader &reader, const QJsonObject &o, const QString &key)
{
    QStringList values;
    if (!o.contains(key))
        return values;
    const QJsonArray array = reader.array(o, key, 64);
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        if (!array.at(i).isString() || array.at(i).toString().size() > 128) {
            reader.failAt(key, QCoreApplication::translate("cpn::auth", "expected short strings"));
            break;
        }
        values.append(array.at(i).toString());
    }
    return values;
}

} // namespace

QUrl ServerMetadata::discoveryUrl(const QUrl &root)
{
    QUrl url = root.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/.well-known/oauth-authorization-server"));
    return url;
}

protocol::Parsed<ServerMetadata> ServerMetadata::parse(const QByteArray &body, bool allowPlainHttp)
{
    QString error;
    const auto object = parseObject(body, kMaxMetadataBytes, &error);
    if (!object)
        return protocol::Parsed<ServerMetadata>::failure(error);
    JsonReader reader;
    ServerMetadata m;
    m.issuer = endpoint(reader, *object, QStringLiteral("issuer"), true, allowPlainHttp);
    m.authorizationEndpoint = endpoint(reader, *object, QStringLiteral("authorization_endpoint"), true, allowPlainHttp);
    m.tokenEndpoint = endpoint(reader, *object, QStringLiteral("token_endpoint"), true, allowPlainHttp);
    m.revocationEndpoint = endpoint(reader, *object, QStringLiteral("revocation_endpoint"), false, allowPlainHttp);
    m.scopesSupported = stringList(reader, *object, QStringLiteral("scopes_supported"));
    const QStringList methods = stringList(reader, *object, QStringLiteral("code_challenge_methods_supported"));
    if (reader.ok() && !methods.contains(QStringLiteral("S256")))
        reader.failAt(QStringLiteral("code_challenge_methods_supported"),
                      QCoreApplication::translate("cpn::auth", "the server does not offer PKCE with S256"));
    if (!reader.ok())
        return protocol::Parsed<ServerMetadata>::failure(reader.error());
    return protocol::Parsed<ServerMetadata>::success(m);
}

void ServerMetadata::discover(QNetworkAccessManager *nam, const QUrl &root, const api::ClientOptions &options,
                              QObject *context, Done done)
{
    api::ClientOptions guarded = options;
    guarded.maxBodyBytes = kMaxMetadataBytes;
    api::GuardedRequest::Spec spec;
    spec.url = discoveryUrl(root);
    const bool allowPlainHttp = options.allowPlainHttp;
    api::GuardedRequest::start(nam, spec, guarded, context,
                               [done = std::move(done), allowPlainHttp](const api::ApiResult<api::RawReply> &raw) {
                                   if (!raw.ok()) {
                                       done(raw.error());
                                       return;
                                   }
                                   const auto parsed = parse(raw.value().body, allowPlainHttp);
                                   if (!parsed.ok()) {
                                       qCWarning(lcAuth).noquote()
                                           << "rejected the authorization server's metadata:" << parsed.error();
                                       done(api::ApiError::protocol(parsed.error()));
                                       return;
                                   }
                                   done(parsed.value());
                               });
}

} // namespace cpn::auth
