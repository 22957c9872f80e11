// cpn-gateway --config FILE: serves the node protocol (docs/node-api.md) for a real site from its
// Prometheus (docs/gateway.md). Prints one line to stdout once it listens; the rest goes to stderr.

#include "gatewaybackend.h"
#include "gatewayconfig.h"
#include "gatewaystatus.h"
#include "parentregistration.h"
#include "prometheuspoller.h"
#include "protocolserver.h"
#include "terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>
#include <optional>

using namespace cpn;
using namespace cpn::gateway;

namespace {

Q_LOGGING_CATEGORY(lcGatewayProcess, "cpn.gateway", QtInfoMsg)

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "cpn-gateway: %s\n", qPrintable(message));
    return code;
}

// --register-with: the options as given, checked before anything starts.
struct RegisterOptions
{
    QUrl parentUrl; // empty: the gateway does not apply
    QString token;
    int pollMs = ParentRegistration::kDefaultPollMs;
};

// The token from --register-token-file, else $CPN_REGISTER_TOKEN (never from the command line, where
// every user of the machine could read it).
std::optional<QString> registerToken(const QCommandLineParser &parser, const QCommandLineOption &fileOption,
                                     QString *error)
{
    QString token;
    QString from;
    if (parser.isSet(fileOption)) {
        from = parser.value(fileOption);
        QFile file(from);
        if (!file.open(QIODevice::ReadOnly)) {
            *error =
                QStringLiteral("--register-token-file %1: cannot read: %2").arg(from, file.errorString());
            return std::nullopt;
        }
        token = QString::fromUtf8(file.read(ParentRegistration::kMaxTokenLength + 2)).trimmed();
    } else {
        from = QStringLiteral("CPN_REGISTER_TOKEN");
        token = qEnvironmentVariable("CPN_REGISTER_TOKEN").trimmed();
        if (token.isEmpty()) {
            *error = QStringLiteral("--register-with needs the parent's token: --register-token-file FILE or "
                                    "the environment variable CPN_REGISTER_TOKEN");
            return std::nullopt;
        }
    }
    if (!ParentRegistration::validToken(token)) {
        *error =
            QStringLiteral("%1: not a bearer token (one line of up to %2 characters A-Z a-z 0-9 - . _ ~ + /, "
                           "then any =)")
                .arg(from)
                .arg(ParentRegistration::kMaxTokenLength);
        return std::nullopt;
    }
    return token;
}

