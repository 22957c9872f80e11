#pragma once

#include "auth/tokenclient.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace cpn::auth {

// Keeps one account's access token fresh by doing the refresh POST itself (QtNetworkAuth 6.4 has no
// timed refresh, and the console must tell a rejected refresh token from network trouble): at about
// 80 % of expires_in on the monotonic clock, and on demand after a 401. One refresh at a time; callers that ask meanwhile wait for it.
// invalid_grant is final (rejected()); network trouble and 5xx back off and keep the refresh token.
class TokenRefresher : public QObject
{
    Q_OBJECT

public:
    // `refreshToken` and `scopes` are read at each attempt, so the latest (rotated) ones are used.
    TokenRefresher(TokenClient *client, std::function<QString()> refreshToken, std::function<QStringList()> scopes,
                   QObject *parent = nullptr);

    // A token valid for `expiresInSeconds` was just issued: plan the refresh at 80 % of it.
    void scheduleFor(qint64 expiresInSeconds);
    void stop();
    // Refresh now; `done(true)` once a new access token is in, `done(false)` if there is none.
    void refreshNow(std::function<void(bool refreshed)> done = {});
    bool isRefreshing() const { return m_refreshing; }
    bool isScheduled() const { return m_timer.isActive(); }
    int failedAttempts() const { return m_failedAttempts; }
    // Tests pin the jitter of the backoff; the default is the system generator.
    void setRandomBelow(std::function<qint64(qint64)> random) { m_random = std::move(random); }
    void setBackoff(int baseMs, int capMs)
    {
        m_backoffBaseMs = baseMs;
        m_backoffCapMs = capMs;
    }

    static qint64 refreshDelayMs(qint64 expiresInSeconds) { return expiresInSeconds * 1000 * 8 / 10; }

Q_SIGNALS:
    void refreshed(const cpn::auth::TokenSet &tokens);
    // The refresh token is no good any more (or the server refuses this client): sign in again.
    void rejected(const QString &message);
    // Will try again in retryInMs; the refresh token is kept.
    void failedTemporarily(const QString &message, qint64 retryInMs);

private:
    void finish(bool refreshed);

    TokenClient *m_client;
    std::function<QString()> m_refreshToken;
    std::function<QStringList()> m_scopes;
    std::function<qint64(qint64)> m_random;
    QTimer m_timer; // a precise timer: its clock is monotonic
    bool m_refreshing = false;
    int m_failedAttempts = 0;
    int m_backoffBaseMs = 1000;
    int m_backoffCapMs = 60000;
    QList<std::function<void(bool)>> m_waiters;
};

} // namespace cpn::auth
