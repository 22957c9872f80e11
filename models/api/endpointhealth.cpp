#include "api/endpointhealth.h"

#include "domain/clock.h"

#include <algorithm>

namespace cpn::api {

EndpointHealth::EndpointHealth(const Clock &clock, int refreshIntervalMs, int offlineAfterFailures)
    : m_clock(clock), m_staleAfterMs(2 * std::max(refreshIntervalMs, 1)),
      m_offlineAfterFailures(std::max(offlineAfterFailures, 1))
{
}

void EndpointHealth::setEndpoint(const QUrl &baseUrl, const QString &label)
{
    m_baseUrl = baseUrl;
    m_label = label;
}

bool EndpointHealth::recordSuccess()
{
    m_lastDataWallMs = m_clock.nowMs();
    m_lastDataMonotonicMs = m_clock.monotonicMs();
    m_failures = 0;
    m_lastError.clear();
    return report();
}

bool EndpointHealth::recordFailure(const QString &error)
{
    ++m_failures;
    m_lastError = error;
    return report();
}

bool EndpointHealth::refresh()
{
    return report();
}

bool EndpointHealth::reset()
{
    m_lastDataWallMs = 0;
    m_lastDataMonotonicMs = -1;
    m_failures = 0;
    m_lastError.clear();
    return report();
}

qint64 EndpointHealth::dataAgeMs() const
{
    if (m_lastDataMonotonicMs < 0)
        return -1;
    return m_clock.monotonicMs() - m_lastDataMonotonicMs;
}

qint64 EndpointHealth::msUntilStale() const
{
    if (state() != ConnectionState::Online)
        return -1;
    return std::max<qint64>(0, m_staleAfterMs - dataAgeMs() + 1);
}

ConnectionState EndpointHealth::state() const
{
    if (m_failures >= m_offlineAfterFailures)
        return ConnectionState::Offline;
    const qint64 age = dataAgeMs();
    if (age < 0)
        return ConnectionState::Connecting;
    return age > m_staleAfterMs ? ConnectionState::Stale : ConnectionState::Online;
}

EndpointStatus EndpointHealth::status() const
{
    return {m_baseUrl, m_label, state(), m_lastDataWallMs, m_lastError, m_failures};
}

bool EndpointHealth::report()
{
    const ConnectionState now = state();
    if (now == m_reportedState && m_lastError == m_reportedError)
        return false;
    m_reportedState = now;
    m_reportedError = m_lastError;
    return true;
}

} // namespace cpn::api
