#pragma once

#include "apirequest.h"
#include "auth.h"
#include "protocolbackend.h"
#include "registryroutes.h"
#include "responsecache.h"

#include <QJsonObject>
#include <optional>

namespace cpn::server {

class ServerExtension;

// Maps one HTTP request to one answer: node prefix, path, method, scope, then the endpoint, whose
// data comes from the backend. Pure request -> response, no sockets, so every rule of
// docs/node-api.md can be unit tested.
class ApiRouter
{
public:
    static constexpr qsizetype kMaxRequestBytes = 64 * 1024;
    static constexpr int kRetryAfterSeconds = 5;
    // GET /history: the finest step and the most points of one answer.
    static constexpr qint64 kHistoryMinStepMs = 1000;
    static constexpr qint64 kHistoryMaxPoints = 11000;

    // responseCache false rebuilds every answer (cpn-nodesim --no-response-cache, for comparison).
    // The extension (optional) is asked first for every request within the size limit.
    ApiRouter(ProtocolBackend &backend, const Auth &auth, bool responseCache = true,
              ServerExtension *extension = nullptr)
        : m_backend(backend), m_auth(auth), m_cache(responseCache), m_extension(extension),
          m_registry(backend, auth)
    {
    }

    ApiResponse handle(const ApiRequest &request);

    // Answers in the protocol's forms, for extensions too.
    static ApiResponse problem(int status, const QString &detail, const QString &instance);
    static ApiResponse methodNotAllowed(const QByteArray &method, const QByteArrayList &allowed,
                                        const QString &instance);
    static ApiResponse json(const QJsonObject &object, int status = 200);
    // nullopt when the token has the scope, else the 401/403 answer.
    static std::optional<ApiResponse> checkScope(const Auth &auth, const ApiRequest &request,
                                                 const QString &scope, const QString &instance);
    // nullopt when the body is JSON, else the 415 answer.
    static std::optional<ApiResponse> checkJsonBody(const ApiRequest &request, const QString &instance);

private:
    struct Context
    {
        const ApiRequest &request;
        const Node &node; // the node whose base URL was addressed
        QString instance;
    };

    ApiResponse getNode(const Context &c);
    ApiResponse getNodes(const Context &c);
    ApiResponse getLinks(const Context &c);
    ApiResponse getMetrics(const Context &c);
    ApiResponse getHistory(const Context &c);
    static ApiResponse silencesAnswer(const QList<Silence> &silences);
    static ApiResponse historyAnswer(const QString &series, const ProtocolBackend::HistoryQuery &query,
                                     const ProtocolBackend::HistoryResult &result, const QString &instance);
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
    // The answer from the cache (built once per version of what it shows) for every client that
    // asks; with `conditional`, it carries an ETag and is a 304 when the client holds it.
    ApiResponse cached(const Context &c, const QString &key, qint64 version, const QByteArray &contentType,
                       bool conditional, const ResponseCache::Build &build);

    Node withStatus(const Node &node) const;

    ProtocolBackend &m_backend;
    const Auth &m_auth;
    ResponseCache m_cache;
    ServerExtension *m_extension;
    RegistryRoutes m_registry;
};

} // namespace cpn::server
