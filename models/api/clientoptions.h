#pragma once

#include "domain/protocoljson.h"

#include <QString>

namespace cpn::api {

// Per-endpoint settings of the protocol client. The defaults follow docs/node-api.md,
// "Client behaviour expected of a console".
struct ClientOptions
{
    QString token;                 // bearer token; empty = none
    int refreshIntervalMs = 1000;  // metrics poll
    int transferTimeoutMs = 10000; // QNetworkRequest::setTransferTimeout: no bytes for this long
    int deadlineMs = 15000;        // wall-clock cap per request, however slowly bytes trickle in
    // The answer limit; /metrics may take more as the directory grows, /nodes and /links up to what
    // the largest directory needs (protocol::metricsLimitBytes and friends).
    qint64 maxBodyBytes = protocol::kMaxBodyBytes;
    int offlineAfterFailures = 3;
    bool allowPlainHttp = false; // http allowed only to loopback unless true
    // PEM file of a private CA trusted for this endpoint only, besides the system CAs; empty: system CAs.
    // Certificate errors are never ignored: they fail the request as ApiError::Kind::Tls.
    QString caFile;
    // Full-jitter backoff after failed polls: rand(0, min(backoffCapMs, backoffBaseMs * 2^n)).
    int backoffBaseMs = 1000;
    int backoffCapMs = 60000;
    // A node's Retry-After is honoured up to this long; beyond it we ask again anyway, so a
    // misconfigured node cannot silence the console for a day.
    int maxRetryAfterSeconds = 3600;
};

} // namespace cpn::api
