#include "auth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace cpn::auth {
namespace {
constexpr auto kUrlSafe = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    auto *generator = QRandomGenerator::system();
    for (char &c : raw)
        c = char(generator->bounded(256));
    return raw.toBase64(kUrlSafe);
}

Pkce Pkce::generate()
{
    return Pkce{randomUrlSafe(32)};
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kUrlSafe);
}

} // namespace cpn::auth
