#include "auth/tokenrefresher.h"

#include "api/backoff.h"
#include "auth/authlogging.h"

#include <QCoreApplication>
#include <QPointer>

namespace cpn::auth {

TokenRefresher::TokenRefresher(TokenClient *client, std::function<QString()> refreshToken,
                               std::function<QStringList()> scopes, QObject *parent)
    : QObject(parent), m_client(client), m_refreshToken(std::move(refreshToken)), m_scopes(std::move(scopes)),
      m_random(api::systemRandom())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { refreshNow(); });
}

void TokenRefresher::scheduleFor(qint64 expiresInSeconds)
{
    if (expiresInSeconds <= 0) {
        m_timer.stop(); // the server did not say: a 401 will tell us
        return;
    }
    const qint64 delay = std::min<qint64>(refreshDelayMs(expiresInSeconds), std::numeric_limits<int>::max());
    qCDebug(lcAuth) << "next refresh in" << delay << "ms";
    m_timer.start(int(delay));
}

void TokenRefresher::stop()
{
    m_timer.stop();
    m_failedAttempts = 0;
}

void TokenRefresher::refreshNow(std::function<void(bool)> done)
{
    if (done)
        m_waiters.append(std::move(done));
    if (m_refreshing)
        return;
    const QString refreshToken = m_refreshToken();
    if (refreshToken.isEmpty()) {
        finish(false);
        return;
    }
    m_refreshing = true;
    m_timer.stop();
    qCInfo(lcAuth) << "refreshing the access token";
    QPointer<TokenRefresher> self(this);
    m_client->refresh(refreshToken, m_scopes(), [this, self](const TokenReply &reply) {
        if (!self)
            return;
        m_refreshing = false;
        if (reply.ok()) {
            m_failedAttempts = 0;
            scheduleFor(reply.tokens->expiresInSeconds);
            Q_EMIT refreshed(*reply.tokens);
            finish(true);
            return;
        }
        if (reply.error.kind == TokenError::Kind::Transient) {
            const api::BackoffPolicy policy{m_backoffBaseMs, m_backoffCapMs, 3600};
            const qint64 delay = api::backoffDelayMs(m_failedAttempts++, -1, policy, m_random);
            m_timer.start(int(std::max<qint64>(delay, 50)));
            qCWarning(lcAuth).noquote() << "refresh failed, retrying in" << delay << "ms:" << reply.error.message;
            Q_EMIT failedTemporarily(reply.error.message, delay);
            finish(false);
            return;
        }
        m_failedAttempts = 0;
        m_timer.stop();
        Q_EMIT rejected(reply.error.message);
        finish(false);
    });
}

void TokenRefresher::finish(bool refreshed)
{
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters)
        waiter(refreshed);
}

} // namespace cpn::auth
