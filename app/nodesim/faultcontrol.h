#pragma once

#include "auth.h"
#include "serverextension.h"
#include "simulator.h"

namespace cpn::sim {

// cpn-nodesim's additions to the protocol: the fault-injection routes (/sim/v1/faults, scope
// sim:control, docs/node-api.md) and the transport faults (slow and malformed answers).
class FaultControl final : public server::ServerExtension
{
public:
    FaultControl(Simulator &simulator, const server::Auth &auth) : m_sim(simulator), m_auth(auth) {}

    std::optional<server::ApiResponse> handle(const server::ApiRequest &request) override;
    void alter(server::ApiResponse &response) const override;
    int delayMs(const QString &nodeId) const override { return m_sim.faults().delayMsFor(nodeId); }

private:
    server::ApiResponse handleFaults(const server::ApiRequest &request);

    Simulator &m_sim;
    const server::Auth &m_auth;
};

} // namespace cpn::sim
