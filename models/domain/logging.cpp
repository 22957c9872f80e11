#include "domain/logging.h"

Q_LOGGING_CATEGORY(lcDomain, "cpn.domain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "cpn.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "cpn.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "cpn.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "cpn.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "cpn.app", QtInfoMsg)
