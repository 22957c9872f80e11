#include "gatewaystatus.h"

#include "apirouter.h"

namespace cpn::gateway {

using server::ApiRouter;

std::optional<server::ApiResponse> GatewayStatus::handle(const server::ApiRequest &request)
{
    if (request.path != u"/gateway/v1/status")
        return std::nullopt;
    if (request.method != "GET")
        return ApiRouter::methodNotAllowed(request.method, {"GET"}, request.path);
    if (auto denied = ApiRouter::checkScope(m_auth, request, QStringLiteral("node:read"), request.path))
        return *denied;
    const Node &site = m_backend.root();
    const SlurmSite *slurm = m_backend.workloadManager();
    const QString slurmReason = slurm ? slurm->reason() : QString();
    return ApiRouter::json({
        {QStringLiteral("site"), site.id},
        {QStringLiteral("status"), toWire(m_backend.status(site.id))},
        {QStringLiteral("prometheus"),
         m_backend.reason().isEmpty() ? QStringLiteral("answering") : QStringLiteral("failing")},
        {QStringLiteral("reason"), m_backend.reason()},
        {QStringLiteral("queriesPerTick"), m_queriesPerTick},
        {QStringLiteral("slurm"), !slurm                  ? QStringLiteral("not configured")
                                  : slurmReason.isEmpty() ? QStringLiteral("answering")
                                                          : QStringLiteral("failing")},
        {QStringLiteral("slurmReason"), slurmReason},
        {QStringLiteral("alerts"), m_backend.alarms().reason().isEmpty() ? QStringLiteral("answering")
                                                                          : QStringLiteral("failing")},
        {QStringLiteral("alertsReason"), m_backend.alarms().reason()},
        {QStringLiteral("registration"),
         m_registration ? QJsonValue(m_registration->status()) : QJsonValue(QJsonValue::Null)},
    });
}

} // namespace cpn::gateway
