#pragma once

#include "api/endpointstatus.h"

namespace cpn {
class Clock;
}

namespace cpn::api {

// The connection state machine of one endpoint, kept apart from the networking so that it can be
// tested with a ManualClock:
//   Connecting --good answer--> Online --no good answer for 2x refresh--> Stale
//   any --offlineAfterFailures failures in a row--> Offline;  any --good answer--> Online
// Each mutator returns true when the state or the error text changed since the last report, which is
// when the owner emits statusChanged. Data age is measured on the monotonic clock, so setting the
// wall clock cannot make data look fresh or stale.
class EndpointHealth
{
public:
    EndpointHealth(const Clock &clock, int refreshIntervalMs, int offlineAfterFailures);

    void setEndpoint(const QUrl &baseUrl, const QString &label);

    bool recordSuccess();
    bool recordFailure(const QString &error);
    // Re-evaluates staleness against the clock (call it when msUntilStale() has passed).
    bool refresh();
    // When an Online endpoint turns Stale if no good answer comes first; -1 when it is not Online.
    qint64 msUntilStale() const;
    // Back to Connecting with no data, as when polling restarts.
    bool reset();

    ConnectionState state() const; // evaluated now
    EndpointStatus status() const; // evaluated now
    qint64 dataAgeMs() const;      // -1 when there has been no data
    int consecutiveFailures() const { return m_failures; }

private:
    bool report();

    const Clock &m_clock;
    int m_staleAfterMs;
    int m_offlineAfterFailures;
    QUrl m_baseUrl;
    QString m_label;
    qint64 m_lastDataWallMs = 0;
    qint64 m_lastDataMonotonicMs = -1;
    int m_failures = 0;
    QString m_lastError;
    ConnectionState m_reportedState = ConnectionState::Connecting;
    QString m_reportedError;
};

} // namespace cpn::api
