#pragma once

#include "serveroptions.h"

#include <QStringList>
#include <optional>

namespace cpn::sim {

// cpn-nodesim's command line: the options every protocol server has, and the simulation's.
// parse() takes the arguments without the program name's special meaning (arguments[0] is
// skipped) so tests can call it.
struct Options : server::ServerOptions
{
    QString scenario = QStringLiteral("default");
    quint64 seed = 42;
    QStringList faults; // kind:target[:param]
    double jobSpeedup = 360;
    int alarmHoldSeconds = 60; // a threshold crossed this long raises an alarm
    QStringList members;       // PARENT=BASE_URL (MemberWatch)
    QString memberToken;

    static std::optional<Options> parse(const QStringList &arguments, QString *error,
                                        bool *helpShown = nullptr);
};

} // namespace cpn::sim
