#pragma once

#include "gatewayconfig.h"
#include "protocolbackend.h"

#include <QNetworkAccessManager>
#include <QObject>

class QNetworkReply;

namespace cpn::gateway {

// GET /api/v1/history for the site, from Prometheus' query_range (or any server of that API, such
// as VictoriaMetrics for long retention: [prometheus] history_url). A metric is the same PromQL the
// live figures use, evaluated at the protocol's instants; an instant Prometheus has no value for is
// a gap, never filled in.
class PrometheusHistory : public QObject
{
    Q_OBJECT

public:
    using Query = server::ProtocolBackend::HistoryQuery;
    using Result = server::ProtocolBackend::HistoryResult;

    explicit PrometheusHistory(const GatewayConfig &config, QObject *parent = nullptr);

    // Answers through `done` once every query it needs has answered (or one failed).
    void fetch(const Query &query, std::function<void(Result)> done);

private:
    // One PromQL expression and how its series become points.
    struct Part
    {
        QString promql;
        QString model; // accelerator metrics: only the series of this model slug
    };
    struct Pending;
    void send(const std::shared_ptr<Pending> &pending, const Part &part);
    void answered(const std::shared_ptr<Pending> &pending, const Part &part, QNetworkReply *reply);

    const GatewayConfig &m_config;
    QNetworkAccessManager m_nam;
};

} // namespace cpn::gateway
