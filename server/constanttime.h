#pragma once

#include <QByteArray>

namespace cpn::server {

// Compares secrets (password digests, PKCE verifiers) in a time that does not depend on where they
// first differ, so an attacker cannot learn a prefix from the answer's timing.
inline bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace cpn::server
