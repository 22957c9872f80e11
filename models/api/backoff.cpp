#include "api/backoff.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace cpn::api {

RandomBelow systemRandom()
{
    return [](qint64 upperInclusive) {
        if (upperInclusive <= 0)
            return qint64(0);
        return QRandomGenerator::global()->bounded(upperInclusive + 1);
    };
}

qint64 backoffCeilingMs(int attempt, const BackoffPolicy &policy)
{
    const qint64 base = std::max<qint64>(policy.baseMs, 0);
    const qint64 cap = std::max<qint64>(policy.capMs, 0);
    qint64 ceiling = base;
    // Doubling stops at the cap, so a long outage cannot overflow.
    for (int i = 0; i < attempt && ceiling < cap; ++i)
        ceiling *= 2;
    return std::min(ceiling, cap);
}

qint64 backoffDelayMs(int attempt, int retryAfterSeconds, const BackoffPolicy &policy,
                      const RandomBelow &random)
{
    const qint64 ceiling = backoffCeilingMs(std::max(attempt, 0), policy);
    const qint64 jittered = std::clamp<qint64>(random(ceiling), 0, ceiling);
    if (retryAfterSeconds < 0)
        return jittered;
    const int maxRetryAfter = std::clamp(policy.maxRetryAfterSeconds, 0, kMaxRetryAfterSeconds);
    const qint64 retryAfterMs = qint64(std::min(retryAfterSeconds, maxRetryAfter)) * 1000;
    return std::max(jittered, retryAfterMs);
}

int parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : int(std::min<qint64>(seconds, kMaxRetryAfterSeconds));
    // An HTTP-date (RFC 9110: IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT").
    // Qt 6.4's RFC 2822 parser wants a numeric zone where HTTP writes "GMT".
    QString date = QString::fromLatin1(trimmed);
    if (date.endsWith(QStringLiteral(" GMT")))
        date = date.chopped(3) + QStringLiteral("+0000");
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    const qint64 deltaMs = at.toMSecsSinceEpoch() - nowMs;
    if (deltaMs <= 0)
        return 0;
    return int(std::min<qint64>((deltaMs + 999) / 1000, kMaxRetryAfterSeconds));
}

} // namespace cpn::api
