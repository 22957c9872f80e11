#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <functional>

namespace cpn::api {

// A uniformly random integer in [0, upperInclusive]. Injected so tests can pin the jitter.
using RandomBelow = std::function<qint64(qint64 upperInclusive)>;
RandomBelow systemRandom();

// A Retry-After longer than this is cut short: we would rather ask again than go silent for a day.
inline constexpr int kMaxRetryAfterSeconds = 3600;

struct BackoffPolicy
{
    qint64 baseMs = 1000;
    qint64 capMs = 60000;
    int maxRetryAfterSeconds = kMaxRetryAfterSeconds;
};

// min(cap, base * 2^attempt); attempt 0 is the first retry after a failure.
qint64 backoffCeilingMs(int attempt, const BackoffPolicy &policy = {});

// Full-jitter exponential backoff, rand(0, min(cap, base * 2^attempt)), but never sooner than
// Retry-After (seconds, -1 = absent; clamped to policy.maxRetryAfterSeconds).
qint64 backoffDelayMs(int attempt, int retryAfterSeconds, const BackoffPolicy &policy,
                      const RandomBelow &random);

// The value of a Retry-After header in seconds from nowMs: delta-seconds or an HTTP-date.
// -1 when absent or unreadable; 0 for a date in the past.
int parseRetryAfter(const QByteArray &value, qint64 nowMs);

} // namespace cpn::api
