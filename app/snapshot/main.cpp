// cpn-snapshot: records, verifies, describes and compares .cpnsnap files (see snapshotcommands.h).
#include "snapshotcommands.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cpn-snapshot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CPN_VERSION));
    // Scripts read stdout and the one-line reason on stderr; QT_LOGGING_RULES brings the detail back.
    QLoggingCategory::setFilterRules(QStringLiteral("cpn.*.info=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return cpn::snapshotcli::run(app.arguments(), out, err, qEnvironmentVariable("CPN_TOKEN"));
}
