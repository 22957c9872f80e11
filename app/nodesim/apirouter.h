#pragma once

#include "auth.h"
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
};

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
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

    ApiRouter(Simulator &simulator, const Auth &auth) : m_sim(simulator), m_auth(auth) {}

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
    // What the nodes in the addressed node's directory offer now (empty model: every resource).
    QList<Offer> currentOffers(const Node &addressed, const QString &model);

    Node withStatus(const Node &node) const;
    // nullopt when allowed, else the 401/403 answer.
    std::optional<ApiResponse> checkScope(const ApiRequest &request, const QString &scope, const QString &instance) const;
    static std::optional<ApiResponse> checkJsonBody(const ApiRequest &request, const QString &instance);
    static ApiResponse json(const QJsonObject &object, int status = 200);

    Simulator &m_sim;
    const Auth &m_auth;
};

} // namespace cpn::sim
