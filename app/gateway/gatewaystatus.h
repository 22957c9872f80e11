#pragma once

#include "auth.h"
#include "gatewaybackend.h"
#include "parentregistration.h"
#include "serverextension.h"

namespace cpn::gateway {

// cpn-gateway's addition to the protocol: GET /gateway/v1/status (scope node:read) says whether
// the site's figures come in and, when not, why, and what became of its application to a parent
// (--register-with; null without) (docs/gateway.md).
class GatewayStatus final : public server::ServerExtension
{
public:
    GatewayStatus(const GatewayBackend &backend, const server::Auth &auth, int queriesPerTick)
        : m_backend(backend), m_auth(auth), m_queriesPerTick(queriesPerTick)
    {
    }

    void setRegistration(const ParentRegistration *registration) { m_registration = registration; }

    std::optional<server::ApiResponse> handle(const server::ApiRequest &request) override;

private:
    const GatewayBackend &m_backend;
    const server::Auth &m_auth;
    int m_queriesPerTick;
    const ParentRegistration *m_registration = nullptr;
};

} // namespace cpn::gateway
