#pragma once

#include <QByteArray>

namespace cpn::auth {

// n random bytes from the system generator, base64url without padding (state, PKCE verifiers).
QByteArray randomUrlSafe(int bytes);

// Proof Key for Code Exchange, S256 (RFC 7636): a fresh verifier per sign-in, its challenge in the
// authorization request, the verifier itself in the token request. QtNetworkAuth 6.4 has none.
struct Pkce
{
    QByteArray verifier; // 43 characters: 32 random bytes, base64url

    static Pkce generate();
    // BASE64URL(SHA256(ASCII(verifier))), unpadded.
    static QByteArray challengeFor(const QByteArray &verifier);
    QByteArray challenge() const { return challengeFor(verifier); }
    static constexpr const char *method() { return "S256"; }
};

} // namespace cpn::auth
