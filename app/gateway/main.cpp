// cpn-gateway --config FILE: serves the node protocol (docs/node-api.md) for a real site from its
// Prometheus (docs/gateway.md). Prints one line to stdout once it listens; the rest goes to stderr.

#include "gatewaybackend.h"
#include "gatewayconfig.h"
#include "gatewaystatus.h"
#include "prometheuspoller.h"
#include "protocolserver.h"
#include "terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>

using namespace cpn;
using namespace cpn::gateway;

namespace {

Q_LOGGING_CATEGORY(lcGatewayProcess, "cpn.gateway", QtInfoMsg)

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "cpn-gateway: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpn-gateway"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the node protocol for a real site from its Prometheus (docs/gateway.md)."));
    parser.addHelpOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("The gateway's configuration file."),
                                          QStringLiteral("file"));
    parser.addOption(configOption);
    if (!parser.parse(app.arguments()))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.isSet(configOption))
        return fail(QStringLiteral("--config FILE is required"), 2);

    QString error;
    const auto config = GatewayConfig::load(parser.value(configOption), &error);
    if (!config)
        return fail(error, 2);

    // Its own state (the job history) lives here: refuse to start without it.
    if (!QDir().mkpath(config->stateDirectory) || !QFileInfo(config->stateDirectory).isWritable())
        return fail(QStringLiteral("state.directory: cannot create or write %1").arg(config->stateDirectory),
                    2);

    server::SystemClock clock;
    server::ServerOptions serverOptions = config->server;
    serverOptions.serviceName = config->site.name; // the sign-in page names the site
    server::ProtocolServer server(serverOptions, clock);
    if (!server.setUpAccounts(&error))
        return fail(error, 2);
    GatewayBackend backend(*config, clock);
    if (!backend.connectWorkloadManager(&error))
        return fail(error, 2);
    PrometheusPoller poller(*config);
    GatewayStatus status(backend, server.auth(), poller.queriesPerTick());
    switch (server.listen(backend, &status, &error)) {
    case server::ProtocolServer::Failure::None:
        break;
    case server::ProtocolServer::Failure::Tls:
        return fail(error, 2);
    case server::ProtocolServer::Failure::Listen:
        return fail(QStringLiteral("cannot listen on 127.0.0.1 port %1").arg(config->server.port), 1);
    }
    backend.setBaseUrl(server.rootUrl());
    QObject::connect(&poller, &PrometheusPoller::sampled, &app,
                     [&backend](const NodeSample &sample, const NodeCapacity &capacity, const QList<LinkSample> &links) {
                         backend.sampleTaken(sample, capacity, links);
                     });
    QObject::connect(&poller, &PrometheusPoller::failed, &app,
                     [&backend](const QString &reason) { backend.pollFailed(reason); });
    poller.start();
    backend.startAlarms();
    cpn::server::quitOnTerminationSignals(app, lcGatewayProcess());

    std::printf("cpn-gateway listening on %s\n", qPrintable(server.rootUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
