#pragma once

#include <QStringList>
#include <optional>

namespace cpn::sim {

// cpn-nodesim's command line. parse() takes the arguments without the program name's
// special meaning (arguments[0] is skipped) so tests can call it.
struct Options
{
    quint16 port = 0;
    QString scenario = QStringLiteral("default");
    quint64 seed = 42;
    QString devToken;
    QString readToken;
    QString usersFile;         // JSON users for the login page; empty: operator/operator, planner/planner
    int tokenTtlSeconds = 3600; // lifetime of issued access tokens
    QString tokenPrefix;       // issued tokens start with it
    QString tlsCertificateFile; // with tlsKeyFile: serve https
    QString tlsKeyFile;
    QStringList faults; // kind:target[:param]
    double jobSpeedup = 360;
    bool responseCache = true; // false: --no-response-cache
    int alarmHoldSeconds = 60; // a threshold crossed this long raises an alarm

    static std::optional<Options> parse(const QStringList &arguments, QString *error, bool *helpShown = nullptr);
};

} // namespace cpn::sim
