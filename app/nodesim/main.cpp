// cpn-nodesim: the reference node server. Prints one line to stdout once it listens (the console
// and the tests wait for it); everything else goes to stderr through the cpn.sim category.

#include "faultcontrol.h"
#include "options.h"
#include "protocolserver.h"
#include "scenariobuilder.h"
#include "simulator.h"
#include "simulatorbackend.h"

#include "domain/logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace cpn::server;
using namespace cpn::sim;

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &byte, 1); // async-signal-safe
}

// SIGTERM and SIGINT quit the event loop, so destructors run and the port is released cleanly.
void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const auto n = ::read(g_signalFds[1], &byte, 1);
        qCInfo(lcSim) << "signal received, shutting down";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpn-nodesim"));

    QString error;
    bool help = false;
    const auto options = Options::parse(app.arguments(), &error, &help);
    if (!options) {
        std::fprintf(help ? stdout : stderr, "%s\n", qPrintable(error));
        return help ? 0 : 2;
    }
    auto scenario = ScenarioBuilder::fromSpec(options->scenario, options->seed, &error);
    if (!scenario) {
        qCCritical(lcSim).noquote() << error;
        return 2;
    }

    SystemClock clock;
    ProtocolServer server(*options, clock);
    if (!server.setUpAccounts(&error)) {
        qCCritical(lcSim).noquote() << error;
        return 2;
    }

    Simulator::Config config;
    config.seed = options->seed;
    config.jobSpeedup = options->jobSpeedup;
    config.alarmHoldMs = qint64(options->alarmHoldSeconds) * 1000;
    Simulator simulator(std::move(*scenario), config, clock);
    for (const auto &spec : options->faults) {
        const auto fault = FaultInjector::parseSpec(spec, &error);
        if (!fault || !simulator.addFault(*fault, &error)) {
            qCCritical(lcSim).noquote() << error;
            return 2;
        }
    }

    SimulatorBackend backend(simulator);
    FaultControl faultControl(simulator, server.auth());
    switch (server.listen(backend, &faultControl, &error)) {
    case ProtocolServer::Failure::None:
        break;
    case ProtocolServer::Failure::Tls:
        qCCritical(lcSim).noquote() << error;
        return 2;
    case ProtocolServer::Failure::Listen:
        qCCritical(lcSim) << "cannot listen on 127.0.0.1 port" << options->port;
        return 1;
    }
    const QString root = server.rootUrl().toString();
    simulator.scenario().setRootUrl(server.rootUrl());
    simulator.start();
    installSignalHandlers(app);
    qCInfo(lcSim) << "scenario" << options->scenario << "with" << simulator.scenario().nodes().size() << "nodes and"
                  << simulator.scenario().links().size() << "links, seed" << options->seed;

    std::printf("cpn-nodesim listening on %s\n", qPrintable(root));
    std::fflush(stdout);
    return app.exec();
}
