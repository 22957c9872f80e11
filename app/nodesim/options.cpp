#include "options.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace cpn::sim {

std::optional<Options> Options::parse(const QStringList &arguments, QString *error, bool *helpShown)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves the CPN node protocol (docs/node-api.md) for a simulated federation on 127.0.0.1."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Shows this help."));
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Shows the version."));
    const server::ServerOptions::Definitions common;
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("default, synthetic or synthetic:N."), QStringLiteral("name"),
                                      QStringLiteral("default"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the load model and synthetic scenario."),
                                  QStringLiteral("S"), QStringLiteral("42"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Fault at start, kind:target[:param]; repeatable."),
                                   QStringLiteral("spec"));
    const QCommandLineOption speedup(QStringLiteral("job-speedup"),
                                     QStringLiteral("Simulated job time per wall time (360: a job-hour in 10 s)."),
                                     QStringLiteral("F"), QStringLiteral("360"));
    const QCommandLineOption alarmHold(QStringLiteral("alarm-hold"),
                                       QStringLiteral("How long a link above 90 %, a latency above target or "
                                                      "a node above 95 % must last to raise an alarm."),
                                       QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption member(QStringLiteral("member"),
                                    QStringLiteral("A node served elsewhere joins under PARENT (the national node or a "
                                                   "hub): PARENT=BASE_URL; repeatable."),
                                    QStringLiteral("spec"));
    const QCommandLineOption memberToken(
        QStringLiteral("member-token"),
        QStringLiteral("Bearer token to read the --member nodes with (or CPN_MEMBER_TOKEN in the environment)."),
        QStringLiteral("T"));
    parser.addOptions({help, version, common.port, scenario, seed, common.devToken, common.readToken, common.applyToken,
                       member, memberToken, fault, speedup,
                       common.users, common.tokenTtl, common.tokenPrefix, common.tlsCert, common.tlsKey,
                       common.noResponseCache, alarmHold, common.headerTimeout, common.idleTimeout,
                       common.maxConnections, common.maxConnectionsPerAddress});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        *error = parser.isSet(help) ? parser.helpText()
                                    : QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        if (helpShown)
            *helpShown = true;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return std::nullopt;
    }
    Options o;
    if (!o.read(parser, common, error))
        return std::nullopt;
    bool ok = false;
    o.scenario = parser.value(scenario);
    o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        *error = QStringLiteral("--seed must be an unsigned integer");
        return std::nullopt;
    }
    o.faults = parser.values(fault);
    o.members = parser.values(member);
    o.memberToken = parser.isSet(memberToken) ? parser.value(memberToken) : qEnvironmentVariable("CPN_MEMBER_TOKEN");
    o.jobSpeedup = parser.value(speedup).toDouble(&ok);
    if (!ok || !(o.jobSpeedup > 0) || o.jobSpeedup > 1e9) {
        *error = QStringLiteral("--job-speedup must be a positive number");
        return std::nullopt;
    }
    o.alarmHoldSeconds = parser.value(alarmHold).toInt(&ok);
    if (!ok || o.alarmHoldSeconds < 0 || o.alarmHoldSeconds > 3600) {
        *error = QStringLiteral("--alarm-hold must be 0..3600 seconds");
        return std::nullopt;
    }
    return o;
}

} // namespace cpn::sim
