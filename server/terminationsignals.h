#pragma once

class QCoreApplication;
class QLoggingCategory;

namespace cpn::server {

// SIGTERM and SIGINT quit the application's event loop, so destructors run and the port is
// released cleanly (the signal handler only writes a byte; the loop does the rest). The signal is
// logged under the program's own category.
void quitOnTerminationSignals(QCoreApplication &app, const QLoggingCategory &log);

} // namespace cpn::server
