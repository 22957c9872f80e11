#include "serveroptions.h"

#include <QCommandLineParser>

namespace cpn::server {

ServerOptions::Definitions::Definitions()
    : port(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one."), QStringLiteral("P"),
           QStringLiteral("0")),
      devToken(QStringLiteral("dev-token"),
               QStringLiteral("Static bearer token with every scope, including sim:control (better: CPN_DEV_TOKEN "
                              "in the environment; a command line is visible to every user)."),
               QStringLiteral("T")),
      readToken(QStringLiteral("read-token"), QStringLiteral("Bearer token with the read scopes only (or CPN_READ_TOKEN in the environment)."),
                QStringLiteral("T")),
      applyToken(QStringLiteral("apply-token"),
                 QStringLiteral("Bearer token nodes apply to join with: node:read and registry:apply only "
                                "(or CPN_APPLY_TOKEN in the environment)."),
                 QStringLiteral("T")),
      users(QStringLiteral("users"),
            QStringLiteral("JSON file of sign-in users {\"users\":[{\"username\",\"password\",\"role\"}]}; "
                           "default: operator/operator, planner/planner and registrar/registrar."),
            QStringLiteral("file")),
      tokenTtl(QStringLiteral("token-ttl"), QStringLiteral("Lifetime of issued access tokens."),
               QStringLiteral("seconds"), QStringLiteral("3600")),
      tokenPrefix(QStringLiteral("token-prefix"),
                  QStringLiteral("Issued tokens and codes start with this text."), QStringLiteral("prefix")),
      tlsCert(QStringLiteral("tls-cert"),
              QStringLiteral("PEM certificate (chain) to serve https; needs --tls-key."),
              QStringLiteral("file")),
      tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key of --tls-cert."),
             QStringLiteral("file")),
      noResponseCache(
          QStringLiteral("no-response-cache"),
          QStringLiteral("Build every answer again instead of sharing it between clients (for comparison).")),
      headerTimeout(QStringLiteral("header-timeout"),
                    QStringLiteral("A request's headers must arrive within this time, else the connection is closed."),
                    QStringLiteral("seconds"), QString::number(ConnectionLimits().headerTimeoutMs / 1000)),
      idleTimeout(QStringLiteral("idle-timeout"),
                  QStringLiteral("A connection without progress for this long is closed."), QStringLiteral("seconds"),
                  QString::number(ConnectionLimits().idleTimeoutMs / 1000)),
      maxConnections(QStringLiteral("max-connections"), QStringLiteral("Connections open at once; more are refused."),
                     QStringLiteral("N"), QString::number(ConnectionLimits().maxConnections)),
      maxConnectionsPerAddress(QStringLiteral("max-connections-per-address"),
                               QStringLiteral("Connections open at once from one client address."),
                               QStringLiteral("N"), QString::number(ConnectionLimits().maxConnectionsPerAddress))
{
}

bool ServerOptions::read(const QCommandLineParser &parser, const Definitions &d, QString *error)
{
    bool ok = false;
    const uint p = parser.value(d.port).toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("--port must be 0..65535");
        return false;
    }
    port = quint16(p);
    // The environment keeps a token out of the command line, which every user of the machine can read.
    devToken = parser.isSet(d.devToken) ? parser.value(d.devToken) : qEnvironmentVariable("CPN_DEV_TOKEN");
    readToken = parser.isSet(d.readToken) ? parser.value(d.readToken) : qEnvironmentVariable("CPN_READ_TOKEN");
    applyToken = parser.isSet(d.applyToken) ? parser.value(d.applyToken) : qEnvironmentVariable("CPN_APPLY_TOKEN");
    usersFile = parser.value(d.users);
    tokenTtlSeconds = parser.value(d.tokenTtl).toInt(&ok);
    if (!ok || tokenTtlSeconds < 1 || tokenTtlSeconds > 30 * 24 * 3600) {
        *error = QStringLiteral("--token-ttl must be 1..2592000 seconds");
        return false;
    }
    tokenPrefix = parser.value(d.tokenPrefix);
    for (QChar c : std::as_const(tokenPrefix)) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.' && c != u'~') {
            *error = QStringLiteral("--token-prefix may hold only letters, digits and -._~");
            return false;
        }
    }
    if (tokenPrefix.size() > 64) {
        *error = QStringLiteral("--token-prefix is limited to 64 characters");
        return false;
    }
    responseCache = !parser.isSet(d.noResponseCache);
    const struct
    {
        const QCommandLineOption &option;
        int *value;
        int max;
        int scale;
    } counts[] = {{d.headerTimeout, &limits.headerTimeoutMs, 3600, 1000},
                  {d.idleTimeout, &limits.idleTimeoutMs, 24 * 3600, 1000},
                  {d.maxConnections, &limits.maxConnections, 1'000'000, 1},
                  {d.maxConnectionsPerAddress, &limits.maxConnectionsPerAddress, 1'000'000, 1}};
    for (const auto &c : counts) {
        if (!parser.isSet(c.option))
            continue;
        const int v = parser.value(c.option).toInt(&ok);
        if (!ok || v < 1 || v > c.max) {
            *error = QStringLiteral("--%1 must be 1..%2").arg(c.option.names().constFirst()).arg(c.max);
            return false;
        }
        *c.value = v * c.scale;
    }
    tlsCertificateFile = parser.value(d.tlsCert);
    tlsKeyFile = parser.value(d.tlsKey);
    if (tlsCertificateFile.isEmpty() != tlsKeyFile.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    return true;
}

} // namespace cpn::server
