#include "options.h"

#include <QCommandLineParser>

namespace cpn::sim {

std::optional<Options> Options::parse(const QStringList &arguments, QString *error, bool *helpShown)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves the CPN node protocol (docs/node-api.md) for a simulated federation on 127.0.0.1."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Shows this help."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("TCP port; 0 picks a free one."),
                                  QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("default, synthetic or synthetic:N."), QStringLiteral("name"),
                                      QStringLiteral("default"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the load model and synthetic scenario."),
                                  QStringLiteral("S"), QStringLiteral("42"));
    const QCommandLineOption devToken(QStringLiteral("dev-token"),
                                      QStringLiteral("Static bearer token with every scope, including sim:control."),
                                      QStringLiteral("T"));
    const QCommandLineOption readToken(QStringLiteral("read-token"), QStringLiteral("Bearer token with the read scopes only."),
                                       QStringLiteral("T"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Fault at start, kind:target[:param]; repeatable."),
                                   QStringLiteral("spec"));
    const QCommandLineOption speedup(QStringLiteral("job-speedup"),
                                     QStringLiteral("Simulated job time per wall time (360: a job-hour in 10 s)."),
                                     QStringLiteral("F"), QStringLiteral("360"));
    const QCommandLineOption users(QStringLiteral("users"),
                                   QStringLiteral("JSON file of sign-in users {\"users\":[{\"username\",\"password\",\"role\"}]}; "
                                                  "default: operator/operator and planner/planner."),
                                   QStringLiteral("file"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"), QStringLiteral("Lifetime of issued access tokens."),
                                      QStringLiteral("seconds"), QStringLiteral("3600"));
    const QCommandLineOption tokenPrefix(QStringLiteral("token-prefix"),
                                         QStringLiteral("Issued tokens and codes start with this text."),
                                         QStringLiteral("prefix"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate (chain) to serve https; needs --tls-key."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key of --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption noResponseCache(
        QStringLiteral("no-response-cache"),
        QStringLiteral("Build every answer again instead of sharing it between clients (for comparison)."));
    const QCommandLineOption alarmHold(QStringLiteral("alarm-hold"),
                                       QStringLiteral("How long a link above 90 %, a latency above target or "
                                                      "a node above 95 % must last to raise an alarm."),
                                       QStringLiteral("seconds"), QStringLiteral("60"));
    parser.addOptions({help, port, scenario, seed, devToken, readToken, fault, speedup, users, tokenTtl,
                       tokenPrefix, tlsCert, tlsKey, noResponseCache, alarmHold});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        *error = parser.helpText();
        if (helpShown)
            *helpShown = true;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return std::nullopt;
    }
    Options o;
    bool ok = false;
    const uint p = parser.value(port).toUInt(&ok);
    if (!ok || p > 65535) {
        *error = QStringLiteral("--port must be 0..65535");
        return std::nullopt;
    }
    o.port = quint16(p);
    o.scenario = parser.value(scenario);
    o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        *error = QStringLiteral("--seed must be an unsigned integer");
        return std::nullopt;
    }
    o.devToken = parser.value(devToken);
    o.readToken = parser.value(readToken);
    o.faults = parser.values(fault);
    o.jobSpeedup = parser.value(speedup).toDouble(&ok);
    if (!ok || !(o.jobSpeedup > 0) || o.jobSpeedup > 1e9) {
        *error = QStringLiteral("--job-speedup must be a positive number");
        return std::nullopt;
    }
    o.usersFile = parser.value(users);
    o.tokenTtlSeconds = parser.value(tokenTtl).toInt(&ok);
    if (!ok || o.tokenTtlSeconds < 1 || o.tokenTtlSeconds > 30 * 24 * 3600) {
        *error = QStringLiteral("--token-ttl must be 1..2592000 seconds");
        return std::nullopt;
    }
    o.tokenPrefix = parser.value(tokenPrefix);
    for (QChar c : std::as_const(o.tokenPrefix)) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.' && c != u'~') {
            *error = QStringLiteral("--token-prefix may hold only letters, digits and -._~");
            return std::nullopt;
        }
    }
    if (o.tokenPrefix.size() > 64) {
        *error = QStringLiteral("--token-prefix is limited to 64 characters");
        return std::nullopt;
    }
    o.responseCache = !parser.isSet(noResponseCache);
    o.alarmHoldSeconds = parser.value(alarmHold).toInt(&ok);
    if (!ok || o.alarmHoldSeconds < 0 || o.alarmHoldSeconds > 3600) {
        *error = QStringLiteral("--alarm-hold must be 0..3600 seconds");
        return std::nullopt;
    }
    o.tlsCertificateFile = parser.value(tlsCert);
    o.tlsKeyFile = parser.value(tlsKey);
    if (o.tlsCertificateFile.isEmpty() != o.tlsKeyFile.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    return o;
}

} // namespace cpn::sim
