#include "faultcontrol.h"

#include "apirouter.h"

#include <QJsonArray>

namespace cpn::sim {

using server::ApiRequest;
using server::ApiResponse;
using server::ApiRouter;
using server::Auth;

std::optional<ApiResponse> FaultControl::handle(const ApiRequest &request)
{
    if (request.path == u"/sim/v1/faults" || request.path.startsWith(u"/sim/v1/faults/"))
        return handleFaults(request);
    return std::nullopt;
}

void FaultControl::alter(ApiResponse &response) const
{
    const QString mode = m_sim.faults().malformedModeFor(response.nodeId);
    if (!mode.isEmpty()) {
        response.body = FaultInjector::malform(response.body, mode);
        response.gzipBody.clear(); // the malformed body is what the client must see
    }
}

ApiResponse FaultControl::handleFaults(const ApiRequest &request)
{
    const QString instance = request.path.left(512);
    const QStringList rest =
        request.path.mid(QStringLiteral("/sim/v1/faults").size()).split(u'/', Qt::SkipEmptyParts);
    const auto list = [this](int status) {
        QJsonArray faults;
        for (const auto &f : m_sim.faults().faults())
            faults.append(f.toJson());
        return ApiRouter::json({{QStringLiteral("faults"), faults}}, status);
    };
    if (rest.isEmpty()) {
        if (request.method != "GET" && request.method != "POST" && request.method != "DELETE")
            return ApiRouter::methodNotAllowed(request.method, {"GET", "POST", "DELETE"}, instance);
    } else if (rest.size() != 2) {
        return ApiRouter::problem(404, QStringLiteral("Expected /sim/v1/faults/<kind>/<target>"), instance);
    } else if (request.method != "DELETE") {
        return ApiRouter::methodNotAllowed(request.method, {"DELETE"}, instance);
    }
    if (auto denied = ApiRouter::checkScope(m_auth, request, Auth::kSimControl, instance))
        return *denied;

    if (!rest.isEmpty()) {
        const auto kind = Fault::kindFromName(rest[0]);
        if (!kind || !m_sim.removeFault(*kind, rest[1]))
            return ApiRouter::problem(
                404, QStringLiteral("No fault %1 on '%2'").arg(rest[0].left(32), rest[1].left(64)), instance);
        return list(200);
    }
    if (request.method == "GET")
        return list(200);
    if (request.method == "DELETE") {
        m_sim.clearFaults();
        return list(200);
    }
    if (auto bad = ApiRouter::checkJsonBody(request, instance))
        return *bad;
    QString error;
    const auto fault = FaultInjector::parseJson(request.body, &error);
    if (!fault)
        return ApiRouter::problem(400, error, instance);
    if (!m_sim.addFault(*fault, &error))
        return ApiRouter::problem(404, error, instance);
    return list(201);
}

} // namespace cpn::sim
