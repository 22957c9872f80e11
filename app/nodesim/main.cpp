// cpn-nodesim: the reference node server. Prints one line to stdout once it listens (the console
// and the tests wait for it); everything else goes to stderr through the cpn.sim category.

#include "faultcontrol.h"
#include "memberwatch.h"
#include "options.h"
#include "protocolserver.h"
#include "scenariobuilder.h"
#include "simulator.h"
#include "simulatorbackend.h"
#include "terminationsignals.h"

#include "domain/logging.h"

#include <QCoreApplication>

#include <cstdio>

using namespace cpn::server;
using namespace cpn::sim;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpn-nodesim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPN_VERSION));

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
    MemberWatch members(backend, simulator.scenario(), options->memberToken);
    for (const QString &spec : options->members) {
        if (!members.add(spec, &error)) {
            qCCritical(lcSim).noquote() << error;
            return 2;
        }
    }
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
    members.start();
    cpn::server::quitOnTerminationSignals(app, lcSim());
    qCInfo(lcSim) << "scenario" << options->scenario << "with" << simulator.scenario().nodes().size() << "nodes and"
                  << simulator.scenario().links().size() << "links, seed" << options->seed;

    std::printf("cpn-nodesim listening on %s\n", qPrintable(root));
    std::fflush(stdout);
    return app.exec();
}
