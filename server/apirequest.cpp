#include "apirequest.h"

namespace cpn::server {

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void DeferredResponse::resolve(ApiResponse response)
{
    if (m_deliver)
        m_deliver(response);
    else
        m_response = std::move(response);
}

void DeferredResponse::onReady(std::function<void(const ApiResponse &)> deliver)
{
    if (m_response)
        deliver(*m_response);
    else
        m_deliver = std::move(deliver);
}

} // namespace cpn::server
