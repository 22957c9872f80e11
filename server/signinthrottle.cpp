#include "signinthrottle.h"

#include "clock.h"

#include <algorithm>

namespace cpn::server {
namespace {
QString accountKey(const QString &account) { return account.toLower().left(128); }
} // namespace

qint64 SignInThrottle::waitOf(const QHash<QString, Record> &records, const QString &key) const
{
    const auto it = records.constFind(key);
    return it == records.cend() ? 0 : std::max<qint64>(0, it->allowedAtMs - m_clock.nowMs());
}

qint64 SignInThrottle::waitMs(const QString &address, const QString &account) const
{
    return std::max(waitOf(m_addresses, address), waitOf(m_accounts, accountKey(account)));
}

void SignInThrottle::fail(QHash<QString, Record> &records, const QString &key, int freeFailures, qint64 maxDelayMs,
                          qint64 now)
{
    Record &r = records[key];
    ++r.failures;
    r.lastFailureMs = now;
    const int beyond = r.failures - freeFailures;
    if (beyond > 0)
        r.allowedAtMs = now + std::min<qint64>(maxDelayMs, 1000LL << std::min(beyond - 1, 30));
}

void SignInThrottle::failed(const QString &address, const QString &account)
{
    forgetQuiet();
    const qint64 now = m_clock.nowMs();
    fail(m_addresses, address, kFreeAddressFailures, kMaxAddressDelayMs, now);
    fail(m_accounts, accountKey(account), kFreeAccountFailures, kMaxAccountDelayMs, now);
}

void SignInThrottle::succeeded(const QString &address, const QString &account)
{
    m_addresses.remove(address);
    m_accounts.remove(accountKey(account));
}

void SignInThrottle::forgetQuiet()
{
    const qint64 now = m_clock.nowMs();
    const bool full = m_addresses.size() >= kMaxTracked || m_accounts.size() >= kMaxTracked;
    if (now < m_nextSweepMs && !full)
        return;
    m_nextSweepMs = now + 60'000;
    for (QHash<QString, Record> *records : {&m_addresses, &m_accounts}) {
        records->removeIf([&](const auto &it) {
            return it.value().lastFailureMs + kForgetAfterMs < now && it.value().allowedAtMs <= now;
        });
        // Still full of recent failures (many addresses at once): the oldest go, keeping the bound.
        if (records->size() >= kMaxTracked) {
            QList<qint64> ages;
            ages.reserve(records->size());
            for (const Record &r : std::as_const(*records))
                ages.append(r.lastFailureMs);
            std::nth_element(ages.begin(), ages.begin() + ages.size() / 2, ages.end());
            const qint64 median = ages.at(ages.size() / 2);
            records->removeIf([&](const auto &it) { return it.value().lastFailureMs <= median; });
        }
    }
}

} // namespace cpn::server
