#pragma once

// A throwaway private CA and a loopback server certificate, made at run time by
// scripts/make-test-ca.sh (openssl) into dir: ca.pem, ca.key, server.pem, server.key.
// The test target defines CPN_MAKE_TEST_CA as the script's path.

#include <QProcess>
#include <QString>

namespace cpn::testing {

// Empty on success, else why not.
inline QString makeTestCa(const QString &dir)
{
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral(CPN_MAKE_TEST_CA), dir});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("scripts/make-test-ca.sh failed: ") +
               QString::fromLocal8Bit(process.readAllStandardError());
    return {};
}

} // namespace cpn::testing
