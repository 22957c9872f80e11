// cpn-gateway's configuration file (docs/gateway.md).
#include "gatewayconfig.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    cpn::gateway::GatewayConfig::parse(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)),
                                       QStringLiteral("fuzz.conf"), &error);
    return 0;
}