// What the site applies with, from [site]: the fields an application needs must be there.
std::optional<RegistrationRequest> applicationOf(const GatewayConfig &config, const QString &configFile,
                                                 QString *error)
{
    const Node &site = config.site;
    if (site.role == NodeRole::National) {
        *error = QStringLiteral("--register-with: a national node joins under no parent");
        return std::nullopt;
    }
    for (const auto &[key, value] :
         {std::pair("site.sector", site.sector), std::pair("site.contact", config.contact)}) {
        if (value.isEmpty()) {
            *error = QStringLiteral("--register-with: %1 needs %2 (an application names it)")
                         .arg(configFile, QString::fromLatin1(key));
            return std::nullopt;
        }
    }
    RegistrationRequest q;
    q.nodeId = site.id;
    q.name = site.name;
    q.nameZh = site.nameZh;
    q.tier = site.tier;
    q.role = site.role;
    q.sector = site.sector;
    q.province = site.province;
    q.city = site.city;
    q.lat = site.lat;
    q.lon = site.lon;
    q.contact = config.contact;
    return q; // baseUrl once the gateway listens
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpn-gateway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves the node protocol for a real site from its Prometheus (docs/gateway.md)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
                                          QStringLiteral("The gateway's configuration file."),
                                          QStringLiteral("file"));
    parser.addOption(configOption);
    const QCommandLineOption registerWithOption(
        QStringLiteral("register-with"),
        QStringLiteral(
            "Apply to join the federation under the parent node at this base URL, e.g. "
            "https://hub.example.cn/n/guizhou-hub, and follow the decision (GET /gateway/v1/status, "
            "\"registration\"). The application is [site] (sector and contact required) with the "
            "site's base URL; its id is kept in the state directory, so a restart does not apply "
            "again."),
        QStringLiteral("url"));
    const QCommandLineOption registerTokenFileOption(
        QStringLiteral("register-token-file"),
        QStringLiteral(
            "The parent's token to apply with (scope registry:apply; with registry:read the "
            "registrar's decisions and reasons are read, else the parent's directory is followed). "
            "Default: the environment variable CPN_REGISTER_TOKEN."),
        QStringLiteral("file"));
    const QCommandLineOption registerPollOption(
        QStringLiteral("register-poll"),
        QStringLiteral("Seconds between questions about the registration, 1 to 3600 (default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    parser.addOptions({registerWithOption, registerTokenFileOption, registerPollOption});
    if (!parser.parse(app.arguments()))
        return fail(parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (!parser.isSet(configOption))
        return fail(QStringLiteral("--config FILE is required"), 2);

    QString error;
    const auto config = GatewayConfig::load(parser.value(configOption), &error);
    if (!config)
        return fail(error, 2);

    RegisterOptions registering;
    std::optional<RegistrationRequest> application;
    if (parser.isSet(registerWithOption)) {
        registering.parentUrl = ParentRegistration::parentUrlFrom(parser.value(registerWithOption), &error);
        if (registering.parentUrl.isEmpty())
            return fail(error, 2);
        const auto token = registerToken(parser, registerTokenFileOption, &error);
        if (!token)
            return fail(error, 2);
        registering.token = *token;
        bool ok = false;
        const double seconds = parser.value(registerPollOption).toDouble(&ok);
        if (!ok || !(seconds >= 1 && seconds <= 3600))
            return fail(QStringLiteral("--register-poll '%1': expected seconds in [1, 3600]")
                            .arg(parser.value(registerPollOption)),
                        2);
        registering.pollMs = int(seconds * 1000);
        application = applicationOf(*config, parser.value(configOption), &error);
        if (!application)
            return fail(error, 2);
    } else if (parser.isSet(registerTokenFileOption) || parser.isSet(registerPollOption)) {
        return fail(QStringLiteral("--register-token-file and --register-poll go with --register-with URL"),
                    2);
    }

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
    // [site] base_url when the federation reaches the site elsewhere (a reverse proxy), else where it
    // listens.
    const QUrl baseUrl = config->site.baseUrl.isEmpty() ? server.rootUrl() : config->site.baseUrl;
    backend.setBaseUrl(baseUrl);
    std::unique_ptr<ParentRegistration> registration;
    if (application) {
        application->baseUrl = baseUrl;
        ParentRegistration::Options options;
        options.parentUrl = registering.parentUrl;
        options.token = registering.token;
        options.stateDirectory = config->stateDirectory;
        options.pollMs = registering.pollMs;
        options.servedComputeId = config->site.computeId;
        registration = std::make_unique<ParentRegistration>(*application, options);
        if (!registration->restore(&error))
            return fail(error, 2);
        status.setRegistration(registration.get());
    }
    QObject::connect(&poller, &PrometheusPoller::sampled, &app,
                     [&backend](const NodeSample &sample, const NodeCapacity &capacity, const QList<LinkSample> &links) {
                         backend.sampleTaken(sample, capacity, links);
                     });
    QObject::connect(&poller, &PrometheusPoller::failed, &app,
                     [&backend](const QString &reason) { backend.pollFailed(reason); });
    poller.start();
    backend.startAlarms();
    if (registration)
        registration->start();
    cpn::server::quitOnTerminationSignals(app, lcGatewayProcess());

    std::printf("cpn-gateway listening on %s\n", qPrintable(server.rootUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
