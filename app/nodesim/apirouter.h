#pragma once

#include "auth.h"
#include "responsecache.h"
#include "simulator.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace cpn::sim {

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
};

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QByteArray gzipBody; // body as gzip, when the client accepts it and it is worth it; else empty
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type and Content-Length
    QString nodeId; // whose base URL was addressed (for the slow and malformed faults); empty for /sim

    QByteArray header(const QByteArray &name) const;
    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
};

// Maps one HTTP request to one answer: node prefix, path, method, scope, then the endpoint.
// Pure request -> response, no sockets, so every rule of docs/node-api.md can be unit tested.
class ApiRouter
{
public:
    static constexpr qsizetype kMaxRequestBytes = 64 * 1024;
    static constexpr int kRetryAfterSeconds = 5;

    // responseCache false rebuilds every answer (cpn-nodesim --no-response-cache, for comparison).
    ApiRouter(Simulator &simulator, const Auth &auth, bool responseCache = true)
        : m_sim(simulator), m_auth(auth), m_cache(responseCache)
    {
    }

    ApiResponse handle(const ApiRequest &request);

    static ApiResponse problem(int status, const QString &detail, const QString &instance);

private:
    struct Context
    {
        const ApiRequest &request;
        const Node &node; // the node whose base URL was addressed
        QString instance;
    };

    ApiResponse handleSim(const ApiRequest &request);
    ApiResponse getNode(const Context &c);
    ApiResponse getNodes(const Context &c);
    ApiResponse getLinks(const Context &c);
    ApiResponse getMetrics(const Context &c);
    ApiResponse getOffers(const Context &c);
    ApiResponse getJobs(const Context &c);
    ApiResponse getJob(const Context &c, const QString &jobId);
    ApiResponse postJob(const Context &c);
    ApiResponse cancelJob(const Context &c, const QString &jobId);
    ApiResponse getReservations(const Context &c);
    ApiResponse getReservation(const Context &c, const QString &reservationId);
    ApiResponse postReservation(const Context &c);
    ApiResponse cancelReservation(const Context &c, const QString &reservationId);
    ApiResponse getAlarms(const Context &c);
    ApiResponse actOnAlarm(const Context &c, const QString &alarmId, const QString &action);
    ApiResponse getSilences(const Context &c);
    ApiResponse postSilence(const Context &c);
    ApiResponse deleteSilence(const Context &c, const QString &silenceId);
    bool oversees(const Node &node, const AlarmSource &source) const;
    // What the nodes in the addressed node's directory offer at atMs (empty model: every resource).
    QList<Offer> currentOffers(const Node &addressed, const QString &model, qint64 atMs);
    // The answer from the cache (built once per version of what it shows) for every client that
    // asks; with `conditional`, it carries an ETag and is a 304 when the client holds it.
    ApiResponse cached(const Context &c, const QString &key, qint64 version, const QByteArray &contentType,
                       bool conditional, const ResponseCache::Build &build);

    Node withStatus(const Node &node) const;
    // nullopt when allowed, else the 401/403 answer.
    std::optional<ApiResponse> checkScope(const ApiRequest &request, const QString &scope, const QString &instance) const;
    static std::optional<ApiResponse> checkJsonBody(const ApiRequest &request, const QString &instance);
    static ApiResponse json(const QJsonObject &object, int status = 200);

    Simulator &m_sim;
    const Auth &m_auth;
    ResponseCache m_cache;
};

} // namespace cpn::sim
