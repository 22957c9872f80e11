#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace cpn::server {

// One HTTP request and its answer as the router and the authorization server see them: no
// sockets, so every rule of docs/node-api.md can be unit tested.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray accept;         // media types the client reads: application/cbor selects compact metrics
    QByteArray acceptEncoding; // gzip: the answer may come compressed
    QByteArray ifNoneMatch;    // ETags the client holds: an unchanged answer is a 304
    QString peer;              // the client's address (sign-in throttling); empty in unit tests
};

struct DeferredResponse;

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray gzipBody; // body as gzip, when the client accepts it and it is worth it; else empty
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type and Content-Length
    QString nodeId; // whose base URL was addressed (for the slow and malformed faults); empty for /sim
    // Set when the answer comes later (the backend asked another service); the rest is then unused.
    std::shared_ptr<DeferredResponse> deferred;

    QByteArray header(const QByteArray &name) const;
    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
};

// An answer that a backend gives later, from a callback. The transport attaches where the answer
// goes (onReady) once; resolve() may run before or after that, exactly once.
struct DeferredResponse
{
    void resolve(ApiResponse response);
    void onReady(std::function<void(const ApiResponse &)> deliver);

private:
    std::optional<ApiResponse> m_response;
    std::function<void(const ApiResponse &)> m_deliver;
};

} // namespace cpn::server
