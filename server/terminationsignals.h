#pragma once

class QCoreApplication;

namespace cpn::server {

// SIGTERM and SIGINT quit the application's event loop, so destructors run and the port is
// released cleanly (the signal handler only writes a byte; the loop does the rest).
void quitOnTerminationSignals(QCoreApplication &app);

} // namespace cpn::server
