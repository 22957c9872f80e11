#pragma once

#include <QHash>
#include <QString>

namespace cpn::server {

class Clock;

// Slows password guessing down without letting a guesser lock a user out for long
// (docs/node-api.md, "Authentication"). Failed sign-ins are counted per client address and per
// account; past a few free ones, each further attempt waits twice as long as the last, up to a cap:
// a quarter of an hour for an address, a minute for an account (an account is shared with its real
// user, who must never wait longer than that). A success clears its address and account; a quiet
// quarter of an hour forgets them. Memory is bounded: at most kMaxTracked of each are remembered.
class SignInThrottle
{
public:
    static constexpr int kFreeAddressFailures = 5;
    static constexpr qint64 kMaxAddressDelayMs = 15 * 60'000;
    static constexpr int kFreeAccountFailures = 10;
    static constexpr qint64 kMaxAccountDelayMs = 60'000;
    static constexpr qint64 kForgetAfterMs = 15 * 60'000;
    static constexpr qsizetype kMaxTracked = 100'000;

    explicit SignInThrottle(const Clock &clock) : m_clock(clock) {}

    // How long this address must wait before trying this account; 0: it may try now.
    qint64 waitMs(const QString &address, const QString &account) const;
    void failed(const QString &address, const QString &account);
    void succeeded(const QString &address, const QString &account);

private:
    struct Record
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 allowedAtMs = 0;
    };
    static void fail(QHash<QString, Record> &records, const QString &key, int freeFailures, qint64 maxDelayMs,
                     qint64 now);
    qint64 waitOf(const QHash<QString, Record> &records, const QString &key) const;
    void forgetQuiet();

    const Clock &m_clock;
    QHash<QString, Record> m_addresses;
    QHash<QString, Record> m_accounts;
    qint64 m_nextSweepMs = 0;
};

} // namespace cpn::server
