#pragma once

#include "gatewayconfig.h"

#include "domain/metricnames.h"

namespace cpn::gateway {

// The PromQL of one figure of a site's link, from its interface counters (docs/gateway.md, "[links]"):
// the live ticks and GET /history ask the same. LinkStatus asks the carrier (1 up, 0 down).
inline QString linkQuery(const GatewayConfig::SiteLink &l, metrics::LinkMetric metric)
{
    const QString &sel = l.interfaces;
    switch (metric) {
    case metrics::AbGbps:
        return QStringLiteral("sum(irate(node_network_transmit_bytes_total{%1}[1m])) * 8 / 1e9").arg(sel);
    case metrics::BaGbps:
        return QStringLiteral("sum(irate(node_network_receive_bytes_total{%1}[1m])) * 8 / 1e9").arg(sel);
    case metrics::LossPct:
        return QStringLiteral("100 * sum(irate(node_network_receive_drop_total{%1}[1m]) + "
                              "irate(node_network_transmit_drop_total{%1}[1m])) / "
                              "clamp_min(sum(irate(node_network_receive_packets_total{%1}[1m]) + "
                              "irate(node_network_transmit_packets_total{%1}[1m])), 1)")
            .arg(sel);
    case metrics::LinkStatus:
        return QStringLiteral("min(node_network_carrier{%1})").arg(sel);
    case metrics::LatencyMs:
        return l.latency;
    case metrics::LinkMetricCount:
        break;
    }
    return {};
}

} // namespace cpn::gateway
