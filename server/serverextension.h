#pragma once

#include "apirequest.h"

#include <optional>

namespace cpn::server {

// What one program adds to the protocol beside its backend: cpn-nodesim's fault-injection routes
// (/sim/v1/faults) and its transport faults (slow and malformed answers). The defaults add nothing.
class ServerExtension
{
public:
    virtual ~ServerExtension() = default;

    // The answer to a request the extension owns, or nullopt to leave it to the router. Asked
    // before the router checks any token, so the extension checks its own scopes.
    virtual std::optional<ApiResponse> handle(const ApiRequest &) { return std::nullopt; }
    // Changes a successful answer of response.nodeId before it is written.
    virtual void alter(ApiResponse &) const {}
    // How long to hold the answer of a node before writing it.
    virtual int delayMs(const QString & /*nodeId*/) const { return 0; }
};

} // namespace cpn::server
